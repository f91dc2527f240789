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
export function takeAfterCursor<T>(
	records: Array<Stamped<T>>,
	cursor: PollCursor,
): { fresh: Array<Stamped<T>>; next: PollCursor } {
	const since = Date.parse(cursor.since);
	const seenAtSince = new Set(cursor.idsAtSince);
	const unique = new Map<string, Stamped<T>>();
	for (const r of records) {
		const t = Date.parse(r.at);
		if (Number.isNaN(t) || t < since || (t === since && seenAtSince.has(r.id))) continue;
		const key = `${r.id}|${t}`;
		if (!unique.has(key)) unique.set(key, r);
	}
	const fresh = [...unique.values()].sort(
		(a, b) => Date.parse(a.at) - Date.parse(b.at) || a.id.localeCompare(b.id),
	);
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
	return {
		since: new Date(nowMs - Math.max(0, lookbackDays) * 86400000).toISOString(),
		idsAtSince: [],
	};
}

/**
 * Cursor of a «new records» trigger whose source filters by update time (ПОС `updatedFrom`, ИМ `updatedSince`).
 * A record can become visible long after it was created (it clears ПОС moderation, an incident is routed to us),
 * so the cursor follows the update time the source filters by — the next fetch asks from `since` minus an overlap
 * window — and a record is new when its id was not emitted before. The emitted ids are kept with their creation
 * time; records created before `horizon` are never new, which bounds the memory (see `takeNewById`).
 */
export interface NewByIdCursor {
	/** ISO 8601: the latest update time fetched. */
	since: string;
	/** Epoch ms: records created before it predate the activation or have left the memory — none is new. */
	horizon: number;
	/** [id, creation epoch ms] of the emitted records created at or after `horizon`, oldest creation first. */
	emitted: Array<[string, number]>;
}

/** A fetched record: `at` is the update time the source filters by, `createdAt` its creation (defaults to `at`). */
export interface StampedNew<T> extends Stamped<T> {
	createdAt?: string;
}

/** A record emitted is remembered for 30 days after its creation: one that becomes visible later is not emitted. */
export const NEW_BY_ID_KEEP_MS = 30 * 86400000;
/** At most this many ids are remembered; past it the oldest-created leave and `horizon` moves past them. */
export const NEW_BY_ID_MAX = 20000;

/** The first cursor: from `since` (ISO), nothing created before it is new. */
export function startNewById(since: string): NewByIdCursor {
	return { since, horizon: Date.parse(since), emitted: [] };
}

/** The same position from a creation-time cursor stored by an earlier version of the trigger. */
export function newByIdFromPollCursor(c: PollCursor): NewByIdCursor {
	const t = Date.parse(c.since);
	return {
		since: c.since,
		horizon: t,
		emitted: c.idsAtSince.map((id): [string, number] => [id, t]),
	};
}

/**
 * The records not emitted before (oldest creation first) and the cursor to store once they are emitted. The cursor
 * object is returned unchanged when nothing moved, so the caller rewrites static data only when needed.
 */
export function takeNewById<T>(
	records: Array<StampedNew<T>>,
	cursor: NewByIdCursor,
	nowMs: number,
	limits: { keepMs?: number; max?: number } = {},
): { fresh: Array<StampedNew<T>>; next: NewByIdCursor } {
	const keepMs = limits.keepMs ?? NEW_BY_ID_KEEP_MS;
	const max = limits.max ?? NEW_BY_ID_MAX;
	const known = new Set(cursor.emitted.map(([id]) => id));
	let latest = Date.parse(cursor.since);
	const fresh: Array<{ r: StampedNew<T>; created: number }> = [];
	for (const r of records) {
		const t = Date.parse(r.at);
		if (Number.isNaN(t)) continue;
		if (t > latest) latest = t;
		const c = r.createdAt === undefined ? NaN : Date.parse(r.createdAt);
		const created = Number.isNaN(c) ? t : c;
		if (created < cursor.horizon || known.has(r.id)) continue;
		known.add(r.id);
		fresh.push({ r, created });
	}
	fresh.sort((a, b) => a.created - b.created || a.r.id.localeCompare(b.r.id));
	// The memory's age limit moves the horizon in steps of an hour, not on every poll: static data stays unchanged
	// between polls that emit nothing.
	let horizon = nowMs - keepMs > cursor.horizon + 3600000 ? nowMs - keepMs : cursor.horizon;
	let emitted = cursor.emitted;
	if (fresh.length || horizon !== cursor.horizon) {
		emitted = [...cursor.emitted, ...fresh.map((f): [string, number] => [f.r.id, f.created])].sort(
			(a, b) => a[1] - b[1],
		);
		if (emitted.length > max) horizon = Math.max(horizon, emitted[emitted.length - max - 1][1] + 1);
		emitted = emitted.filter(([, created]) => created >= horizon);
	}
	const since = latest > Date.parse(cursor.since) ? new Date(latest).toISOString() : cursor.since;
	const moved = since !== cursor.since || horizon !== cursor.horizon || emitted !== cursor.emitted;
	return { fresh: fresh.map((f) => f.r), next: moved ? { since, horizon, emitted } : cursor };
}

