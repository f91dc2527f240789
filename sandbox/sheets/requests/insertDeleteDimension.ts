import { RangeError400 } from '../a1';
import { invalidEnum } from '../errors';
import { sheetById } from '../state';
import type { DimensionRange, RequestHandler } from './context';

/** insertDimension and deleteDimension: rows or columns shift, the grid grows or shrinks. */
export const insertDeleteDimension: RequestHandler = ({ ss, kind, r, at }) => {
	const dr = (r.range ?? {}) as DimensionRange;
	const sheet = sheetById(ss, dr.sheetId, at);
	const g = sheet.properties.gridProperties;
	const startIndex = dr.startIndex ?? 0;
	const count = (dr.endIndex ?? 0) - startIndex;
	if (!['ROWS', 'COLUMNS'].includes(String(dr.dimension)))
		throw invalidEnum(`${at}.range.dimension`, String(dr.dimension));
	if (count < 1 || startIndex < 0)
		throw new RangeError400(
			`Invalid ${at}: the range must contain at least one ${dr.dimension === 'ROWS' ? 'row' : 'column'}`,
		);
	const size = dr.dimension === 'ROWS' ? g.rowCount : g.columnCount;
	if (kind === 'insertDimension' && startIndex > size)
		throw new RangeError400(`Invalid ${at}: startIndex ${startIndex} is beyond the grid (${size})`);
	if (kind === 'deleteDimension') {
		if (dr.endIndex! > size) throw new RangeError400(`Invalid ${at}: Range exceeds grid limits`);
		if (count >= size)
			throw new RangeError400(
				`Invalid ${at}: You can't delete all the ${dr.dimension === 'ROWS' ? 'rows' : 'columns'} on the sheet.`,
			);
	}
	if (dr.dimension === 'ROWS') {
		if (kind === 'insertDimension') {
			if (startIndex < sheet.cells.length)
				sheet.cells.splice(startIndex, 0, ...Array.from({ length: count }, () => []));
			g.rowCount += count;
		} else {
			sheet.cells.splice(startIndex, count);
			g.rowCount -= count;
		}
	} else {
		for (const row of sheet.cells) {
			if (kind === 'insertDimension') {
				if (startIndex < row.length)
					row.splice(startIndex, 0, ...Array.from({ length: count }, () => null));
			} else row.splice(startIndex, count);
		}
		g.columnCount += kind === 'insertDimension' ? count : -count;
	}
	return {};
};
