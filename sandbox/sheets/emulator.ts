import { randomBytes } from 'node:crypto';
import type { Emulator, Fault, SandboxRequest, SandboxResponse } from '../core/types';
import { RangeError400, formatA1, parseA1, type GridRange } from './a1';

/**
 * Google Sheets API v4 emulator and the OAuth token endpoint of a service account. Faithful where clients depend on
 * it: A1 ranges with quoted Cyrillic sheet names, RAW vs USER_ENTERED input, FORMATTED / UNFORMATTED rendering,
 * append after the table, batch requests that apply all or nothing, Google's error shapes, call counts per method.
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
	formats: unknown[];
	columnWidths: Record<number, number>;
}

export interface SpreadsheetState {
	spreadsheetId: string;
	properties: { title: string; locale: string; timeZone: string };
	sheets: SheetState[];
}

const SUPPORTED_REQUESTS = new Set([
	'addSheet', 'deleteSheet', 'updateSheetProperties', 'repeatCell', 'updateBorders', 'setBasicFilter', 'clearBasicFilter',
	'addConditionalFormatRule', 'addChart', 'setDataValidation', 'autoResizeDimensions', 'updateDimensionProperties',
	'insertDimension', 'deleteDimension', 'appendDimension', 'mergeCells', 'updateSpreadsheetProperties',
]);

function googleError(code: number, status: string, message: string): SandboxResponse {
	return { status: code, body: { error: { code, message, status } } };
}

const isoToSerial = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => Date.UTC(y, mo - 1, d, h, mi, s) / 86400000 + 25569;

/** USER_ENTERED parsing: numbers, booleans, dates, formulas; a leading apostrophe forces text. */
export function parseUserEntered(value: unknown): Cell {
	if (typeof value === 'number' || typeof value === 'boolean') return { v: value };
	const text = value === null || value === undefined ? '' : String(value);
	if (text.startsWith("'")) return { v: text.slice(1) };
	if (text.startsWith('=')) return { v: text, f: text };
	if (/^-?\d+([.,]\d+)?$/.test(text.trim())) return { v: Number(text.trim().replace(',', '.')) };
	if (/^(TRUE|FALSE)$/i.test(text)) return { v: text.toUpperCase() === 'TRUE' };
	let m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
	if (m) return { v: isoToSerial(+m[1], +m[2], +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)) };
	m = /^(\d{2})\.(\d{2})\.(\d{4})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
	if (m) return { v: isoToSerial(+m[3], +m[2], +m[1], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)) };
	return { v: text };
}

function formatSerial(serial: number, pattern: string): string {
	const d = new Date(Math.round((serial - 25569) * 86400000));
	const pad = (n: number) => String(n).padStart(2, '0');
	return pattern
		.replace('yyyy', String(d.getUTCFullYear()))
		.replace('dd', pad(d.getUTCDate()))
		.replace('hh', pad(d.getUTCHours()))
		.replace('mm', pad(d.getUTCMonth() + 1))
		.replace(/(\d{2}):mm/, (_, hh) => `${hh}:${pad(d.getUTCMinutes())}`)
		.replace('ss', pad(d.getUTCSeconds()));
}

export class SheetsEmulator implements Emulator {
	readonly name = 'sheets';
	baseUrl?: string;
	private spreadsheets = new Map<string, SpreadsheetState>();
	private tokens = new Map<string, number>();

	constructor(private readonly options: { tokenTtlSec?: number } = {}) {
		this.reset();
	}

	/** Back to the seeded spreadsheets; issued tokens stay valid (they are auth state, not data). */
	reset(): void {
		this.spreadsheets.clear();
		this.createSpreadsheet('МЦУ Дедовичского района — отчёты', 'mcu-demo-spreadsheet');
	}

	dump(): unknown {
		return { spreadsheets: [...this.spreadsheets.values()] };
	}

	load(state: unknown): void {
		this.spreadsheets = new Map(((state as { spreadsheets?: SpreadsheetState[] }).spreadsheets ?? []).map((s) => [s.spreadsheetId, s]));
	}

