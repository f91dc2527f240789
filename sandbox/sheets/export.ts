import ExcelJS from 'exceljs';
import type { Cell, SheetState, SpreadsheetState } from './state';

/** Renders a cell as Sheets shows it (number formats, dates, the decimal comma). */
export type CellFormatter = (sheet: SheetState, col: number, cell: Cell) => string;

interface Color {
	red?: number;
	green?: number;
	blue?: number;
	alpha?: number;
}

interface GridRangeLike {
	startRowIndex?: number;
	endRowIndex?: number;
	startColumnIndex?: number;
	endColumnIndex?: number;
}

interface CellFormat {
	textFormat?: {
		bold?: boolean;
		italic?: boolean;
		strikethrough?: boolean;
		fontSize?: number;
		foregroundColor?: Color;
	};
	backgroundColor?: Color;
	horizontalAlignment?: string;
	verticalAlignment?: string;
	wrapStrategy?: string;
	numberFormat?: { type: string; pattern?: string };
}

interface Border {
	style?: string;
	color?: Color;
}

const argb = (c: Color | undefined) => {
	const hex = (v: number | undefined) =>
		Math.round(Math.max(0, Math.min(1, v ?? 0)) * 255)
			.toString(16)
			.padStart(2, '0')
			.toUpperCase();
	return `FF${hex(c?.red)}${hex(c?.green)}${hex(c?.blue)}`;
};

const BORDER_STYLES: Record<string, ExcelJS.BorderStyle> = {
	DOTTED: 'dotted',
	DASHED: 'dashed',
	SOLID: 'thin',
	SOLID_MEDIUM: 'medium',
	SOLID_THICK: 'thick',
	DOUBLE: 'double',
};

/** A Sheets number format as an Excel one (both use much the same pattern language). */
function excelNumFmt(fmt: { type: string; pattern?: string } | undefined): string | undefined {
	if (!fmt) return undefined;
	if (fmt.pattern) return fmt.pattern;
	switch (fmt.type) {
		case 'DATE':
			return 'dd.mm.yyyy';
		case 'DATE_TIME':
			return 'dd.mm.yyyy hh:mm';
		case 'TIME':
			return 'hh:mm';
		case 'PERCENT':
			return '0%';
		case 'NUMBER':
			return '0.00';
		case 'TEXT':
			return '@';
		default:
			return undefined;
	}
}

const isDateFormat = (fmt: { type: string } | undefined) =>
	Boolean(fmt && ['DATE', 'DATE_TIME', 'TIME'].includes(fmt.type));

