import { randomBytes } from 'node:crypto';
import { RangeError400, formatA1, parseA1, type GridRange } from './a1';
import { trimGrid } from './cells';

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
		gridProperties: {
			rowCount: number;
			columnCount: number;
			frozenRowCount?: number;
			frozenColumnCount?: number;
		};
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

/** A GridRange of the batchUpdate requests (0-based, end exclusive). */
export interface Grid {
	sheetId?: number;
	startRowIndex?: number;
	endRowIndex?: number;
	startColumnIndex?: number;
	endColumnIndex?: number;
}

/** The well-known spreadsheet of the demo and the e2e tests. */
export const DEMO_SPREADSHEET_ID = 'mcu-demo-spreadsheet';

export interface SheetsOptions {
	tokenTtlSec?: number;
	/** Refresh tokens the token endpoint accepts; default: any. */
	refreshTokens?: string[];
	/** Public keys (PEM) of known service accounts by e-mail: their JWTs must carry a valid RS256 signature. */
	serviceAccountKeys?: Record<string, string>;
	/** Tabs the demo spreadsheet starts with (made by their Sheets requests, then filled); default: none. */
	demoTabs?: Array<{ title: string; requests: object[]; values: CellValue[][] }>;
}

/** All the emulator's state: the spreadsheets, the id counter, the access tokens issued. */
export class SheetsStore {
	private spreadsheets = new Map<string, SpreadsheetState>();
	/** Access token → expiry (ms since epoch). */
	readonly tokens = new Map<string, number>();
	readonly refreshTokens = new Set<string>();
	private nextSheetId = 1;

	constructor(readonly options: SheetsOptions = {}) {
		for (const t of options.refreshTokens ?? []) this.refreshTokens.add(t);
		this.reset();
	}

	/** Back to the seeded state: only the empty demo spreadsheet. Issued tokens stay valid (they are auth state, not data). */
	reset(): void {
		this.spreadsheets.clear();
		this.nextSheetId = 1;
		this.createSpreadsheet('МЦУ Дедовичского района — отчёты', DEMO_SPREADSHEET_ID);
	}

	dump(): unknown {
		return { spreadsheets: [...this.spreadsheets.values()] };
	}

	load(state: unknown): void {
		this.spreadsheets = new Map(
			((state as { spreadsheets?: SpreadsheetState[] }).spreadsheets ?? []).map((s) => [
				s.spreadsheetId,
				structuredClone(s),
			]),
		);
	}

	/** The next number of the deterministic id sequence (sheet and chart ids). */
	nextId(): number {
		return this.nextSheetId++;
	}

	/** A new spreadsheet with one empty sheet «Лист1» (sheetId 0, as Google gives the first sheet). */
	createSpreadsheet(title: string, id = randomBytes(16).toString('base64url')): SpreadsheetState {
		const state: SpreadsheetState = {
			spreadsheetId: id,
			properties: { title, locale: 'ru_RU', timeZone: 'Europe/Moscow', autoRecalc: 'ON_CHANGE' },
			sheets: [],
		};
		this.addSheet(state, { title: 'Лист1', sheetId: 0 });
		this.spreadsheets.set(id, state);
		return state;
	}

	get(id: string): SpreadsheetState | undefined {
		return this.spreadsheets.get(id);
	}

	/** Replaces a spreadsheet with its changed copy (a batch that succeeded). */
	replace(ss: SpreadsheetState): void {
		this.spreadsheets.set(ss.spreadsheetId, ss);
	}

	/** Values of a sheet as a plain grid, trailing empties trimmed (for tests and exports). */
	values(id: string, title: string): CellValue[][] {
		const sheet = this.spreadsheets.get(id)?.sheets.find((s) => s.properties.title === title);
		if (!sheet) return [];
		return trimGrid(sheet.cells.map((r) => r.map((c) => (c ? c.v : ''))));
	}

