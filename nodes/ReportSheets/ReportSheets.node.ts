import {
	NodeConnectionTypes,
	NodeOperationError,
	type ICredentialTestFunctions,
	type ICredentialsDecrypted,
	type IDataObject,
	type IExecuteFunctions,
	type INodeCredentialTestResult,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import type { Appeal } from '../../lib/appeal';
import {
	OVERDUE_COLUMNS,
	REGISTER_COLUMNS,
	a1,
	layoutRequests,
	overdueRows,
	rowOf,
	safeCell,
	sheetIdFor,
	upsertRows,
	type Cell,
	type ReportColumn,
	type TabLayout,
} from '../../lib/reports';
import { accessToken, openSheets, postForm, serviceAccountFrom, type SheetsSession } from './transport';

const DEFAULT_TITLES: Record<string, string> = {
	register: 'Реестр обращений',
	overdue: 'Просроченные и истекающие',
	table: 'Отчёт',
};

const DEADLINE_HIGHLIGHT: TabLayout['highlight'] = {
	header: 'Контроль срока',
	rules: [
		{ equals: 'Просрочено', color: 'red' },
		{ equals: 'Срок истекает', color: 'yellow' },
		{ equals: 'Ответ с нарушением срока', color: 'red' },
	],
};

export class ReportSheets implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'МЦУ: Отчёт В Google Таблицы',
		name: 'reportSheets',
		icon: 'file:sheets.svg',
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
				displayName: 'ID Таблицы',
				name: 'spreadsheetId',
				type: 'string',
				required: true,
				default: '',
				description: 'Из адреса таблицы: docs.google.com/spreadsheets/d/&lt;ID&gt;/edit',
			},
			{
				displayName: 'Отчёт',
				name: 'report',
				type: 'options',
				options: [
					{
						name: 'Реестр Обращений',
						value: 'register',
						description: 'Строка на обращение; повторный запуск обновляет строки по ID, ручные столбцы сохраняются',
					},
					{ name: 'Просроченные И Истекающие', value: 'overdue', description: 'Лист пересобирается каждый запуск' },
					{
						name: 'Таблица Из Входных Элементов',
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
				displayName: 'Скрывать Персональные Данные',
				name: 'maskPersonalData',
				type: 'boolean',
				default: true,
				description: 'Whether to mask applicants\' names, phones, e-mails and house numbers (152-ФЗ); turn off only for a sheet with restricted access',
			},
		],
	};

	methods = {
		credentialTest: {
			async mcuSheetsCredentialTest(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
				try {
					const account = serviceAccountFrom(credential.data ?? {});
					const node = { id: 'credential-test', name: 'credential test', type: 'n8n-nodes-mcu.reportSheets', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} };
					// Credential tests get no httpRequest helper; the token endpoint is called with fetch.
					await accessToken(account, postForm, node, true);
					return { status: 'OK', message: 'Токен получен' };
				} catch (error) {
					return { status: 'Error', message: (error as Error).message };
				}
			},
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const account = serviceAccountFrom(await this.getCredentials('mcuGoogleServiceAccountApi'));
		const spreadsheetId = (this.getNodeParameter('spreadsheetId', 0) as string).trim();
		const report = this.getNodeParameter('report', 0) as string;
		const title = (this.getNodeParameter('sheetName', 0, '') as string).trim() || DEFAULT_TITLES[report];
		const masked = this.getNodeParameter('maskPersonalData', 0, true) as boolean;
		if (!spreadsheetId) throw new NodeOperationError(this.getNode(), 'Не указан ID таблицы');

		let session: SheetsSession;
		try {
			session = await openSheets(account, (options) => this.helpers.httpRequest(options), this.getNode());
		} catch (error) {
			throw new NodeOperationError(this.getNode(), error as Error, { description: 'Нет доступа к Google Таблицам' });
		}
		const records = items.map((i) => i.json);
		try {
			const result =
				report === 'register'
					? await writeRegister(session, spreadsheetId, title, records as unknown as Appeal[], masked)
					: report === 'overdue'
						? await replaceTab(session, spreadsheetId, title, OVERDUE_COLUMNS, overdueRows(records as unknown as Appeal[]), masked, DEADLINE_HIGHLIGHT)
						: await replaceTab(session, spreadsheetId, title, tableColumns(records), records, masked);
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
				description: `Отчёт «${title}» не записан; таблица осталась в прежнем состоянии (запись идёт одним запросом)`,
			});
		}
	}
}

