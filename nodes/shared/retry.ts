/**
 * Retry with exponential backoff and jitter, shared by every transport (ПОС, ИМ, VK, OK, Telegram, Sheets).
 * The caller says, per attempt, whether the outcome is retryable and how long the server asked to wait.
 */
import { sleep } from 'n8n-workflow';

export interface RetryPolicy {
	/** Attempts after the first one. */
	retries: number;
	baseDelayMs: number;
	maxDelayMs: number;
	/** Beyond `retries`: how long in all a caller may keep waiting out rate-limit answers (429) before it gives up. */
	rateLimitWaitMs?: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 5, baseDelayMs: 500, maxDelayMs: 30000 };

/**
 * Google Sheets counts requests per minute (60 a minute for one service account, 300 for a project): a burst that hits
 * the quota has to wait for the next minute, not for 15 s. Google's advice is truncated exponential backoff up to
 * 64 s; the first retries are as quick as the default ones, and all of them together wait at least a minute. Quota
 * answers (429) are waited out for up to 10 minutes in all, inside a 15-minute intake period (bench/regional.ts: with
 * 26 districts starting at once under one account, the default budget failed 25 of 26 runs, eight retries 13 of 26).
 */
export const SHEETS_RETRY: RetryPolicy = {
	retries: 8,
	baseDelayMs: 500,
	maxDelayMs: 64000,
	rateLimitWaitMs: 10 * 60_000,
};

export type AttemptVerdict<T> =
	| { done: true; value: T }
	| { done: false; retryAfterMs?: number; error: Error; rateLimited?: boolean };

// n8n's own timer helper: the community-package scanner refuses the global setTimeout in nodes.
export { sleep };

export function backoffDelay(
	attempt: number,
	policy: RetryPolicy,
	retryAfterMs?: number,
	random = Math.random,
): number {
	if (retryAfterMs !== undefined && retryAfterMs >= 0)
		return Math.min(retryAfterMs, policy.maxDelayMs);
	const exp = policy.baseDelayMs * 2 ** attempt;
	return Math.min(policy.maxDelayMs, exp / 2 + random() * (exp / 2));
}

/** Parses Retry-After (seconds or HTTP date) into milliseconds. */
export function parseRetryAfter(value: unknown, now = Date.now()): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const text = String(Array.isArray(value) ? value[0] : value);
	const seconds = Number(text);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export async function withRetry<T>(
	attempt: (attemptNumber: number) => Promise<AttemptVerdict<T>>,
	policy: RetryPolicy = DEFAULT_RETRY,
	wait: (ms: number) => Promise<void> = sleep,
): Promise<T> {
	let rateLimitedWait = 0;
	for (let n = 0; ; n++) {
		const verdict = await attempt(n);
		if (verdict.done) return verdict.value;
		const delay = backoffDelay(n, policy, verdict.retryAfterMs);
		// A quota answer is waited out while its own budget lasts (each wait counted as at least a second, so a
		// server saying «retry after 0» cannot keep us looping); other failures have `retries` attempts.
		const budgetLeft =
			verdict.rateLimited === true &&
			rateLimitedWait + Math.max(delay, 1000) <= (policy.rateLimitWaitMs ?? 0);
		if (n >= policy.retries && !budgetLeft) throw verdict.error;
		if (verdict.rateLimited) rateLimitedWait += Math.max(delay, 1000);
		await wait(delay);
	}
}

/** HTTP statuses worth retrying: rate limits and transient server errors. */
export function isRetryableStatus(status: number): boolean {
	return status === 429 || status === 408 || (status >= 500 && status <= 599);
}

/** The error and its causes, outermost first: fetch wraps the socket error, and clients (gaxios) wrap fetch's. */
function causeChain(error: unknown): unknown[] {
	const chain: unknown[] = [];
	for (
		let e = error;
		e && typeof e === 'object' && chain.length < 5 && !chain.includes(e);
		e = (e as { cause?: unknown }).cause
	)
		chain.push(e);
	return chain;
}

/** The error code of a network failure (`ECONNRESET`…), on the error or the nearest cause that has one. */
export function networkCode(error: unknown): string | undefined {
	for (const e of causeChain(error)) {
		const code = (e as { code?: unknown }).code;
		if (typeof code === 'string' && code) return code;
	}
	return undefined;
}

const TRANSIENT_CODES = new Set([
	'ECONNRESET',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'ECONNREFUSED',
	'ESOCKETTIMEDOUT',
	'UND_ERR_SOCKET',
	'UND_ERR_CLOSED',
]);

/**
 * Network-level failures (timeouts, resets, truncated bodies) are transient too — also when a client wrapped them
 * twice, as googleapis does with the global fetch's "fetch failed" (a keep-alive connection closed while idle).
 */
export function isTransientNetworkError(error: unknown): boolean {
	return causeChain(error).some((e) => {
		const code = (e as { code?: unknown }).code;
		if (typeof code === 'string' && TRANSIENT_CODES.has(code)) return true;
		return /socket hang up|fetch failed|other side closed|timeout|aborted|Unexpected end of JSON|Unexpected token|JSON/i.test(
			String((e as Error).message ?? ''),
		);
	});
}
