import type { IDataObject } from 'n8n-workflow';
import type { Appeal } from '../../lib/appeal';
import {
	DIRECTORY_COLUMNS,
	DIRECTORY_HEADERS,
	REGISTER_COLUMNS,
	REGISTER_HEADERS,
	a1,
	columnLetter,
	columnRequests,
	correctionColumns,
	layoutRequests,
	planUpsert,
	readDirectory,
	registerLayout,
	registerRow,
	rowOf,
	sheetIdFor,
	type Cell,
	type CellRun,
	type DirectoryRead,
	type ReportColumn,
	type TabLayout,
} from '../../lib/reports';
import type { SheetsSession } from './transport';
import { maskField } from '../../lib/reports/masking';

/**
 * Report tabs in few calls. Rebuilt tabs (overdue, errors, tables): one read, one write (values.batchUpdate, all or
 * nothing), and on the first run one spreadsheets.batchUpdate that adds and lays out the tab. The register is never
 * rewritten as a whole: see `writeRegister`.
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
export async function readTab(
	session: SheetsSession,
	spreadsheetId: string,
	title: string,
): Promise<Cell[][] | undefined> {
	// Sheets answers 400 "Unable to parse range" for a tab that does not exist.
	const data = await session.call(
		'values.batchGet',
		(api) =>
			api.spreadsheets.values.batchGet({
				spreadsheetId,
				ranges: [a1(title, 'A1:ZZ')],
				valueRenderOption: 'UNFORMATTED_VALUE',
			}),
		[400],
	);
	if (data === undefined) return undefined;
	return ((data.valueRanges?.[0]?.values ?? []) as Cell[][]).map((r) => r.map((c) => c ?? ''));
}

export async function setUpTab(
	session: SheetsSession,
	spreadsheetId: string,
	title: string,
	columns: TabLayout['columns'],
	rows: number,
	highlight?: TabLayout['highlight'],
	chart?: TabLayout['chart'],
	/** 400 (the tab exists: an overlapping run made it first) answered with `false` instead of an error. */
	tolerateExisting = false,
): Promise<boolean> {
	const requests = layoutRequests(
		{ sheetId: sheetIdFor(title), title, columns, rows, highlight, chart },
		{ addSheet: true },
	);
	const done = await session.call(
		'spreadsheets.batchUpdate',
		(api) => api.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests } }),
		tolerateExisting ? [400] : [],
	);
	return done !== undefined;
}

/**
 * The directory tab's contacts. A missing tab is made (headers, widths, the roles' drop-down) for the technical
 * specialist to fill in, and read as empty with a warning saying so.
 */
export async function readDirectoryTab(
	session: SheetsSession,
	spreadsheetId: string,
	title: string,
): Promise<DirectoryRead> {
	const grid = await readTab(session, spreadsheetId, title);
	if (grid !== undefined) return readDirectory(grid, title);
	// An overlapping run may have made it first: then its header is there already.
	if (
		await setUpTab(
			session,
			spreadsheetId,
			title,
			DIRECTORY_COLUMNS,
			100,
			undefined,
			undefined,
			true,
		)
	) {
		await writeGrid(session, spreadsheetId, title, [Object.values(DIRECTORY_HEADERS)]);
	}
	return {
		contacts: [],
		warnings: [`Лист «${title}» создан пустым: заполните в нём подразделения, роли и контакты`],
	};
}

async function writeGrid(
	session: SheetsSession,
	spreadsheetId: string,
	title: string,
	grid: Cell[][],
): Promise<void> {
	await session.call('values.batchUpdate', (api) =>
		api.spreadsheets.values.batchUpdate({
			spreadsheetId,
			// RAW: citizens' texts starting with «=» stay text, never formulas in a shared sheet; dates are serial numbers.
			requestBody: { valueInputOption: 'RAW', data: [{ range: a1(title, 'A1'), values: grid }] },
		}),
	);
}

const runRange = (title: string, run: CellRun) => ({
	range: a1(title, `${columnLetter(run.col)}${run.row + 1}`),
	values: [run.values],
});
const countCells = (rows: Array<Array<Cell | null>>) =>
	rows.reduce((n, r) => n + r.filter((v) => v !== null).length, 0);

