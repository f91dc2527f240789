/**
 * Upsert of keyed rows into a sheet grid that people also edit: our columns are found by their header (so people
 * may move them), columns people added — and their values — are kept, rows are matched by the key column, new
 * rows are appended, nothing is deleted. The result is the whole grid, written back with one call.
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

export function upsertRows(
	existing: Cell[][],
	headers: string[],
	keyHeader: string,
	rows: Cell[][],
): UpsertResult {
	const current = existing.length ? existing.map((r) => [...r]) : [[...headers]];
	const sheetHeader = current[0].map((h) => String(h ?? '').trim());
	// Our columns not yet in the sheet are added at the end (after any hand-made ones).
	for (const h of headers) if (!sheetHeader.includes(h)) sheetHeader.push(h);
	current[0] = sheetHeader;
	const width = sheetHeader.length;
	const position = headers.map((h) => sheetHeader.indexOf(h));
	const keyIndexInRows = headers.indexOf(keyHeader);
	const keyColumn = sheetHeader.indexOf(keyHeader);
	if (keyIndexInRows < 0 || keyColumn < 0) throw new Error(`Нет ключевого столбца «${keyHeader}»`);

	const rowByKey = new Map<string, number>();
	const duplicateKeys: string[] = [];
	for (let r = 1; r < current.length; r++) {
		const key = String(current[r][keyColumn] ?? '').trim();
		if (!key) continue;
		if (rowByKey.has(key)) duplicateKeys.push(key);
		else rowByKey.set(key, r);
	}
	for (let r = 0; r < current.length; r++) {
		while (current[r].length < width) current[r].push('');
	}

	let inserted = 0;
	let updated = 0;
	let unchanged = 0;
	const incomingSeen = new Map<string, number>();
	for (const row of rows) {
		const key = String(row[keyIndexInRows] ?? '').trim();
		if (!key) continue;
		let target = rowByKey.get(key) ?? incomingSeen.get(key);
		if (target === undefined) {
			target = current.length;
			current.push(new Array<Cell>(width).fill(''));
			incomingSeen.set(key, target);
			inserted++;
		} else {
			const before = current[target];
			const same = position.every((p, i) => String(before[p] ?? '') === String(row[i] ?? ''));
			if (same) {
				unchanged++;
				continue;
			}
			if (!incomingSeen.has(key)) updated++;
		}
		position.forEach((p, i) => (current[target][p] = row[i] ?? ''));
	}
	return { grid: current, inserted, updated, unchanged, duplicateKeys };
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
