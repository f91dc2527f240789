import {
	NodeApiError,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type INode,
	type JsonObject,
} from 'n8n-workflow';
import {
	DEFAULT_RETRY,
	isRetryableStatus,
	isTransientNetworkError,
	networkCode,
	parseRetryAfter,
	withRetry,
	type RetryPolicy,
} from './retry';

/** What every n8n context we call from (execute, poll, webhook, load options) offers for HTTP. */
export interface HttpContext {
	getNode(): INode;
	helpers: { httpRequest(options: IHttpRequestOptions): Promise<unknown> };
}

export interface ApiRequest {
	method: IHttpRequestMethods;
	url: string;
	qs?: Record<string, string | number | boolean | undefined>;
	/** Objects are sent as JSON; URLSearchParams as a form. */
	body?: unknown;
	headers?: Record<string, string>;
	timeoutMs?: number;
	/**
	 * Safe to send twice. Default: GET, HEAD, PUT, DELETE and OPTIONS are; a POST only when the caller says so — it
	 * only reads, or carries an idempotency key the service honours (VK `random_id`). A request that is not is
	 * retried only after failures that mean it was not applied (429, 503, connection refused, rate-limit errors).
	 */
	idempotent?: boolean;
}

export interface ApiResponse<T = unknown> {
	status: number;
	headers: Record<string, unknown>;
	body: T;
}

/** A response the caller's API considers an error even with HTTP 200 (VK, OK, Telegram put errors in the body). */
export interface BodyError {
	message: string;
	code?: string | number;
	/** Rate limits and the like: retry after a pause. */
	retryable?: boolean;
	/** A retryable error after which a write may nevertheless have been applied (VK «internal error»). */
	mayHaveApplied?: boolean;
	retryAfterMs?: number;
	/** The token is no longer valid: the transport may renew it once. */
	authExpired?: boolean;
}

export interface RequestBehaviour {
	/** Name of the service for error messages («ПОС», «ВКонтакте»…). */
	service: string;
	retry?: RetryPolicy;
	/** Inspect a parsed body for API-level errors. */
	bodyError?: (body: unknown, status: number) => BodyError | undefined;
	/** Wait function (tests make it instant). */
	wait?: (ms: number) => Promise<void>;
}

/** Thrown (inside NodeApiError's cause) when a token stopped working: the transport renews once and retries. */
export class AuthExpiredError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'AuthExpiredError';
	}
}

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

export function isIdempotent(request: Pick<ApiRequest, 'method' | 'idempotent'>): boolean {
	return request.idempotent ?? IDEMPOTENT_METHODS.has(String(request.method).toUpperCase());
}

/** Statuses a server answers before doing the work (rate limit, overload): a write behind them was not applied. */
const NOT_APPLIED_STATUSES = new Set([429, 503]);

/** Thrown for a write that is not safe to repeat when its outcome is unknown: it may or may not have been applied. */
function outcomeUnknown(error: NodeApiError): NodeApiError {
	error.message = `${error.message}. Запись могла быть выполнена: повторно не отправлялась, проверьте результат в сервисе`;
	return Object.assign(error, { mayHaveApplied: true });
}

function cleanQuery(qs: ApiRequest['qs']): Record<string, string> | undefined {
	if (!qs) return undefined;
	const out: Record<string, string> = {};
	for (const [k, v] of Object.entries(qs)) if (v !== undefined) out[k] = String(v);
	return out;
}

function parseBody(text: unknown): { ok: true; value: unknown } | { ok: false } {
	if (typeof text !== 'string') return { ok: true, value: text };
	if (text.trim() === '') return { ok: true, value: undefined };
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch {
		return { ok: false };
	}
}

/** Keys whose values are secrets, in any casing and separator style (`private_key`, `Set-Cookie`, `clientSecret`…). */
const SECRET_KEY =
	/token|secret|passw|pwd|(?:^|[^a-z])sig(?:$|[^a-z])|signature|api_?key|private_?key|session_?key|authori[sz]ation|cookie|assertion|credential/i;

/**
 * A string without secrets: `name=value` pairs of secret names (query strings, forms, cookies), `"name":"value"`
 * JSON inside text, Bearer/Basic credentials, Telegram bot tokens in URLs and PEM private keys. Every pattern is
 * anchored at a word start and bounded, so the cost stays linear on hostile input.
 */
