import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import type { Appeal } from '../../lib/appeal';
import {
	ANSWER_ERROR_COLUMNS,
	DIRECTORY_SHEET,
	OVERDUE_COLUMNS,
	answerErrorRows,
	appealsFromRegister,
	departmentList,
	overdueRows,
	type TabLayout,
} from '../../lib/reports';
import { resolveSpreadsheetId } from '../shared/spreadsheet';
import { mcuSheetsCredentialTest } from './credentialTest';
import { openSheets, serviceAccountFrom, type SheetsSession } from './transport';
import { DEADLINE_HIGHLIGHT, readDirectoryTab, readTab, replaceTab, tableColumns, writeRegister } from './writer';

const DEFAULT_TITLES: Record<string, string> = {
	register: 'Реестр обращений',
	readRegister: 'Реестр обращений',
	overdue: 'Просроченные и истекающие',
	answerErrors: 'Ошибки в ответах',
	table: 'Отчёт',
	directory: DIRECTORY_SHEET,
};

export class ReportSheets implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'МЦУ: Отчёт в Google Таблицы',
		name: 'reportSheets',
		icon: { light: 'file:sheets.svg', dark: 'file:sheets.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["report"]}}',
		description: 'Реестр обращений (обновление по ID без дублей), просроченные, отчёты — в общей Google Таблице',
		defaults: { name: 'МЦУ: Отчёт в Google Таблицы' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'mcuGoogleServiceAccountApi',
				required: true,
				testedBy: 'mcuSheetsCredentialTest',
			},
		],
		properties: [
			{
				displayName: 'ID таблицы',
				name: 'spreadsheetId',
				type: 'string',
				default: '',
				placeholder: 'Из учётных данных',
				description: 'ID или адрес таблицы (docs.google.com/spreadsheets/d/&lt;ID&gt;/edit); пусто — «Таблица МЦУ» из учётных данных Google',
			},
			{
				displayName: 'Отчёт',
				name: 'report',
				type: 'options',
				options: [
					{
						name: 'Ошибки в ответах',
						value: 'answerErrors',
						description: 'Строка на каждую ошибку, найденную узлом «МЦУ: Контроль ответов»; лист пересобирается',
					},
					{ name: 'Просроченные и истекающие', value: 'overdue', description: 'Лист пересобирается каждый запуск' },
					{
						name: 'Прочитать реестр',
						value: 'readRegister',
						description: 'Обращения из реестра (одно чтение) — вход для напоминаний, просроченных, рейтинга и сводки; исправления координатора учтены',
					},
					{
						name: 'Прочитать справочник',
						value: 'directory',
						description:
							'Контакты района с листа «Справочник» (подразделение, роль, ФИО, Telegram, MAX, e-mail) — по элементу на человека; лист с заголовками создаётся, если его нет',
					},
					{
						name: 'Реестр обращений',
						value: 'register',
						description: 'Строка на обращение; запуск пишет только изменившиеся ячейки и новые строки, ручные столбцы и исправления координатора сохраняются',
					},
					{
						name: 'Таблица из входных элементов',
						value: 'table',
						description: 'Рейтинг, ошибки ответов, сводка: каждый элемент — строка, поля — столбцы; лист заменяется',
					},
				],
				default: 'register',
			},
			{
				displayName: 'Лист',
				name: 'sheetName',
				type: 'string',
				default: '',
				placeholder: 'Реестр обращений',
				description: 'Название листа; пусто — по названию отчёта. Лист создаётся и оформляется при первом запуске.',
			},
			{
				displayName: 'Подразделения для исправлений',
				name: 'correctionDepartments',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				placeholder: 'Отдел благоустройства\nМУП «Дедовичский водоканал»',
				description:
					'По одному в строке (или через «;», или через запятую, если в названиях её нет) — выпадающий список столбца «Подразделение (исправлено)», как в правилах маршрутизации. Задаётся, когда лист или столбец создаётся.',
				displayOptions: { show: { report: ['register', 'readRegister'] } },
			},
			{
				displayName: 'Диаграмма',
				name: 'chart',
				type: 'fixedCollection',
				default: {},
				placeholder: 'Добавить диаграмму',
				description: 'Столбчатая диаграмма рядом с таблицей (создаётся вместе с листом)',
				displayOptions: { show: { report: ['table'] } },
				options: [
					{
						displayName: 'Диаграмма',
						name: 'settings',
						values: [
							{ displayName: 'Заголовок', name: 'title', type: 'string', default: 'Сводка' },
							{ displayName: 'Столбец значений', name: 'valueHeader', type: 'string', default: 'Значение' },
							{ displayName: 'Столбец подписей', name: 'labelHeader', type: 'string', default: 'Показатель' },
						],
					},
				],
			},
			{
				displayName: 'Скрывать персональные данные',
				name: 'maskPersonalData',
				type: 'boolean',
				default: true,
				description: 'Скрыть ФИО, телефоны, электронную почту и номера домов заявителей (152-ФЗ); выключайте только для таблицы с ограниченным доступом',
				displayOptions: { hide: { report: ['readRegister', 'directory'] } },
			},
		],
	};

	methods = { credentialTest: { mcuSheetsCredentialTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const credentials = await this.getCredentials('mcuGoogleServiceAccountApi');
		const account = serviceAccountFrom(credentials);
		const spreadsheetId = resolveSpreadsheetId(this.getNode(), this.getNodeParameter('spreadsheetId', 0, ''), credentials);
		const report = this.getNodeParameter('report', 0) as string;
		const title = (this.getNodeParameter('sheetName', 0, '') as string).trim() || DEFAULT_TITLES[report];
		const masked = this.getNodeParameter('maskPersonalData', 0, true) as boolean;

		let session: SheetsSession;
		try {
			session = await openSheets(account, (options) => this.helpers.httpRequest(options), this.getNode());
		} catch (error) {
			throw new NodeOperationError(this.getNode(), error as Error, { description: 'Нет доступа к Google Таблицам' });
		}
		if (report === 'readRegister') return [await readRegister(session, spreadsheetId, title, departmentsOf(this))];
		if (report === 'directory') return [await readDirectoryItems(this, session, spreadsheetId, title, items.length)];
		const records = items.map((i) => i.json);
		try {
			const result =
				report === 'register'
					? await writeRegister(session, spreadsheetId, title, records as unknown as Appeal[], masked, { departments: departmentsOf(this) })
					: report === 'overdue'
						? await replaceTab(session, spreadsheetId, title, OVERDUE_COLUMNS, overdueRows(records as unknown as Appeal[]), masked, DEADLINE_HIGHLIGHT)
						: report === 'answerErrors'
							? await replaceTab(session, spreadsheetId, title, ANSWER_ERROR_COLUMNS, answerErrorRows(records as unknown as Appeal[]), masked)
							: await replaceTab(session, spreadsheetId, title, tableColumns(records), records, masked, undefined, chartOf(this));
			return [
				[
					{
						json: {
							report,
							spreadsheetId,
							sheet: title,
							...result,
							apiCalls: session.calls,
							maskedPersonalData: masked,
						} as IDataObject,
						pairedItem: items.map((_, i) => ({ item: i })),
					},
				],
			];
		} catch (error) {
			throw new NodeOperationError(this.getNode(), error as Error, {
				description:
					report === 'register'
						? `Реестр «${title}» записан не полностью; повторный запуск допишет его — строки сверяются по ID, ничего не удвоится`
						: `Отчёт «${title}» не записан; таблица осталась в прежнем состоянии (запись идёт одним запросом)`,
			});
		}
	}
}

