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
import { DEFAULT_LEVELS, buildReminders, rememberSent, type Contact, type EscalationLevel, type ReminderAppeal } from '../../lib/reminders';
import { CALENDAR_OPTION_PROPERTIES, loadCalendar } from '../shared/calendar';

interface ContactRow {
	department?: string;
	name?: string;
	telegramChatId?: string;
	maxChatId?: string;
	email?: string;
}

const contactFields = [
	{ displayName: 'E-Mail', name: 'email', type: 'string' as const, placeholder: 'name@email.com', default: '' },
	{ displayName: 'MAX (ID чата)', name: 'maxChatId', type: 'string' as const, default: '', description: 'Чат или диалог в MAX, куда тоже отправлять сводки' },
	{ displayName: 'Telegram (ID чата)', name: 'telegramChatId', type: 'string' as const, default: '' },
	{ displayName: 'ФИО', name: 'name', type: 'string' as const, default: '' },
];

export class Reminders implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'МЦУ: Напоминания',
		name: 'reminders',
		icon: 'file:reminders.svg',
		group: ['transform'],
		version: 1,
		subtitle: 'сводки ответственным и эскалация',
		description:
			'Из открытых обращений со статусом «срок истекает» или «просрочено» собирает по одной сводке на получателя; эскалация по времени просрочки',
		defaults: { name: 'МЦУ: Напоминания' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{
				displayName: 'Руководители подразделений',
				name: 'heads',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Добавить подразделение',
				default: {},
				options: [
					{
						displayName: 'Руководитель',
						name: 'head',
						values: [{ displayName: 'Подразделение', name: 'department', type: 'string', default: '' }, ...contactFields],
					},
				],
			},
			{
				displayName: 'Ответственные (контакты)',
				name: 'people',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Добавить человека',
				default: {},
				description: 'Куда писать ответственным, если в обращении нет контакта из маршрутизации',
				options: [{ displayName: 'Человек', name: 'person', values: contactFields }],
			},
			{
				displayName: 'Координатор МЦУ',
				name: 'coordinator',
				type: 'fixedCollection',
				default: {},
				options: [{ displayName: 'Контакт', name: 'contact', values: contactFields }],
			},
			{
				displayName: 'Куратор',
				name: 'curator',
				type: 'fixedCollection',
				default: {},
				options: [{ displayName: 'Контакт', name: 'contact', values: contactFields }],
			},
			{
				displayName: 'Настройки',
				name: 'options',
				type: 'collection',
				placeholder: 'Добавить настройку',
				default: {},
				options: [
					...CALENDAR_OPTION_PROPERTIES,
					{
						displayName: 'Координатору — после (рабочих дней просрочки)',
						name: 'coordinatorAfter',
						type: 'number',
						default: 3,
					},
					{
						displayName: 'Куратору — после (рабочих дней просрочки)',
						name: 'curatorAfter',
						type: 'number',
						default: 5,
					},
					{
						displayName: 'Момент расчёта',
						name: 'now',
						type: 'string',
						default: '',
						description: 'Пусто — текущее время',
					},
					{
						displayName: 'Руководителю — после (рабочих дней просрочки)',
						name: 'headAfter',
						type: 'number',
						default: 1,
					},
					{
						displayName: 'Только в рабочее время',
						name: 'workingTimeOnly',
						type: 'boolean',
						default: true,
						description: 'Whether to send only on working days between 9:00 and 18:00 (Moscow time)',
					},
				],
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const options = this.getNodeParameter('options', 0, {}) as IDataObject;
		const nowText = String(options.now ?? '').trim();
		const now = nowText ? DateTime.fromISO(nowText, { setZone: true }) : DateTime.now();
		if (!now.isValid) throw new NodeOperationError(this.getNode(), `«Момент расчёта»: не дата ISO 8601 — «${nowText}»`);
		const calendar = await loadCalendar(this, options);
		const contactOf = (row?: ContactRow): Contact | undefined =>
			row?.name?.trim()
				? { name: row.name.trim(), telegramChatId: row.telegramChatId?.trim() || undefined, maxChatId: row.maxChatId?.trim() || undefined, email: row.email?.trim() || undefined }
				: undefined;
		const heads: Record<string, Contact> = {};
		for (const row of ((this.getNodeParameter('heads', 0, {}) as IDataObject).head ?? []) as ContactRow[]) {
			const c = contactOf(row);
			if (row.department?.trim() && c) heads[row.department.trim()] = c;
		}
		const people: Record<string, Contact> = {};
		for (const row of ((this.getNodeParameter('people', 0, {}) as IDataObject).person ?? []) as ContactRow[]) {
			const c = contactOf(row);
			if (c) people[c.name] = c;
		}
		const single = (name: string) => contactOf((this.getNodeParameter(name, 0, {}) as IDataObject).contact as ContactRow | undefined);
		const levels: EscalationLevel[] = DEFAULT_LEVELS.map((l) => ({
			...l,
			overdueWorkingDays:
				l.id === 'head' ? Number(options.headAfter ?? 1) : l.id === 'coordinator' ? Number(options.coordinatorAfter ?? 3) : l.id === 'curator' ? Number(options.curatorAfter ?? 5) : 0,
		}));
		const state = this.getWorkflowStaticData('node') as { sent?: string[] };
		const today = now.setZone('Europe/Moscow').toISODate()!;
		const result = buildReminders(
			items.map((i) => i.json as unknown as ReminderAppeal),
			{
				now,
				calendar,
				levels,
				contacts: { heads, people, coordinator: single('coordinator'), curator: single('curator') },
				sentKeys: new Set(state.sent ?? []),
				workingTimeOnly: options.workingTimeOnly !== false,
			},
		);
		// Manual test runs do not count as sent: the real run later the same day still reminds.
		if (this.getMode() !== 'manual') state.sent = rememberSent(state.sent, result.digests, today);
		const indexById = new Map(items.map((item, i) => [String(item.json.id), i]));
		return [
			result.digests.map((d) => ({
				json: {
					level: d.level,
					recipient: d.recipient.name,
					telegramChatId: d.recipient.telegramChatId ?? null,
					maxChatId: d.recipient.maxChatId ?? null,
					// One digest per level, recipient and day: senders use it as their idempotency key, so a retried run never sends twice.
					digestKey: `${d.level}|${d.recipient.name}|${today}`,
					email: d.recipient.email ?? null,
					overdue: d.overdue,
					dueSoon: d.dueSoon,
					rework: d.rework,
					appealIds: d.appeals.map((a) => a.id),
					text: d.text,
					unaddressed: result.unaddressed,
				},
				pairedItem: d.appeals.map((a) => ({ item: indexById.get(a.id) ?? 0 })),
			})),
		];
	}
}
