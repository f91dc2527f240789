import { fromExtendedValue } from '../cells';
import { bounds, sheetById } from '../state';
import { requireFields, type RequestHandler } from './context';

/**
 * One cell's value or format over a range. A number format set from the header or first data row on is kept per
 * column, for FORMATTED_VALUE; the request itself is kept for the exports.
 */
export const repeatCell: RequestHandler = (ctx) => {
	const { ss, r, at, range } = ctx;
	const tree = requireFields(ctx);
	const sheet = sheetById(ss, range.sheetId, at);
	const b = bounds(sheet, range, at);
	const cell = (r.cell ?? {}) as {
		userEnteredValue?: Record<string, unknown>;
		userEnteredFormat?: { numberFormat?: { type: string; pattern?: string } };
	};
	const ue = tree.userEnteredFormat;
	if ((ue === true || (ue && ue.numberFormat)) && b.r0 <= 1) {
		const fmt = cell.userEnteredFormat?.numberFormat;
		for (let c = b.c0; c < b.c1; c++) {
			if (fmt) sheet.columnFormats[c] = fmt;
			else delete sheet.columnFormats[c];
		}
	}
	if (tree.userEnteredValue) {
		const v = cell.userEnteredValue;
		const value = v === undefined ? undefined : fromExtendedValue(v);
		for (let row = b.r0; row < b.r1; row++) {
			while (sheet.cells.length <= row) sheet.cells.push([]);
			for (let c = b.c0; c < b.c1; c++) {
				while (sheet.cells[row].length <= c) sheet.cells[row].push(null);
				sheet.cells[row][c] = value ?? null;
			}
		}
	}
	sheet.formats.push({
		repeatCell: {
			range: { ...range, sheetId: sheet.properties.sheetId },
			cell: r.cell,
			fields: r.fields,
		},
	});
	return {};
};
