/**
 * Polling cursors: emit each record once, in order, whatever the page boundaries and same-second timestamps.
 * The cursor is the latest timestamp emitted plus the ids emitted at exactly that timestamp.
 */
export interface PollCursor {
	/** ISO 8601; records at or before it were emitted (or predate the first activation). */
	since: string;
	idsAtSince: string[];
}

export interface Stamped<T> {
	id: string;
	/** ISO 8601 of the field the cursor follows (creation for "new", update for "changes"). */
	at: string;
	record: T;
}

/** Records after the cursor (sorted oldest first) and the cursor to store once they are emitted. */
export function takeAfterCursor<T>(records: Array<Stamped<T>>, cursor: PollCursor): { fresh: Array<Stamped<T>>; next: PollCursor } {
	const since = Date.parse(cursor.since);
	const seenAtSince = new Set(cursor.idsAtSince);
	const unique = new Map<string, Stamped<T>>();
	for (const r of records) {
		const t = Date.parse(r.at);
		if (Number.isNaN(t) || t < since || (t === since && seenAtSince.has(r.id))) continue;
		const key = `${r.id}|${t}`;
		if (!unique.has(key)) unique.set(key, r);
	}
	const fresh = [...unique.values()].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.id.localeCompare(b.id));
	if (fresh.length === 0) return { fresh, next: cursor };
	const last = fresh[fresh.length - 1];
	const lastT = Date.parse(last.at);
	const idsAtLast = fresh.filter((r) => Date.parse(r.at) === lastT).map((r) => r.id);
	const next: PollCursor =
		lastT === since
			? { since: cursor.since, idsAtSince: [...new Set([...cursor.idsAtSince, ...idsAtLast])] }
			: { since: last.at, idsAtSince: idsAtLast };
	return { fresh, next };
}

/** The first cursor of a trigger: from now, or from N days back. */
export function initialCursor(nowMs: number, lookbackDays: number): PollCursor {
	return { since: new Date(nowMs - Math.max(0, lookbackDays) * 86400000).toISOString(), idsAtSince: [] };
}