/** Excel's sheet names: at most 31 characters, none of []:*?/\, unique. */
function excelSheetName(title: string, taken: Set<string>): string {
	const base = title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Лист';
	let name = base;
	for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 28)} ${n}`;
	taken.add(name.toLowerCase());
	return name;
}

/** Rows 0..last that hold something: formats are replayed only there, so a 1000-row grid stays small. */
function dataHeight(sheet: SheetState): number {
	let last = 0;
	sheet.cells.forEach((row, r) => {
		if (row.some((c) => c !== null)) last = r + 1;
	});
	return Math.max(last, 1);
}

function clampRange(range: GridRangeLike, height: number, width: number) {
	return {
		r0: range.startRowIndex ?? 0,
		r1: Math.min(range.endRowIndex ?? height, height),
		c0: range.startColumnIndex ?? 0,
		c1: Math.min(range.endColumnIndex ?? width, width),
	};
}

function applyCellFormat(cell: ExcelJS.Cell, fmt: CellFormat, fields: string): void {
	const all = fields === '*' || fields === 'userEnteredFormat';
	const has = (name: string) => all || fields.includes(name);
	if (fmt.textFormat && has('textFormat')) {
		const t = fmt.textFormat;
		cell.font = {
			...cell.font,
			...(t.bold !== undefined ? { bold: t.bold } : {}),
			...(t.italic !== undefined ? { italic: t.italic } : {}),
			...(t.strikethrough !== undefined ? { strike: t.strikethrough } : {}),
			...(t.fontSize ? { size: t.fontSize } : {}),
			...(t.foregroundColor ? { color: { argb: argb(t.foregroundColor) } } : {}),
		};
	}
	if (fmt.backgroundColor && has('backgroundColor'))
		cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(fmt.backgroundColor) } };
	if (has('horizontalAlignment') || has('verticalAlignment') || has('wrapStrategy')) {
		const horizontal = { LEFT: 'left', CENTER: 'center', RIGHT: 'right' }[
			fmt.horizontalAlignment ?? ''
		] as ExcelJS.Alignment['horizontal'] | undefined;
		const vertical = { TOP: 'top', MIDDLE: 'middle', BOTTOM: 'bottom' }[
			fmt.verticalAlignment ?? ''
		] as ExcelJS.Alignment['vertical'] | undefined;
		cell.alignment = {
			...cell.alignment,
			...(horizontal ? { horizontal } : {}),
			...(vertical ? { vertical } : {}),
			...(fmt.wrapStrategy === 'WRAP' ? { wrapText: true } : {}),
		};
	}
	const numFmt = excelNumFmt(fmt.numberFormat);
	if (numFmt && has('numberFormat')) cell.numFmt = numFmt;
}

/** XLSX export of an emulated spreadsheet: values, number and date formats, header and cell styles, borders, merges,
 *  frozen rows and columns, column widths, the basic filter, list validations and formula conditional colours. */
export async function spreadsheetXlsx(ss: SpreadsheetState): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	workbook.title = ss.properties.title;
	workbook.creator = 'МЦУ sandbox';
	const taken = new Set<string>();
	for (const sheet of ss.sheets) {
		const grid = sheet.properties.gridProperties;
		const ySplit = grid.frozenRowCount ?? 0;
		const xSplit = grid.frozenColumnCount ?? 0;
		const ws = workbook.addWorksheet(excelSheetName(sheet.properties.title, taken), {
			views: ySplit || xSplit ? [{ state: 'frozen', ySplit, xSplit }] : [],
		});
		const height = dataHeight(sheet);
		const width = Math.max(
			1,
			...sheet.cells.map((r) => r.length),
			...Object.keys(sheet.columnFormats).map((c) => Number(c) + 1),
		);
		sheet.cells.forEach((row, r) => {
			row.forEach((c, j) => {
				if (!c) return;
				const cell = ws.getCell(r + 1, j + 1);
				const fmt = sheet.columnFormats[j];
				if (c.f) cell.value = { formula: c.f.slice(1) };
				else if (typeof c.v === 'number' && r > 0 && isDateFormat(fmt)) {
					cell.value = new Date(Math.round((c.v - 25569) * 86400000));
					cell.numFmt = excelNumFmt(fmt) ?? 'dd.mm.yyyy';
				} else {
					cell.value = c.v;
					const numFmt = r > 0 && typeof c.v === 'number' ? excelNumFmt(fmt) : undefined;
					if (numFmt) cell.numFmt = numFmt;
				}
			});
		});
		// The header row is bold even when nobody formatted it.
		if (sheet.cells[0]?.some((c) => c)) ws.getRow(1).font = { bold: true };
		for (const entry of sheet.formats as Array<Record<string, Record<string, unknown>>>) {
			const [kind, request] = Object.entries(entry)[0] ?? [];
			if (!request) continue;
			const b = clampRange((request.range ?? {}) as GridRangeLike, height, width);
			if (kind === 'repeatCell') {
				const fmt = ((request.cell ?? {}) as { userEnteredFormat?: CellFormat }).userEnteredFormat;
				if (!fmt) continue;
				for (let r = b.r0; r < b.r1; r++)
					for (let c = b.c0; c < b.c1; c++)
						applyCellFormat(ws.getCell(r + 1, c + 1), fmt, String(request.fields ?? '*'));
			} else if (kind === 'updateBorders') {
				const side = (name: string): Partial<ExcelJS.Border> | undefined => {
					const border = request[name] as Border | undefined;
					const style = border?.style ? BORDER_STYLES[border.style] : undefined;
					return style ? { style, color: { argb: argb(border?.color) } } : undefined;
				};
				const [top, bottom, left, right, innerH, innerV] = [
					'top',
					'bottom',
					'left',
					'right',
					'innerHorizontal',
					'innerVertical',
				].map(side);
				for (let r = b.r0; r < b.r1; r++) {
					for (let c = b.c0; c < b.c1; c++) {
						const cell = ws.getCell(r + 1, c + 1);
						const t = r === b.r0 ? top : innerH;
						const bo = r === b.r1 - 1 ? bottom : innerH;
						const l = c === b.c0 ? left : innerV;
						const ri = c === b.c1 - 1 ? right : innerV;
						cell.border = {
							...cell.border,
							...(t ? { top: t } : {}),
							...(bo ? { bottom: bo } : {}),
							...(l ? { left: l } : {}),
							...(ri ? { right: ri } : {}),
						};
					}
				}
			} else if (
				kind === 'mergeCells' &&
				b.r1 > b.r0 &&
				b.c1 > b.c0 &&
				(b.r1 - b.r0 > 1 || b.c1 - b.c0 > 1)
			) {
				try {
					ws.mergeCells(b.r0 + 1, b.c0 + 1, b.r1, b.c1);
				} catch {
					// Overlapping merges: Sheets would have refused them too.
				}
			}
		}
		for (const [col, px] of Object.entries(sheet.columnWidths))
			ws.getColumn(Number(col) + 1).width = Math.max(4, Math.round(px / 7));
		const filter = (sheet.basicFilter as { range?: GridRangeLike } | undefined)?.range;
		if (filter) {
			const b = clampRange(filter, height, width);
			if (b.c1 > b.c0)
				ws.autoFilter = {
					from: { row: b.r0 + 1, column: b.c0 + 1 },
					to: { row: Math.max(b.r1, b.r0 + 1), column: b.c1 },
				};
		}
		for (const validation of sheet.dataValidations as Array<{
			range: GridRangeLike;
			rule?: {
				condition?: { type?: string; values?: Array<{ userEnteredValue?: string }> };
				strict?: boolean;
			};
		}>) {
			const condition = validation.rule?.condition;
			if (condition?.type !== 'ONE_OF_LIST' || !condition.values?.length) continue;
			const list = `"${condition.values.map((v) => String(v.userEnteredValue ?? '').replace(/"/g, '""')).join(',')}"`;
			if (list.length > 255) continue;
			const b = clampRange(validation.range, height, width);
			for (let r = b.r0; r < b.r1; r++) {
				for (let c = b.c0; c < b.c1; c++) {
					ws.getCell(r + 1, c + 1).dataValidation = {
						type: 'list',
						allowBlank: true,
						showErrorMessage: validation.rule?.strict === true,
						formulae: [list],
					};
				}
			}
		}
		for (const rule of sheet.conditionalFormats as Array<{
			ranges?: GridRangeLike[];
			booleanRule?: {
				condition?: { type?: string; values?: Array<{ userEnteredValue?: string }> };
				format?: CellFormat;
			};
		}>) {
			const condition = rule.booleanRule?.condition;
			const formula =
				condition?.type === 'CUSTOM_FORMULA' ? condition.values?.[0]?.userEnteredValue : undefined;
			if (!formula || !rule.ranges?.length) continue;
			const fmt = rule.booleanRule?.format ?? {};
			for (const range of rule.ranges) {
				const b = clampRange(range, height, width);
				if (b.r1 <= b.r0 || b.c1 <= b.c0) continue;
				const ref = `${ws.getCell(b.r0 + 1, b.c0 + 1).address}:${ws.getCell(b.r1, b.c1).address}`;
				ws.addConditionalFormatting({
					ref,
					rules: [
						{
							type: 'expression',
							priority: 1,
							formulae: [formula.replace(/^=/, '')],
							style: {
								...(fmt.backgroundColor
									? {
											fill: {
												type: 'pattern',
												pattern: 'solid',
												bgColor: { argb: argb(fmt.backgroundColor) },
											},
										}
									: {}),
								...(fmt.textFormat?.bold || fmt.textFormat?.foregroundColor
									? {
											font: {
												bold: fmt.textFormat.bold,
												...(fmt.textFormat.foregroundColor
													? { color: { argb: argb(fmt.textFormat.foregroundColor) } }
													: {}),
											},
										}
									: {}),
							},
						},
					],
				});
			}
		}
	}
	return Buffer.from(await workbook.xlsx.writeBuffer());
}

