/**
 * One copy per distinct short string kept in results (the words that decided a topic, conflict evidence…): texts
 * reuse a small vocabulary, so 100,000 structured appeals need a few thousand strings, not one per appeal.
 * Content is unchanged; only identity is shared (strings are immutable).
 */
const pool = new Map<string, string>();
const POOL_LIMIT = 100_000;

export function intern(s: string): string {
	const known = pool.get(s);
	if (known !== undefined) return known;
	if (pool.size >= POOL_LIMIT) pool.clear();
	// A fresh flat copy: a slice of a long text would keep the whole text alive.
	const own = (' ' + s).slice(1);
	pool.set(own, own);
	return own;
}
