import { bounds, sheetById, type Grid } from '../state';
import type { RequestHandler } from './context';

export const setBasicFilter: RequestHandler = ({ ss, r, at }) => {
	const filter = (r.filter ?? {}) as { range?: Grid };
	const sheet = sheetById(ss, filter.range?.sheetId, at);
	bounds(sheet, filter.range ?? {}, at);
	sheet.basicFilter = { ...filter, range: { ...filter.range, sheetId: sheet.properties.sheetId } };
	return {};
};

export const clearBasicFilter: RequestHandler = ({ ss, r, at }) => {
	delete sheetById(ss, r.sheetId, at).basicFilter;
	return {};
};
