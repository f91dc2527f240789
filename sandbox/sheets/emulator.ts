import { randomBytes, verify } from 'node:crypto';
import type { Emulator, Fault, SandboxRequest, SandboxResponse } from '../core/types';
import { RangeError400, formatA1, parseA1, type GridRange } from './a1';
import { spreadsheetHtml, spreadsheetXlsx } from './export';
import { applyMask, parseFields, selectFields, type FieldTree } from './fields';

/**
 * Google Sheets API v4 emulator and the OAuth token endpoint of a service account. Faithful where clients depend on
 * it: A1 ranges with quoted Cyrillic sheet names, RAW vs USER_ENTERED input, FORMATTED / UNFORMATTED / FORMULA
 * rendering, ROWS / COLUMNS major dimension, append after the table, batch requests that apply all or nothing,
 * partial responses (`fields`), Google's error shapes, call counts per method (`values.append`,
 * `spreadsheets.batchUpdate`, `token`…).
 */
export type CellValue = string | number | boolean;

export interface Cell {
	v: CellValue;
	/** The formula as entered (USER_ENTERED `=…`). */
	f?: string;
}

export interface SheetState {
	properties: {
		sheetId: number;
		title: string;
		index: number;
		gridProperties: { rowCount: number; columnCount: number; frozenRowCount?: number; frozenColumnCount?: number };
		[k: string]: unknown;
	};
	cells: Array<Array<Cell | null>>;
	/** Number formats per column (from repeatCell), used by FORMATTED_VALUE. */
	columnFormats: Record<number, { type: string; pattern?: string }>;
	conditionalFormats: unknown[];
	basicFilter?: unknown;
	charts: unknown[];
	dataValidations: unknown[];
	/** Formatting requests in the order applied (`{repeatCell: …}`, `{updateBorders: …}`, `{mergeCells: …}`), for exports. */
	formats: unknown[];
	columnWidths: Record<number, number>;
}

export interface SpreadsheetState {
	spreadsheetId: string;
	properties: { title: string; locale: string; timeZone: string; [k: string]: unknown };
	sheets: SheetState[];
}

/** The well-known spreadsheet of the demo and the e2e tests. */
export const DEMO_SPREADSHEET_ID = 'mcu-demo-spreadsheet';

const SUPPORTED_REQUESTS = new Set([
	'addSheet', 'deleteSheet', 'updateSheetProperties', 'repeatCell', 'updateBorders', 'setBasicFilter', 'clearBasicFilter',
	'addConditionalFormatRule', 'deleteConditionalFormatRule', 'addChart', 'setDataValidation', 'autoResizeDimensions',
	'updateDimensionProperties', 'insertDimension', 'deleteDimension', 'appendDimension', 'mergeCells', 'unmergeCells',
	'updateSpreadsheetProperties', 'updateCells',
]);

/** Request kinds that exist in the real API but this emulator does not implement (answered as unsupported, not unknown). */
const OTHER_GOOGLE_REQUESTS = new Set([
	'duplicateSheet', 'moveDimension', 'updateEmbeddedObjectPosition', 'findReplace', 'pasteData', 'copyPaste', 'cutPaste',
	'addNamedRange', 'updateNamedRange', 'deleteNamedRange', 'addProtectedRange', 'updateProtectedRange', 'deleteProtectedRange',
	'updateConditionalFormatRule', 'updateChartSpec', 'addFilterView', 'updateFilterView', 'deleteFilterView', 'duplicateFilterView',
	'addBanding', 'updateBanding', 'deleteBanding', 'sortRange', 'randomizeRange', 'textToColumns', 'autoFill', 'insertRange',
	'deleteRange', 'deleteEmbeddedObject', 'appendCells', 'addDimensionGroup', 'deleteDimensionGroup', 'updateDimensionGroup',
	'trimWhitespace', 'deleteDuplicates', 'addSlicer', 'updateSlicerSpec', 'addDataSource', 'updateDataSource',
	'deleteDataSource', 'refreshDataSource', 'cancelDataSourceRefresh', 'createDeveloperMetadata', 'updateDeveloperMetadata',
	'deleteDeveloperMetadata', 'addTable', 'updateTable', 'deleteTable',
]);

const VALUE_INPUT = ['RAW', 'USER_ENTERED'];
const VALUE_RENDER = ['FORMATTED_VALUE', 'UNFORMATTED_VALUE', 'FORMULA'];
const DATE_RENDER = ['SERIAL_NUMBER', 'FORMATTED_STRING'];
const DIMENSIONS = ['ROWS', 'COLUMNS', 'DIMENSION_UNSPECIFIED'];

function googleError(code: number, status: string, message: string): SandboxResponse {
	return { status: code, body: { error: { code, message, status } } };
}