/** Columns of a generic table: the fields of the input items, in first-seen order. */
function tableColumns(records: IDataObject[]): ReportColumn<IDataObject>[] {
	const keys: string[] = [];
	for (const r of records) for (const k of Object.keys(r)) if (!keys.includes(k)) keys.push(k);
	return keys.map((key) => ({
		key,
		header: key,
		width: 160,
		value: (record: IDataObject) => {
			const v = record[key];
			if (v === null || v === undefined) return '';
			if (typeof v === 'number') return v;
			return typeof v === 'object' ? JSON.stringify(v) : String(v);
		},
	}));
}

/** Reads the tab's values in one call; `undefined` when the tab does not exist yet. */
async function readTab(session: SheetsSession, spreadsheetId: string, title: string): Promise<Cell[][] | undefined> {
	// Sheets answers 400 "Unable to parse range" for a tab that does not exist.
	const data = await session.call(
		'values.batchGet',
		(api) => api.spreadsheets.values.batchGet({ spreadsheetId, ranges: [a1(title, 'A1:ZZ')], valueRenderOption: 'FORMATTED_VALUE' }),
		[400],
	);
	if (data === undefined) return undefined;
	return ((data.valueRanges?.[0]?.values ?? []) as Cell[][]).map((r) => r.map((c) => c ?? ''));
}

async function setUpTab(
	session: SheetsSession,
	spreadsheetId: string,
	title: string,
	columns: Array<Pick<ReportColumn<never>, 'header' | 'width' | 'format' | 'choices'>>,
	rows: number,
	highlight?: TabLayout['highlight'],
): Promise<void> {
	const requests = layoutRequests({ sheetId: sheetIdFor(title), title, columns, rows, highlight }, { addSheet: true });
	await session.call('spreadsheets.batchUpdate', (api) => api.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests } }));
}

async function writeGrid(session: SheetsSession, spreadsheetId: string, title: string, grid: Cell[][]): Promise<void> {
	await session.call('values.batchUpdate', (api) =>
		api.spreadsheets.values.batchUpdate({
			spreadsheetId,
			requestBody: { valueInputOption: 'USER_ENTERED', data: [{ range: a1(title, 'A1'), values: grid.map((r) => r.map(safeCell)) }] },
		}),
	);
}

async function writeRegister(session: SheetsSession, spreadsheetId: string, title: string, appeals: Appeal[], masked: boolean) {
	const headers = REGISTER_COLUMNS.map((c) => c.header);
	const rows = appeals.filter((a) => a && typeof a.id === 'string' && !('error' in a && Object.keys(a).length <= 3)).map((a) => rowOf(REGISTER_COLUMNS, a, masked));
	let existing = await readTab(session, spreadsheetId, title);
	if (existing === undefined) {
		await setUpTab(session, spreadsheetId, title, REGISTER_COLUMNS, rows.length, DEADLINE_HIGHLIGHT);
		existing = [];
	}
	const result = upsertRows(existing, headers, 'ID', rows);
	if (result.inserted || result.updated || existing.length === 0) await writeGrid(session, spreadsheetId, title, result.grid);
	return {
		rows: result.grid.length - 1,
		inserted: result.inserted,
		updated: result.updated,
		unchanged: result.unchanged,
		duplicateKeysInSheet: result.duplicateKeys,
	};
}

async function replaceTab<T>(
	session: SheetsSession,
	spreadsheetId: string,
	title: string,
	columns: ReportColumn<T>[],
	records: T[],
	masked: boolean,
	highlight?: TabLayout['highlight'],
) {
	const existing = await readTab(session, spreadsheetId, title);
	if (existing === undefined) await setUpTab(session, spreadsheetId, title, columns, records.length, highlight);
	const grid: Cell[][] = [columns.map((c) => c.header), ...records.map((r) => rowOf(columns, r, masked))];
	// Blank out what the previous run left below and to the right, in the same single write.
	const oldRows = existing?.length ?? 0;
	const width = Math.max(columns.length, ...(existing ?? []).map((r) => r.length));
	for (const row of grid) while (row.length < width) row.push('');
	while (grid.length < oldRows) grid.push(new Array<Cell>(width).fill(''));
	await writeGrid(session, spreadsheetId, title, grid);
	return { rows: records.length, inserted: records.length, updated: 0, unchanged: 0 };
}
