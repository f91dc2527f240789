import { N8nInstance } from '../helpers/n8n';

/**
 * «МЦУ: Нормализация» in real n8n, both versions of the VersionedNodeType: a node saved with version 1 (the input in
 * `input`) keeps working next to a version 2 node (the input in `operation`), and they give the same appeals.
 */
describe('normalize node in real n8n, version 1 and version 2', () => {
	const n8n = new N8nInstance('normalize');
	afterAll(() => n8n.cleanup());

	const posRecords = [
		{
			id: 81,
			description: 'Сломана скамейка',
			createdAt: '2026-10-01T09:15:00+03:00',
			status: 'MODERATION_NEW',
			history: [],
		},
		{
			id: 82,
			description: 'Не горит фонарь',
			createdAt: '2026-10-02T18:40:00+03:00',
			status: 'MODERATION_NEW',
			history: [],
		},
	];
	const exportRows = [{ '№': 'A7', Когда: '03.10.2026 11:30', Описание: 'Не убран снег' }];
	const mapping = {
		column: [
			{ field: 'id', header: '№' },
			{ field: 'createdAt', header: 'Когда' },
			{ field: 'text', header: 'Описание' },
		],
	};
	const code = (name: string, id: string, y: number, rows: unknown[]) => ({
		id,
		name,
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		position: [200, y],
		parameters: { jsCode: `return ${JSON.stringify(rows)}.map((json) => ({ json }));` },
	});
	const normalize = (
		name: string,
		id: string,
		typeVersion: number,
		y: number,
		parameters: Record<string, unknown>,
	) => ({
		id,
		name,
		type: 'n8n-nodes-mcu.normalize',
		typeVersion,
		position: [400, y],
		parameters,
	});

	const workflow = {
		id: 'McuNormalizeE2E',
		name: 'e2e normalize versions',
		nodes: [
			{
				id: 'n1',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			code('Записи ПОС', 'n2', 0, posRecords),
			code('Выгрузка ИМ', 'n3', 200, exportRows),
			normalize('Версия 1', 'n4', 1, -100, { input: 'posApi' }),
			normalize('Версия 2', 'n5', 2, 100, { operation: 'posApi' }),
			normalize('Выгрузка, версия 1', 'n6', 1, 200, { input: 'imExport', mapping }),
			normalize('Выгрузка, версия 2', 'n7', 2, 300, { operation: 'imExport', mapping }),
		],
		connections: {
			Start: {
				main: [
					[
						{ node: 'Записи ПОС', type: 'main', index: 0 },
						{ node: 'Выгрузка ИМ', type: 'main', index: 0 },
					],
				],
			},
			'Записи ПОС': {
				main: [
					[
						{ node: 'Версия 1', type: 'main', index: 0 },
						{ node: 'Версия 2', type: 'main', index: 0 },
					],
				],
			},
			'Выгрузка ИМ': {
				main: [
					[
						{ node: 'Выгрузка, версия 1', type: 'main', index: 0 },
						{ node: 'Выгрузка, версия 2', type: 'main', index: 0 },
					],
				],
			},
		},
		settings: { executionOrder: 'v1' },
	};

	it('a version 1 node and a version 2 node normalize the same records into the same appeals', async () => {
		const run = await n8n.execute(await n8n.importWorkflow(workflow));
		expect(run.error).toBeUndefined();
		expect(run.items('Версия 1').map((a) => a.id)).toEqual(['pos:81', 'pos:82']);
		expect(run.items('Версия 2')).toEqual(run.items('Версия 1'));
		expect(run.items('Выгрузка, версия 1').map((a) => [a.id, a.text])).toEqual([
			['im:A7', 'Не убран снег'],
		]);
		expect(run.items('Выгрузка, версия 2')).toEqual(run.items('Выгрузка, версия 1'));
	}, 300000);
});
