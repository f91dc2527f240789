import { bounds, sheetById } from '../state';
import type { RequestHandler } from './context';

export const setDataValidation: RequestHandler = ({ ss, r, at, range }) => {
	const sheet = sheetById(ss, range.sheetId, at);
	bounds(sheet, range, at);
	sheet.dataValidations.push({
		range: { ...range, sheetId: sheet.properties.sheetId },
		...(r.rule ? { rule: r.rule } : {}),
	});
	return {};
};