export function redactText(text: string): string {
	return text
		.replace(/(?<![\w.-])([\w.-]{1,64})=([^&;\s"'<>]*)/g, (m, name: string) =>
			SECRET_KEY.test(name) ? `${name}=***` : m,
		)
		.replace(
			/(?<![\w.-])"([\w.-]{1,64})"(\s{0,8}:\s{0,8})"[^"\\]*(?:\\.[^"\\]*)*"/g,
			(m, name: string, sep: string) => (SECRET_KEY.test(name) ? `"${name}"${sep}"***"` : m),
		)
		.replace(/\b([Bb]earer|Basic|OAuth) +[\w.~+/=-]{8,}/g, '$1 ***')
		.replace(/\bbot\d{3,}:[\w-]+/g, 'bot***')
		.replace(/(-----BEGIN [A-Z ]{0,20}PRIVATE KEY-----)[^-]*/g, '$1***');
}

const isSecretEntry = (v: unknown) =>
	!!v &&
	typeof v === 'object' &&
	SECRET_KEY.test(
		String((v as { key?: unknown; name?: unknown }).key ?? (v as { name?: unknown }).name ?? ''),
	);

/**
 * A copy of an error body without anything that looks like a secret (tokens, keys, passwords, signatures, cookies):
 * secret keys at any depth, secret entries of `[{ key, value }]` lists (VK's `request_params`), secrets inside
 * strings. Iterative (no stack overflow on deep nesting); a repeated object becomes «[Circular]».
 */
export function redact(value: unknown): unknown {
	if (typeof value === 'string') return redactText(value);
	if (value === null || typeof value !== 'object') return value;
	const seen = new Set<object>();
	const stack: Array<[object, Record<string, unknown> | unknown[]]> = [];
	const copyOf = (v: unknown): unknown => {
		if (typeof v === 'string') return redactText(v);
		if (v === null || typeof v !== 'object') return v;
		if (seen.has(v)) return '[Circular]';
		seen.add(v);
		const copy: Record<string, unknown> | unknown[] = Array.isArray(v) ? [] : {};
		stack.push([v, copy]);
		return copy;
	};
	const root = copyOf(value);
	while (stack.length) {
		const [source, copy] = stack.pop()!;
		if (Array.isArray(source)) {
			for (const v of source) if (!isSecretEntry(v)) (copy as unknown[]).push(copyOf(v));
			continue;
		}
		for (const [k, v] of Object.entries(source)) {
			// defineProperty: a `__proto__` key from a parsed body stays a plain key.
			Object.defineProperty(copy, k, {
				value: SECRET_KEY.test(k) ? '***' : copyOf(v),
				enumerable: true,
				writable: true,
				configurable: true,
			});
		}
	}
	return root;
}

/** A redirect is not followed with credentials; the error names only where it pointed. */
function redirectRefused(
	node: INode,
	service: string,
	status: number,
	location: unknown,
): NodeApiError {
	let target = '';
	try {
		target = new URL(String(location ?? '')).origin;
	} catch {
		target = '';
	}
	return new NodeApiError(node, { message: 'redirect' } as JsonObject, {
		message: `${service}: сервис ответил перенаправлением (HTTP ${status})${target ? ` на ${target}` : ''}; учётные данные по перенаправлениям не отправляются — впишите в учётные данные конечный адрес`,
		httpCode: String(status),
	});
}

function messageOf(body: unknown): string | undefined {
	if (!body || typeof body !== 'object')
		return typeof body === 'string' && body.length < 300 ? body : undefined;
	const b = body as Record<string, unknown>;
	const nested =
		b.error && typeof b.error === 'object' ? (b.error as Record<string, unknown>) : undefined;
	const candidates = [
		b.message,
		b.error_description,
		nested?.message,
		b.description,
		b.error_msg,
		typeof b.error === 'string' ? b.error : undefined,
	];
	return candidates.find((c): c is string => typeof c === 'string' && c.length > 0);
}

/**
 * One HTTP call through n8n's own helper (proxies, n8n's settings), with retries and backoff on 429, 5xx,
 * timeouts and broken JSON, honouring Retry-After. Failures become a NodeApiError carrying the service's own
 * message — never the request itself, so tokens in URLs or headers cannot leak into errors.
 * A request that is not idempotent is not retried after a failure that may follow its application (timeout, reset,
 * 500/502/504, a broken answer): the error is marked (`mayHaveApplied`) for the caller to verify — see writeOnce.
 */
export async function apiRequest<T = unknown>(
	ctx: HttpContext,
	request: ApiRequest,
	behaviour: RequestBehaviour,
): Promise<ApiResponse<T>> {
	const headers: Record<string, string> = {
		Accept: 'application/json',
		...(request.headers ?? {}),
	};
	let body: unknown = request.body;
	if (body !== undefined && !(body instanceof URLSearchParams) && typeof body !== 'string') {
		body = JSON.stringify(body);
		headers['Content-Type'] ??= 'application/json';
	} else if (body instanceof URLSearchParams) {
		headers['Content-Type'] ??= 'application/x-www-form-urlencoded';
		body = body.toString();
	}
	const options: IHttpRequestOptions = {
		method: request.method,
		url: request.url,
		qs: cleanQuery(request.qs),
		headers,
		body: body as IHttpRequestOptions['body'],
		json: false,
		encoding: 'text',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: request.timeoutMs ?? 30000,
		// Tokens and passwords go only where the credential points, never where a redirect sends them.
		disableFollowRedirect: true,
		sendCredentialsOnCrossOriginRedirect: false,
	};
	const idempotent = isIdempotent(request);
	return withRetry<ApiResponse<T>>(
		async () => {
			let response: { statusCode: number; headers: Record<string, unknown>; body: unknown };
			try {
				response = (await ctx.helpers.httpRequest(options)) as typeof response;
			} catch (error) {
				const failure = new NodeApiError(
					ctx.getNode(),
					{ message: `${behaviour.service}: нет ответа` } as JsonObject,
					{
						message: `${behaviour.service}: сервис не ответил (${redactText(String((error as Error).message))})`,
					},
				);
				if (!isTransientNetworkError(error)) throw failure;
				// Refused connections never reached the service; any other drop may have come after the write.
				if (!idempotent && networkCode(error) !== 'ECONNREFUSED') throw outcomeUnknown(failure);
				return { done: false, error: failure };
			}
			if (response.statusCode >= 300 && response.statusCode < 400)
				throw redirectRefused(
					ctx.getNode(),
					behaviour.service,
					response.statusCode,
					response.headers?.location,
				);
			const parsed = parseBody(response.body);
			if (!parsed.ok) {
				const error = new NodeApiError(ctx.getNode(), { message: 'broken JSON' } as JsonObject, {
					message: `${behaviour.service}: ответ не является корректным JSON (HTTP ${response.statusCode})`,
					httpCode: String(response.statusCode),
				});
				if (!idempotent && !NOT_APPLIED_STATUSES.has(response.statusCode))
					throw outcomeUnknown(error);
				return { done: false, error };
			}
			const status = response.statusCode;
			const bodyError = behaviour.bodyError?.(parsed.value, status);
			if (bodyError) {
				const error = new NodeApiError(ctx.getNode(), (redact(parsed.value) ?? {}) as JsonObject, {
					message: `${behaviour.service}: ${bodyError.message}`,
					httpCode: String(bodyError.code ?? status),
				});
				if (bodyError.authExpired) throw Object.assign(error, { authExpired: true });
				if (bodyError.retryable && !idempotent && bodyError.mayHaveApplied)
					throw outcomeUnknown(error);
				if (bodyError.retryable)
					return { done: false, error, retryAfterMs: bodyError.retryAfterMs };
				throw error;
			}
			if (status >= 400) {
				const error = new NodeApiError(ctx.getNode(), (redact(parsed.value) ?? {}) as JsonObject, {
					message: `${behaviour.service}: ${messageOf(parsed.value) ?? 'ошибка'} (HTTP ${status})`,
					httpCode: String(status),
				});
				if (status === 401) throw Object.assign(error, { authExpired: true });
				if (isRetryableStatus(status)) {
					if (!idempotent && !NOT_APPLIED_STATUSES.has(status)) throw outcomeUnknown(error);
					return {
						done: false,
						error,
						retryAfterMs: parseRetryAfter(response.headers['retry-after']),
					};
				}
				throw error;
			}
			return { done: true, value: { status, headers: response.headers, body: parsed.value as T } };
		},
		behaviour.retry ?? DEFAULT_RETRY,
		behaviour.wait,
	);
}

/** True for the error apiRequest throws when a write that is not safe to repeat may have been applied. */
export function mayHaveApplied(error: unknown): boolean {
	return (error as { mayHaveApplied?: boolean })?.mayHaveApplied === true;
}

/** True for the error apiRequest throws when the service says the token is no longer valid. */
export function isAuthExpired(error: unknown): boolean {
	return (error as { authExpired?: boolean })?.authExpired === true;
}
