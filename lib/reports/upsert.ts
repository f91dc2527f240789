/**
 * Upsert of keyed rows into a sheet grid that people also edit: our columns are found by their header (so people
 * may move them), columns people added — and their values — are kept, rows are matched by the key column, new
 * rows are appended, nothing is deleted. `planUpsert` says which cells change (what the register writes);
 * `upsertRows` applies that plan to a copy of the grid.
 */
export type Cell = string | number | boolean;

export interface UpsertResult {
	/** Header + rows, rectangular. */
	grid: Cell[][];
	inserted: number;
	updated: number;
	unchanged: number;
	/** Keys that appear more than once in the sheet (left as they are; only the first is updated). */
	duplicateKeys: string[];
}

/** A run of cells in one row: `values` go to columns `col`, `col + 1`, … */
export interface CellRun {
	row: number;
	col: number;
	values: Cell[];
}

export interface UpsertPlan {
	/** The sheet's header after the upsert (ours added at the end when missing). */
	header: string[];
	/** Header cells to write (our columns, and staff columns we lay out, not yet in the sheet). */
	headerRuns: CellRun[];
	/** Changed cells of existing rows, in runs of adjacent columns; unchanged cells and others' columns untouched. */
	updates: CellRun[];
	/** New rows, as wide as the header: our values in our columns, `null` (leave as is) elsewhere. */
	appends: Array<{ key: string; values: Array<Cell | null> }>;
	/** 0-based grid column of the key. */
	keyColumn: number;
	inserted: number;
	updated: number;
	unchanged: number;
	duplicateKeys: string[];
}

/** Adjacent column indexes (sorted) grouped into runs. */
function runsOf(row: number, cells: Array<{ col: number; value: Cell }>): CellRun[] {
	const runs: CellRun[] = [];
	for (const c of cells) {
		const last = runs[runs.length - 1];
		if (last && last.col + last.values.length === c.col) last.values.push(c.value);
		else runs.push({ row, col: c.col, values: [c.value] });
	}
	return runs;
}

/**
 * What to write so the sheet holds `rows` under `headers` (ours), keyed by `keyHeader`. `extraHeaders` are columns we
 * create but whose values belong to people (the coordinator's corrections): their headers are added when missing,
 * their cells never written. A `null` in a row leaves that cell as it is.
 */
export function planUpsert(
	existing: Cell[][],
	headers: string[],
	keyHeader: string,
	rows: Array<Array<Cell | null>>,
	extraHeaders: string[] = [],
): UpsertPlan {
	const header = (existing[0] ?? []).map((h) => String(h ?? '').trim());
	const headerRuns: CellRun[] = [];
	const added: Array<{ col: number; value: Cell }> = [];
	// Our columns not yet in the sheet are added at the end (after any hand-made ones).
	for (const h of [...headers, ...extraHeaders]) {
		if (header.includes(h)) continue;
		added.push({ col: header.length, value: h });
		header.push(h);
	}
	headerRuns.push(...runsOf(0, added));
	const position = headers.map((h) => header.indexOf(h));
	const keyIndexInRows = headers.indexOf(keyHeader);
	const keyColumn = header.indexOf(keyHeader);
	if (keyIndexInRows < 0 || keyColumn < 0) throw new Error(`Нет ключевого столбца «${keyHeader}»`);
	// Changed cells are written in column order, so runs are found in one pass.
	const order = position.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);

	const rowByKey = new Map<string, number>();
	const duplicateKeys: string[] = [];
	for (let r = 1; r < existing.length; r++) {
		const key = String(existing[r]?.[keyColumn] ?? '').trim();
		if (!key) continue;
		if (rowByKey.has(key)) duplicateKeys.push(key);
		else rowByKey.set(key, r);
	}

	let updated = 0;
	let unchanged = 0;
	const updates: CellRun[] = [];
	// A key sent twice in one run: the last row sent wins, once.
	const latest = new Map<string, Array<Cell | null>>();
	for (const row of rows) {
		const key = String(row[keyIndexInRows] ?? '').trim();
		if (!key) continue;
		latest.set(key, row);
	}
	const appends: UpsertPlan['appends'] = [];
	for (const [key, row] of latest) {
		const target = rowByKey.get(key);
		if (target === undefined) {
			const values = new Array<Cell | null>(header.length).fill(null);
			position.forEach((p, i) => (values[p] = row[i] === null ? null : (row[i] ?? '')));
			appends.push({ key, values });
			continue;
		}
		const before = existing[target] ?? [];
		const changed: Array<{ col: number; value: Cell }> = [];
		for (const { p, i } of order) {
			if (row[i] === null) continue;
			const value = row[i] ?? '';
			if (String(before[p] ?? '') !== String(value)) changed.push({ col: p, value });
		}
		if (!changed.length) {
			unchanged++;
			continue;
		}
		updated++;
		updates.push(...runsOf(target, changed));
	}
	return {
		header,
		headerRuns,
		updates,
		appends,
		keyColumn,
		inserted: appends.length,
		updated,
		unchanged,
		duplicateKeys,
	};
}

export function upsertRows(
	existing: Cell[][],
	headers: string[],
	keyHeader: string,
	rows: Cell[][],
): UpsertResult {
	const plan = planUpsert(existing.length ? existing : [], headers, keyHeader, rows);
	const width = plan.header.length;
	const grid: Cell[][] = [plan.header.slice(), ...existing.slice(1).map((r) => [...r])];
	for (const row of grid) while (row.length < width) row.push('');
	for (const run of plan.updates) run.values.forEach((v, j) => (grid[run.row][run.col + j] = v));
	for (const a of plan.appends) grid.push(a.values.map((v) => v ?? ''));
	return {
		grid,
		inserted: plan.inserted,
		updated: plan.updated,
		unchanged: plan.unchanged,
		duplicateKeys: plan.duplicateKeys,
	};
}

/** A1 column letters for a 0-based index (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
	let n = index + 1;
	let s = '';
	while (n > 0) {
		const r = (n - 1) % 26;
		s = String.fromCharCode(65 + r) + s;
		n = Math.floor((n - 1) / 26);
	}
	return s;
}

/** `'Реестр обращений'!A1` with the sheet name quoted the way Sheets expects. */
export function a1(sheet: string, range: string): string {
	return `'${sheet.replace(/'/g, "''")}'!${range}`;
}
