import { applyMask } from '../fields';
import { requireFields, type RequestHandler } from './context';

export const updateSpreadsheetProperties: RequestHandler = (ctx) => {
	const tree = requireFields(ctx);
	applyMask(ctx.ss.properties, (ctx.r.properties ?? {}) as Record<string, unknown>, tree);
	return {};
};
