import {
	backoffDelay,
	DEFAULT_RETRY,
	SHEETS_RETRY,
	withRetry,
	type AttemptVerdict,
} from '../../../nodes/shared/retry';

/** What the Sheets transport waits before giving up on a 429 (the quota is per minute: bench/regional.ts). */
const waits = (random: () => number) =>
	Array.from({ length: SHEETS_RETRY.retries }, (_, n) =>
		backoffDelay(n, SHEETS_RETRY, undefined, random),
	);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('Sheets retry budget spans the per-minute quota', () => {
	it('waits at least a minute in all before giving up, whatever the jitter', () => {
		expect(sum(waits(() => 0))).toBeGreaterThanOrEqual(60_000);
	});

	it('never waits more than Google advises for one retry (64 s), nor more than about two minutes in all', () => {
		const longest = waits(() => 1);
		expect(Math.max(...longest)).toBeLessThanOrEqual(64_000);
		expect(sum(longest)).toBeLessThanOrEqual(130_000);
	});

	it('the first retries are as quick as every other transport’s, so a one-off fault costs no more', () => {
		for (const n of [0, 1, 2])
			for (const r of [0, 0.5, 1])
				expect(backoffDelay(n, SHEETS_RETRY, undefined, () => r)).toBe(
					backoffDelay(n, DEFAULT_RETRY, undefined, () => r),
				);
	});

	it('a Retry-After up to a minute is honoured as it is', () => {
		expect(backoffDelay(0, SHEETS_RETRY, 59_000)).toBe(59_000);
	});

	it('the default budget alone would have given up inside the minute (why Sheets has its own)', () => {
		const defaults = Array.from({ length: DEFAULT_RETRY.retries }, (_, n) =>
			backoffDelay(n, DEFAULT_RETRY, undefined, () => 1),
		);
		expect(sum(defaults)).toBeLessThan(60_000);
	});
});

describe('quota answers are waited out within their own budget', () => {
	const quota = (retryAfterMs?: number): AttemptVerdict<string> => ({
		done: false,
		error: new Error('429'),
		retryAfterMs,
		rateLimited: true,
	});
	const run = async (answer: (n: number) => AttemptVerdict<string>) => {
		const waits: number[] = [];
		let attempts = 0;
		const outcome = await withRetry(
			async (n) => (attempts++, answer(n)),
			SHEETS_RETRY,
			async (ms) => void waits.push(ms),
		).then(
			(value) => ({ value }),
			(error: Error) => ({ error: error.message }),
		);
		return { outcome, attempts, waited: waits.reduce((a, b) => a + b, 0) };
	};

	it('a burst that clears after several minutes of 429s still lands (the retry count alone would have given up)', async () => {
		const { outcome, attempts } = await run((n) =>
			n < 15 ? quota(30_000) : { done: true, value: 'written' },
		);
		expect(outcome).toEqual({ value: 'written' });
		expect(attempts).toBe(16);
	});

	it('gives up once ten minutes of quota waits are spent', async () => {
		const { outcome, waited } = await run(() => quota(30_000));
		expect(outcome).toEqual({ error: '429' });
		expect(waited).toBeLessThanOrEqual(SHEETS_RETRY.rateLimitWaitMs!);
		expect(waited).toBeGreaterThan(SHEETS_RETRY.rateLimitWaitMs! - 30_000);
	});

	it('«retry after 0» forever ends too (each quota wait counts as at least a second)', async () => {
		const { outcome, attempts } = await run(() => quota(0));
		expect(outcome).toEqual({ error: '429' });
		expect(attempts).toBe(SHEETS_RETRY.rateLimitWaitMs! / 1000 + 1);
	});

	it('other failures keep their retry count: no quota budget for a 503', async () => {
		const { outcome, attempts } = await run(() => ({
			done: false,
			error: new Error('503'),
			retryAfterMs: 1,
		}));
		expect(outcome).toEqual({ error: '503' });
		expect(attempts).toBe(SHEETS_RETRY.retries + 1);
	});
});