/** The register's rows as appeals (none before the first write): the hand-off from the intake to the other workflows. */
async function readRegister(session: SheetsSession, spreadsheetId: string, title: string, departments: string[]): Promise<INodeExecutionData[]> {
	const grid = (await readTab(session, spreadsheetId, title)) ?? [];
	return appealsFromRegister(grid, { departments }).appeals.map((appeal) => ({ json: appeal as unknown as IDataObject }));
}

/** One item per contact of the directory; rows left out are shown as warnings (the run goes on with the others). */
async function readDirectoryItems(ctx: IExecuteFunctions, session: SheetsSession, spreadsheetId: string, title: string, inputs: number): Promise<INodeExecutionData[]> {
	let read;
	try {
		read = await readDirectoryTab(session, spreadsheetId, title);
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), error as Error, { description: `Лист «${title}» не прочитан` });
	}
	for (const warning of read.warnings) ctx.logger?.warn?.(warning);
	if (read.warnings.length) ctx.addExecutionHints?.(...read.warnings.map((message) => ({ message, type: 'warning' as const, location: 'outputPane' as const })));
	// Every contact stems from the one read the (usually single) input item triggered.
	const pairedItem = inputs ? { item: 0 } : undefined;
	return read.contacts.map((contact) => ({ json: { ...contact }, ...(pairedItem ? { pairedItem } : {}) }));
}

function departmentsOf(ctx: IExecuteFunctions): string[] {
	return departmentList(ctx.getNodeParameter('correctionDepartments', 0, ''));
}

function chartOf(ctx: IExecuteFunctions): TabLayout['chart'] {
	const settings = (ctx.getNodeParameter('chart', 0, {}) as IDataObject).settings as TabLayout['chart'] | undefined;
	return settings?.labelHeader && settings.valueHeader ? settings : undefined;
}
