import type { Emulator, Fault, SandboxRequest, SandboxResponse } from '../core/types';
import { RangeError400, formatA1 } from './a1';
import { googleError } from './errors';
import { api, routeOf, TOKEN_PATHS } from './routes';
import { exportHtml, exportRoute, exportXlsx } from './routes/export';
import { expireTokens, token, unauthenticated } from './routes/token';
import { applyRequest } from './requests';
import {
	DEMO_SPREADSHEET_ID,
	SheetsStore,
	type CellValue,
	type SheetsOptions,
	type SpreadsheetState,
} from './state';
import { write } from './writing';

export { formatSerial, parseUserEntered } from './cells';
export {
	DEMO_SPREADSHEET_ID,
	type Cell,
	type CellValue,
	type SheetState,
	type SpreadsheetState,
} from './state';

/**
 * Google Sheets API v4 emulator and the OAuth token endpoint of a service account. Faithful where clients depend on
 * it: A1 ranges with quoted Cyrillic sheet names, RAW vs USER_ENTERED input, FORMATTED / UNFORMATTED / FORMULA
 * rendering, ROWS / COLUMNS major dimension, append after the table, batch requests that apply all or nothing,
 * partial responses (`fields`), Google's error shapes, call counts per method (`values.append`,
 * `spreadsheets.batchUpdate`, `token`…).
 *
 * The state is one SheetsStore (`state.ts`); each REST route is in `routes/`, each batchUpdate request kind in
 * `requests/`, each found through a table by its name.
 */
export class SheetsEmulator implements Emulator {
	readonly name = 'sheets';
	baseUrl?: string;
	private readonly store: SheetsStore;

	constructor(options: SheetsOptions = {}) {
		this.store = new SheetsStore(options);
		this.seedDemoTabs();
	}

	/** Back to the seeded state: only the demo spreadsheet, with its seed tabs. Issued tokens stay valid (they are auth state, not data). */
	reset(): void {
		this.store.reset();
		this.seedDemoTabs();
	}

	/** The demo spreadsheet's seed tabs, made by their own Sheets requests and then filled, as a client would. */
	private seedDemoTabs(): void {
		for (const tab of this.store.options.demoTabs ?? []) {
			const copy = structuredClone(this.store.get(DEMO_SPREADSHEET_ID)!);
			tab.requests.forEach((request, index) => {
				const [kind, body] = Object.entries(request as Record<string, Record<string, unknown>>)[0];
				applyRequest(this.store, copy, kind, body ?? {}, index);
			});
			this.store.replace(copy);
			write(
				this.store.get(DEMO_SPREADSHEET_ID)!,
				formatA1(tab.title, 0, 0, 1, 1),
				tab.values,
				'RAW',
			)();
		}
	}

	dump(): unknown {
		return this.store.dump();
	}

	load(state: unknown): void {
		this.store.load(state);
	}

	/** A new spreadsheet with one empty sheet «Лист1» (sheetId 0, as Google gives the first sheet). */
	createSpreadsheet(title: string, id?: string): SpreadsheetState {
		return this.store.createSpreadsheet(title, id);
	}

	get(id: string): SpreadsheetState | undefined {
		return this.store.get(id);
	}

	/** Values of a sheet as a plain grid, trailing empties trimmed (for tests and exports). */
	values(id: string, title: string): CellValue[][] {
		return this.store.values(id, title);
	}

	/** The spreadsheet as an XLSX workbook (values, number formats, bold header, borders, frozen rows, widths, filter). */
	async exportXlsx(id: string): Promise<Buffer> {
		return exportXlsx(this.store, id);
	}

	/** The spreadsheet as one HTML page, a table per sheet. */
	exportHtml(id: string): string {
		return exportHtml(this.store, id);
	}

	routeOf(req: SandboxRequest): string {
		return routeOf(req);
	}

	renderFault(fault: Fault, req: SandboxRequest): SandboxResponse | undefined {
		if (TOKEN_PATHS.has(req.path) && fault.kind !== 'http_429') {
			return {
				status: Number(fault.kind.slice(5)) || 500,
				body: { error: 'internal_failure', error_description: 'Backend Error' },
			};
		}
		if (fault.kind === 'http_429') {
			const write = /update|append|clear|batchUpdate/i.test(this.routeOf(req));
			const metric = write ? 'Write requests' : 'Read requests';
			return {
				status: 429,
				headers: { 'Retry-After': String(fault.retryAfter) },
				body: {
					error: {
						code: 429,
						message: `Quota exceeded for quota metric '${metric}' and limit '${metric} per minute per user' of service 'sheets.googleapis.com' for consumer 'project_number:0'.`,
						status: 'RESOURCE_EXHAUSTED',
						details: [
							{
								'@type': 'type.googleapis.com/google.rpc.ErrorInfo',
								reason: 'RATE_LIMIT_EXCEEDED',
								domain: 'googleapis.com',
								metadata: {
									service: 'sheets.googleapis.com',
									quota_metric: `sheets.googleapis.com/${write ? 'write' : 'read'}_requests`,
								},
							},
						],
					},
				},
			};
		}
		if (fault.kind === 'api_error')
			return googleError(
				fault.code ?? 400,
				fault.code === 403 ? 'PERMISSION_DENIED' : 'FAILED_PRECONDITION',
				'The caller does not have permission',
			);
		const code = Number(fault.kind.slice(5)) || 500;
		if (code === 502)
			return {
				status: 502,
				headers: { 'Content-Type': 'text/html; charset=UTF-8' },
				body: '<!DOCTYPE html><html lang=en><title>Error 502 (Server Error)!!1</title><p><b>502.</b> <ins>That’s an error.</ins></html>',
			};
		return googleError(
			code,
			code === 503 ? 'UNAVAILABLE' : 'INTERNAL',
			code === 503 ? 'The service is currently unavailable.' : 'Internal error encountered.',
		);
	}

	expireTokens(req?: SandboxRequest): void {
		expireTokens(this.store, req);
	}

	handle(req: SandboxRequest): SandboxResponse | Promise<SandboxResponse> {
		if (TOKEN_PATHS.has(req.path)) return token(this.store, req);
		if (req.path.startsWith('/export/')) return exportRoute(this.store, req);
		const denied = unauthenticated(this.store, req);
		if (denied) return denied;
		if (req.body && typeof req.body === 'object' && '__invalidJson' in req.body) {
			return googleError(
				400,
				'INVALID_ARGUMENT',
				'Invalid JSON payload received. Unexpected token.',
			);
		}
		try {
			return api(this.store, this.baseUrl, req);
		} catch (error) {
			if (error instanceof RangeError400)
				return googleError(400, 'INVALID_ARGUMENT', error.message);
			throw error;
		}
	}
}