/**
 * The register, written cell by cell where it changed — never the whole grid, so people's edits made while a run is
 * under way, their columns and their formulas stay:
 * 1. one read of the tab (values.batchGet);
 * 2. the ID column read again right before writing (values.get);
 * 3. new rows by values.append (INSERT_ROWS): Google places them after the table at the moment of the call, so an
 *    overlapping run's new rows are never overwritten — positions computed from our earlier read would be. Rows whose
 *    ID the re-read found are dropped, and the re-read is repeated before each retry: a retried append after a lost
 *    response, or an overlapping run that added the same appeal, doubles nothing. Sheets has no compare-and-set, so a
 *    lock cell could not make two runs exclusive; this keeps the only window for a double at one round trip
 *    (re-read → append), and a doubled ID is reported and only its first row updated;
 * 4. one values.batchUpdate with a range per run of changed cells of our columns (and headers we add), each at the
 *    row where the re-read found its ID — a person sorting the register meanwhile does not shift our writes.
 * The coordinator's correction columns are laid out (header, drop-down) and never written.
 */
export async function writeRegister(
	session: SheetsSession,
	spreadsheetId: string,
	title: string,
	appeals: Appeal[],
	masked: boolean,
	/** Departments for the drop-down of «Подразделение (исправлено)» (set when the tab or the column is made). */
	options: { departments?: string[] } = {},
) {
	const headers = REGISTER_COLUMNS.map((c) => c.header);
	const staffColumns = correctionColumns(options);
	const staffHeaders = staffColumns.map((c) => c.header);
	const rows = appeals
		.filter((a) => a && typeof a.id === 'string' && !('error' in a && Object.keys(a).length <= 3))
		.map((a) => registerRow(a, masked));
	let existing = await readTab(session, spreadsheetId, title);
	let createdNow = false;
	if (existing === undefined) {
		createdNow = await setUpTab(
			session,
			spreadsheetId,
			title,
			registerLayout(options),
			rows.length,
			DEADLINE_HIGHLIGHT,
			undefined,
			true,
		);
		// Not created: an overlapping run made the tab a moment ago — read what it holds.
		existing = createdNow ? [] : ((await readTab(session, spreadsheetId, title)) ?? []);
	}
	const empty = existing.length === 0 || existing[0].every((h) => String(h ?? '').trim() === '');
	// An empty tab gets the full layout order (each correction next to what it corrects); an existing one keeps its own.
	const plan = planUpsert(empty ? [REGISTER_HEADERS] : existing, headers, 'ID', rows, staffHeaders);
	const headerRuns = empty ? [{ row: 0, col: 0, values: plan.header as Cell[] }] : plan.headerRuns;
	let cellsWritten = 0;
	const write = async (runs: CellRun[]) => {
		if (!runs.length) return;
		await session.call('values.batchUpdate', (api) =>
			api.spreadsheets.values.batchUpdate({
				spreadsheetId,
				// RAW: citizens' texts starting with «=» stay text, never formulas in a shared sheet; dates are serial numbers.
				requestBody: { valueInputOption: 'RAW', data: runs.map((run) => runRange(title, run)) },
			}),
		);
		cellsWritten += runs.reduce((n, r) => n + r.values.length, 0);
	};
	// A new tab's header first: the append below finds the table by it.
	if (empty) await write(headerRuns);
	// Correction columns added to a register made before them: their width and drop-down, once.
	const addedStaff =
		empty || createdNow
			? []
			: staffColumns.filter(
					(c) =>
						!existing!.length ||
						!existing![0].map((h) => String(h ?? '').trim()).includes(c.header),
				);
	if (addedStaff.length)
		await layOutAddedColumns(
			session,
			spreadsheetId,
			title,
			addedStaff.map((c) => ({ column: c, index: plan.header.indexOf(c.header) })),
		);

	// Where each ID is now (first row with it), read again right before writing.
	const keyLetter = columnLetter(plan.keyColumn);
	const readKeys = async (api: SheetsSession['api']) => {
		const res = await api.spreadsheets.values.get({
			spreadsheetId,
			range: a1(title, `${keyLetter}:${keyLetter}`),
			valueRenderOption: 'UNFORMATTED_VALUE',
		});
		const rowOfKey = new Map<string, number>();
		((res.data.values ?? []) as Cell[][]).forEach((r, i) => {
			const key = String(r?.[0] ?? '').trim();
			if (key && !rowOfKey.has(key)) rowOfKey.set(key, i);
		});
		return rowOfKey;
	};
	let current: Map<string, number> | undefined;
	let inserted = 0;
	let alreadyThere = 0;
	if (plan.appends.length) {
		// Re-read and append are one retried unit: a retry after a lost answer sees the rows the first attempt added.
		await session.call('values.append', async (api) => {
			current = await readKeys(api);
			session.calls['values.get'] = (session.calls['values.get'] ?? 0) + 1;
			const fresh = plan.appends.filter((a) => !current!.has(a.key));
			alreadyThere = plan.appends.length - fresh.length;
			inserted = fresh.length;
			const values = fresh.map((a) => {
				const v = a.values.slice();
				while (v.length && v[v.length - 1] === null) v.pop();
				return v;
			});
			if (!values.length) return { data: {} };
			const response = await api.spreadsheets.values.append({
				spreadsheetId,
				range: a1(title, `A1:${columnLetter(plan.header.length - 1)}`),
				valueInputOption: 'RAW',
				insertDataOption: 'INSERT_ROWS',
				requestBody: { values },
			});
			cellsWritten += countCells(values);
			return response;
		});
	} else if (plan.updates.length) {
		current = await session.call('values.get', async (api) => ({ data: await readKeys(api) }));
	}
	// Each update goes to the row its ID is in now: people may have sorted or deleted rows since the first read. A row
	// deleted meanwhile is not written (the next run adds the appeal again).
	const keyAt = (row: number) => String(existing![row]?.[plan.keyColumn] ?? '').trim();
	const moved = plan.updates.flatMap((run) => {
		const row = current?.get(keyAt(run.row));
		return row === undefined ? [] : [{ ...run, row }];
	});
	await write([...(empty ? [] : headerRuns), ...moved]);
	return {
		rows: Math.max(existing.length - 1, 0) + inserted,
		inserted,
		updated: plan.updated,
		unchanged: plan.unchanged,
		/** New rows another run (or a lost response's first attempt) had already added. */
		alreadyInSheet: alreadyThere,
		cellsWritten,
		duplicateKeysInSheet: plan.duplicateKeys,
	};
}

