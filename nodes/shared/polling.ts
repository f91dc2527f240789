import type { INodeExecutionData, INodeProperties, IPollFunctions } from 'n8n-workflow';
import type { Appeal } from '../../lib/appeal';
import {
	initialCursor,
	newByIdFromPollCursor,
	startNewById,
	takeAfterCursor,
	takeNewById,
	type NewByIdCursor,
	type PollCursor,
	type Stamped,
} from '../../lib/sources/cursor';
import { normalizeItems } from './normalizeItems';

/** Trigger parameters every polling trigger of the package shares. */
export const pollingProperties: INodeProperties[] = [
	{
		displayName: 'При первом запуске',
		name: 'firstRun',
		type: 'options',
		options: [
			{ name: 'Только новые с этого момента', value: 'now' },
			{ name: 'Загрузить за последние N дней', value: 'lookback' },
		],
		default: 'now',
	},
	{
		displayName: 'Дней назад',
		name: 'lookbackDays',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 7,
		displayOptions: { show: { firstRun: ['lookback'] } },
	},
];

interface StoredState {
	cursor?: PollCursor;
	/** The cursor of `newById` triggers (instead of `cursor`). */
	byId?: NewByIdCursor;
	/**
	 * Ids of records without a readable date already handled: emitted (as error items) or present at a «from now»
	 * activation. Each is emitted once at most; see `rememberUndated` for the bound.
	 */
	undated?: string[];
}

/**
 * How far before its cursor a `newById` trigger re-reads (ms): a record stamped with an update time just before
 * the previous fetch but committed after it is still seen; ids already emitted are not emitted again.
 */
export const SOURCE_OVERLAP_MS = 5 * 60000;

/** How many undated ids are kept beyond those the source still returns. */
export const UNDATED_MEMORY = 5000;

/**
 * The undated ids to remember after a poll: every id the source returned this time (forgetting one would emit it
 * again on the next poll), then the most recent of the earlier ones up to UNDATED_MEMORY in all. So the set stays as
 * big as one fetch's undated records, or the bound, whichever is larger — it does not grow with history.
 */
export function rememberUndated(previous: readonly string[], seenNow: readonly string[]): string[] {
	const now = new Set(seenNow);
	const older = previous.filter((id) => !now.has(id));
	const room = Math.max(0, UNDATED_MEMORY - now.size);
	return [...(room ? older.slice(-room) : []), ...now];
}

const sameList = (a: readonly string[], b: readonly string[]) =>
	a.length === b.length && a.every((x, i) => x === b[i]);

/** A fetched record; `at` undefined when the source's date cannot be read. */
export type PolledRecord<T> = Omit<Stamped<T>, 'at'> & { at?: string; createdAt?: string };

/**
 * The common poll loop: read the cursor from the workflow's static data, fetch records since it, normalize
 * them (a record that cannot be normalized becomes an error item naming the source, id and field), and move the
 * cursor only together with returning the items — n8n saves static data when the poll hands its items over.
 * In manual mode ("Fetch Test Event") it shows the latest records without touching the cursor.
 *
 * With `newById` (a «new records» trigger whose source filters by update time) `at` is the update time and
 * `createdAt` the creation: the cursor follows `at`, each fetch re-reads an overlap window before it, and a record
 * is new when its id was not emitted before (lib/sources/cursor.ts `takeNewById`) — so a record that becomes
 * visible after a newer one was emitted is still emitted, once.
 */
export async function pollAppeals<T>(
	ctx: IPollFunctions,
	options: {
		fetch: (since: string) => Promise<Array<PolledRecord<T>>>;
		normalize: (record: T) => Appeal;
		label: (record: T) => unknown;
		newById?: { overlapMs: number };
	},
): Promise<INodeExecutionData[][] | null> {
	const state = ctx.getWorkflowStaticData('node') as StoredState;
	if (ctx.getMode() === 'manual') {
		const lastMonth = initialCursor(Date.now(), 30);
		const { fresh } = takeAfterCursor(dated(await options.fetch(lastMonth.since)), lastMonth);
		return fresh.length ? [toItems(fresh.slice(-1), options)] : null;
	}
	const byId = options.newById;
	if (byId && !state.byId && state.cursor) {
		// Stored by an earlier version (a creation-time cursor): continue from the same position.
		state.byId = newByIdFromPollCursor(state.cursor);
		delete state.cursor;
	}
	if (!state.cursor && !state.byId) {
		const firstRun = ctx.getNodeParameter('firstRun', 'now') as string;
		const days = firstRun === 'lookback' ? (ctx.getNodeParameter('lookbackDays', 7) as number) : 0;
		const start = initialCursor(Date.now(), days);
		if (firstRun === 'now') {
			// Old records are old, dated or not: the undated ones present now are remembered, so that only undated
			// records appearing later are emitted. The cursor is stored only once that fetch succeeded.
			const present = await options.fetch(start.since);
			state.undated = rememberUndated(
				state.undated ?? [],
				present.filter((r) => r.at === undefined).map((r) => r.id),
			);
			if (byId) state.byId = startNewById(start.since);
			else state.cursor = start;
			return null;
		}
		if (byId) state.byId = startNewById(start.since);
		else state.cursor = start;
	}
	const since = byId
		? new Date(Date.parse(state.byId!.since) - byId.overlapMs).toISOString()
		: state.cursor!.since;
	const records = await options.fetch(since);
	const undatedSeen = new Set(state.undated ?? []);
	const undatedNow = records.filter((r) => r.at === undefined);
	const undated = undatedNow.filter((r) => !undatedSeen.has(r.id));
	let fresh: Array<PolledRecord<T>>;
	if (byId) {
		const taken = takeNewById(dated(records), state.byId!, Date.now());
		fresh = taken.fresh;
		if (taken.next !== state.byId) state.byId = taken.next;
	} else {
		const taken = takeAfterCursor(dated(records), state.cursor!);
		fresh = taken.fresh;
		state.cursor = taken.next;
	}
	const items = toItems([...fresh, ...undated], options);
	const remembered = rememberUndated(
		state.undated ?? [],
		undatedNow.map((r) => r.id),
	);
	// Static data is rewritten only when the set changed.
	if (!sameList(remembered, state.undated ?? [])) state.undated = remembered;
	return items.length ? [items] : null;
}

const dated = <T>(records: Array<PolledRecord<T>>) =>
	records.filter((r): r is PolledRecord<T> & Stamped<T> => typeof r.at === 'string');

function toItems<T>(
	records: Array<PolledRecord<T>>,
	options: { normalize: (record: T) => Appeal; label: (record: T) => unknown },
): INodeExecutionData[] {
	return normalizeItems(
		records.map((r) => r.record),
		options.normalize,
		options.label,
	);
}
