import { backoffDelay, DEFAULT_RETRY, SHEETS_RETRY } from '../../../nodes/shared/retry';

/** What the Sheets transport waits before giving up on a 429 (the quota is per minute: bench/regional.ts). */
const waits = (random: () => number) => Array.from({ length: SHEETS_RETRY.retries }, (_, n) => backoffDelay(n, SHEETS_RETRY, undefined, random));
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
		for (const n of [0, 1, 2]) for (const r of [0, 0.5, 1]) expect(backoffDelay(n, SHEETS_RETRY, undefined, () => r)).toBe(backoffDelay(n, DEFAULT_RETRY, undefined, () => r));
	});

	it('a Retry-After up to a minute is honoured as it is', () => {
		expect(backoffDelay(0, SHEETS_RETRY, 59_000)).toBe(59_000);
	});

	it('the default budget alone would have given up inside the minute (why Sheets has its own)', () => {
		const defaults = Array.from({ length: DEFAULT_RETRY.retries }, (_, n) => backoffDelay(n, DEFAULT_RETRY, undefined, () => 1));
		expect(sum(defaults)).toBeLessThan(60_000);
	});
});
