import { formatted } from '../cells';
import { sheetById } from '../state';
import type { DimensionRange, RequestHandler } from './context';

/** Columns fit their longest shown value, within Google's 40–600 px; rows are left as they are. */
export const autoResizeDimensions: RequestHandler = ({ ss, r, at }) => {
	const dims = (r.dimensions ?? {}) as DimensionRange;
	const sheet = sheetById(ss, dims.sheetId, at);
	if (dims.dimension === 'COLUMNS') {
		const end = dims.endIndex ?? sheet.properties.gridProperties.columnCount;
		for (let c = dims.startIndex ?? 0; c < end; c++) {
			let longest = 0;
			for (const row of sheet.cells) {
				const cell = row[c];
				if (cell) longest = Math.max(longest, formatted(sheet, c, cell).length);
			}
			sheet.columnWidths[c] = Math.min(600, Math.max(40, longest * 7 + 12));
		}
	}
	return {};
};
