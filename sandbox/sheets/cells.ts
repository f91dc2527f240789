import type { Cell, CellValue, SheetState } from './state';

/** Cell values: USER_ENTERED parsing, extended values, rendering with the column's number format. */

const isoToSerial = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) =>
	Date.UTC(y, mo - 1, d, h, mi, s) / 86400000 + 25569;

/** USER_ENTERED parsing: numbers, booleans, dates, percents, formulas; a leading apostrophe forces text. */
export function parseUserEntered(value: unknown): Cell {
	if (typeof value === 'number' || typeof value === 'boolean') return { v: value };
	const text = value === null || value === undefined ? '' : String(value);
	if (text.startsWith("'")) return { v: text.slice(1) };
	if (text.startsWith('=') && text.length > 1) return { v: text, f: text };
	if (/^-?\d+([.,]\d+)?$/.test(text.trim())) return { v: Number(text.trim().replace(',', '.')) };
	if (/^-?\d+([.,]\d+)?%$/.test(text.trim()))
		return { v: Number(text.trim().slice(0, -1).replace(',', '.')) / 100 };
	if (/^(TRUE|FALSE)$/i.test(text)) return { v: text.toUpperCase() === 'TRUE' };
	let m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
	if (m) return { v: isoToSerial(+m[1], +m[2], +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)) };
	m = /^(\d{2})\.(\d{2})\.(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
	if (m) return { v: isoToSerial(+m[3], +m[2], +m[1], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)) };
	return { v: text };
}

/** A date/time serial number rendered with a Sheets pattern (`dd.mm.yyyy hh:mm`, `yyyy-mm-dd`). */
export function formatSerial(serial: number, pattern: string): string {
	const d = new Date(Math.round((serial - 25569) * 86400000));
	const pad = (n: number) => String(n).padStart(2, '0');
	// `mm` right after `hh` or before `ss` means minutes, elsewhere months, as in Sheets.
	return pattern.replace(/yyyy|yy|dd|hh|mm|ss/g, (token, offset: number, whole: string) => {
		switch (token) {
			case 'yyyy':
				return String(d.getUTCFullYear());
			case 'yy':
				return pad(d.getUTCFullYear() % 100);
			case 'dd':
				return pad(d.getUTCDate());
			case 'hh':
				return pad(d.getUTCHours());
			case 'ss':
				return pad(d.getUTCSeconds());
			default: {
				const before = whole.slice(0, offset);
				const after = whole.slice(offset + 2);
				return /hh\W*$/.test(before) || /^\W*ss/.test(after)
					? pad(d.getUTCMinutes())
					: pad(d.getUTCMonth() + 1);
			}
		}
	});
}

/** The cell as Sheets shows it (FORMATTED_VALUE): the column's number format, the ru_RU decimal comma. */
export function formatted(sheet: SheetState, col: number, cell: Cell): string {
	if (typeof cell.v === 'boolean') return cell.v ? 'TRUE' : 'FALSE';
	if (typeof cell.v !== 'number') return cell.v;
	const fmt = sheet.columnFormats[col];
	if (
		fmt &&
		(fmt.type === 'DATE_TIME' || fmt.type === 'DATE' || fmt.type === 'TIME') &&
		fmt.pattern
	)
		return formatSerial(cell.v, fmt.pattern);
	if (fmt?.type === 'DATE') return formatSerial(cell.v, 'dd.mm.yyyy');
	if (fmt?.type === 'DATE_TIME') return formatSerial(cell.v, 'dd.mm.yyyy hh:mm:ss');
	if (fmt?.type === 'PERCENT') {
		const decimals = /\.(0+)%/.exec(fmt.pattern ?? '')?.[1].length ?? 0;
		return `${(cell.v * 100).toFixed(decimals).replace('.', ',')}%`;
	}
	if (fmt?.type === 'NUMBER' && fmt.pattern) {
		const decimals = /\.(0+)/.exec(fmt.pattern)?.[1].length ?? 0;
		return cell.v.toFixed(decimals).replace('.', ',');
	}
	// ru_RU: a decimal comma.
	return String(cell.v).replace('.', ',');
}

/** A cell from an ExtendedValue of the batchUpdate requests; an empty string empties the cell. */
export function fromExtendedValue(v: Record<string, unknown>): Cell | null {
	if (typeof v.formulaValue === 'string') return { v: v.formulaValue, f: v.formulaValue };
	if (typeof v.numberValue === 'number') return { v: v.numberValue };
	if (typeof v.boolValue === 'boolean') return { v: v.boolValue };
	if (typeof v.stringValue === 'string') return v.stringValue === '' ? null : { v: v.stringValue };
	return null;
}

export function transpose<T>(rows: T[][], fill: T | '' = ''): Array<Array<T | ''>> {
	const width = Math.max(0, ...rows.map((r) => r.length));
	return Array.from({ length: width }, (_, c) => rows.map((r) => (c < r.length ? r[c] : fill)));
}

export function trimGrid<T>(rows: Array<Array<T | ''>>): Array<Array<T | ''>> {
	const out = rows.map((r) => {
		const copy = [...r];
		while (copy.length && copy[copy.length - 1] === '') copy.pop();
		return copy;
	});
	while (out.length && out[out.length - 1].length === 0) out.pop();
	return out;
}
