import type { SandboxRequest, SandboxResponse } from '../../core/types';
import type { SheetsStore, SpreadsheetState } from '../state';

/** What a REST route of the Sheets API gets: the store, the request, its spreadsheet and its A1 range. */
export interface RouteContext {
	store: SheetsStore;
	/** The emulator's own URL, for `spreadsheetUrl`. */
	baseUrl: string | undefined;
	req: SandboxRequest;
	/** The JSON body, `{}` when there is none. */
	body: Record<string, unknown>;
	ss: SpreadsheetState;
	/** The A1 range of the URL (`/values/{range}`), decoded. */
	range: string | undefined;
}

export interface Route {
	method: 'GET' | 'POST' | 'PUT';
	/** Whether the URL carries a range (`/values/{range}`) or must not. */
	range: boolean;
	handle(ctx: RouteContext): SandboxResponse;
}
