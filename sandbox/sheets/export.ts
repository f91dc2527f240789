import ExcelJS from 'exceljs';
import type { Cell, SheetState, SpreadsheetState } from './emulator';

/** XLSX export of an emulated spreadsheet, with bold frozen headers and column widths, for people to open. */
export async function exportXlsx(ss: SpreadsheetState, format: (sheet: SheetState, col: number, cell: Cell) => string): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	workbook.title = ss.properties.title;
	for (const sheet of ss.sheets) {
		const ws = workbook.addWorksheet(sheet.properties.title.slice(0, 31), {
			views: sheet.properties.gridProperties.frozenRowCount ? [{ state: 'frozen', ySplit: sheet.properties.gridProperties.frozenRowCount }] : [],
		});
		sheet.cells.forEach((row, r) => {
			const values = row.map((c, j) => {
				if (!c) return null;
				const fmt = sheet.columnFormats[j];
				if (typeof c.v === 'number' && fmt && (fmt.type === 'DATE_TIME' || fmt.type === 'DATE')) return format(sheet, j, c);
				return c.v;
			});
			const added = ws.addRow(values);
			if (r === 0) added.font = { bold: true };
		});
		for (const [col, px] of Object.entries(sheet.columnWidths)) ws.getColumn(Number(col) + 1).width = Math.round(px / 7);
		if (sheet.basicFilter && ws.rowCount > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(1, ws.columnCount) } };
	}
	return Buffer.from(await workbook.xlsx.writeBuffer());
}
