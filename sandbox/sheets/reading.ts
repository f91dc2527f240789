import { RangeError400, formatA1, type GridRange } from './a1';
import { formatted, transpose, trimGrid } from './cells';
import { invalidEnum } from './errors';
import { parseFields, selectFields, type FieldTree } from './fields';
import { locate, type CellValue, type SheetState, type SpreadsheetState } from './state';

/** Reads shared by the routes: values.get and spreadsheets.get with their render options and partial responses. */

const VALUE_RENDER = ['FORMATTED_VALUE', 'UNFORMATTED_VALUE', 'FORMULA'];
const DATE_RENDER = ['SERIAL_NUMBER', 'FORMATTED_STRING'];
export const DIMENSIONS = ['ROWS', 'COLUMNS', 'DIMENSION_UNSPECIFIED'];

function enumParam(
	query: Record<string, string>,
	key: string,
	allowed: string[],
	fallback: string,
): string {
	const value = query[key] ?? fallback;
	if (!allowed.includes(value))
		throw invalidEnum(
			key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
			value,
		);
	return value;
}

/** values.get of one range. */
export function readValues(ss: SpreadsheetState, a1: string, query: Record<string, string>) {
	const { sheet, range } = locate(ss, a1);
	const render = enumParam(query, 'valueRenderOption', VALUE_RENDER, 'FORMATTED_VALUE');
	const dates = enumParam(query, 'dateTimeRenderOption', DATE_RENDER, 'SERIAL_NUMBER');
	const major = enumParam(query, 'majorDimension', DIMENSIONS, 'ROWS');
	const g = sheet.properties.gridProperties;
	const endRow = range.endRow ?? g.rowCount;
	const endCol = range.endCol ?? g.columnCount;
	if (range.startRow >= g.rowCount || range.startCol >= g.columnCount) {
		throw new RangeError400(
			`Range (${a1}) exceeds grid limits. Max rows: ${g.rowCount}, max columns: ${g.columnCount}`,
		);
	}
	let rows: CellValue[][] = [];
	for (let r = range.startRow; r < Math.min(endRow, sheet.cells.length); r++) {
		const row = sheet.cells[r] ?? [];
		const out: CellValue[] = [];
		for (let c = range.startCol; c < Math.min(endCol, row.length); c++) {
			const cell = row[c];
			const fmt = sheet.columnFormats[c];
			const isDate =
				fmt && (fmt.type === 'DATE' || fmt.type === 'DATE_TIME' || fmt.type === 'TIME');
			if (!cell) out.push('');
			else if (render === 'FORMULA')
				out.push(
					cell.f ?? (isDate && dates === 'FORMATTED_STRING' ? formatted(sheet, c, cell) : cell.v),
				);
			else if (render === 'UNFORMATTED_VALUE')
				out.push(isDate && dates === 'FORMATTED_STRING' ? formatted(sheet, c, cell) : cell.v);
			else out.push(formatted(sheet, c, cell));
		}
		rows.push(out);
	}
	rows = trimGrid(rows);
	if (major === 'COLUMNS') rows = trimGrid(transpose(rows));
	// Google answers with the requested range, open ends closed at the grid's size.
	const answered = formatA1(
		sheet.properties.title,
		range.startRow,
		range.startCol,
		Math.min(endRow, g.rowCount) - range.startRow,
		Math.min(endCol, g.columnCount) - range.startCol,
	);
	return {
		range: answered,
		majorDimension: major === 'COLUMNS' ? 'COLUMNS' : 'ROWS',
		...(rows.length ? { values: rows } : {}),
	};
}

/** spreadsheets.get: properties, sheets (with their filters, rules, charts), grid data for `ranges` when asked. */
export function describe(
	ss: SpreadsheetState,
	baseUrl: string | undefined,
	includeGrid: boolean,
	ranges: string[],
	fields?: string,
): unknown {
	const located = ranges.map((r) => locate(ss, r));
	const sheets = located.length
		? ss.sheets.filter((s) => located.some((l) => l.sheet === s))
		: ss.sheets;
	const full = {
		spreadsheetId: ss.spreadsheetId,
		properties: ss.properties,
		sheets: sheets.map((s) => ({
			properties: s.properties,
			...(includeGrid
				? {
						data: (located.length
							? located.filter((l) => l.sheet === s).map((l) => l.range)
							: [null]
						).map((r) => gridData(s, r)),
					}
				: {}),
			...(s.conditionalFormats.length ? { conditionalFormats: s.conditionalFormats } : {}),
			...(s.basicFilter ? { basicFilter: s.basicFilter } : {}),
			...(s.charts.length ? { charts: s.charts } : {}),
		})),
		spreadsheetUrl: `${baseUrl ?? ''}/export/${ss.spreadsheetId}.html`,
	};
	return partial(full, fields);
}

/** A partial response (`fields`), always a copy of the state. */
export function partial(value: unknown, fields: string | undefined): unknown {
	if (!fields) return structuredClone(value);
	let tree: FieldTree;
	try {
		tree = parseFields(fields);
	} catch {
		throw new RangeError400(`Invalid field selection ${fields}`);
	}
	return structuredClone(selectFields(value, tree));
}

function gridData(sheet: SheetState, range: GridRange | null) {
	const startRow = range?.startRow ?? 0;
	const startCol = range?.startCol ?? 0;
	const endRow = Math.min(range?.endRow ?? sheet.cells.length, sheet.cells.length);
	const rowData = [];
	for (let r = startRow; r < endRow; r++) {
		const row = sheet.cells[r] ?? [];
		const endCol = Math.min(range?.endCol ?? row.length, row.length);
		const values = [];
		for (let c = startCol; c < endCol; c++) {
			const cell = row[c];
			if (!cell) {
				values.push({});
				continue;
			}
			const typed = (v: CellValue) =>
				typeof v === 'number'
					? { numberValue: v }
					: typeof v === 'boolean'
						? { boolValue: v }
						: { stringValue: v };
			const fmt = sheet.columnFormats[c];
			values.push({
				userEnteredValue: cell.f ? { formulaValue: cell.f } : typed(cell.v),
				effectiveValue: typed(cell.v),
				formattedValue: formatted(sheet, c, cell),
				...(fmt ? { userEnteredFormat: { numberFormat: fmt } } : {}),
			});
		}
		rowData.push(values.length ? { values } : {});
	}
	return {
		...(startRow ? { startRow } : {}),
		...(startCol ? { startColumn: startCol } : {}),
		rowData,
		rowMetadata: [],
		columnMetadata: [],
	};
}
