/** Workflows that write N generated appeals to the register: with this package's node, or with n8n's own Google Sheets node. */
export function generatorCode(n: number, version: number): string {
	return `const out = [];
for (let i = 0; i < ${n}; i++) {
	out.push({ json: {
		id: 'pos:' + (100000 + i), source: 'pos', externalId: String(100000 + i), kind: 'message',
		receivedAt: '2026-10-01T09:00:00+03:00', registeredAt: '2026-10-01T09:00:00+03:00', text: 'Обращение ' + i + ': яма на дороге',
		author: { name: 'Петрова Анна Сергеевна', contact: '+79110000001' }, status: (i % 10 === 0 && ${version} > 1) ? 'answered' : 'new',
		deadline: '2026-10-31T23:59:59+03:00', satisfaction: 'unknown', flags: [],
	} });
}
return out;`;
}

export function mcuRegisterWorkflow(id: string, n: number, version: number) {
	return {
		id,
		name: id,
		nodes: [
			{
				id: 's',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'g',
				name: 'Appeals',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [200, 0],
				parameters: { jsCode: generatorCode(n, version) },
			},
			{
				id: 'r',
				name: 'Register',
				type: 'n8n-nodes-mcu.reportSheets',
				typeVersion: 1,
				position: [400, 0],
				parameters: {
					spreadsheetId: 'mcu-demo-spreadsheet',
					report: 'register',
					sheetName: 'Реестр обращений',
					maskPersonalData: true,
				},
				credentials: { mcuGoogleServiceAccountApi: { id: 'mcuSheets', name: 'Sheets' } },
			},
		],
		connections: {
			Start: { main: [[{ node: 'Appeals', type: 'main', index: 0 }]] },
			Appeals: { main: [[{ node: 'Register', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

/** The same upsert with n8n's own Google Sheets node (appendOrUpdate on the «ID» column). */
export function n8nSheetsWorkflow(id: string, n: number, version: number) {
	const flatten = `return $input.all().map(({ json }) => ({ json: { ID: json.id, Источник: 'ПОС', Статус: json.status === 'answered' ? 'Дан ответ' : 'Новое', Текст: json.text, 'Срок ответа': json.deadline } }));`;
	return {
		id,
		name: id,
		nodes: [
			{
				id: 's',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'g',
				name: 'Appeals',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [200, 0],
				parameters: { jsCode: generatorCode(n, version) },
			},
			{
				id: 'f',
				name: 'Rows',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [400, 0],
				parameters: { jsCode: flatten },
			},
			{
				id: 'u',
				name: 'Upsert',
				type: 'n8n-nodes-base.googleSheets',
				typeVersion: 4.7,
				position: [600, 0],
				parameters: {
					authentication: 'serviceAccount',
					operation: 'appendOrUpdate',
					documentId: { __rl: true, mode: 'id', value: 'mcu-demo-spreadsheet' },
					sheetName: { __rl: true, mode: 'name', value: 'n8n' },
					columns: {
						mappingMode: 'autoMapInputData',
						value: {},
						matchingColumns: ['ID'],
						schema: [],
					},
					options: {},
				},
				credentials: { googleApi: { id: 'googleSa', name: 'Google SA' } },
			},
		],
		connections: {
			Start: { main: [[{ node: 'Appeals', type: 'main', index: 0 }]] },
			Appeals: { main: [[{ node: 'Rows', type: 'main', index: 0 }]] },
			Rows: { main: [[{ node: 'Upsert', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}
