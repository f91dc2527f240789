import { RangeError400 } from '../a1';
import type { Grid, SheetsStore, SpreadsheetState } from '../state';
import { addChart } from './addChart';
import { addSheet } from './addSheet';
import { appendDimension } from './appendDimension';
import { autoResizeDimensions } from './autoResizeDimensions';
import { clearBasicFilter, setBasicFilter } from './basicFilter';
import { addConditionalFormatRule, deleteConditionalFormatRule } from './conditionalFormatRule';
import type { RequestHandler } from './context';
import { deleteSheet } from './deleteSheet';
import { insertDeleteDimension } from './insertDeleteDimension';
import { keptFormat } from './keptFormat';
import { repeatCell } from './repeatCell';
import { setDataValidation } from './setDataValidation';
import { updateCells } from './updateCells';
import { updateDimensionProperties } from './updateDimensionProperties';
import { updateSheetProperties } from './updateSheetProperties';
import { updateSpreadsheetProperties } from './updateSpreadsheetProperties';

/** The batchUpdate request kinds the emulator implements, each by its handler. */
const HANDLERS: Record<string, RequestHandler> = {
	addSheet,
	deleteSheet,
	updateSheetProperties,
	repeatCell,
	updateBorders: keptFormat,
	setBasicFilter,
	clearBasicFilter,
	addConditionalFormatRule,
	deleteConditionalFormatRule,
	addChart,
	setDataValidation,
	autoResizeDimensions,
	updateDimensionProperties,
	insertDimension: insertDeleteDimension,
	deleteDimension: insertDeleteDimension,
	appendDimension,
	mergeCells: keptFormat,
	unmergeCells: keptFormat,
	updateSpreadsheetProperties,
	updateCells,
};

/** Request kinds that exist in the real API but this emulator does not implement (answered as unsupported, not unknown). */
const OTHER_GOOGLE_REQUESTS = new Set([
	'duplicateSheet',
	'moveDimension',
	'updateEmbeddedObjectPosition',
	'findReplace',
	'pasteData',
	'copyPaste',
	'cutPaste',
	'addNamedRange',
	'updateNamedRange',
	'deleteNamedRange',
	'addProtectedRange',
	'updateProtectedRange',
	'deleteProtectedRange',
	'updateConditionalFormatRule',
	'updateChartSpec',
	'addFilterView',
	'updateFilterView',
	'deleteFilterView',
	'duplicateFilterView',
	'addBanding',
	'updateBanding',
	'deleteBanding',
	'sortRange',
	'randomizeRange',
	'textToColumns',
	'autoFill',
	'insertRange',
	'deleteRange',
	'deleteEmbeddedObject',
	'appendCells',
	'addDimensionGroup',
	'deleteDimensionGroup',
	'updateDimensionGroup',
	'trimWhitespace',
	'deleteDuplicates',
	'addSlicer',
	'updateSlicerSpec',
	'addDataSource',
	'updateDataSource',
	'deleteDataSource',
	'refreshDataSource',
	'cancelDataSourceRefresh',
	'createDeveloperMetadata',
	'updateDeveloperMetadata',
	'deleteDeveloperMetadata',
	'addTable',
	'updateTable',
	'deleteTable',
]);

export const isSupportedRequest = (kind: string): boolean =>
	Object.prototype.hasOwnProperty.call(HANDLERS, kind);

/** A request kind of Google's API, implemented here or not. */
export const isGoogleRequest = (kind: string): boolean =>
	isSupportedRequest(kind) || OTHER_GOOGLE_REQUESTS.has(kind);

/** Applies one request of a batch to the spreadsheet's working copy; returns its reply. */
export function applyRequest(
	store: SheetsStore,
	ss: SpreadsheetState,
	kind: string,
	r: Record<string, unknown>,
	index: number,
): unknown {
	const at = `requests[${index}].${kind}`;
	if (!isSupportedRequest(kind)) throw new RangeError400(`Invalid ${at}: unsupported request`);
	return HANDLERS[kind]({ store, ss, kind, r, at, range: (r.range ?? {}) as Grid });
}
