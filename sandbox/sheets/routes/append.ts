import { formatA1 } from '../a1';
import { transpose } from '../cells';
import { invalidEnum } from '../errors';
import { locate } from '../state';
import { inputOption, withData, write } from '../writing';
import type { Route } from './context';

/** values.append: the table is the data found from the range's first row, within its columns; new rows go right after it. */
export const append: Route = {
	method: 'POST',
	range: true,
	handle: ({ ss, range: a1, body, req }) => {
		const query = req.query;
		const option = inputOption(query.valueInputOption);
		const insert = query.insertDataOption ?? 'OVERWRITE';
		if (!['OVERWRITE', 'INSERT_ROWS'].includes(insert))
			throw invalidEnum('insert_data_option', insert);
		const { sheet, range } = locate(ss, a1!);
		const colFrom = range.startCol;
		const colTo = range.endCol ?? Number.MAX_SAFE_INTEGER;
		const hasData = (r: number) =>
			(sheet.cells[r] ?? []).some((c, j) => j >= colFrom && j < colTo && c && c.v !== '');
		let first = -1;
		let last = -1;
		for (let r = range.startRow; r < sheet.cells.length; r++) {
			if (hasData(r)) {
				if (first < 0) first = r;
				last = r;
			}
		}
		const start = last >= 0 ? last + 1 : range.startRow;
		let values = ((body.values ?? []) as unknown[][]).map((r) => r ?? []);
		if (String(body.majorDimension ?? 'ROWS') === 'COLUMNS') values = transpose(values, null);
		const title = sheet.properties.title;
		if (insert === 'INSERT_ROWS' && start < sheet.cells.length)
			sheet.cells.splice(start, 0, ...values.map(() => []));
		const apply = write(ss, formatA1(title, start, range.startCol, 1, 1), values, option);
		const updates = withData(apply(), ss, query);
		if (insert === 'INSERT_ROWS') sheet.properties.gridProperties.rowCount += values.length;
		if (sheet.properties.gridProperties.rowCount < sheet.cells.length)
			sheet.properties.gridProperties.rowCount = sheet.cells.length;
		let tableCols = 1;
		for (let r = first; first >= 0 && r <= last; r++)
			tableCols = Math.max(tableCols, Math.min(sheet.cells[r]?.length ?? 0, colTo) - colFrom);
		return {
			status: 200,
			body: {
				spreadsheetId: ss.spreadsheetId,
				...(first >= 0
					? { tableRange: formatA1(title, first, colFrom, last - first + 1, tableCols) }
					: {}),
				updates,
			},
		};
	},
};
