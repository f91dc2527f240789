import { serveEmulator, type RunningEmulator } from '../../sandbox/core/server';
import { PosEmulator } from '../../sandbox/pos/emulator';
import { captureNode, startCapture, type Capture } from '../helpers/capture';
import { N8nInstance } from '../helpers/n8n';
import { waitForEvent } from '../helpers/waitFor';

/**
 * «МЦУ: ПОС Trigger» activated in a running n8n against the ПОС emulator: emits every message once, then exactly
 * the new ones, through 429/5xx faults and an expired token — nothing lost, nothing doubled.
 */
const district = {
	seed: 1,
	now: '2026-11-20T12:00:00+03:00',
	name: 'Дедовичский район',
	vkGroupId: 1,
	okGroupId: '1',
	telegramChannel: 'x',
	settlements: [
		{ id: 'dedovichi', name: 'Дедовичи', kind: 'городское поселение', streets: [], villages: [] },
	],
	departments: [],
	people: [],
	appeals: Array.from({ length: 120 }, (_, i) => ({
		seq: i + 1,
		channel: 'pos',
		kind: 'message',
		createdAt: new Date(Date.now() - (130 - i) * 3600000).toISOString().replace('Z', '+00:00'),
		author: null,
		text: `Сообщение ${i + 1}: не горит фонарь`,
		settlementId: 'dedovichi',
		expected: { topic: 'lighting', settlementId: 'dedovichi', flags: [] },
	})),
};

describe('ПОС polling trigger in running n8n', () => {
	let pos: RunningEmulator;
	let capture: Capture;
	const n8n = new N8nInstance('pos-trigger');

	beforeAll(async () => {
		pos = await serveEmulator(new PosEmulator(district as never));
		capture = await startCapture();
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
					urlTemplate: 'https://pos.example/{id}',
				},
			},
		]);
		const workflow = {
			id: 'McuPosTriggerE2E',
			name: 'e2e ПОС trigger',
			nodes: [
				{
					id: 't1',
					name: 'ПОС',
					type: 'n8n-nodes-mcu.posTrigger',
					typeVersion: 1,
					position: [0, 0],
					parameters: {
						event: 'new',
						firstRun: 'lookback',
						lookbackDays: 30,
						pollTimes: { item: [{ mode: 'everyMinute' }] },
					},
					credentials: { mcuPosApi: { id: 'posSandbox01', name: 'ПОС (песочница)' } },
				},
				captureNode(capture.url),
			],
			connections: { ПОС: { main: [[{ node: 'Capture', type: 'main', index: 0 }]] } },
			settings: { executionOrder: 'v1' },
		};
		await n8n.importWorkflow(workflow);
		await n8n.publishWorkflow('McuPosTriggerE2E');
		await n8n.start();
	}, 480000); // CLI imports and a start: minutes on a loaded machine
	afterAll(async () => {
		await n8n.stop();
		await pos.close();
		await capture.close();
		n8n.cleanup();
	});

	it('emits every existing message once, then only the new ones, through faults', async () => {
		await capture.waitFor(120).catch((error) => {
			throw new Error(
				`${(error as Error).message}\n--- n8n log ---\n${n8n.serverLog.slice(-4000)}\n--- ПОС calls: ${JSON.stringify(pos.calls.toJSON())}`,
			);
		});
		const first = capture.received.map((r) => r.id);
		expect(new Set(first).size).toBe(120);

		await fetch(`${pos.url}/__sandbox/faults`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({
				rules: [
					{ route: 'GET /appeals', kind: 'http_429', retryAfter: 1, times: 1 },
					{ route: 'GET /appeals', kind: 'http_502', times: 1 },
					{ route: 'GET /appeals', kind: 'expired_token', times: 1 },
				],
			}),
		});
		await fetch(`${pos.url}/__sandbox/insert`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ count: 4 }),
		});
		// n8n polls at activation, then once a minute.
		await capture.waitFor(124, 150000);
		// One more poll must not repeat anything: wait for two more list requests (a poll reads one page once the
		// faults are spent) — the second shows the first one's run, had it emitted anything, has long arrived.
		const callsBefore = pos.calls.get('GET /appeals');
		await waitForEvent(
			[pos.calls],
			'call',
			() => pos.calls.get('GET /appeals') >= callsBefore + 2,
			200000,
			() => `list requests: ${pos.calls.get('GET /appeals')}`,
		).catch(() => undefined);
		expect(pos.calls.get('GET /appeals')).toBeGreaterThanOrEqual(callsBefore + 2);
		const ids = capture.received.map((r) => r.id as string);
		expect(ids).toHaveLength(124);
		expect(new Set(ids).size).toBe(124);
		const fresh = capture.received.slice(120);
		expect(fresh.every((r) => String(r.text).startsWith('Новое сообщение'))).toBe(true);
		expect(fresh[0]).toMatchObject({
			source: 'pos',
			kind: 'message',
			url: expect.stringMatching(/^https:\/\/pos\.example\//),
		});
		// The credentials never travel with the items.
		expect(JSON.stringify(capture.received)).not.toContain('sandbox');
		const faults = (await (await fetch(`${pos.url}/__sandbox/faults`)).json()) as Array<{
			kind: string;
		}>;
		expect(faults.map((f) => f.kind)).toEqual(['http_429', 'http_502', 'expired_token']);
	}, 480000);
});
