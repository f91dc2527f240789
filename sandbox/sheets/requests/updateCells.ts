import { fromExtendedValue } from '../cells';
import { grow, sheetById } from '../state';
import { requireFields, type RequestHandler } from './context';

/** Rows of cell values from `start` (or the range's corner); only values are kept. */
export const updateCells: RequestHandler = (ctx) => {
	const { ss, r, at, range } = ctx;
	const tree = requireFields(ctx);
	const rows = (r.rows ?? []) as Array<{
		values?: Array<{ userEnteredValue?: Record<string, unknown> }>;
	}>;
	const start = r.start as
		| { sheetId?: number; rowIndex?: number; columnIndex?: number }
		| undefined;
	const sheet = sheetById(ss, start?.sheetId ?? range.sheetId, at);
	const r0 = start?.rowIndex ?? range.startRowIndex ?? 0;
	const c0 = start?.columnIndex ?? range.startColumnIndex ?? 0;
	if (tree.userEnteredValue) {
		rows.forEach((row, i) =>
			(row.values ?? []).forEach((v, j) => {
				while (sheet.cells.length <= r0 + i) sheet.cells.push([]);
				while (sheet.cells[r0 + i].length <= c0 + j) sheet.cells[r0 + i].push(null);
				sheet.cells[r0 + i][c0 + j] = v.userEnteredValue
					? fromExtendedValue(v.userEnteredValue)
					: null;
			}),
		);
		grow(sheet);
	}
	return {};
};
