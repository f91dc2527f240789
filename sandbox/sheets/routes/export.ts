import type { SandboxRequest, SandboxResponse } from '../../core/types';
import { googleError } from '../errors';
import { spreadsheetHtml, spreadsheetXlsx } from '../export';
import { formatted } from '../cells';
import type { SheetsStore } from '../state';

/** The spreadsheet as one HTML page, a table per sheet. */
export function exportHtml(store: SheetsStore, id: string): string {
	const ss = store.get(id);
	if (!ss) throw new Error(`No spreadsheet ${id}`);
	return spreadsheetHtml(ss, formatted);
}

/** The spreadsheet as an XLSX workbook (values, number formats, bold header, borders, frozen rows, widths, filter). */
export async function exportXlsx(store: SheetsStore, id: string): Promise<Buffer> {
	const ss = store.get(id);
	if (!ss) throw new Error(`No spreadsheet ${id}`);
	return spreadsheetXlsx(ss);
}

/** `/export/{id}.html` and `/export/{id}.xlsx`: the sandbox's stand-in for opening the spreadsheet. */
export async function exportRoute(
	store: SheetsStore,
	req: SandboxRequest,
): Promise<SandboxResponse> {
	const m = /^\/export\/([^/]+)\.(xlsx|html)$/.exec(req.path);
	const id = m ? decodeURIComponent(m[1]) : '';
	if (!m || !store.get(id)) return googleError(404, 'NOT_FOUND', 'Requested entity was not found.');
	if (m[2] === 'html')
		return {
			status: 200,
			headers: { 'Content-Type': 'text/html; charset=utf-8' },
			body: exportHtml(store, id),
		};
	return {
		status: 200,
		headers: {
			'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'Content-Disposition': `attachment; filename="${encodeURIComponent(id)}.xlsx"`,
		},
		body: await exportXlsx(store, id),
	};
}
