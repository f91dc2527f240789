import { RangeError400 } from '../a1';
import { parseFields, type FieldTree } from '../fields';
import type { Grid, SheetsStore, SpreadsheetState } from '../state';

/** What a batchUpdate request handler gets: the spreadsheet's working copy and its own request. */
export interface RequestContext {
	store: SheetsStore;
	/** The copy the batch changes; kept only when every request succeeded. */
	ss: SpreadsheetState;
	kind: string;
	/** The request's body (`{ range, cell, fields }` of a repeatCell…). */
	r: Record<string, unknown>;
	/** Where the request is in the batch, for Google's error messages: `requests[2].repeatCell`. */
	at: string;
	range: Grid;
}

/** A request kind's handler; returns its reply (`{}` when Google replies with an empty object). */
export type RequestHandler = (ctx: RequestContext) => unknown;

/** The request's `fields` mask, required by the update requests. */
export function requireFields({ r, at }: RequestContext): FieldTree {
	if (!r.fields)
		throw new RangeError400(`Invalid ${at}: At least one field must be specified in 'fields'.`);
	try {
		return parseFields(String(r.fields));
	} catch {
		throw new RangeError400(`Invalid ${at}: Invalid field mask: ${String(r.fields)}`);
	}
}

/** A DimensionRange of the dimension requests. */
export type DimensionRange = {
	sheetId?: number;
	dimension?: string;
	startIndex?: number;
	endIndex?: number;
};