/** Google's answer to a JSON field it does not know. */
function unknownField(name: string, at: string): SandboxResponse {
	const message = `Invalid JSON payload received. Unknown name "${name}" at '${at}': Cannot find field.`;
	return {
		status: 400,
		body: { error: { code: 400, message, status: 'INVALID_ARGUMENT', details: [{ '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolations: [{ field: at, description: message }] }] } },
	};
}

function invalidEnum(param: string, value: string): RangeError400 {
	return new RangeError400(`Invalid value at '${param}' (${param.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())}), "${value}"`);
}

const isoToSerial = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => Date.UTC(y, mo - 1, d, h, mi, s) / 86400000 + 25569;

/** USER_ENTERED parsing: numbers, booleans, dates, percents, formulas; a leading apostrophe forces text. */
export function parseUserEntered(value: unknown): Cell {
	if (typeof value === 'number' || typeof value === 'boolean') return { v: value };
	const text = value === null || value === undefined ? '' : String(value);
	if (text.startsWith("'")) return { v: text.slice(1) };
	if (text.startsWith('=') && text.length > 1) return { v: text, f: text };
	if (/^-?\d+([.,]\d+)?$/.test(text.trim())) return { v: Number(text.trim().replace(',', '.')) };
	if (/^-?\d+([.,]\d+)?%$/.test(text.trim())) return { v: Number(text.trim().slice(0, -1).replace(',', '.')) / 100 };
	if (/^(TRUE|FALSE)$/i.test(text)) return { v: text.toUpperCase() === 'TRUE' };
	let m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
	if (m) return { v: isoToSerial(+m[1], +m[2], +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)) };
	m = /^(\d{2})\.(\d{2})\.(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
	if (m) return { v: isoToSerial(+m[3], +m[2], +m[1], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)) };
	return { v: text };
}

/** A date/time serial number rendered with a Sheets pattern (`dd.mm.yyyy hh:mm`, `yyyy-mm-dd`). */
export function formatSerial(serial: number, pattern: string): string {
	const d = new Date(Math.round((serial - 25569) * 86400000));
	const pad = (n: number) => String(n).padStart(2, '0');
	// `mm` right after `hh` or before `ss` means minutes, elsewhere months, as in Sheets.
	return pattern.replace(/yyyy|yy|dd|hh|mm|ss/g, (token, offset: number, whole: string) => {
		switch (token) {
			case 'yyyy':
				return String(d.getUTCFullYear());
			case 'yy':
				return pad(d.getUTCFullYear() % 100);
			case 'dd':
				return pad(d.getUTCDate());
			case 'hh':
				return pad(d.getUTCHours());
			case 'ss':
				return pad(d.getUTCSeconds());
			default: {
				const before = whole.slice(0, offset);
				const after = whole.slice(offset + 2);
				return /hh\W*$/.test(before) || /^\W*ss/.test(after) ? pad(d.getUTCMinutes()) : pad(d.getUTCMonth() + 1);
			}
		}
	});
}

interface Grid {
	sheetId?: number;
	startRowIndex?: number;
	endRowIndex?: number;
	startColumnIndex?: number;
	endColumnIndex?: number;
}

const VALUES_PATH = /^\/v4\/spreadsheets(?:\/([^/:]+))?(?:\/values(?:\/(.+?))?)?(?::(append|clear|batchGet|batchUpdate|batchClear))?$/;
const TOKEN_PATHS = new Set(['/token', '/oauth2/v4/token']);

export class SheetsEmulator implements Emulator {
	readonly name = 'sheets';
	baseUrl?: string;
	private spreadsheets = new Map<string, SpreadsheetState>();
	private tokens = new Map<string, number>();
	private refreshTokens = new Set<string>();
	private nextSheetId = 1;

	constructor(
		private readonly options: {
			tokenTtlSec?: number;
			/** Refresh tokens the token endpoint accepts; default: any. */
			refreshTokens?: string[];
			/** Public keys (PEM) of known service accounts by e-mail: their JWTs must carry a valid RS256 signature. */
			serviceAccountKeys?: Record<string, string>;
			/** Tabs the demo spreadsheet starts with (made by their Sheets requests, then filled); default: none. */
			demoTabs?: Array<{ title: string; requests: object[]; values: CellValue[][] }>;
		} = {},
	) {
		for (const t of options.refreshTokens ?? []) this.refreshTokens.add(t);
		this.reset();
	}

	/** Back to the seeded state: only the demo spreadsheet, with its seed tabs. Issued tokens stay valid (they are auth state, not data). */
	reset(): void {
		this.spreadsheets.clear();
		this.nextSheetId = 1;
		this.createSpreadsheet('МЦУ Дедовичского района — отчёты', DEMO_SPREADSHEET_ID);
		for (const tab of this.options.demoTabs ?? []) {
			const made = this.batchUpdate(this.spreadsheets.get(DEMO_SPREADSHEET_ID)!, { requests: tab.requests });
			if (made.status !== 200) throw new Error(`Seed tab «${tab.title}»: ${JSON.stringify(made.body)}`);
			this.write(this.spreadsheets.get(DEMO_SPREADSHEET_ID)!, formatA1(tab.title, 0, 0, 1, 1), tab.values, 'RAW')();
		}
	}

	dump(): unknown {
		return { spreadsheets: [...this.spreadsheets.values()] };
	}

	load(state: unknown): void {
		this.spreadsheets = new Map(((state as { spreadsheets?: SpreadsheetState[] }).spreadsheets ?? []).map((s) => [s.spreadsheetId, structuredClone(s)]));
	}

	/** A new spreadsheet with one empty sheet «Лист1» (sheetId 0, as Google gives the first sheet). */
	createSpreadsheet(title: string, id = randomBytes(16).toString('base64url')): SpreadsheetState {
		const state: SpreadsheetState = { spreadsheetId: id, properties: { title, locale: 'ru_RU', timeZone: 'Europe/Moscow', autoRecalc: 'ON_CHANGE' }, sheets: [] };
		this.addSheet(state, { title: 'Лист1', sheetId: 0 });
		this.spreadsheets.set(id, state);
		return state;
	}

	get(id: string): SpreadsheetState | undefined {
		return this.spreadsheets.get(id);
	}

	/** Values of a sheet as a plain grid, trailing empties trimmed (for tests and exports). */
	values(id: string, title: string): CellValue[][] {
		const sheet = this.spreadsheets.get(id)?.sheets.find((s) => s.properties.title === title);
		if (!sheet) return [];
		return trimGrid(sheet.cells.map((r) => r.map((c) => (c ? c.v : ''))));
	}

	/** The spreadsheet as an XLSX workbook (values, number formats, bold header, borders, frozen rows, widths, filter). */
	async exportXlsx(id: string): Promise<Buffer> {
		const ss = this.spreadsheets.get(id);
		if (!ss) throw new Error(`No spreadsheet ${id}`);
		return spreadsheetXlsx(ss);
	}

	/** The spreadsheet as one HTML page, a table per sheet. */
	exportHtml(id: string): string {
		const ss = this.spreadsheets.get(id);
		if (!ss) throw new Error(`No spreadsheet ${id}`);
		return spreadsheetHtml(ss, (s, c, cell) => this.formatted(s, c, cell));
	}

	routeOf(req: SandboxRequest): string {
		if (TOKEN_PATHS.has(req.path)) return 'token';
		if (req.path.startsWith('/export/')) return 'export';
		const m = VALUES_PATH.exec(req.path);
		if (!m) return `${req.method} ${req.path}`;
		if (!m[1]) return 'spreadsheets.create';
		if (req.path.includes('/values')) {
			if (m[3]) return `values.${m[3]}`;
			return req.method === 'GET' ? 'values.get' : 'values.update';
		}
		return m[3] ? `spreadsheets.${m[3]}` : 'spreadsheets.get';
	}

	renderFault(fault: Fault, req: SandboxRequest): SandboxResponse | undefined {
		if (TOKEN_PATHS.has(req.path) && fault.kind !== 'http_429') {
			return { status: Number(fault.kind.slice(5)) || 500, body: { error: 'internal_failure', error_description: 'Backend Error' } };
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
						details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'RATE_LIMIT_EXCEEDED', domain: 'googleapis.com', metadata: { service: 'sheets.googleapis.com', quota_metric: `sheets.googleapis.com/${write ? 'write' : 'read'}_requests` } }],
					},
				},
			};
		}
		if (fault.kind === 'api_error') return googleError(fault.code ?? 400, fault.code === 403 ? 'PERMISSION_DENIED' : 'FAILED_PRECONDITION', 'The caller does not have permission');
		const code = Number(fault.kind.slice(5)) || 500;
		if (code === 502) return { status: 502, headers: { 'Content-Type': 'text/html; charset=UTF-8' }, body: '<!DOCTYPE html><html lang=en><title>Error 502 (Server Error)!!1</title><p><b>502.</b> <ins>That’s an error.</ins></html>' };
		return googleError(code, code === 503 ? 'UNAVAILABLE' : 'INTERNAL', code === 503 ? 'The service is currently unavailable.' : 'Internal error encountered.');
	}

	expireTokens(req?: SandboxRequest): void {
		const token = /^Bearer\s+(\S+)$/i.exec(String(req?.headers.authorization ?? ''))?.[1];
		if (token && this.tokens.has(token)) this.tokens.set(token, 0);
		else this.tokens.clear();
	}

	handle(req: SandboxRequest): SandboxResponse | Promise<SandboxResponse> {
		if (TOKEN_PATHS.has(req.path)) {
			if (req.method !== 'POST') return { status: 405, body: { error: 'invalid_request', error_description: 'Method Not Allowed' } };
			return this.token(req);
		}
		if (req.path.startsWith('/export/')) return this.export(req);
		const auth = String(req.headers.authorization ?? '');
		const token = /^Bearer\s+(\S+)$/i.exec(auth)?.[1];
		const expiry = token ? this.tokens.get(token) : undefined;
		if (!token || expiry === undefined || expiry < Date.now()) {
			const message = token
				? 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.'
				: 'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.';
			return { ...googleError(401, 'UNAUTHENTICATED', message), headers: { 'WWW-Authenticate': 'Bearer realm="https://accounts.google.com/"' } };
		}
		if (req.body && typeof req.body === 'object' && '__invalidJson' in req.body) {
			return googleError(400, 'INVALID_ARGUMENT', 'Invalid JSON payload received. Unexpected token.');
		}
		try {
			return this.api(req);
		} catch (error) {
			if (error instanceof RangeError400) return googleError(400, 'INVALID_ARGUMENT', error.message);
			throw error;
		}
	}

	private token(req: SandboxRequest): SandboxResponse {
		const p = req.params;
		const bad = (error: string, description: string): SandboxResponse => ({ status: 400, body: { error, error_description: description } });
		if (p.grant_type === 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
			const parts = String(p.assertion ?? '').split('.');
			if (parts.length !== 3 || parts.some((s) => !/^[A-Za-z0-9_-]+$/.test(s))) return bad('invalid_grant', 'Invalid JWT: not a signed JWT.');
			let header: { alg?: string; typ?: string };
			let claims: { iss?: string; scope?: string; aud?: string; exp?: number; iat?: number };
			try {
				header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'));
				claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
			} catch {
				return bad('invalid_grant', 'Invalid JWT: the header or the claim set is not JSON.');
			}
			// Any signature is accepted, but it must be one an RSA key of 1024–4096 bits could have made.
			const signature = Buffer.from(parts[2], 'base64url');
			if (header.alg !== 'RS256' || signature.length < 128 || signature.length > 512) return bad('invalid_grant', 'Invalid JWT Signature.');
			if (!claims.iss) return bad('invalid_grant', 'Invalid JWT: missing iss (the service account e-mail).');
			const publicKey = this.options.serviceAccountKeys?.[claims.iss];
			if (publicKey && !verify('RSA-SHA256', Buffer.from(`${parts[0]}.${parts[1]}`), publicKey, signature)) return bad('invalid_grant', 'Invalid JWT Signature.');
			if (!claims.aud) return bad('invalid_grant', 'Invalid JWT: missing aud.');
			if (!claims.scope) return bad('invalid_scope', 'Invalid OAuth scope or ID token audience provided.');
			const now = Date.now() / 1000;
			if (typeof claims.exp !== 'number' || claims.exp < now || (typeof claims.iat === 'number' && (claims.exp - claims.iat > 3600 || claims.iat > now + 300))) {
				return bad('invalid_grant', 'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.');
			}
		} else if (p.grant_type === 'refresh_token') {
			if (!p.refresh_token) return bad('invalid_request', 'Missing required parameter: refresh_token');
			if (this.refreshTokens.size && !this.refreshTokens.has(p.refresh_token)) return bad('invalid_grant', 'Bad Request');
		} else if (!p.grant_type) {
			return bad('invalid_request', 'Missing required parameter: grant_type');
		} else {
			return bad('unsupported_grant_type', `Invalid grant_type: ${p.grant_type}`);
		}
		const value = `ya29.sandbox-${randomBytes(24).toString('base64url')}`;
		const ttl = this.options.tokenTtlSec ?? 3600;
		this.tokens.set(value, Date.now() + ttl * 1000);
		return { status: 200, headers: { 'Cache-Control': 'no-cache, no-store, max-age=0, must-revalidate' }, body: { access_token: value, expires_in: ttl, token_type: 'Bearer' } };
	}

	private api(req: SandboxRequest): SandboxResponse {
		const m = VALUES_PATH.exec(req.path);
		if (!m) return googleError(404, 'NOT_FOUND', `Method not found: ${req.path}`);
		const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
		if (!m[1]) {
			if (req.method !== 'POST' || req.path !== '/v4/spreadsheets') return googleError(404, 'NOT_FOUND', 'Method not found.');
			return { status: 200, body: this.create(body, req) };
		}
		const ss = this.spreadsheets.get(decodeURIComponent(m[1]));
		if (!ss) return googleError(404, 'NOT_FOUND', 'Requested entity was not found.');
		const range = m[2] !== undefined ? decodeURIComponent(m[2]) : undefined;
		const isValues = req.path.includes('/values');
		const action = m[3];
		if (!isValues) {
			if (!action && req.method === 'GET') return { status: 200, body: this.describe(ss, req.query.includeGridData === 'true', req.queryAll.ranges ?? [], req.query.fields) };
			if (action === 'batchUpdate' && req.method === 'POST') return this.batchUpdate(ss, body, req.query.fields);
			return googleError(404, 'NOT_FOUND', 'Method not found.');
		}
		if (range !== undefined && !action && req.method === 'GET') return { status: 200, body: this.read(ss, range, req.query) };
		if (range !== undefined && !action && req.method === 'PUT') return this.update(ss, range, body, req.query);
		if (range !== undefined && action === 'append' && req.method === 'POST') return this.append(ss, range, body, req.query);
		if (range !== undefined && action === 'clear' && req.method === 'POST') return { status: 200, body: { spreadsheetId: ss.spreadsheetId, clearedRange: this.clear(ss, range) } };
		if (range === undefined && action === 'batchGet' && req.method === 'GET') {
			const ranges = req.queryAll.ranges ?? [];
			const valueRanges = ranges.map((r) => this.read(ss, r, req.query));
			return { status: 200, body: { spreadsheetId: ss.spreadsheetId, ...(valueRanges.length ? { valueRanges } : {}) } };
		}
		if (range === undefined && action === 'batchUpdate' && req.method === 'POST') return this.valuesBatchUpdate(ss, body);
		if (range === undefined && action === 'batchClear' && req.method === 'POST') {
			const ranges = (body.ranges ?? []) as string[];
			for (const r of ranges) this.locate(ss, r);
			return { status: 200, body: { spreadsheetId: ss.spreadsheetId, clearedRanges: ranges.map((r) => this.clear(ss, r)) } };
		}
		return googleError(404, 'NOT_FOUND', 'Method not found.');
	}

	private create(body: Record<string, unknown>, req: SandboxRequest): unknown {
		const props = (body.properties ?? {}) as Record<string, unknown>;
		const created = this.createSpreadsheet(String(props.title ?? 'Новая таблица'));
		Object.assign(created.properties, props);
		const sheets = (body.sheets ?? []) as Array<{ properties?: Record<string, unknown> }>;
		if (sheets.length) {
			created.sheets = [];
			sheets.forEach((s, i) => this.addSheet(created, { ...(s.properties ?? {}), ...(s.properties?.sheetId === undefined && i === 0 ? { sheetId: 0 } : {}) }));
		}
		return this.describe(created, false, [], req.query.fields);
	}

	/** spreadsheets.get: properties, sheets (with their filters, rules, charts), grid data for `ranges` when asked. */
	private describe(ss: SpreadsheetState, includeGrid: boolean, ranges: string[], fields?: string): unknown {
		const located = ranges.map((r) => this.locate(ss, r));
		const sheets = located.length ? ss.sheets.filter((s) => located.some((l) => l.sheet === s)) : ss.sheets;
		const full = {
			spreadsheetId: ss.spreadsheetId,
			properties: ss.properties,
			sheets: sheets.map((s) => ({
				properties: s.properties,
				...(includeGrid ? { data: (located.length ? located.filter((l) => l.sheet === s).map((l) => l.range) : [null]).map((r) => this.gridData(s, r)) } : {}),
				...(s.conditionalFormats.length ? { conditionalFormats: s.conditionalFormats } : {}),
				...(s.basicFilter ? { basicFilter: s.basicFilter } : {}),
				...(s.charts.length ? { charts: s.charts } : {}),
			})),
			spreadsheetUrl: `${this.baseUrl ?? ''}/export/${ss.spreadsheetId}.html`,
		};
		return this.partial(full, fields);
	}

	private partial(value: unknown, fields: string | undefined): unknown {
		if (!fields) return structuredClone(value);
		let tree: FieldTree;
		try {
			tree = parseFields(fields);
		} catch {
			throw new RangeError400(`Invalid field selection ${fields}`);
		}
		return structuredClone(selectFields(value, tree));
	}

	private gridData(sheet: SheetState, range: GridRange | null) {
		const startRow = range?.startRow ?? 0;
		const startCol = range?.startCol ?? 0;
		const endRow = Math.min(range?.endRow ?? sheet.cells.length, sheet.cells.length);
		const rowData = [];
		for (let r = startRow; r < endRow; r++) {
			const row = sheet.cells[r] ?? [];
			const endCol = Math.min(range?.endCol ?? row.length, row.length);
			const values = [];
			for (let c = startCol; c < endCol; c++) {
				const cell = row[c];
				if (!cell) {
					values.push({});
					continue;
				}
				const typed = (v: CellValue) => (typeof v === 'number' ? { numberValue: v } : typeof v === 'boolean' ? { boolValue: v } : { stringValue: v });
				const fmt = sheet.columnFormats[c];
				values.push({
					userEnteredValue: cell.f ? { formulaValue: cell.f } : typed(cell.v),
					effectiveValue: typed(cell.v),
					formattedValue: this.formatted(sheet, c, cell),
					...(fmt ? { userEnteredFormat: { numberFormat: fmt } } : {}),
				});
			}
			rowData.push(values.length ? { values } : {});
		}
		return { ...(startRow ? { startRow } : {}), ...(startCol ? { startColumn: startCol } : {}), rowData, rowMetadata: [], columnMetadata: [] };
	}

	private locate(ss: SpreadsheetState, a1: string): { sheet: SheetState; range: GridRange } {
		const range = parseA1(a1);
		const sheet = range.sheet === null ? ss.sheets[0] : ss.sheets.find((s) => s.properties.title === range.sheet);
		if (!sheet) throw new RangeError400(`Unable to parse range: ${a1}`);
		return { sheet, range };
	}

	private enumParam(query: Record<string, string>, key: string, allowed: string[], fallback: string): string {
		const value = query[key] ?? fallback;
		if (!allowed.includes(value)) throw invalidEnum(key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), value);
		return value;
	}

	private read(ss: SpreadsheetState, a1: string, query: Record<string, string>) {
		const { sheet, range } = this.locate(ss, a1);
		const render = this.enumParam(query, 'valueRenderOption', VALUE_RENDER, 'FORMATTED_VALUE');
		const dates = this.enumParam(query, 'dateTimeRenderOption', DATE_RENDER, 'SERIAL_NUMBER');
		const major = this.enumParam(query, 'majorDimension', DIMENSIONS, 'ROWS');
		const g = sheet.properties.gridProperties;
		const endRow = range.endRow ?? g.rowCount;
		const endCol = range.endCol ?? g.columnCount;
		if (range.startRow >= g.rowCount || range.startCol >= g.columnCount) {
			throw new RangeError400(`Range (${a1}) exceeds grid limits. Max rows: ${g.rowCount}, max columns: ${g.columnCount}`);
		}
		let rows: CellValue[][] = [];
		for (let r = range.startRow; r < Math.min(endRow, sheet.cells.length); r++) {
			const row = sheet.cells[r] ?? [];
			const out: CellValue[] = [];
			for (let c = range.startCol; c < Math.min(endCol, row.length); c++) {
				const cell = row[c];
				const fmt = sheet.columnFormats[c];
				const isDate = fmt && (fmt.type === 'DATE' || fmt.type === 'DATE_TIME' || fmt.type === 'TIME');
				if (!cell) out.push('');
				else if (render === 'FORMULA') out.push(cell.f ?? (isDate && dates === 'FORMATTED_STRING' ? this.formatted(sheet, c, cell) : cell.v));
				else if (render === 'UNFORMATTED_VALUE') out.push(isDate && dates === 'FORMATTED_STRING' ? this.formatted(sheet, c, cell) : cell.v);
				else out.push(this.formatted(sheet, c, cell));
			}
			rows.push(out);
		}
		rows = trimGrid(rows);
		if (major === 'COLUMNS') rows = trimGrid(transpose(rows));
		// Google answers with the requested range, open ends closed at the grid's size.
		const answered = formatA1(sheet.properties.title, range.startRow, range.startCol, Math.min(endRow, g.rowCount) - range.startRow, Math.min(endCol, g.columnCount) - range.startCol);
		return { range: answered, majorDimension: major === 'COLUMNS' ? 'COLUMNS' : 'ROWS', ...(rows.length ? { values: rows } : {}) };
	}

	private formatted(sheet: SheetState, col: number, cell: Cell): string {
		if (typeof cell.v === 'boolean') return cell.v ? 'TRUE' : 'FALSE';
		if (typeof cell.v !== 'number') return cell.v;
		const fmt = sheet.columnFormats[col];
		if (fmt && (fmt.type === 'DATE_TIME' || fmt.type === 'DATE' || fmt.type === 'TIME') && fmt.pattern) return formatSerial(cell.v, fmt.pattern);
		if (fmt?.type === 'DATE') return formatSerial(cell.v, 'dd.mm.yyyy');
		if (fmt?.type === 'DATE_TIME') return formatSerial(cell.v, 'dd.mm.yyyy hh:mm:ss');
		if (fmt?.type === 'PERCENT') {
			const decimals = /\.(0+)%/.exec(fmt.pattern ?? '')?.[1].length ?? 0;
			return `${(cell.v * 100).toFixed(decimals).replace('.', ',')}%`;
		}
		if (fmt?.type === 'NUMBER' && fmt.pattern) {
			const decimals = /\.(0+)/.exec(fmt.pattern)?.[1].length ?? 0;
			return cell.v.toFixed(decimals).replace('.', ',');
		}
		// ru_RU: a decimal comma.
		return String(cell.v).replace('.', ',');
	}

	/** Writes values (null = leave the cell as it is, '' = empty it), as values.update does. */
	private write(ss: SpreadsheetState, a1: string, input: unknown, option: string, majorDimension?: unknown) {
		const { sheet, range } = this.locate(ss, a1);
		if (input !== undefined && !Array.isArray(input)) throw new RangeError400("Invalid value at 'data.values' (type.googleapis.com/google.protobuf.ListValue), expected a list of rows");
		const major = String(majorDimension ?? 'ROWS');
		if (!DIMENSIONS.includes(major)) throw invalidEnum('data.major_dimension', major);
		let values = ((input ?? []) as unknown[]).map((row) => {
			if (row !== null && !Array.isArray(row)) throw new RangeError400("Invalid value at 'data.values' (type.googleapis.com/google.protobuf.ListValue), expected a list of values");
			return (row ?? []) as unknown[];
		});
		if (major === 'COLUMNS') values = transpose(values, null);
		const rows = values.length;
		const cols = Math.max(0, ...values.map((r) => r.length));
		if (!range.anchor) {
			if (range.endRow !== null && range.startRow + rows > range.endRow) {
				throw new RangeError400(`Requested writing within range [${a1}], but tried writing to row [${range.startRow + rows}]`);
			}
			if (range.endCol !== null && range.startCol + cols > range.endCol) {
				throw new RangeError400(`Requested writing within range [${a1}], but tried writing to column [${formatA1(sheet.properties.title, 0, range.startCol + cols - 1, 1, 1).split('!')[1].replace(/\d+/, '')}]`);
			}
		}
		for (const row of values) for (const value of row) {
			if (value !== null && typeof value === 'object') throw new RangeError400("Invalid values[0][0]: struct_value");
		}
		return () => {
			values.forEach((row, i) => {
				const r = range.startRow + i;
				row.forEach((value, j) => {
					if (value === null || value === undefined) return;
					while (sheet.cells.length <= r) sheet.cells.push([]);
					const c = range.startCol + j;
					while (sheet.cells[r].length <= c) sheet.cells[r].push(null);
					sheet.cells[r][c] = value === '' ? null : option === 'RAW' ? { v: value as CellValue } : parseUserEntered(value);
				});
			});
			this.grow(sheet);
			const cells = values.reduce((s, r) => s + r.filter((v) => v !== null && v !== undefined).length, 0);
			return {
				spreadsheetId: ss.spreadsheetId,
				...(cells ? { updatedRange: formatA1(sheet.properties.title, range.startRow, range.startCol, rows, cols), updatedRows: rows, updatedColumns: cols, updatedCells: cells } : {}),
			} as { spreadsheetId: string; updatedRange?: string; updatedRows?: number; updatedColumns?: number; updatedCells?: number; updatedData?: unknown };
		};
	}

	private withData(result: ReturnType<ReturnType<SheetsEmulator['write']>>, ss: SpreadsheetState, query: Record<string, unknown>) {
		if ((query.includeValuesInResponse === 'true' || query.includeValuesInResponse === true) && result.updatedRange) {
			result.updatedData = this.read(ss, result.updatedRange, {
				valueRenderOption: String(query.responseValueRenderOption ?? 'FORMATTED_VALUE'),
				dateTimeRenderOption: String(query.responseDateTimeRenderOption ?? 'SERIAL_NUMBER'),
			});
		}
		return result;
	}

	private inputOption(option: unknown): string {
		if (option === undefined || option === '' || option === 'INPUT_VALUE_OPTION_UNSPECIFIED') throw new RangeError400("'valueInputOption' is required but not specified");
		if (!VALUE_INPUT.includes(String(option))) throw invalidEnum('value_input_option', String(option));
		return String(option);
	}

	private update(ss: SpreadsheetState, a1: string, body: Record<string, unknown>, query: Record<string, string>): SandboxResponse {
		const option = this.inputOption(query.valueInputOption);
		if (body.range !== undefined && !sameRange(ss, String(body.range), a1)) {
			throw new RangeError400(`Requested entity range [${String(body.range)}] does not match the range in the URL [${a1}]`);
		}
		const apply = this.write(ss, a1, body.values, option, body.majorDimension);
		return { status: 200, body: this.withData(apply(), ss, query) };
	}

	private valuesBatchUpdate(ss: SpreadsheetState, body: Record<string, unknown>): SandboxResponse {
		const option = this.inputOption(body.valueInputOption);
		const data = (body.data ?? []) as Array<{ range?: string; values?: unknown; majorDimension?: string }>;
		// Validate everything first: a batch applies all or nothing.
		const writes = data.map((d, i) => {
			if (!d.range) throw new RangeError400(`Invalid data[${i}]: range is required`);
			return { sheet: this.locate(ss, d.range).sheet, apply: this.write(ss, d.range, d.values, option, d.majorDimension) };
		});
		const responses = writes.map((w) => this.withData(w.apply(), ss, body));
		const touched = responses.filter((r) => r.updatedCells);
		return {
			status: 200,
			body: {
				spreadsheetId: ss.spreadsheetId,
				...(touched.length
					? {
							totalUpdatedRows: touched.reduce((s, r) => s + (r.updatedRows ?? 0), 0),
							totalUpdatedColumns: Math.max(0, ...touched.map((r) => r.updatedColumns ?? 0)),
							totalUpdatedCells: touched.reduce((s, r) => s + (r.updatedCells ?? 0), 0),
							totalUpdatedSheets: new Set(writes.filter((_, i) => responses[i].updatedCells).map((w) => w.sheet.properties.sheetId)).size,
						}
					: {}),
				...(responses.length ? { responses } : {}),
			},
		};
	}

	private append(ss: SpreadsheetState, a1: string, body: Record<string, unknown>, query: Record<string, string>): SandboxResponse {
		const option = this.inputOption(query.valueInputOption);
		const insert = query.insertDataOption ?? 'OVERWRITE';
		if (!['OVERWRITE', 'INSERT_ROWS'].includes(insert)) throw invalidEnum('insert_data_option', insert);
		const { sheet, range } = this.locate(ss, a1);
		// The table is the data found from the range's first row, within its columns; new rows go right after it.
		const colFrom = range.startCol;
		const colTo = range.endCol ?? Number.MAX_SAFE_INTEGER;
		const hasData = (r: number) => (sheet.cells[r] ?? []).some((c, j) => j >= colFrom && j < colTo && c && c.v !== '');
		let first = -1;
		let last = -1;
		for (let r = range.startRow; r < sheet.cells.length; r++) {
			if (hasData(r)) {
				if (first < 0) first = r;
				last = r;
			}
		}
		const start = last >= 0 ? last + 1 : range.startRow;
		let values = ((body.values ?? []) as unknown[][]).map((r) => r ?? []);
		if (String(body.majorDimension ?? 'ROWS') === 'COLUMNS') values = transpose(values, null);
		const title = sheet.properties.title;
		if (insert === 'INSERT_ROWS' && start < sheet.cells.length) sheet.cells.splice(start, 0, ...values.map(() => []));
		const apply = this.write(ss, formatA1(title, start, range.startCol, 1, 1), values, option);
		const updates = this.withData(apply(), ss, query);
		if (insert === 'INSERT_ROWS') sheet.properties.gridProperties.rowCount += values.length;
		if (sheet.properties.gridProperties.rowCount < sheet.cells.length) sheet.properties.gridProperties.rowCount = sheet.cells.length;
		let tableCols = 1;
		for (let r = first; first >= 0 && r <= last; r++) tableCols = Math.max(tableCols, Math.min(sheet.cells[r]?.length ?? 0, colTo) - colFrom);
		return {
			status: 200,
			body: {
				spreadsheetId: ss.spreadsheetId,
				...(first >= 0 ? { tableRange: formatA1(title, first, colFrom, last - first + 1, tableCols) } : {}),
				updates,
			},
		};
	}

	private clear(ss: SpreadsheetState, a1: string): string {
		const { sheet, range } = this.locate(ss, a1);
		const g = sheet.properties.gridProperties;
		const endRow = Math.min(range.endRow ?? g.rowCount, g.rowCount);
		const endCol = Math.min(range.endCol ?? g.columnCount, g.columnCount);
		for (let r = range.startRow; r < endRow && r < sheet.cells.length; r++) {
			const row = sheet.cells[r];
			for (let c = range.startCol; c < endCol && c < row.length; c++) row[c] = null;
		}
		return formatA1(sheet.properties.title, range.startRow, range.startCol, endRow - range.startRow, endCol - range.startCol);
	}

	private grow(sheet: SheetState): void {
		const g = sheet.properties.gridProperties;
		g.rowCount = Math.max(g.rowCount, sheet.cells.length);
		for (const r of sheet.cells) if (r.length > g.columnCount) g.columnCount = r.length;
	}

	private addSheet(ss: SpreadsheetState, props: Record<string, unknown>, at = 'requests[0].addSheet'): SheetState {
		const title = String(props.title ?? `Лист${ss.sheets.length + 1}`);
		if (ss.sheets.some((s) => s.properties.title.toLowerCase() === title.toLowerCase())) {
			throw new RangeError400(`Invalid ${at}: A sheet with the name "${title}" already exists. Please enter another name.`);
		}
		let sheetId: number;
		if (props.sheetId !== undefined) {
			sheetId = Number(props.sheetId);
			if (!Number.isInteger(sheetId) || sheetId < 0) throw new RangeError400(`Invalid ${at}: sheetId must be a non-negative integer`);
		} else {
			// Google's ids look random; these are deterministic so dumps compare.
			do sheetId = (this.nextSheetId++ * 1103515245 + 12345) % 2147483647;
			while (ss.sheets.some((s) => s.properties.sheetId === sheetId));
		}
		if (ss.sheets.some((s) => s.properties.sheetId === sheetId)) throw new RangeError400(`Invalid ${at}: Sheet with id ${sheetId} already exists.`);
		const grid = (props.gridProperties ?? {}) as Record<string, number>;
		const index = props.index === undefined ? ss.sheets.length : Math.max(0, Math.min(Number(props.index), ss.sheets.length));
		const rest = Object.fromEntries(Object.entries(props).filter(([k]) => !['sheetId', 'title', 'index', 'gridProperties'].includes(k)));
		const sheet: SheetState = {
			properties: { sheetId, title, index, sheetType: 'GRID', ...rest, gridProperties: { ...grid, rowCount: grid.rowCount ?? 1000, columnCount: grid.columnCount ?? 26 } },
			cells: [],
			columnFormats: {},
			conditionalFormats: [],
			charts: [],
			dataValidations: [],
			formats: [],
			columnWidths: {},
		};
		ss.sheets.splice(index, 0, sheet);
		reindex(ss);
		return sheet;
	}

	private batchUpdate(ss: SpreadsheetState, body: Record<string, unknown>, fields?: string): SandboxResponse {
		const requests = body.requests ?? [];
		if (!Array.isArray(requests)) throw new RangeError400("Invalid value at 'requests', expected a list");
		// Unknown fields are rejected before anything runs, as Google parses the whole payload first.
		for (const [index, request] of (requests as Array<Record<string, unknown>>).entries()) {
			const kinds = Object.keys(request ?? {});
			if (!kinds.length) throw new RangeError400(`Invalid requests[${index}]: No request set.`);
			const unknown = kinds.find((k) => !SUPPORTED_REQUESTS.has(k) && !OTHER_GOOGLE_REQUESTS.has(k));
			if (unknown) return unknownField(unknown, `requests[${index}]`);
			if (kinds.length > 1) throw new RangeError400(`Invalid value at 'requests[${index}]' (oneof), oneof field 'kind' is already set. Cannot set '${kinds[1]}'`);
			if (!SUPPORTED_REQUESTS.has(kinds[0])) throw new RangeError400(`Invalid requests[${index}].${kinds[0]}: this request is not supported by the sandbox emulator`);
		}
		// All or nothing: apply to a copy, keep it only when every request succeeded.
		const copy = structuredClone(ss);
		const replies = (requests as Array<Record<string, Record<string, unknown>>>).map((request, index) => {
			const kind = Object.keys(request)[0];
			return this.applyRequest(copy, kind, request[kind] ?? {}, index);
		});
		this.spreadsheets.set(ss.spreadsheetId, copy);
		const out: Record<string, unknown> = { spreadsheetId: ss.spreadsheetId, replies };
		if (body.includeSpreadsheetInResponse === true) {
			out.updatedSpreadsheet = this.describe(copy, body.responseIncludeGridData === true, (body.responseRanges ?? []) as string[]);
		}
		return { status: 200, body: this.partial(out, fields) };
	}

	private sheetById(ss: SpreadsheetState, id: unknown, at: string): SheetState {
		const sheetId = Number(id ?? 0);
		const sheet = ss.sheets.find((s) => s.properties.sheetId === sheetId);
		if (!sheet) throw new RangeError400(`Invalid ${at}: No grid with id: ${sheetId}`);
		return sheet;
	}

	/** A GridRange's bounds on a sheet; open ends go to the grid's size. */
	private bounds(sheet: SheetState, range: Grid, at: string) {
		const g = sheet.properties.gridProperties;
		const b = {
			r0: range.startRowIndex ?? 0,
			r1: range.endRowIndex ?? g.rowCount,
			c0: range.startColumnIndex ?? 0,
			c1: range.endColumnIndex ?? g.columnCount,
		};
		if (b.r0 < 0 || b.c0 < 0 || b.r1 < b.r0 || b.c1 < b.c0) throw new RangeError400(`Invalid ${at}: invalid range`);
		if (b.r1 > g.rowCount || b.c1 > g.columnCount) {
			throw new RangeError400(`Invalid ${at}: Range (${formatA1(sheet.properties.title, b.r0, b.c0, b.r1 - b.r0, b.c1 - b.c0)}) exceeds grid limits. Max rows: ${g.rowCount}, max columns: ${g.columnCount}`);
		}
		return b;
	}

	private applyRequest(ss: SpreadsheetState, kind: string, r: Record<string, unknown>, index: number): unknown {
		const at = `requests[${index}].${kind}`;
		const range = (r.range ?? {}) as Grid;
		const requireFields = () => {
			if (!r.fields) throw new RangeError400(`Invalid ${at}: At least one field must be specified in 'fields'.`);
			try {
				return parseFields(String(r.fields));
			} catch {
				throw new RangeError400(`Invalid ${at}: Invalid field mask: ${String(r.fields)}`);
			}
		};
		switch (kind) {
			case 'addSheet': {
				const sheet = this.addSheet(ss, (r.properties ?? {}) as Record<string, unknown>, at);
				return { addSheet: { properties: sheet.properties } };
			}
			case 'deleteSheet': {
				const sheet = this.sheetById(ss, r.sheetId, at);
				if (ss.sheets.length === 1) throw new RangeError400(`Invalid ${at}: You can't remove all the sheets in a document.`);
				ss.sheets = ss.sheets.filter((s) => s !== sheet);
				reindex(ss);
				return {};
			}
			case 'updateSheetProperties': {
				const tree = requireFields();
				const props = (r.properties ?? {}) as Record<string, unknown>;
				const sheet = this.sheetById(ss, props.sheetId, at);
				if (tree.sheetId) throw new RangeError400(`Invalid ${at}: sheetId cannot be changed`);
				const next = structuredClone(sheet.properties) as Record<string, unknown>;
				applyMask(next, props, tree);
				const title = String(next.title ?? '');
				if (!title) throw new RangeError400(`Invalid ${at}: The sheet name cannot be empty.`);
				if (ss.sheets.some((s) => s !== sheet && s.properties.title.toLowerCase() === title.toLowerCase())) {
					throw new RangeError400(`Invalid ${at}: A sheet with the name "${title}" already exists. Please enter another name.`);
				}
				const grid = next.gridProperties as SheetState['properties']['gridProperties'];
				if (!grid || !(grid.rowCount >= 1) || !(grid.columnCount >= 1)) throw new RangeError400(`Invalid ${at}: the grid must have at least one row and one column`);
				if ((grid.frozenRowCount ?? 0) >= grid.rowCount) throw new RangeError400(`Invalid ${at}: You can't freeze all visible rows on the sheet.`);
				sheet.properties = next as SheetState['properties'];
				if (tree.index) {
					const target = Math.max(0, Math.min(Number(props.index ?? 0), ss.sheets.length - 1));
					ss.sheets = ss.sheets.filter((s) => s !== sheet);
					ss.sheets.splice(target, 0, sheet);
				}
				reindex(ss);
				return {};
			}
			case 'updateSpreadsheetProperties': {
				const tree = requireFields();
				applyMask(ss.properties, (r.properties ?? {}) as Record<string, unknown>, tree);
				return {};
			}
			case 'repeatCell': {
				const tree = requireFields();
				const sheet = this.sheetById(ss, range.sheetId, at);
				const b = this.bounds(sheet, range, at);
				const cell = (r.cell ?? {}) as { userEnteredValue?: Record<string, unknown>; userEnteredFormat?: { numberFormat?: { type: string; pattern?: string } } };
				const ue = tree.userEnteredFormat;
				if ((ue === true || (ue && ue.numberFormat)) && b.r0 <= 1) {
					const fmt = cell.userEnteredFormat?.numberFormat;
					for (let c = b.c0; c < b.c1; c++) {
						if (fmt) sheet.columnFormats[c] = fmt;
						else delete sheet.columnFormats[c];
					}
				}
				if (tree.userEnteredValue) {
					const v = cell.userEnteredValue;
					const value = v === undefined ? undefined : fromExtendedValue(v);
					for (let row = b.r0; row < b.r1; row++) {
						while (sheet.cells.length <= row) sheet.cells.push([]);
						for (let c = b.c0; c < b.c1; c++) {
							while (sheet.cells[row].length <= c) sheet.cells[row].push(null);
							sheet.cells[row][c] = value ?? null;
						}
					}
				}
				sheet.formats.push({ repeatCell: { range: { ...range, sheetId: sheet.properties.sheetId }, cell: r.cell, fields: r.fields } });
				return {};
			}
			case 'updateCells': {
				const tree = requireFields();
				const rows = (r.rows ?? []) as Array<{ values?: Array<{ userEnteredValue?: Record<string, unknown> }> }>;
				const start = r.start as { sheetId?: number; rowIndex?: number; columnIndex?: number } | undefined;
				const sheet = this.sheetById(ss, start?.sheetId ?? range.sheetId, at);
				const r0 = start?.rowIndex ?? range.startRowIndex ?? 0;
				const c0 = start?.columnIndex ?? range.startColumnIndex ?? 0;
				if (tree.userEnteredValue) {
					rows.forEach((row, i) => (row.values ?? []).forEach((v, j) => {
						while (sheet.cells.length <= r0 + i) sheet.cells.push([]);
						while (sheet.cells[r0 + i].length <= c0 + j) sheet.cells[r0 + i].push(null);
						sheet.cells[r0 + i][c0 + j] = v.userEnteredValue ? fromExtendedValue(v.userEnteredValue) : null;
					}));
					this.grow(sheet);
				}
				return {};
			}
			case 'updateBorders':
			case 'mergeCells':
			case 'unmergeCells': {
				const sheet = this.sheetById(ss, range.sheetId, at);
				this.bounds(sheet, range, at);
				sheet.formats.push({ [kind]: { ...r, range: { ...range, sheetId: sheet.properties.sheetId } } });
				return {};
			}
			case 'setBasicFilter': {
				const filter = (r.filter ?? {}) as { range?: Grid };
				const sheet = this.sheetById(ss, filter.range?.sheetId, at);
				this.bounds(sheet, filter.range ?? {}, at);
				sheet.basicFilter = { ...filter, range: { ...filter.range, sheetId: sheet.properties.sheetId } };
				return {};
			}
			case 'clearBasicFilter':
				delete this.sheetById(ss, r.sheetId, at).basicFilter;
				return {};
			case 'addConditionalFormatRule': {
				const rule = (r.rule ?? {}) as { ranges?: Grid[]; booleanRule?: unknown; gradientRule?: unknown };
				if (!rule.ranges?.length) throw new RangeError400(`Invalid ${at}: At least one range must be specified.`);
				if (!rule.booleanRule && !rule.gradientRule) throw new RangeError400(`Invalid ${at}: rule must have a booleanRule or a gradientRule`);
				const sheet = this.sheetById(ss, rule.ranges[0].sheetId, at);
				const position = Number(r.index ?? 0);
				if (position < 0 || position > sheet.conditionalFormats.length) throw new RangeError400(`Invalid ${at}: index ${position} is out of bounds`);
				sheet.conditionalFormats.splice(position, 0, { ...rule, ranges: rule.ranges.map((g) => ({ ...g, sheetId: sheet.properties.sheetId })) });
				return {};
			}
			case 'deleteConditionalFormatRule': {
				const sheet = this.sheetById(ss, r.sheetId, at);
				const position = Number(r.index ?? 0);
				if (position < 0 || position >= sheet.conditionalFormats.length) throw new RangeError400(`Invalid ${at}: No conditional format on sheet ${sheet.properties.sheetId} at index ${position}`);
				const [rule] = sheet.conditionalFormats.splice(position, 1);
				return { deleteConditionalFormatRule: { rule } };
			}
			case 'addChart': {
				const spec = (r.chart ?? {}) as { chartId?: number; spec?: unknown; position?: { overlayPosition?: { anchorCell?: { sheetId?: number } }; sheetId?: number; newSheet?: boolean } };
				if (!spec.spec) throw new RangeError400(`Invalid ${at}: chart spec is required`);
				const chart = { chartId: spec.chartId ?? (this.nextSheetId++ * 48271) % 2147483647, ...spec };
				const anchor = spec.position?.overlayPosition?.anchorCell?.sheetId ?? spec.position?.sheetId;
				this.sheetById(ss, anchor, at).charts.push(chart);
				return { addChart: { chart } };
			}
			case 'setDataValidation': {
				const sheet = this.sheetById(ss, range.sheetId, at);
				this.bounds(sheet, range, at);
				sheet.dataValidations.push({ range: { ...range, sheetId: sheet.properties.sheetId }, ...(r.rule ? { rule: r.rule } : {}) });
				return {};
			}
			case 'updateDimensionProperties': {
				requireFields();
				const dr = (r.range ?? {}) as { sheetId?: number; dimension?: string; startIndex?: number; endIndex?: number };
				const sheet = this.sheetById(ss, dr.sheetId, at);
				if (!['ROWS', 'COLUMNS'].includes(String(dr.dimension))) throw invalidEnum(`${at}.range.dimension`, String(dr.dimension));
				const size = (r.properties as { pixelSize?: number })?.pixelSize;
				const end = dr.endIndex ?? (dr.dimension === 'COLUMNS' ? sheet.properties.gridProperties.columnCount : sheet.properties.gridProperties.rowCount);
				if (dr.dimension === 'COLUMNS' && size) for (let c = dr.startIndex ?? 0; c < end; c++) sheet.columnWidths[c] = size;
				return {};
			}
			case 'autoResizeDimensions': {
				const dims = (r.dimensions ?? {}) as { sheetId?: number; dimension?: string; startIndex?: number; endIndex?: number };
				const sheet = this.sheetById(ss, dims.sheetId, at);
				if (dims.dimension === 'COLUMNS') {
					const end = dims.endIndex ?? sheet.properties.gridProperties.columnCount;
					for (let c = dims.startIndex ?? 0; c < end; c++) {
						let longest = 0;
						for (const row of sheet.cells) {
							const cell = row[c];
							if (cell) longest = Math.max(longest, this.formatted(sheet, c, cell).length);
						}
						sheet.columnWidths[c] = Math.min(600, Math.max(40, longest * 7 + 12));
					}
				}
				return {};
			}
			case 'appendDimension': {
				const sheet = this.sheetById(ss, r.sheetId, at);
				const length = Number(r.length ?? 0);
				if (!Number.isInteger(length) || length < 1) throw new RangeError400(`Invalid ${at}: length must be positive`);
				const g = sheet.properties.gridProperties;
				if (r.dimension === 'COLUMNS') g.columnCount += length;
				else if (r.dimension === 'ROWS') g.rowCount += length;
				else throw invalidEnum(`${at}.dimension`, String(r.dimension));
				return {};
			}
			case 'insertDimension':
			case 'deleteDimension': {
				const dr = (r.range ?? {}) as { sheetId?: number; dimension?: string; startIndex?: number; endIndex?: number };
				const sheet = this.sheetById(ss, dr.sheetId, at);
				const g = sheet.properties.gridProperties;
				const startIndex = dr.startIndex ?? 0;
				const count = (dr.endIndex ?? 0) - startIndex;
				if (!['ROWS', 'COLUMNS'].includes(String(dr.dimension))) throw invalidEnum(`${at}.range.dimension`, String(dr.dimension));
				if (count < 1 || startIndex < 0) throw new RangeError400(`Invalid ${at}: the range must contain at least one ${dr.dimension === 'ROWS' ? 'row' : 'column'}`);
				const size = dr.dimension === 'ROWS' ? g.rowCount : g.columnCount;
				if (kind === 'insertDimension' && startIndex > size) throw new RangeError400(`Invalid ${at}: startIndex ${startIndex} is beyond the grid (${size})`);
				if (kind === 'deleteDimension') {
					if (dr.endIndex! > size) throw new RangeError400(`Invalid ${at}: Range exceeds grid limits`);
					if (count >= size) throw new RangeError400(`Invalid ${at}: You can't delete all the ${dr.dimension === 'ROWS' ? 'rows' : 'columns'} on the sheet.`);
				}
				if (dr.dimension === 'ROWS') {
					if (kind === 'insertDimension') {
						if (startIndex < sheet.cells.length) sheet.cells.splice(startIndex, 0, ...Array.from({ length: count }, () => []));
						g.rowCount += count;
					} else {
						sheet.cells.splice(startIndex, count);
						g.rowCount -= count;
					}
				} else {
					for (const row of sheet.cells) {
						if (kind === 'insertDimension') {
							if (startIndex < row.length) row.splice(startIndex, 0, ...Array.from({ length: count }, () => null));
						} else row.splice(startIndex, count);
					}
					g.columnCount += kind === 'insertDimension' ? count : -count;
				}
				return {};
			}
			default:
				throw new RangeError400(`Invalid ${at}: unsupported request`);
		}
	}

	private async export(req: SandboxRequest): Promise<SandboxResponse> {
		const m = /^\/export\/([^/]+)\.(xlsx|html)$/.exec(req.path);
		const id = m ? decodeURIComponent(m[1]) : '';
		if (!m || !this.spreadsheets.has(id)) return googleError(404, 'NOT_FOUND', 'Requested entity was not found.');
		if (m[2] === 'html') return { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: this.exportHtml(id) };
		return {
			status: 200,
			headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Content-Disposition': `attachment; filename="${encodeURIComponent(id)}.xlsx"` },
			body: await this.exportXlsx(id),
		};
	}
}

