import { DateTime } from 'luxon';
import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import {
	buildReminders,
	contactFromRow,
	digestKey,
	escalationLevels,
	headsByDepartment,
	isReminderAppeal,
	peopleByName,
	rememberSent,
	type ContactRow,
	type ReminderAppeal,
} from '../../lib/reminders';
import { loadCalendar } from '../shared/calendar';
import { runAggregate } from '../shared/operations';
import { remindersProperties } from './description';

const rowsOf = (ctx: IExecuteFunctions, parameter: string, entry: string) =>
	((ctx.getNodeParameter(parameter, 0, {}) as IDataObject)[entry] ?? []) as Array<ContactRow & { department?: string }>;

const numberOr = (value: unknown, fallback: number) => (typeof value === 'number' ? value : fallback);

export class Reminders implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'МЦУ: Напоминания',
		name: 'reminders',
		icon: { light: 'file:reminders.svg', dark: 'file:reminders.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: 'сводки ответственным и эскалация',
		description: 'Из открытых обращений со статусом «срок истекает» или «просрочено» собирает по одной сводке на получателя; эскалация по времени просрочки',
		defaults: { name: 'МЦУ: Напоминания' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: remindersProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return runAggregate(this, (items) => remind(this, items));
	}
}

/** One digest per recipient and level for the due-soon and overdue appeals among the items. */
async function remind(ctx: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	const nowText = String(options.now ?? '').trim();
	const now = nowText ? DateTime.fromISO(nowText, { setZone: true }) : DateTime.now();
	if (!now.isValid) throw new NodeOperationError(ctx.getNode(), `«Момент расчёта»: не дата ISO 8601 — «${nowText}»`);
	const calendar = await loadCalendar(ctx, options);
	const single = (parameter: string) => contactFromRow((ctx.getNodeParameter(parameter, 0, {}) as IDataObject).contact as ContactRow | undefined);
	const appeals: ReminderAppeal[] = [];
	for (const { json } of items) if (isReminderAppeal(json)) appeals.push(json);
	const state = ctx.getWorkflowStaticData('node') as { sent?: string[] };
	const today = now.setZone('Europe/Moscow').toISODate()!;
	const result = buildReminders(appeals, {
		now,
		calendar,
		levels: escalationLevels({
			head: numberOr(options.headAfter, 1),
			coordinator: numberOr(options.coordinatorAfter, 3),
			curator: numberOr(options.curatorAfter, 5),
		}),
		contacts: {
			heads: headsByDepartment(rowsOf(ctx, 'heads', 'head')),
			people: peopleByName(rowsOf(ctx, 'people', 'person')),
			coordinator: single('coordinator'),
			curator: single('curator'),
		},
		sentKeys: new Set(state.sent ?? []),
		workingTimeOnly: options.workingTimeOnly !== false,
	});
	// Manual test runs do not count as sent: the real run later the same day still reminds.
	if (ctx.getMode() !== 'manual') state.sent = rememberSent(state.sent, result.digests, today);
	const indexById = new Map(items.map((item, i) => [String(item.json.id), i]));
	return result.digests.map((d) => ({
		json: {
			level: d.level,
			recipient: d.recipient.name,
			telegramChatId: d.recipient.telegramChatId ?? null,
			maxChatId: d.recipient.maxChatId ?? null,
			digestKey: digestKey(d, today),
			email: d.recipient.email ?? null,
			overdue: d.overdue,
			dueSoon: d.dueSoon,
			rework: d.rework,
			appealIds: d.appeals.map((a) => a.id),
			text: d.text,
			unaddressed: result.unaddressed,
		},
		pairedItem: d.appeals.map((a) => ({ item: indexById.get(a.id) ?? 0 })),
	}));
}
