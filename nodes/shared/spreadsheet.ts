import { NodeOperationError, type ICredentialDataDecryptedObject, type INode } from 'n8n-workflow';

/** The ID out of a spreadsheet's address (docs.google.com/spreadsheets/d/<ID>/edit…), or the text itself, trimmed. */
export function spreadsheetIdFromText(value: unknown): string {
	const text = String(value ?? '').trim();
	return /\/spreadsheets\/d\/([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? text;
}

/**
 * The spreadsheet a node works with: its own «ID таблицы» when filled, else the district's «Таблица МЦУ» of the
 * Google credential, so a district sets it once.
 */
export function resolveSpreadsheetId(
	node: INode,
	parameter: unknown,
	credentials: ICredentialDataDecryptedObject | undefined,
): string {
	const id = spreadsheetIdFromText(parameter) || spreadsheetIdFromText(credentials?.spreadsheetId);
	if (!id) {
		throw new NodeOperationError(node, 'Не указана Google Таблица', {
			description:
				'Заполните «Таблица МЦУ» в учётных данных «МЦУ: Google Service Account (Таблицы) API» (ID или адрес таблицы) или «ID таблицы» в этом узле',
		});
	}
	return id;
}

/** The address a person opens the spreadsheet at (a link in a message). */
export function spreadsheetUrl(spreadsheetId: string): string {
	return `https://docs.google.com/spreadsheets/d/${encodeURIComponent(spreadsheetId)}/edit`;
}
