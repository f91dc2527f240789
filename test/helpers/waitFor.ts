import { EventEmitter } from 'node:events';

/**
 * Resolves once `test()` holds, checking it now and again on every `event` of the given emitters (the sandbox's call
 * counters emit `call`, its fault injector `fault`); rejects with `what` when `timeoutMs` passes first.
 */
export function waitForEvent(
	emitters: EventEmitter[],
	event: string,
	test: () => boolean,
	timeoutMs: number,
	what: () => string,
): Promise<void> {
	if (test()) return Promise.resolve();
	return new Promise((resolve, reject) => {
		const done = (error?: Error) => {
			clearTimeout(timer);
			for (const e of emitters) e.off(event, check);
			if (error) reject(error);
			else resolve();
		};
		const check = () => {
			if (test()) done();
		};
		const timer = setTimeout(() => done(new Error(`timed out: ${what()}`)), timeoutMs);
		for (const e of emitters) e.on(event, check);
	});
}

/** Counts events (`tick()`); `reach(n)` resolves once n have happened, or rejects with `what` after `timeoutMs`. */
export function eventCounter(what: string): {
	tick(): void;
	reach(count: number, timeoutMs: number): Promise<void>;
} {
	const emitter = new EventEmitter();
	let seen = 0;
	return {
		tick() {
			seen++;
			emitter.emit('tick');
		},
		reach: (count, timeoutMs) =>
			waitForEvent(
				[emitter],
				'tick',
				() => seen >= count,
				timeoutMs,
				() => `${seen} of ${count} ${what}`,
			),
	};
}
