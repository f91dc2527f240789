/**
 * Keys a webhook trigger has already emitted (a service re-sending a delivery it thinks failed), remembered in two
 * places. The workflow's static data survives restarts, but n8n (2.x, with the workflow publication service)
 * serves webhooks from a cached copy of the published workflow whose static data is the one loaded with it: what one
 * delivery saves, the next delivery in the same process does not see. So the process also keeps its own bounded
 * memory per workflow and node; together they drop a repeat in a running n8n and after a restart.
 */
const memory = new Map<string, string[]>();

export interface RecentKeysState {
	recent?: string[];
}

/**
 * True when `key` was seen before (the delivery is a repeat); otherwise remembers it (at most `bound` keys per
 * place, the oldest forgotten first) and returns false. Synchronous: two concurrent deliveries of one key cannot
 * both pass.
 */
export function seenBefore(
	scope: string,
	state: RecentKeysState,
	key: string,
	bound: number,
): boolean {
	const mine = memory.get(scope) ?? [];
	const stored = Array.isArray(state.recent) ? state.recent : [];
	if (mine.includes(key) || stored.includes(key)) return true;
	mine.push(key);
	if (mine.length > bound) mine.splice(0, mine.length - bound);
	memory.set(scope, mine);
	state.recent = [...stored, key].slice(-bound);
	return false;
}
