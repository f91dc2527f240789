import { RangeError400, formatA1, parseA1, type GridRange } from './a1';
import { parseUserEntered, transpose } from './cells';
import { invalidEnum } from './errors';
import { DIMENSIONS, readValues } from './reading';
import { grow, locate, type CellValue, type SpreadsheetState } from './state';

/** Writes shared by the values routes: validation first, then a function that applies the write. */

const VALUE_INPUT = ['RAW', 'USER_ENTERED'];

export type WriteResult = {
	spreadsheetId: string;
	updatedRange?: string;
	updatedRows?: number;
	updatedColumns?: number;
	updatedCells?: number;
	updatedData?: unknown;
};

/** Writes values (null = leave the cell as it is, '' = empty it), as values.update does. */
export function write(
	ss: SpreadsheetState,
	a1: string,
	input: unknown,
	option: string,
	majorDimension?: unknown,
): () => WriteResult {
	const { sheet, range } = locate(ss, a1);
	if (input !== undefined && !Array.isArray(input))
		throw new RangeError400(
			"Invalid value at 'data.values' (type.googleapis.com/google.protobuf.ListValue), expected a list of rows",
		);
	const major = String(majorDimension ?? 'ROWS');
	if (!DIMENSIONS.includes(major)) throw invalidEnum('data.major_dimension', major);
	let values = ((input ?? []) as unknown[]).map((row) => {
		if (row !== null && !Array.isArray(row))
			throw new RangeError400(
				"Invalid value at 'data.values' (type.googleapis.com/google.protobuf.ListValue), expected a list of values",
			);
		return (row ?? []) as unknown[];
	});
	if (major === 'COLUMNS') values = transpose(values, null);
	const rows = values.length;
	const cols = Math.max(0, ...values.map((r) => r.length));
	if (!range.anchor) {
		if (range.endRow !== null && range.startRow + rows > range.endRow) {
			throw new RangeError400(
				`Requested writing within range [${a1}], but tried writing to row [${range.startRow + rows}]`,
			);
		}
		if (range.endCol !== null && range.startCol + cols > range.endCol) {
			throw new RangeError400(
				`Requested writing within range [${a1}], but tried writing to column [${formatA1(
					sheet.properties.title,
					0,
					range.startCol + cols - 1,
					1,
					1,
				)
					.split('!')[1]
					.replace(/\d+/, '')}]`,
			);
		}
	}
	for (const row of values)
		for (const value of row) {
			if (value !== null && typeof value === 'object')
				throw new RangeError400('Invalid values[0][0]: struct_value');
		}
	return () => {
		values.forEach((row, i) => {
			const r = range.startRow + i;
			row.forEach((value, j) => {
				if (value === null || value === undefined) return;
				while (sheet.cells.length <= r) sheet.cells.push([]);
				const c = range.startCol + j;
				while (sheet.cells[r].length <= c) sheet.cells[r].push(null);
				sheet.cells[r][c] =
					value === ''
						? null
						: option === 'RAW'
							? { v: value as CellValue }
							: parseUserEntered(value);
			});
		});
		grow(sheet);
		const cells = values.reduce(
			(s, r) => s + r.filter((v) => v !== null && v !== undefined).length,
			0,
		);
		return {
			spreadsheetId: ss.spreadsheetId,
			...(cells
				? {
						updatedRange: formatA1(
							sheet.properties.title,
							range.startRow,
							range.startCol,
							rows,
							cols,
						),
						updatedRows: rows,
						updatedColumns: cols,
						updatedCells: cells,
					}
				: {}),
		};
	};
}

/** The written values in the response when `includeValuesInResponse` asks for them. */
export function withData(
	result: WriteResult,
	ss: SpreadsheetState,
	query: Record<string, unknown>,
): WriteResult {
	if (
		(query.includeValuesInResponse === 'true' || query.includeValuesInResponse === true) &&
		result.updatedRange
	) {
		result.updatedData = readValues(ss, result.updatedRange, {
			valueRenderOption: String(query.responseValueRenderOption ?? 'FORMATTED_VALUE'),
			dateTimeRenderOption: String(query.responseDateTimeRenderOption ?? 'SERIAL_NUMBER'),
		});
	}
	return result;
}

export function inputOption(option: unknown): string {
	if (option === undefined || option === '' || option === 'INPUT_VALUE_OPTION_UNSPECIFIED')
		throw new RangeError400("'valueInputOption' is required but not specified");
	if (!VALUE_INPUT.includes(String(option)))
		throw invalidEnum('value_input_option', String(option));
	return String(option);
}

/** Empties the range's cells; answers with the range cleared, open ends closed at the grid's size. */
export function clearRange(ss: SpreadsheetState, a1: string): string {
	const { sheet, range } = locate(ss, a1);
	const g = sheet.properties.gridProperties;
	const endRow = Math.min(range.endRow ?? g.rowCount, g.rowCount);
	const endCol = Math.min(range.endCol ?? g.columnCount, g.columnCount);
	for (let r = range.startRow; r < endRow && r < sheet.cells.length; r++) {
		const row = sheet.cells[r];
		for (let c = range.startCol; c < endCol && c < row.length; c++) row[c] = null;
	}
	return formatA1(
		sheet.properties.title,
		range.startRow,
		range.startCol,
		endRow - range.startRow,
		endCol - range.startCol,
	);
}

/** The body's range and the URL's may be written differently (`Лист1!2:3` and `'Лист1'!2:3`) but must mean the same cells. */
export function sameRange(ss: SpreadsheetState, a: string, b: string): boolean {
	const [x, y] = [parseA1(a), parseA1(b)];
	const sheetOf = (r: GridRange) => r.sheet ?? ss.sheets[0]?.properties.title;
	return (
		sheetOf(x) === sheetOf(y) &&
		x.startRow === y.startRow &&
		x.startCol === y.startCol &&
		x.endRow === y.endRow &&
		x.endCol === y.endCol
	);
}