/**
 * Cursor of a source read «changed since the last run» (the intake's ПОС/ИМ get many): every change counts, so a
 * record is keyed by id and update time. The next read asks from `since` minus an overlap window — a change stamped
 * just before the previous read but committed after it is still seen — and the keys already read inside that window
 * are not handed over again.
 */
export interface ChangedCursor {
	/** ISO 8601: the latest update time read (absent while only undated records were read). */
	since?: string;
	/** [id, update epoch ms] of the records read at or after `since` minus the overlap. */
	read: Array<[string, number]>;
	/** Ids of records without a readable update time handed over (the last read's): each is handed over once. */
	undated?: string[];
}

/** A fetched record of a changed-since read; `at` undefined when its update time cannot be read. */
export interface ChangedRecord<T> {
	id: string;
	at?: string;
	record: T;
}

/** Where the next read starts: the cursor minus the overlap, or the first run's window (undefined: everything). */
export function changedReadFrom(
	cursor: ChangedCursor | undefined,
	overlapMs: number,
	firstFrom?: string,
): string | undefined {
	return cursor?.since ? new Date(Date.parse(cursor.since) - overlapMs).toISOString() : firstFrom;
}

/**
 * The records not read before (oldest change first) and the cursor to store once they are handed over. The cursor
 * object is returned unchanged when nothing moved, so static data is rewritten only when needed.
 */
export function takeChanged<T>(
	records: Array<ChangedRecord<T>>,
	cursor: ChangedCursor | undefined,
	overlapMs: number,
): { fresh: Array<ChangedRecord<T>>; next: ChangedCursor | undefined } {
	const known = new Set((cursor?.read ?? []).map(([id, t]) => `${t}|${id}`));
	const undatedKnown = new Set(cursor?.undated ?? []);
	let latest = cursor?.since ? Date.parse(cursor.since) : -Infinity;
	const dated: Array<{ r: ChangedRecord<T>; t: number }> = [];
	const undated: Array<ChangedRecord<T>> = [];
	const undatedNow: string[] = [];
	for (const r of records) {
		const t = r.at === undefined ? NaN : Date.parse(r.at);
		if (Number.isNaN(t)) {
			if (undatedNow.includes(r.id)) continue;
			undatedNow.push(r.id);
			if (!undatedKnown.has(r.id)) undated.push(r);
			continue;
		}
		if (t > latest) latest = t;
		const key = `${t}|${r.id}`;
		if (known.has(key)) continue;
		known.add(key);
		dated.push({ r, t });
	}
	dated.sort((a, b) => a.t - b.t || a.r.id.localeCompare(b.r.id));
	const fresh = [...dated.map((d) => d.r), ...undated];
	const sameUndated =
		undatedNow.length === undatedKnown.size && undatedNow.every((id) => undatedKnown.has(id));
	if (!dated.length && sameUndated) return { fresh, next: cursor };
	if (latest === -Infinity) return { fresh, next: { read: [], undated: undatedNow } };
	const from = latest - overlapMs;
	const read = [
		...(cursor?.read ?? []).filter(([, t]) => t >= from),
		...dated.filter((d) => d.t >= from).map((d): [string, number] => [d.r.id, d.t]),
	];
	const next: ChangedCursor = { since: new Date(latest).toISOString(), read };
	if (undatedNow.length) next.undated = undatedNow;
	return { fresh, next };
}
