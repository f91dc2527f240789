import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { normalizeTelegram } from '../../../../lib/sources/telegram';
import { executeSource } from '../../../shared/sourceNode';
import { runFailed } from '../../../shared/stagedCursor';
import { telegramCall, type TelegramCredentials } from '../../transport';

export const option = {
	name: 'Получить новые',
	value: 'getNew',
	action: 'Получить новые сообщения боту',
};

export const description: INodeProperties[] = [];

interface UpdatesState {
	/** The offset the next run sends (confirming this run's updates): only where the run's end cannot be observed. */
	offset?: number;
}

const ALLOWED_UPDATES = ['message', 'edited_message', 'channel_post'];

/** The bot's new messages as appeals: one page per run, emitted once (by update_id) whatever the input items. */
export async function execute(
	this: IExecuteFunctions,
	c: TelegramCredentials,
): Promise<INodeExecutionData[][]> {
	const updates = await readUpdates(this, c);
	const seen = new Set<number>();
	return executeSource(this, {
		run: async (i) => ({
			records:
				i === 0
					? updates.filter((u) => !seen.has(Number(u.update_id)) && seen.add(Number(u.update_id)))
					: [],
			normalize: true,
		}),
		normalize: (record) => normalizeTelegram(record as Record<string, unknown>),
		label: (record) => ({ source: 'telegram', externalId: (record as IDataObject).update_id }),
	});
}

/**
 * One page (up to 100) of the updates Telegram still holds. Telegram forgets updates only when a getUpdates sends
 * offset = last + 1, and reading a second page would send exactly that — so a run reads one page and confirms it
 * only once the run has ended without an error (the items are out: the register has them). A failing request, a
 * failing later node or a killed worker leaves them at Telegram and the next run reads them again (the register
 * upserts by id). A backlog drains a page per run.
 *
 * Where the run's end cannot be observed (no execution hooks), the offset is staged in static data instead and
 * the next run confirms it.
 */
async function readUpdates(
	ctx: IExecuteFunctions,
	c: TelegramCredentials,
): Promise<Array<Record<string, unknown>>> {
	const state = ctx.getWorkflowStaticData('node') as UpdatesState;
	const batch = await telegramCall<Array<Record<string, unknown>>>(ctx, c, 'getUpdates', {
		...(state.offset ? { offset: state.offset } : {}),
		limit: 100,
		timeout: 0,
		allowed_updates: ALLOWED_UPDATES,
	});
	if (!batch.length) return batch;
	const next = Math.max(...batch.map((u) => Number(u.update_id))) + 1;
	const manual = ctx.getMode() === 'manual';
	if (ctx.onExecutionFinish && runFailed(ctx) !== undefined) {
		delete state.offset;
		// Runs from the editor do not consume updates: the scheduled intake still gets them.
		if (!manual) {
			ctx.onExecutionFinish(async () => {
				if (runFailed(ctx) !== false) return;
				await telegramCall(ctx, c, 'getUpdates', {
					offset: next,
					limit: 1,
					timeout: 0,
					allowed_updates: ALLOWED_UPDATES,
				});
			});
		}
	} else if (!manual) {
		state.offset = next;
	}
	return batch;
}