	createSpreadsheet(title: string, id = randomBytes(12).toString('base64url')): SpreadsheetState {
		const state: SpreadsheetState = { spreadsheetId: id, properties: { title, locale: 'ru_RU', timeZone: 'Europe/Moscow' }, sheets: [] };
		this.addSheet(state, { title: 'Лист1' });
		this.spreadsheets.set(id, state);
		return state;
	}

	get(id: string): SpreadsheetState | undefined {
		return this.spreadsheets.get(id);
	}

	/** Values of a sheet as a plain grid (for tests and exports). */
	values(id: string, title: string): CellValue[][] {
		const sheet = this.spreadsheets.get(id)?.sheets.find((s) => s.properties.title === title);
		if (!sheet) return [];
		return trimGrid(sheet.cells.map((r) => r.map((c) => (c ? c.v : ''))));
	}

	routeOf(req: SandboxRequest): string {
		if (req.path === '/token') return 'token';
		if (req.path.startsWith('/export/')) return 'export';
		const m = /^\/v4\/spreadsheets(?:\/([^/:]+))?(?:\/values(?:\/(.+?))?)?(?::(append|clear|batchGet|batchUpdate|batchClear))?$/.exec(req.path);
		if (!m) return `${req.method} ${req.path}`;
		if (!m[1]) return 'spreadsheets.create';
		if (req.path.includes('/values')) {
			if (m[3]) return m[2] ? `values.${m[3]}` : `values.${m[3]}`;
			return req.method === 'GET' ? 'values.get' : 'values.update';
		}
		return m[3] ? `spreadsheets.${m[3]}` : 'spreadsheets.get';
	}

	renderFault(fault: Fault): SandboxResponse | undefined {
		if (fault.kind === 'http_429') {
			return { status: 429, headers: { 'Retry-After': String(fault.retryAfter) }, body: { error: { code: 429, message: "Quota exceeded for quota metric 'Write requests'", status: 'RESOURCE_EXHAUSTED' } } };
		}
		const code = Number(fault.kind.slice(5));
		return googleError(code, code === 503 ? 'UNAVAILABLE' : 'INTERNAL', code === 503 ? 'The service is currently unavailable.' : 'Internal error encountered.');
	}

	expireTokens(): void {
		this.tokens.clear();
	}

