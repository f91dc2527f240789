import { RangeError400 } from '../a1';
import { applyMask } from '../fields';
import { reindex, sheetById, type SheetState } from '../state';
import { requireFields, type RequestHandler } from './context';

/** Title, grid size, frozen rows, position: what the mask names; the title stays unique, the grid non-empty. */
export const updateSheetProperties: RequestHandler = (ctx) => {
	const { ss, r, at } = ctx;
	const tree = requireFields(ctx);
	const props = (r.properties ?? {}) as Record<string, unknown>;
	const sheet = sheetById(ss, props.sheetId, at);
	if (tree.sheetId) throw new RangeError400(`Invalid ${at}: sheetId cannot be changed`);
	const next = structuredClone(sheet.properties) as Record<string, unknown>;
	applyMask(next, props, tree);
	const title = String(next.title ?? '');
	if (!title) throw new RangeError400(`Invalid ${at}: The sheet name cannot be empty.`);
	if (
		ss.sheets.some((s) => s !== sheet && s.properties.title.toLowerCase() === title.toLowerCase())
	) {
		throw new RangeError400(
			`Invalid ${at}: A sheet with the name "${title}" already exists. Please enter another name.`,
		);
	}
	const grid = next.gridProperties as SheetState['properties']['gridProperties'];
	if (!grid || !(grid.rowCount >= 1) || !(grid.columnCount >= 1))
		throw new RangeError400(`Invalid ${at}: the grid must have at least one row and one column`);
	if ((grid.frozenRowCount ?? 0) >= grid.rowCount)
		throw new RangeError400(`Invalid ${at}: You can't freeze all visible rows on the sheet.`);
	sheet.properties = next as SheetState['properties'];
	if (tree.index) {
		const target = Math.max(0, Math.min(Number(props.index ?? 0), ss.sheets.length - 1));
		ss.sheets = ss.sheets.filter((s) => s !== sheet);
		ss.sheets.splice(target, 0, sheet);
	}
	reindex(ss);
	return {};
};
