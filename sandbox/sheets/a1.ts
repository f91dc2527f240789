/** A1 notation for the Sheets emulator: `'Реестр обращений'!A1:Z`, `Sheet1!B2`, `Лист`, `A:C`. */
export interface GridRange {
	sheet: string | null;
	startRow: number;
	startCol: number;
	/** Exclusive; null = to the end of the data. */
	endRow: number | null;
	endCol: number | null;
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

export class RangeError400 extends Error {}

export function parseA1(input: string): GridRange {
	let sheet: string | null = null;
	let cells = input;
	const bang = input.lastIndexOf('!');
	if (bang >= 0) {
		sheet = input.slice(0, bang);
		cells = input.slice(bang + 1);
		if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
	} else if (!/^[A-Za-z]{0,3}\d*(:[A-Za-z]{0,3}\d*)?$/.test(input)) {
		// Just a sheet name.
		sheet = input.startsWith("'") && input.endsWith("'") ? input.slice(1, -1).replace(/''/g, "'") : input;
		return { sheet, startRow: 0, startCol: 0, endRow: null, endCol: null };
	}
	const m = /^([A-Za-z]*)(\d*)(?::([A-Za-z]*)(\d*))?$/.exec(cells);
	if (!m || (!m[1] && !m[2])) throw new RangeError400(`Unable to parse range: ${input}`);
	const startCol = m[1] ? columnIndex(m[1]) : 0;
	const startRow = m[2] ? Number(m[2]) - 1 : 0;
	if (m[3] === undefined && m[4] === undefined) {
		// A single cell (or a whole column/row).
		return { sheet, startRow, startCol, endRow: m[2] ? startRow + 1 : null, endCol: m[1] ? startCol + 1 : null };
	}
	return { sheet, startRow, startCol, endRow: m[4] ? Number(m[4]) : null, endCol: m[3] ? columnIndex(m[3]) + 1 : null };
}

export function formatA1(sheet: string, startRow: number, startCol: number, rows: number, cols: number): string {
	const quoted = /^[A-Za-z0-9_]+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
	const end = `${columnName(startCol + Math.max(cols, 1) - 1)}${startRow + Math.max(rows, 1)}`;
	return `${quoted}!${columnName(startCol)}${startRow + 1}:${end}`;
}
