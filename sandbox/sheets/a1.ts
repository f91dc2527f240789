/** A1 notation for the Sheets emulator: `'Реестр обращений'!A1:Z`, `Sheet1!B2`, `Лист`, `A:C`, `2:5`. */
export interface GridRange {
	sheet: string | null;
	startRow: number;
	startCol: number;
	/** Exclusive; null = to the end of the grid. */
	endRow: number | null;
	endCol: number | null;
	/** A single cell without `:` (`Лист1!A1`): for writes it is only the top-left anchor. */
	anchor?: boolean;
}

export function columnIndex(letters: string): number {
	let n = 0;
	for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
	return n - 1;
}

export function columnName(index: number): string {
	let n = index + 1;
	let s = '';
	while (n > 0) {
		const r = (n - 1) % 26;
		s = String.fromCharCode(65 + r) + s;
		n = Math.floor((n - 1) / 26);
	}
	return s;
}

/** A request mistake that Google answers with 400 INVALID_ARGUMENT. */
export class RangeError400 extends Error {}

const unquote = (name: string) =>
	name.startsWith("'") && name.endsWith("'") && name.length >= 2
		? name.slice(1, -1).replace(/''/g, "'")
		: name;

export function parseA1(input: string): GridRange {
	const text = input.trim();
	if (!text) throw new RangeError400(`Unable to parse range: ${input}`);
	let sheet: string | null = null;
	let cells = text;
	// The sheet part may itself contain `!` or `:` when quoted; the cells part never does contain a quote.
	const bang = text.lastIndexOf('!');
	if (bang >= 0) {
		sheet = unquote(text.slice(0, bang));
		cells = text.slice(bang + 1);
		if (!sheet) throw new RangeError400(`Unable to parse range: ${input}`);
	} else if (!/^[A-Za-z]{0,3}\d*(:[A-Za-z]{0,3}\d*)?$/.test(text) || text === ':') {
		// Just a sheet name: the whole sheet.
		return { sheet: unquote(text), startRow: 0, startCol: 0, endRow: null, endCol: null };
	}
	const m = /^([A-Za-z]{0,3})(\d*)(?::([A-Za-z]{0,3})(\d*))?$/.exec(cells);
	if (!m || (!m[1] && !m[2]) || (m[3] !== undefined && !m[3] && !m[4]))
		throw new RangeError400(`Unable to parse range: ${input}`);
	if ((m[2] && Number(m[2]) < 1) || (m[4] && Number(m[4]) < 1))
		throw new RangeError400(`Unable to parse range: ${input}`);
	const startCol = m[1] ? columnIndex(m[1]) : 0;
	const startRow = m[2] ? Number(m[2]) - 1 : 0;
	if (m[3] === undefined) {
		// A single cell (or a whole column `A` / row `3`).
		return {
			sheet,
			startRow,
			startCol,
			endRow: m[2] ? startRow + 1 : null,
			endCol: m[1] ? startCol + 1 : null,
			anchor: Boolean(m[1] && m[2]),
		};
	}
	let endRow = m[4] ? Number(m[4]) : null;
	let endCol = m[3] ? columnIndex(m[3]) + 1 : null;
	let fromRow = startRow;
	let fromCol = startCol;
	// `B5:A1` means the same as `A1:B5`.
	if (endRow !== null && m[2] && endRow <= startRow) [fromRow, endRow] = [endRow - 1, startRow + 1];
	if (endCol !== null && m[1] && endCol <= startCol) [fromCol, endCol] = [endCol - 1, startCol + 1];
	return { sheet, startRow: fromRow, startCol: fromCol, endRow, endCol };
}

/** A sheet name as Google writes it in ranges: quoted unless plain Latin letters, digits and `_`. */
export function quoteSheet(sheet: string): string {
	return /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet)
		? sheet
		: `'${sheet.replace(/'/g, "''")}'`;
}

/** `'Лист'!A1:C3`, or `'Лист'!B2` for a single cell, as in Google's responses. */
export function formatA1(
	sheet: string,
	startRow: number,
	startCol: number,
	rows: number,
	cols: number,
): string {
	const start = `${columnName(startCol)}${startRow + 1}`;
	const end = `${columnName(startCol + Math.max(cols, 1) - 1)}${startRow + Math.max(rows, 1)}`;
	return `${quoteSheet(sheet)}!${start === end ? start : `${start}:${end}`}`;
}
