import { RangeError400 } from '../a1';
import { reindex, sheetById } from '../state';
import type { RequestHandler } from './context';

export const deleteSheet: RequestHandler = ({ ss, r, at }) => {
	const sheet = sheetById(ss, r.sheetId, at);
	if (ss.sheets.length === 1)
		throw new RangeError400(`Invalid ${at}: You can't remove all the sheets in a document.`);
	ss.sheets = ss.sheets.filter((s) => s !== sheet);
	reindex(ss);
	return {};
};
