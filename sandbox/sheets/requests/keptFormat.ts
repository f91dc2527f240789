import { bounds, sheetById } from '../state';
import type { RequestHandler } from './context';

/** updateBorders, mergeCells, unmergeCells: checked against the grid and kept in order, for the exports. */
export const keptFormat: RequestHandler = ({ ss, kind, r, at, range }) => {
	const sheet = sheetById(ss, range.sheetId, at);
	bounds(sheet, range, at);
	sheet.formats.push({ [kind]: { ...r, range: { ...range, sheetId: sheet.properties.sheetId } } });
	return {};
};
