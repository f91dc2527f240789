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
import { DIRECTORY_SHEET, readDirectory } from '../../lib/reports/directory';
import {
	buildReminders,
	contactFromRow,
	contactsFromDirectory,
	digestKey,
	escalationLevels,
	headsByDepartment,
	isReminderAppeal,
	mergeContacts,
	peopleByName,
	rememberSent,
	type ContactRow,
	type ReminderAppeal,
	type ReminderContacts,
} from '../../lib/reminders';
import { mcuSheetsCredentialTest } from '../ReportSheets/credentialTest';
import { openSheets, serviceAccountFrom } from '../ReportSheets/transport';
import { readTab } from '../ReportSheets/writer';
import { loadCalendar } from '../shared/calendar';
import { resolveSpreadsheetId } from '../shared/spreadsheet';
import { runAggregate } from '../shared/operations';
import { showWarnings } from '../shared/warnings';
import { remindersProperties } from './description';

const rowsOf = (ctx: IExecuteFunctions, parameter: string, entry: string) =>
	((ctx.getNodeParameter(parameter, 0, {}) as IDataObject)[entry] ?? []) as Array<
		ContactRow & { department?: string }
	>;

const numberOr = (value: unknown, fallback: number) =>
	typeof value === 'number' ? value : fallback;

export class Reminders implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'МЦУ: Напоминания',
		name: 'reminders',
		icon: { light: 'file:reminders.svg', dark: 'file:reminders.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: 'сводки ответственным и эскалация',
		description:
			'Из открытых обращений со статусом «срок истекает» или «просрочено» собирает по одной сводке на получателя; эскалация по времени просрочки',
		defaults: { name: 'МЦУ: Напоминания' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'mcuGoogleServiceAccountApi',
				required: true,
				testedBy: 'mcuSheetsCredentialTest',
				displayOptions: { show: { contactsFrom: ['sheet'] } },
			},
		],
		properties: remindersProperties,
	};

	methods = { credentialTest: { mcuSheetsCredentialTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return runAggregate(this, (items) => remind(this, items));
	}
}

/** One digest per recipient and level for the due-soon and overdue appeals among the items. */
async function remind(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	const nowText = String(options.now ?? '').trim();
	const now = nowText ? DateTime.fromISO(nowText, { setZone: true }) : DateTime.now();
	if (!now.isValid)
		throw new NodeOperationError(
			ctx.getNode(),
			`«Момент расчёта»: не дата ISO 8601 — «${nowText}»`,
		);
	const calendar = await loadCalendar(ctx, options);
	const single = (parameter: string) =>
		contactFromRow(
			(ctx.getNodeParameter(parameter, 0, {}) as IDataObject).contact as ContactRow | undefined,
		);
	const fromNode: ReminderContacts = {
		heads: headsByDepartment(rowsOf(ctx, 'heads', 'head')),
		people: peopleByName(rowsOf(ctx, 'people', 'person')),
		coordinator: single('coordinator'),
		curator: single('curator'),
	};
	const contacts =
		ctx.getNodeParameter('contactsFrom', 0, 'node') === 'sheet'
			? mergeContacts(await directoryContacts(ctx), fromNode)
			: fromNode;
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
		contacts,
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

/** The contacts of the district's tab «Справочник» (one read); rows it cannot use are logged and shown as warnings. */
async function directoryContacts(ctx: IExecuteFunctions): Promise<ReminderContacts> {
	const credentials = await ctx.getCredentials('mcuGoogleServiceAccountApi');
	const spreadsheetId = resolveSpreadsheetId(
		ctx.getNode(),
		ctx.getNodeParameter('spreadsheetId', 0, ''),
		credentials,
	);
	const title = String(ctx.getNodeParameter('sheetName', 0, '')).trim() || DIRECTORY_SHEET;
	let grid;
	try {
		const session = await openSheets(
			serviceAccountFrom(credentials),
			(o) => ctx.helpers.httpRequest(o),
			ctx.getNode(),
		);
		grid = await readTab(session, spreadsheetId, title);
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), error as Error, {
			description: `Контакты с листа «${title}» не прочитаны`,
		});
	}
	if (grid === undefined) {
		throw new NodeOperationError(ctx.getNode(), `В таблице нет листа «${title}»`, {
			description:
				'Узел «МЦУ: Отчёт в Google Таблицы» с отчётом «Прочитать справочник» создаёт его с нужными столбцами; или выберите «Контакты: В этом узле»',
		});
	}
	const read = readDirectory(grid, title);
	showWarnings(ctx, read.warnings);
	return contactsFromDirectory(read.contacts);
}