const escapeHtml = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** HTML export: one page, a table per sheet with the values as Sheets shows them; the first row is the header. */
export function spreadsheetHtml(ss: SpreadsheetState, format: CellFormatter): string {
	const sections = ss.sheets.map((sheet) => {
		const rows = sheet.cells.filter((r) => r.some((c) => c && c.v !== ''));
		const width = Math.max(0, ...rows.map((r) => r.length));
		const body = rows
			.map((row, i) => {
				const tag = i === 0 ? 'th' : 'td';
				const cells = Array.from({ length: width }, (_, j) => {
					const c = row[j];
					const numeric = c && typeof c.v === 'number' ? ' class="num"' : '';
					return `<${tag}${numeric}>${escapeHtml(c ? format(sheet, j, c) : '')}</${tag}>`;
				});
				return `<tr>${cells.join('')}</tr>`;
			})
			.join('\n');
		const charts = sheet.charts.length
			? `<p class="note">Диаграмм на листе: ${sheet.charts.length}</p>\n`
			: '';
		return `<section data-sheet-id="${sheet.properties.sheetId}">\n<h2>${escapeHtml(sheet.properties.title)}</h2>\n${charts}<table>\n${body}\n</table>\n</section>`;
	});
	return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>${escapeHtml(ss.properties.title)}</title>
<style>body{font-family:sans-serif;margin:24px}table{border-collapse:collapse;margin-bottom:32px;font-size:13px}th{background:#d9e6f8;position:sticky;top:0}th,td{border:1px solid #9aa;padding:4px 8px;vertical-align:top;max-width:420px}td.num{text-align:right}.note{color:#666}</style>
</head><body><h1>${escapeHtml(ss.properties.title)}</h1>\n${sections.join('\n')}\n</body></html>\n`;
}
