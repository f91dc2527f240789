import { RangeError400 } from '../a1';
import { sheetById, type Grid } from '../state';
import type { RequestHandler } from './context';

export const addConditionalFormatRule: RequestHandler = ({ ss, r, at }) => {
	const rule = (r.rule ?? {}) as { ranges?: Grid[]; booleanRule?: unknown; gradientRule?: unknown };
	if (!rule.ranges?.length)
		throw new RangeError400(`Invalid ${at}: At least one range must be specified.`);
	if (!rule.booleanRule && !rule.gradientRule)
		throw new RangeError400(`Invalid ${at}: rule must have a booleanRule or a gradientRule`);
	const sheet = sheetById(ss, rule.ranges[0].sheetId, at);
	const position = Number(r.index ?? 0);
	if (position < 0 || position > sheet.conditionalFormats.length)
		throw new RangeError400(`Invalid ${at}: index ${position} is out of bounds`);
	sheet.conditionalFormats.splice(position, 0, {
		...rule,
		ranges: rule.ranges.map((g) => ({ ...g, sheetId: sheet.properties.sheetId })),
	});
	return {};
};

export const deleteConditionalFormatRule: RequestHandler = ({ ss, r, at }) => {
	const sheet = sheetById(ss, r.sheetId, at);
	const position = Number(r.index ?? 0);
	if (position < 0 || position >= sheet.conditionalFormats.length)
		throw new RangeError400(
			`Invalid ${at}: No conditional format on sheet ${sheet.properties.sheetId} at index ${position}`,
		);
	const [rule] = sheet.conditionalFormats.splice(position, 1);
	return { deleteConditionalFormatRule: { rule } };
};
