import { SANDBOX_CREDENTIALS } from '../../sandbox';
import { serveEmulator, type RunningEmulator } from '../../sandbox/core/server';
import { TelegramEmulator } from '../../sandbox/telegram/emulator';
import { CREDENTIALS } from '../../scripts/workflows';
import { N8nInstance } from '../helpers/n8n';

/**
 * «МЦУ: Telegram → Получить новые» in real n8n: updates are confirmed to Telegram only when the run ends without an
 * error. A run whose later node fails leaves every update for the next run (before, the pages read were confirmed
 * and lost); runs that end well take a page of 100 each, every update exactly once.
 */
describe('Telegram intake in real n8n', () => {
	let telegram: TelegramEmulator;
	let server: RunningEmulator;
	const n8n = new N8nInstance('telegram-intake');

	const workflow = (id: string, failAfter: boolean) => ({
		id,
		name: id,
		nodes: [
			{
				id: 'm',
				name: 'Запуск вручную',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 't',
				name: 'Telegram',
				type: 'n8n-nodes-mcu.telegram',
				typeVersion: 1,
				position: [220, 0],
				parameters: { resource: 'message', operation: 'getNew' },
				credentials: { mcuTelegramApi: CREDENTIALS.mcuTelegramApi },
			},
			...(failAfter
				? [
						{
							id: 'f',
							name: 'Запись в реестр',
							type: 'n8n-nodes-base.stopAndError',
							typeVersion: 1,
							position: [440, 0],
							parameters: { errorType: 'errorMessage', errorMessage: 'реестр недоступен' },
						},
					]
				: []),
		],
		connections: {
			'Запуск вручную': { main: [[{ node: 'Telegram', type: 'main', index: 0 }]] },
			...(failAfter
				? { Telegram: { main: [[{ node: 'Запись в реестр', type: 'main', index: 0 }]] } }
				: {}),
		},
		settings: { executionOrder: 'v1' },
	});

	beforeAll(async () => {
		telegram = new TelegramEmulator();
		server = await serveEmulator(telegram);
		await n8n.importCredentials([
			{
				...CREDENTIALS.mcuTelegramApi,
				type: 'mcuTelegramApi',
				data: { accessToken: SANDBOX_CREDENTIALS.telegram.token, baseUrl: server.url },
			},
		]);
		await n8n.importWorkflow(workflow('TgIntakeFails', true));
		await n8n.importWorkflow(workflow('TgIntakeOk', false));
	});
	afterAll(async () => {
		await server.close();
		n8n.cleanup();
	});

	it('confirms updates only after a run that ended without an error', async () => {
		telegram.insertRecords(250);
		const failed = await n8n.execute('TgIntakeFails');
		expect(failed.error?.message).toMatch(/реестр недоступен/);
		expect(failed.items('Telegram')).toHaveLength(100);
		expect(telegram.pending()).toHaveLength(250);

		const taken: number[] = [];
		for (const expected of [100, 100, 50, 0]) {
			const run = await n8n.execute('TgIntakeOk');
			expect(run.error).toBeUndefined();
			const items = run.items('Telegram');
			expect(items).toHaveLength(expected);
			taken.push(...items.map((i) => Number((i.raw as { update_id: number }).update_id)));
		}
		expect(taken).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
		expect(telegram.pending()).toEqual([]);
	});
});
