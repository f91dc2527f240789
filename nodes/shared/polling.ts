import type { IDataObject, INodeExecutionData, INodeProperties, IPollFunctions } from 'n8n-workflow';
import type { Appeal } from '../../lib/appeal';
import { initialCursor, takeAfterCursor, type PollCursor, type Stamped } from '../../lib/sources/cursor';
import { errorItem } from './items';

/** Trigger parameters every polling trigger of the package shares. */
export const pollingProperties: INodeProperties[] = [
	{
		displayName: 'При Первом Запуске',
		name: 'firstRun',
		type: 'options',
		options: [
			{ name: 'Только Новые С Этого Момента', value: 'now' },
			{ name: 'Загрузить За Последние N Дней', value: 'lookback' },
		],
		default: 'now',
	},
	{
		displayName: 'Дней Назад',
		name: 'lookbackDays',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 7,
		displayOptions: { show: { firstRun: ['lookback'] } },
	},
];

interface StoredState {
	cursor?: PollCursor;
	/**
	 * Ids of records without a readable date already handled: emitted (as error items) or present at a «from now»
	 * activation. Each is emitted once at most; see `rememberUndated` for the bound.
	 */
	undated?: string[];
}

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

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** A fetched record; `at` undefined when the source's date cannot be read. */
export type PolledRecord<T> = Omit<Stamped<T>, 'at'> & { at?: string };

/**
 * The common poll loop: read the cursor from the workflow's static data, fetch records since it, normalize
 * them (a record that cannot be normalized becomes an error item naming the source, id and field), and move the
 * cursor only together with returning the items — n8n saves static data when the poll hands its items over.
 * In manual mode ("Fetch Test Event") it shows the latest records without touching the cursor.
 */
export async function pollAppeals<T>(
	ctx: IPollFunctions,
	options: {
		fetch: (since: string) => Promise<Array<PolledRecord<T>>>;
		normalize: (record: T) => Appeal;
		label: (record: T) => unknown;
	},
): Promise<INodeExecutionData[][] | null> {
	const state = ctx.getWorkflowStaticData('node') as StoredState;
	const manual = ctx.getMode() === 'manual';
	let cursor = state.cursor;
	if (!cursor || manual) {
		const firstRun = ctx.getNodeParameter('firstRun', 'now') as string;
		const days = firstRun === 'lookback' ? (ctx.getNodeParameter('lookbackDays', 7) as number) : 0;
		cursor = manual ? initialCursor(Date.now(), 30) : initialCursor(Date.now(), days);
		if (!manual && !state.cursor && firstRun === 'now') {
			// Old records are old, dated or not: the undated ones present now are remembered, so that only undated
			// records appearing later are emitted. The cursor is stored only once that fetch succeeded.
			const present = await options.fetch(cursor.since);
			state.undated = rememberUndated(state.undated ?? [], present.filter((r) => r.at === undefined).map((r) => r.id));
			state.cursor = cursor;
			return null;
		}
		if (!manual && !state.cursor) state.cursor = cursor;
	}
	const records = await options.fetch(cursor.since);
	const dated = records.filter((r): r is Stamped<T> => typeof r.at === 'string');
	const undatedSeen = new Set(state.undated ?? []);
	const undatedNow = records.filter((r) => r.at === undefined);
	const undated = undatedNow.filter((r) => !undatedSeen.has(r.id)) as Array<Stamped<T>>;
	const { fresh, next } = takeAfterCursor(dated, cursor);
	const chosen = manual ? fresh.slice(-1) : [...fresh, ...undated];
	const items: INodeExecutionData[] = chosen.map((r) => {
		try {
			return { json: options.normalize(r.record) as unknown as IDataObject };
		} catch (error) {
			return { json: errorItem(error as Error, options.label(r.record), 0).json };
		}
	});
	if (!manual) {
		state.cursor = next;
		const remembered = rememberUndated(state.undated ?? [], undatedNow.map((r) => r.id));
		// Static data is rewritten only when the set changed.
		if (!sameList(remembered, state.undated ?? [])) state.undated = remembered;
	}
	return items.length ? [items] : null;
}
