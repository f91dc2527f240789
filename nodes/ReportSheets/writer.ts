import type { IDataObject } from 'n8n-workflow';
import type { Appeal } from '../../lib/appeal';
import { REGISTER_COLUMNS, a1, layoutRequests, rowOf, sheetIdFor, upsertRows, type Cell, type ReportColumn, type TabLayout } from '../../lib/reports';
import type { SheetsSession } from './transport';
import { maskField } from '../../lib/reports/masking';

/**
 * Report tabs in few calls: one read (values.batchGet), one write (values.batchUpdate, all or nothing), and on the
 * first run one spreadsheets.batchUpdate that adds and lays out the tab.
 */
export const DEADLINE_HIGHLIGHT: TabLayout['highlight'] = {
	header: 'Контроль срока',
	rules: [
		{ equals: 'Просрочено', color: 'red' },
		{ equals: 'Срок истекает', color: 'yellow' },
		{ equals: 'Ответ с нарушением срока', color: 'red' },
	],
};

/** Columns of a generic table: the fields of the input items, in first-seen order. */
export function tableColumns(records: IDataObject[]): ReportColumn<IDataObject>[] {
	const keys: string[] = [];
	for (const r of records) for (const k of Object.keys(r)) if (!keys.includes(k)) keys.push(k);
	return keys.map((key) => ({
		key,
		header: key,
		width: 160,
		// Any field may carry personal data (a comment, a nested author): masked like the register's free text.
		value: (record: IDataObject, masked: boolean) => {
			const v = record[key];
			if (v === null || v === undefined) return '';
			if (typeof v === 'number') return v;
			return masked ? maskField(key, v) : typeof v === 'object' ? JSON.stringify(v) : String(v);
		},
	}));
}

/** Reads the tab's values in one call; `undefined` when the tab does not exist yet. */
export async function readTab(session: SheetsSession, spreadsheetId: string, title: string): Promise<Cell[][] | undefined> {
	// Sheets answers 400 "Unable to parse range" for a tab that does not exist.
	const data = await session.call(
		'values.batchGet',
		(api) => api.spreadsheets.values.batchGet({ spreadsheetId, ranges: [a1(title, 'A1:ZZ')], valueRenderOption: 'UNFORMATTED_VALUE' }),
		[400],
	);
	if (data === undefined) return undefined;
	return ((data.valueRanges?.[0]?.values ?? []) as Cell[][]).map((r) => r.map((c) => c ?? ''));
}

export async function setUpTab(
	session: SheetsSession,
	spreadsheetId: string,
	title: string,
	columns: Array<Pick<ReportColumn<never>, 'header' | 'width' | 'format' | 'choices'>>,
	rows: number,
	highlight?: TabLayout['highlight'],
	chart?: TabLayout['chart'],
): Promise<void> {
	const requests = layoutRequests({ sheetId: sheetIdFor(title), title, columns, rows, highlight, chart }, { addSheet: true });
	await session.call('spreadsheets.batchUpdate', (api) => api.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests } }));
}

async function writeGrid(session: SheetsSession, spreadsheetId: string, title: string, grid: Cell[][]): Promise<void> {
	await session.call('values.batchUpdate', (api) =>
		api.spreadsheets.values.batchUpdate({
			spreadsheetId,
			// RAW: citizens' texts starting with «=» stay text, never formulas in a shared sheet; dates are serial numbers.
			requestBody: { valueInputOption: 'RAW', data: [{ range: a1(title, 'A1'), values: grid }] },
		}),
	);
}

export async function writeRegister(session: SheetsSession, spreadsheetId: string, title: string, appeals: Appeal[], masked: boolean) {
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

export async function replaceTab<T>(
	session: SheetsSession,
	spreadsheetId: string,
	title: string,
	columns: ReportColumn<T>[],
	records: T[],
	masked: boolean,
	highlight?: TabLayout['highlight'],
	chart?: TabLayout['chart'],
) {
	const existing = await readTab(session, spreadsheetId, title);
	if (existing === undefined) await setUpTab(session, spreadsheetId, title, columns, records.length, highlight, chart);
	const grid: Cell[][] = [columns.map((c) => c.header), ...records.map((r) => rowOf(columns, r, masked))];
	// Blank out what the previous run left below and to the right, in the same single write.
	const oldRows = existing?.length ?? 0;
	const width = Math.max(columns.length, ...(existing ?? []).map((r) => r.length));
	for (const row of grid) while (row.length < width) row.push('');
	while (grid.length < oldRows) grid.push(new Array<Cell>(width).fill(''));
	await writeGrid(session, spreadsheetId, title, grid);
	return { rows: records.length, inserted: records.length, updated: 0, unchanged: 0 };
}
