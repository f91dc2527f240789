import { serveEmulator, type RunningEmulator } from '../../sandbox/core/server';
import { PosEmulator } from '../../sandbox/pos/emulator';
import { N8nInstance } from '../helpers/n8n';

/**
 * «Только изменённые с прошлого запуска» in real n8n: the position lives in the workflow's static data, which n8n
 * saves after each scheduled or CLI run — so a run after the first hands over exactly what changed since.
 */
describe('ПОС get many, changed since the last run, in real n8n', () => {
	let pos: RunningEmulator;
	let emulator: PosEmulator;
	const n8n = new N8nInstance('changed-since');

	beforeAll(async () => {
		emulator = new PosEmulator();
		pos = await serveEmulator(emulator);
		await n8n.importCredentials([
			{
				id: 'posSandbox01',
				name: 'ПОС (песочница)',
				type: 'mcuPosApi',
				data: {
					baseUrl: pos.url,
					loginPath: '/auth/oauth/token',
					username: 'mcu-dedovichi',
					password: 'pos-sandbox-password',
					scope: 'appeals',
					appealsPath: '/appeal-service/external-appeal-system/appeals',
					urlTemplate: '',
				},
			},
		]);
		await n8n.importWorkflow({
			id: 'McuChangedSinceE2E',
			name: 'e2e ПОС changed since',
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
					id: 'p',
					name: 'ПОС',
					type: 'n8n-nodes-mcu.pos',
					typeVersion: 1,
					position: [220, 0],
					parameters: {
						resource: 'appeal',
						operation: 'getMany',
						onlyChanged: true,
						filters: { updatedFrom: '={{ $now.minus({ days: 180 }).toISO() }}' },
					},
					credentials: { mcuPosApi: { id: 'posSandbox01', name: 'ПОС (песочница)' } },
				},
			],
			connections: { Start: { main: [[{ node: 'ПОС', type: 'main', index: 0 }]] } },
			settings: { executionOrder: 'v1' },
		});
	});
	afterAll(async () => {
		await pos.close();
		n8n.cleanup();
	});

	const ids = (run: Awaited<ReturnType<N8nInstance['execute']>>) =>
		run
			.items('ПОС')
			.map((i) => String(i.id))
			.sort();
	const idsOf = (messages: Array<{ posId: string }>) =>
		messages.map((m) => `pos:${m.posId}`).sort();

	it('the first run reads the window, the next nothing, then exactly the new messages', async () => {
		emulator.insertRecords(5);
		// Updated an hour ago: outside the 5-minute overlap the next run re-reads.
		const hourAgo = new Date(Date.now() - 3600000).toISOString();
		for (const m of emulator.all()) m.updatedAt = m.createdAt = hourAgo;
		const old = idsOf(emulator.all());

		const first = await n8n.execute('McuChangedSinceE2E');
		expect(first.error).toBeUndefined();
		expect(ids(first)).toEqual(old);

		const second = await n8n.execute('McuChangedSinceE2E');
		expect(second.error).toBeUndefined();
		expect(ids(second)).toEqual([]);

		emulator.insertRecords(3);
		const fresh = idsOf(emulator.all()).filter((id) => !old.includes(id));
		const third = await n8n.execute('McuChangedSinceE2E');
		expect(ids(third)).toEqual(fresh);
		expect(fresh).toHaveLength(3);
	});
});