	addSheet(
		ss: SpreadsheetState,
		props: Record<string, unknown>,
		at = 'requests[0].addSheet',
	): SheetState {
		const title = String(props.title ?? `Лист${ss.sheets.length + 1}`);
		if (ss.sheets.some((s) => s.properties.title.toLowerCase() === title.toLowerCase())) {
			throw new RangeError400(
				`Invalid ${at}: A sheet with the name "${title}" already exists. Please enter another name.`,
			);
		}
		let sheetId: number;
		if (props.sheetId !== undefined) {
			sheetId = Number(props.sheetId);
			if (!Number.isInteger(sheetId) || sheetId < 0)
				throw new RangeError400(`Invalid ${at}: sheetId must be a non-negative integer`);
		} else {
			// Google's ids look random; these are deterministic so dumps compare.
			do sheetId = (this.nextId() * 1103515245 + 12345) % 2147483647;
			while (ss.sheets.some((s) => s.properties.sheetId === sheetId));
		}
		if (ss.sheets.some((s) => s.properties.sheetId === sheetId))
			throw new RangeError400(`Invalid ${at}: Sheet with id ${sheetId} already exists.`);
		const grid = (props.gridProperties ?? {}) as Record<string, number>;
		const index =
			props.index === undefined
				? ss.sheets.length
				: Math.max(0, Math.min(Number(props.index), ss.sheets.length));
		const rest = Object.fromEntries(
			Object.entries(props).filter(
				([k]) => !['sheetId', 'title', 'index', 'gridProperties'].includes(k),
			),
		);
		const sheet: SheetState = {
			properties: {
				sheetId,
				title,
				index,
				sheetType: 'GRID',
				...rest,
				gridProperties: {
					...grid,
					rowCount: grid.rowCount ?? 1000,
					columnCount: grid.columnCount ?? 26,
				},
			},
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
}

/** The sheet and cells an A1 range names; no sheet name means the first sheet. */
export function locate(ss: SpreadsheetState, a1: string): { sheet: SheetState; range: GridRange } {
	const range = parseA1(a1);
	const sheet =
		range.sheet === null ? ss.sheets[0] : ss.sheets.find((s) => s.properties.title === range.sheet);
	if (!sheet) throw new RangeError400(`Unable to parse range: ${a1}`);
	return { sheet, range };
}

export function sheetById(ss: SpreadsheetState, id: unknown, at: string): SheetState {
	const sheetId = Number(id ?? 0);
	const sheet = ss.sheets.find((s) => s.properties.sheetId === sheetId);
	if (!sheet) throw new RangeError400(`Invalid ${at}: No grid with id: ${sheetId}`);
	return sheet;
}

/** A GridRange's bounds on a sheet; open ends go to the grid's size. */
export function bounds(sheet: SheetState, range: Grid, at: string) {
	const g = sheet.properties.gridProperties;
	const b = {
		r0: range.startRowIndex ?? 0,
		r1: range.endRowIndex ?? g.rowCount,
		c0: range.startColumnIndex ?? 0,
		c1: range.endColumnIndex ?? g.columnCount,
	};
	if (b.r0 < 0 || b.c0 < 0 || b.r1 < b.r0 || b.c1 < b.c0)
		throw new RangeError400(`Invalid ${at}: invalid range`);
	if (b.r1 > g.rowCount || b.c1 > g.columnCount) {
		throw new RangeError400(
			`Invalid ${at}: Range (${formatA1(sheet.properties.title, b.r0, b.c0, b.r1 - b.r0, b.c1 - b.c0)}) exceeds grid limits. Max rows: ${g.rowCount}, max columns: ${g.columnCount}`,
		);
	}
	return b;
}

/** Grows the grid to hold every written cell. */
export function grow(sheet: SheetState): void {
	const g = sheet.properties.gridProperties;
	g.rowCount = Math.max(g.rowCount, sheet.cells.length);
	for (const r of sheet.cells) if (r.length > g.columnCount) g.columnCount = r.length;
}

export function reindex(ss: SpreadsheetState): void {
	ss.sheets.forEach((s, i) => (s.properties.index = i));
}