	handle(req: SandboxRequest): SandboxResponse | Promise<SandboxResponse> {
		if (req.path === '/token' && req.method === 'POST') return this.token(req);
		if (req.path.startsWith('/export/')) return this.export(req);
		const auth = String(req.headers.authorization ?? '');
		const token = /^Bearer\s+(\S+)$/i.exec(auth)?.[1];
		if (!token || !this.tokens.has(token) || this.tokens.get(token)! < Date.now()) {
			return googleError(401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.');
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
		if (p.grant_type === 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
			const parts = String(p.assertion ?? '').split('.');
			if (parts.length !== 3) return { status: 400, body: { error: 'invalid_grant', error_description: 'Invalid JWT: Token must be a short-lived token and in a reasonable timeframe' } };
			let header: { alg?: string };
			let claims: { iss?: string; scope?: string; aud?: string; exp?: number; iat?: number };
			try {
				header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'));
				claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
			} catch {
				return { status: 400, body: { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' } };
			}
			if (header.alg !== 'RS256' || !claims.iss || !claims.scope || !claims.aud || !claims.exp || claims.exp * 1000 < Date.now()) {
				return { status: 400, body: { error: 'invalid_grant', error_description: 'Invalid JWT: missing claims or expired' } };
			}
		} else if (p.grant_type !== 'refresh_token') {
			return { status: 400, body: { error: 'unsupported_grant_type', error_description: `Invalid grant_type: ${p.grant_type ?? ''}` } };
		}
		const value = `ya29.sandbox-${randomBytes(12).toString('hex')}`;
		const ttl = this.options.tokenTtlSec ?? 3600;
		this.tokens.set(value, Date.now() + ttl * 1000);
		return { status: 200, body: { access_token: value, expires_in: ttl, token_type: 'Bearer' } };
	}

	private api(req: SandboxRequest): SandboxResponse {
		const m = /^\/v4\/spreadsheets(?:\/([^/:]+))?(?:\/values(?:\/(.+?))?)?(?::(append|clear|batchGet|batchUpdate|batchClear))?$/.exec(req.path);
		if (!m) return googleError(404, 'NOT_FOUND', `Method not found: ${req.path}`);
		const body = (req.body ?? {}) as Record<string, unknown>;
		if (!m[1]) {
			if (req.method !== 'POST') return googleError(404, 'NOT_FOUND', 'Method not found.');
			const created = this.createSpreadsheet(String((body.properties as { title?: string })?.title ?? 'Новая таблица'));
			return { status: 200, body: this.describe(created, req) };
		}
		const ss = this.spreadsheets.get(decodeURIComponent(m[1]));
		if (!ss) return googleError(404, 'NOT_FOUND', 'Requested entity was not found.');
		const range = m[2] !== undefined ? decodeURIComponent(m[2]) : undefined;
		const isValues = req.path.includes('/values');
		const action = m[3];
		if (!isValues) {
			if (!action && req.method === 'GET') return { status: 200, body: this.describe(ss, req) };
			if (action === 'batchUpdate' && req.method === 'POST') return this.batchUpdate(ss, body);
			return googleError(404, 'NOT_FOUND', 'Method not found.');
		}
		if (range !== undefined && !action && req.method === 'GET') return { status: 200, body: this.read(ss, range, req.query) };
		if (range !== undefined && !action && req.method === 'PUT') return this.update(ss, range, body, req.query.valueInputOption);
		if (range !== undefined && action === 'append' && req.method === 'POST') return this.append(ss, range, body, req.query);
		if (range !== undefined && action === 'clear' && req.method === 'POST') return { status: 200, body: { spreadsheetId: ss.spreadsheetId, clearedRange: this.clear(ss, range) } };
		if (action === 'batchGet' && req.method === 'GET') {
			const ranges = req.queryAll.ranges ?? [];
			return { status: 200, body: { spreadsheetId: ss.spreadsheetId, valueRanges: ranges.map((r) => this.read(ss, r, req.query)) } };
		}
		if (action === 'batchUpdate' && req.method === 'POST') {
			const data = (body.data ?? []) as Array<{ range: string; values: unknown[][] }>;
			// Validate everything first: a batch applies all or nothing.
			const option = String(body.valueInputOption ?? '');
			if (!['RAW', 'USER_ENTERED'].includes(option)) return googleError(400, 'INVALID_ARGUMENT', "Invalid value at 'value_input_option'");
			for (const d of data) this.locate(ss, d.range);
			const responses = data.map((d) => this.write(ss, d.range, d.values, option));
			return {
				status: 200,
				body: {
					spreadsheetId: ss.spreadsheetId,
					totalUpdatedRows: responses.reduce((s, r) => s + r.updatedRows, 0),
					totalUpdatedColumns: Math.max(0, ...responses.map((r) => r.updatedColumns)),
					totalUpdatedCells: responses.reduce((s, r) => s + r.updatedCells, 0),
					totalUpdatedSheets: new Set(data.map((d) => this.locate(ss, d.range).sheet.properties.sheetId)).size,
					responses,
				},
			};
		}
		if (action === 'batchClear' && req.method === 'POST') {
			const ranges = (body.ranges ?? []) as string[];
			for (const r of ranges) this.locate(ss, r);
			return { status: 200, body: { spreadsheetId: ss.spreadsheetId, clearedRanges: ranges.map((r) => this.clear(ss, r)) } };
		}
		return googleError(404, 'NOT_FOUND', 'Method not found.');
	}

	private describe(ss: SpreadsheetState, req: SandboxRequest): unknown {
		const includeGrid = req.query.includeGridData === 'true';
		return {
			spreadsheetId: ss.spreadsheetId,
			properties: ss.properties,
			sheets: ss.sheets.map((s) => ({
				properties: s.properties,
				...(s.conditionalFormats.length ? { conditionalFormats: s.conditionalFormats } : {}),
				...(s.basicFilter ? { basicFilter: s.basicFilter } : {}),
				...(s.charts.length ? { charts: s.charts } : {}),
				...(includeGrid ? { data: [{ rowData: s.cells.map((r) => ({ values: r.map((c) => (c ? { userEnteredValue: c.f ? { formulaValue: c.f } : typeof c.v === 'number' ? { numberValue: c.v } : typeof c.v === 'boolean' ? { boolValue: c.v } : { stringValue: c.v }, formattedValue: String(c.v) } : {})) })) }] } : {}),
			})),
			spreadsheetUrl: `${this.baseUrl ?? ''}/export/${ss.spreadsheetId}.html`,
		};
	}

	private locate(ss: SpreadsheetState, a1: string): { sheet: SheetState; range: GridRange } {
		const range = parseA1(a1);
		const sheet = range.sheet === null ? ss.sheets[0] : ss.sheets.find((s) => s.properties.title === range.sheet);
		if (!sheet) throw new RangeError400(`Unable to parse range: ${a1}`);
		return { sheet, range };
	}

	private read(ss: SpreadsheetState, a1: string, query: Record<string, string>) {
		const { sheet, range } = this.locate(ss, a1);
		const render = query.valueRenderOption ?? 'FORMATTED_VALUE';
		const endRow = range.endRow ?? sheet.cells.length;
		const rows: CellValue[][] = [];
		for (let r = range.startRow; r < endRow && r < sheet.cells.length; r++) {
			const row = sheet.cells[r] ?? [];
			const endCol = range.endCol ?? row.length;
			const out: CellValue[] = [];
			for (let c = range.startCol; c < endCol && c < row.length; c++) {
				const cell = row[c];
				if (!cell) out.push('');
				else if (render === 'FORMULA') out.push(cell.f ?? cell.v);
				else if (render === 'UNFORMATTED_VALUE') out.push(cell.v);
				else out.push(this.formatted(sheet, c, cell));
			}
			while (out.length && out[out.length - 1] === '') out.pop();
			rows.push(out);
		}
		while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
		const title = sheet.properties.title;
		return { range: formatA1(title, range.startRow, range.startCol, Math.max(rows.length, 1), Math.max(1, ...rows.map((r) => r.length))), majorDimension: 'ROWS', ...(rows.length ? { values: rows } : {}) };
	}

	private formatted(sheet: SheetState, col: number, cell: Cell): string {
		if (typeof cell.v === 'boolean') return cell.v ? 'TRUE' : 'FALSE';
		if (typeof cell.v !== 'number') return cell.v;
		const fmt = sheet.columnFormats[col];
		if (fmt && (fmt.type === 'DATE_TIME' || fmt.type === 'DATE') && fmt.pattern) return formatSerial(cell.v, fmt.pattern);
		if (fmt?.type === 'PERCENT') return `${Math.round(cell.v * 100)}%`;
		return String(cell.v).replace('.', ',');
	}

	private write(ss: SpreadsheetState, a1: string, values: unknown[][], option: string) {
		const { sheet, range } = this.locate(ss, a1);
		if (!Array.isArray(values)) throw new RangeError400('Invalid values: expected a list of rows');
		let cols = 0;
		values.forEach((row, i) => {
			const r = range.startRow + i;
			while (sheet.cells.length <= r) sheet.cells.push([]);
			(row ?? []).forEach((value, j) => {
				const c = range.startCol + j;
				while (sheet.cells[r].length <= c) sheet.cells[r].push(null);
				sheet.cells[r][c] = value === null ? null : option === 'RAW' ? { v: value as CellValue } : parseUserEntered(value);
			});
			cols = Math.max(cols, (row ?? []).length);
		});
		this.grow(sheet);
		return {
			spreadsheetId: ss.spreadsheetId,
			updatedRange: formatA1(sheet.properties.title, range.startRow, range.startCol, values.length, cols),
			updatedRows: values.length,
			updatedColumns: cols,
			updatedCells: values.reduce((s, r) => s + (r ?? []).length, 0),
		};
	}

	private update(ss: SpreadsheetState, a1: string, body: Record<string, unknown>, option: string | undefined): SandboxResponse {
		if (!option || !['RAW', 'USER_ENTERED'].includes(option)) return googleError(400, 'INVALID_ARGUMENT', "'valueInputOption' is required but not specified");
		return { status: 200, body: this.write(ss, a1, (body.values ?? []) as unknown[][], option) };
	}

	private append(ss: SpreadsheetState, a1: string, body: Record<string, unknown>, query: Record<string, string>): SandboxResponse {
		const option = query.valueInputOption;
		if (!option || !['RAW', 'USER_ENTERED'].includes(option)) return googleError(400, 'INVALID_ARGUMENT', "'valueInputOption' is required but not specified");
		const { sheet, range } = this.locate(ss, a1);
		// The table is found from the range; new rows go right after its last non-empty row.
		let last = -1;
		for (let r = range.startRow; r < sheet.cells.length; r++) if ((sheet.cells[r] ?? []).some((c) => c && c.v !== '')) last = r;
		const start = Math.max(range.startRow, last + 1);
		const values = (body.values ?? []) as unknown[][];
		if (query.insertDataOption === 'INSERT_ROWS') sheet.cells.splice(start, 0, ...values.map(() => []));
		const title = sheet.properties.title;
		const target = `${formatA1(title, start, range.startCol, 1, 1).split(':')[0]}`;
		const updates = this.write(ss, target, values, option);
		return { status: 200, body: { spreadsheetId: ss.spreadsheetId, tableRange: last >= 0 ? formatA1(title, range.startRow, range.startCol, last - range.startRow + 1, Math.max(1, ...sheet.cells.slice(range.startRow, last + 1).map((r) => r.length))) : undefined, updates } };
	}

	private clear(ss: SpreadsheetState, a1: string): string {
		const { sheet, range } = this.locate(ss, a1);
		const endRow = range.endRow ?? sheet.cells.length;
		for (let r = range.startRow; r < endRow && r < sheet.cells.length; r++) {
			const row = sheet.cells[r];
			const endCol = range.endCol ?? row.length;
			for (let c = range.startCol; c < endCol && c < row.length; c++) row[c] = null;
		}
		return formatA1(sheet.properties.title, range.startRow, range.startCol, endRow - range.startRow, (range.endCol ?? sheet.properties.gridProperties.columnCount) - range.startCol);
	}

	private grow(sheet: SheetState): void {
		const g = sheet.properties.gridProperties;
		g.rowCount = Math.max(g.rowCount, sheet.cells.length);
		g.columnCount = Math.max(g.columnCount, ...sheet.cells.map((r) => r.length));
	}

	private addSheet(ss: SpreadsheetState, props: Record<string, unknown>): SheetState {
		const title = String(props.title ?? `Лист${ss.sheets.length + 1}`);
		if (ss.sheets.some((s) => s.properties.title === title)) {
			throw new RangeError400(`Invalid requests[0].addSheet: A sheet with the name "${title}" already exists. Please enter another name.`);
		}
		const sheetId = typeof props.sheetId === 'number' ? props.sheetId : Math.floor(Math.random() * 2e9);
		if (ss.sheets.some((s) => s.properties.sheetId === sheetId)) throw new RangeError400(`Invalid requests[0].addSheet: Sheet with id ${sheetId} already exists.`);
		const grid = (props.gridProperties ?? {}) as { rowCount?: number; columnCount?: number; frozenRowCount?: number };
		const sheet: SheetState = {
			properties: { sheetId, title, index: ss.sheets.length, sheetType: 'GRID', gridProperties: { rowCount: grid.rowCount ?? 1000, columnCount: grid.columnCount ?? 26, ...(grid.frozenRowCount ? { frozenRowCount: grid.frozenRowCount } : {}) } },
			cells: [],
			columnFormats: {},
			conditionalFormats: [],
			charts: [],
			dataValidations: [],
			formats: [],
			columnWidths: {},
		};
		ss.sheets.push(sheet);
		return sheet;
	}

	private batchUpdate(ss: SpreadsheetState, body: Record<string, unknown>): SandboxResponse {
		const requests = (body.requests ?? []) as Array<Record<string, Record<string, unknown>>>;
		// All or nothing: apply to a copy, keep it only when every request succeeded.
		const copy = structuredClone(ss) as SpreadsheetState;
		const replies: unknown[] = [];
		try {
			requests.forEach((request, index) => {
				const kinds = Object.keys(request);
				if (kinds.length !== 1 || !SUPPORTED_REQUESTS.has(kinds[0])) {
					throw new RangeError400(`Invalid requests[${index}]: unknown request kind ${kinds.join(',')}`);
				}
				replies.push(this.applyRequest(copy, kinds[0], request[kinds[0]], index));
			});
		} catch (error) {
			if (error instanceof RangeError400) return googleError(400, 'INVALID_ARGUMENT', error.message);
			throw error;
		}
		this.spreadsheets.set(ss.spreadsheetId, copy);
		return { status: 200, body: { spreadsheetId: ss.spreadsheetId, replies } };
	}

	private sheetById(ss: SpreadsheetState, id: unknown, index: number): SheetState {
		const sheet = ss.sheets.find((s) => s.properties.sheetId === Number(id ?? 0)) ?? (id === undefined ? ss.sheets[0] : undefined);
		if (!sheet) throw new RangeError400(`Invalid requests[${index}]: No grid with id: ${String(id)}`);
		return sheet;
	}

	private applyRequest(ss: SpreadsheetState, kind: string, r: Record<string, unknown>, index: number): unknown {
		const range = (r.range ?? {}) as { sheetId?: number; startColumnIndex?: number; endColumnIndex?: number };
		switch (kind) {
			case 'addSheet': {
				const sheet = this.addSheet(ss, (r.properties ?? {}) as Record<string, unknown>);
				return { addSheet: { properties: sheet.properties } };
			}
			case 'deleteSheet': {
				const sheet = this.sheetById(ss, r.sheetId, index);
				ss.sheets = ss.sheets.filter((s) => s !== sheet);
				return {};
			}
			case 'updateSheetProperties': {
				const props = (r.properties ?? {}) as { sheetId?: number; title?: string; gridProperties?: Record<string, number> };
				if (!r.fields) throw new RangeError400(`Invalid requests[${index}].updateSheetProperties: You must specify which fields to update.`);
				const sheet = this.sheetById(ss, props.sheetId, index);
				if (props.title) sheet.properties.title = props.title;
				Object.assign(sheet.properties.gridProperties, props.gridProperties ?? {});
				return {};
			}
			case 'updateSpreadsheetProperties':
				Object.assign(ss.properties, (r.properties ?? {}) as object);
				return {};
			case 'repeatCell': {
				const sheet = this.sheetById(ss, range.sheetId, index);
				const fmt = ((r.cell as { userEnteredFormat?: { numberFormat?: { type: string; pattern?: string } } })?.userEnteredFormat)?.numberFormat;
				if (fmt) for (let c = range.startColumnIndex ?? 0; c < (range.endColumnIndex ?? (range.startColumnIndex ?? 0) + 1); c++) sheet.columnFormats[c] = fmt;
				sheet.formats.push(r);
				return {};
			}
			case 'updateBorders':
			case 'mergeCells':
				this.sheetById(ss, range.sheetId, index).formats.push({ [kind]: r });
				return {};
			case 'setBasicFilter': {
				const filter = (r.filter ?? {}) as { range?: { sheetId?: number } };
				this.sheetById(ss, filter.range?.sheetId, index).basicFilter = filter;
				return {};
			}
			case 'clearBasicFilter':
				delete this.sheetById(ss, r.sheetId, index).basicFilter;
				return {};
			case 'addConditionalFormatRule': {
				const rule = (r.rule ?? {}) as { ranges?: Array<{ sheetId?: number }> };
				const sheet = this.sheetById(ss, rule.ranges?.[0]?.sheetId, index);
				sheet.conditionalFormats.splice(Number(r.index ?? sheet.conditionalFormats.length), 0, rule);
				return {};
			}
			case 'addChart': {
				const chart = { chartId: Math.floor(Math.random() * 1e9), ...((r.chart ?? {}) as object) };
				const anchor = (chart as { position?: { overlayPosition?: { anchorCell?: { sheetId?: number } } } }).position?.overlayPosition?.anchorCell?.sheetId;
				this.sheetById(ss, anchor, index).charts.push(chart);
				return { addChart: { chart } };
			}
			case 'setDataValidation':
				this.sheetById(ss, range.sheetId, index).dataValidations.push(r);
				return {};
			case 'updateDimensionProperties': {
				const dr = (r.range ?? {}) as { sheetId?: number; dimension?: string; startIndex?: number; endIndex?: number };
				const sheet = this.sheetById(ss, dr.sheetId, index);
				const size = (r.properties as { pixelSize?: number })?.pixelSize;
				if (dr.dimension === 'COLUMNS' && size) for (let c = dr.startIndex ?? 0; c < (dr.endIndex ?? 0); c++) sheet.columnWidths[c] = size;
				return {};
			}
			case 'autoResizeDimensions':
				return {};
			case 'appendDimension': {
				const sheet = this.sheetById(ss, r.sheetId, index);
				const length = Number(r.length ?? 0);
				if (!Number.isInteger(length) || length < 1) throw new RangeError400(`Invalid requests[${index}].appendDimension: length must be positive`);
				const g = sheet.properties.gridProperties;
				if (r.dimension === 'COLUMNS') g.columnCount += length;
				else g.rowCount += length;
				return {};
			}
			case 'insertDimension':
			case 'deleteDimension': {
				const dr = (r.range ?? {}) as { sheetId?: number; dimension?: string; startIndex?: number; endIndex?: number };
				const sheet = this.sheetById(ss, dr.sheetId, index);
				const count = (dr.endIndex ?? 0) - (dr.startIndex ?? 0);
				if (dr.dimension === 'ROWS') {
					if (kind === 'insertDimension') sheet.cells.splice(dr.startIndex ?? 0, 0, ...Array.from({ length: count }, () => []));
					else sheet.cells.splice(dr.startIndex ?? 0, count);
				}
				return {};
			}
			default:
				throw new RangeError400(`Invalid requests[${index}]: unsupported ${kind}`);
		}
	}

	private async export(req: SandboxRequest): Promise<SandboxResponse> {
		const m = /^\/export\/([^/]+)\.(xlsx|html)$/.exec(req.path);
		const ss = m ? this.spreadsheets.get(decodeURIComponent(m[1])) : undefined;
		if (!m || !ss) return googleError(404, 'NOT_FOUND', 'Requested entity was not found.');
		if (m[2] === 'html') return { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: exportHtml(ss, (s, c, cell) => this.formatted(s, c, cell)) };
		const { exportXlsx } = await import('./export');
		return {
			status: 200,
			headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Content-Disposition': `attachment; filename="${ss.spreadsheetId}.xlsx"` },
			body: await exportXlsx(ss, (s, c, cell) => this.formatted(s, c, cell)),
		};
	}
}

function trimGrid(rows: CellValue[][]): CellValue[][] {
	const out = rows.map((r) => {
		const copy = [...r];
		while (copy.length && copy[copy.length - 1] === '') copy.pop();
		return copy;
	});
	while (out.length && out[out.length - 1].length === 0) out.pop();
	return out;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function exportHtml(ss: SpreadsheetState, format: (sheet: SheetState, col: number, cell: Cell) => string): string {
	const sections = ss.sheets.map((sheet) => {
		const rows = sheet.cells.filter((r) => r.some((c) => c && c.v !== ''));
		const body = rows
			.map((row, i) => `<tr>${row.map((c, j) => (i === 0 ? `<th>${escapeHtml(c ? format(sheet, j, c) : '')}</th>` : `<td>${escapeHtml(c ? format(sheet, j, c) : '')}</td>`)).join('')}</tr>`)
			.join('\n');
		return `<h2>${escapeHtml(sheet.properties.title)}</h2>\n<table>\n${body}\n</table>`;
	});
	return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>${escapeHtml(ss.properties.title)}</title>
<style>body{font-family:sans-serif;margin:24px}table{border-collapse:collapse;margin-bottom:32px;font-size:13px}th{background:#d9e6f8;position:sticky;top:0}th,td{border:1px solid #9aa;padding:4px 8px;vertical-align:top;max-width:420px}</style>
</head><body><h1>${escapeHtml(ss.properties.title)}</h1>\n${sections.join('\n')}\n</body></html>\n`;
}
