import { NodeOperationError, type INode } from 'n8n-workflow';
import { resolveSpreadsheetId, spreadsheetIdFromText } from '../../../nodes/shared/spreadsheet';

const node: INode = {
	id: 'n',
	name: 'Отчёт',
	type: 'n8n-nodes-mcu.reportSheets',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

describe("the spreadsheet of a node: its own, else the Google credential's", () => {
	it('takes the ID out of a full address, or the trimmed text', () => {
		expect(
			spreadsheetIdFromText('https://docs.google.com/spreadsheets/d/1AbC-d_9xYz/edit#gid=0'),
		).toBe('1AbC-d_9xYz');
		expect(spreadsheetIdFromText('  1AbC-d_9xYz ')).toBe('1AbC-d_9xYz');
		expect(spreadsheetIdFromText(undefined)).toBe('');
	});

	it("the node's ID wins; an empty one falls back to «Таблица МЦУ» of the credential", () => {
		expect(resolveSpreadsheetId(node, 'node-sheet', { spreadsheetId: 'credential-sheet' })).toBe(
			'node-sheet',
		);
		expect(
			resolveSpreadsheetId(node, ' ', {
				spreadsheetId: 'https://docs.google.com/spreadsheets/d/credential-sheet/edit',
			}),
		).toBe('credential-sheet');
		expect(resolveSpreadsheetId(node, '', { spreadsheetId: 'credential-sheet' })).toBe(
			'credential-sheet',
		);
	});

	it('both empty: a node error in Russian naming both places to fill in', () => {
		let error: unknown;
		try {
			resolveSpreadsheetId(node, '', { email: 'mcu@example.iam.gserviceaccount.com' });
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as NodeOperationError).message).toBe('Не указана Google Таблица');
		expect((error as NodeOperationError).description).toContain('«Таблица МЦУ» в учётных данных');
		expect((error as NodeOperationError).description).toContain('«ID таблицы» в этом узле');
		expect(() => resolveSpreadsheetId(node, undefined, undefined)).toThrow(
			'Не указана Google Таблица',
		);
	});
});
