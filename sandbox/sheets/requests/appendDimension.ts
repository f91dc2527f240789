import { RangeError400 } from '../a1';
import { invalidEnum } from '../errors';
import { sheetById } from '../state';
import type { RequestHandler } from './context';

export const appendDimension: RequestHandler = ({ ss, r, at }) => {
	const sheet = sheetById(ss, r.sheetId, at);
	const length = Number(r.length ?? 0);
	if (!Number.isInteger(length) || length < 1)
		throw new RangeError400(`Invalid ${at}: length must be positive`);
	const g = sheet.properties.gridProperties;
	if (r.dimension === 'COLUMNS') g.columnCount += length;
	else if (r.dimension === 'ROWS') g.rowCount += length;
	else throw invalidEnum(`${at}.dimension`, String(r.dimension));
	return {};
};
