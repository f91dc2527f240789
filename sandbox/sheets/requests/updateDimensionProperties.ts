import { invalidEnum } from '../errors';
import { sheetById } from '../state';
import { requireFields, type DimensionRange, type RequestHandler } from './context';

/** Column widths are kept (for the exports); row properties are accepted and not kept. */
export const updateDimensionProperties: RequestHandler = (ctx) => {
	const { ss, r, at } = ctx;
	requireFields(ctx);
	const dr = (r.range ?? {}) as DimensionRange;
	const sheet = sheetById(ss, dr.sheetId, at);
	if (!['ROWS', 'COLUMNS'].includes(String(dr.dimension)))
		throw invalidEnum(`${at}.range.dimension`, String(dr.dimension));
	const size = (r.properties as { pixelSize?: number })?.pixelSize;
	const end =
		dr.endIndex ??
		(dr.dimension === 'COLUMNS'
			? sheet.properties.gridProperties.columnCount
			: sheet.properties.gridProperties.rowCount);
	if (dr.dimension === 'COLUMNS' && size)
		for (let c = dr.startIndex ?? 0; c < end; c++) sheet.columnWidths[c] = size;
	return {};
};