/** The body's range and the URL's may be written differently (`Лист1!2:3` and `'Лист1'!2:3`) but must mean the same cells. */
function sameRange(ss: SpreadsheetState, a: string, b: string): boolean {
	const [x, y] = [parseA1(a), parseA1(b)];
	const sheetOf = (r: GridRange) => r.sheet ?? ss.sheets[0]?.properties.title;
	return sheetOf(x) === sheetOf(y) && x.startRow === y.startRow && x.startCol === y.startCol && x.endRow === y.endRow && x.endCol === y.endCol;
}

function reindex(ss: SpreadsheetState): void {
	ss.sheets.forEach((s, i) => (s.properties.index = i));
}

function fromExtendedValue(v: Record<string, unknown>): Cell | null {
	if (typeof v.formulaValue === 'string') return { v: v.formulaValue, f: v.formulaValue };
	if (typeof v.numberValue === 'number') return { v: v.numberValue };
	if (typeof v.boolValue === 'boolean') return { v: v.boolValue };
	if (typeof v.stringValue === 'string') return v.stringValue === '' ? null : { v: v.stringValue };
	return null;
}

function transpose<T>(rows: T[][], fill: T | '' = ''): Array<Array<T | ''>> {
	const width = Math.max(0, ...rows.map((r) => r.length));
	return Array.from({ length: width }, (_, c) => rows.map((r) => (c < r.length ? r[c] : fill)));
}

function trimGrid<T>(rows: Array<Array<T | ''>>): Array<Array<T | ''>> {
	const out = rows.map((r) => {
		const copy = [...r];
		while (copy.length && copy[copy.length - 1] === '') copy.pop();
		return copy;
	});
	while (out.length && out[out.length - 1].length === 0) out.pop();
	return out;
}