/**
 * Width and drop-down of columns added to an existing tab; its sheet id and size are looked up (people may have made
 * the tab), and the grid is widened first when the new columns lie beyond it.
 */
async function layOutAddedColumns(
	session: SheetsSession,
	spreadsheetId: string,
	title: string,
	added: Array<{ column: TabLayout['columns'][number]; index: number }>,
) {
	const meta = await session.call('spreadsheets.get', (api) =>
		api.spreadsheets.get({
			spreadsheetId,
			fields: 'sheets.properties(sheetId,title,gridProperties.columnCount)',
		}),
	);
	const properties = meta?.sheets?.find((s) => s.properties?.title === title)?.properties;
	const sheetId = properties?.sheetId;
	if (sheetId === undefined || sheetId === null) return;
	const needed = Math.max(...added.map((a) => a.index + 1));
	const have = properties?.gridProperties?.columnCount ?? needed;
	const requests: object[] =
		needed > have
			? [{ appendDimension: { sheetId, dimension: 'COLUMNS', length: needed - have } }]
			: [];
	requests.push(...added.flatMap((a) => columnRequests(sheetId, a.index, a.column)));
	await session.call('spreadsheets.batchUpdate', (api) =>
		api.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests } }),
	);
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
	if (existing === undefined)
		await setUpTab(session, spreadsheetId, title, columns, records.length, highlight, chart);
	const grid: Cell[][] = [
		columns.map((c) => c.header),
		...records.map((r) => rowOf(columns, r, masked)),
	];
	// Blank out what the previous run left below and to the right, in the same single write.
	const oldRows = existing?.length ?? 0;
	const width = Math.max(columns.length, ...(existing ?? []).map((r) => r.length));
	for (const row of grid) while (row.length < width) row.push('');
	while (grid.length < oldRows) grid.push(new Array<Cell>(width).fill(''));
	await writeGrid(session, spreadsheetId, title, grid);
	return { rows: records.length, inserted: records.length, updated: 0, unchanged: 0 };
}
