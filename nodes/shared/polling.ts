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
	/** Ids of records without a readable date already emitted (as error items): each is emitted once. */
	undated?: string[];
}

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
		if (!manual && !state.cursor) {
			state.cursor = cursor;
			if (firstRun === 'now') return null;
		}
	}
	const records = await options.fetch(cursor.since);
	const dated = records.filter((r): r is Stamped<T> => typeof r.at === 'string');
	const undatedSeen = new Set(state.undated ?? []);
	const undated = records.filter((r) => r.at === undefined && !undatedSeen.has(r.id)) as Array<Stamped<T>>;
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
		if (undated.length) state.undated = [...undatedSeen, ...undated.map((r) => r.id)].slice(-2000);
	}
	return items.length ? [items] : null;
}
