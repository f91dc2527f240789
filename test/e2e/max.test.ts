import { startSandbox, type Sandbox } from '../../sandbox';
import { SANDBOX_CREDENTIALS } from '../../sandbox';
import { MAX_DISTRICT_CHAT } from '../../sandbox/max/emulator';
import { MAX_SEED } from '../../sandbox/seed/max';
import { CREDENTIALS } from '../../scripts/workflows';
import { captureNode, startCapture, type Capture } from '../helpers/capture';
import { freePort, N8nInstance } from '../helpers/n8n';
import { sandboxCredentials } from '../helpers/sandboxCredentials';
import { findSecrets, findSecretsInFile } from '../helpers/secrets';
import { testPrivateKey } from '../helpers/serviceAccount';
import { waitForEvent } from '../helpers/waitFor';

/**
 * MAX in a real n8n against the emulator: «МЦУ: MAX» reads `/updates` into appeal records (the marker kept in the
 * workflow's static data and confirmed by the next run), and «МЦУ: MAX Trigger» subscribes itself on activation —
 * forged deliveries are refused and start no run, real ones come out once each, the bot's own messages not at all.
 */
describe('MAX in a running n8n', () => {
	let sandbox: Sandbox;
	let capture: Capture;
	let n8n: N8nInstance;
	let hookUrl = '';
	let port = 0;
	const credentials = { mcuMaxApi: CREDENTIALS.mcuMaxApi };

	beforeAll(async () => {
		sandbox = await startSandbox({ ports: 'random', fastDelivery: true });
		capture = await startCapture();
		port = await freePort();
		n8n = new N8nInstance('max', { WEBHOOK_URL: `http://127.0.0.1:${port}/` });
		await n8n.importCredentials(sandboxCredentials(sandbox, testPrivateKey()));
		await n8n.importWorkflow({
			id: 'MaxRead',
			name: 'MaxRead',
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
					id: 'm',
					name: 'MAX',
					type: 'n8n-nodes-mcu.max',
					typeVersion: 1,
					position: [200, 0],
					parameters: { resource: 'message', operation: 'getNew', batchSize: 100, timeout: 0 },
					credentials,
					onError: 'continueRegularOutput',
				},
			],
			connections: { Start: { main: [[{ node: 'MAX', type: 'main', index: 0 }]] } },
			settings: { executionOrder: 'v1' },
		});
		await n8n.importWorkflow({
			id: 'MaxTrig',
			name: 'MaxTrig',
			nodes: [
				{
					id: 't',
					name: 'Trigger',
					type: 'n8n-nodes-mcu.maxTrigger',
					typeVersion: 1,
					position: [0, 0],
					parameters: { updateTypes: ['message_created'] },
					credentials,
					webhookId: 'mcu-max-e2e',
				},
				captureNode(capture.url),
			],
			connections: { Trigger: { main: [[{ node: 'Capture', type: 'main', index: 0 }]] } },
			settings: { executionOrder: 'v1' },
		});
	});

	afterAll(async () => {
		await n8n.stop();
		await sandbox.close();
		await capture.close();
		n8n.cleanup();
	});

	it("«МЦУ: MAX» reads the bot's updates into appeal records; the next run confirms the marker and reads only new ones", async () => {
		const first = await n8n.execute('MaxRead');
		const items = first.items('MAX');
		const appeals = items.filter((j) => j.source === 'max');
		expect(appeals.map((a) => a.text)).toEqual(
			MAX_SEED.filter((m) => m.text?.trim() || m.attachment).map(
				(m) => m.text?.trim() ?? '[вложение без текста]',
			),
		);
		expect(appeals.map((a) => a.kind)).toEqual(
			MAX_SEED.filter((m) => m.text?.trim() || m.attachment).map((m) =>
				m.chat === 'chat' ? 'comment' : 'direct_message',
			),
		);
		// The blank message: an error item naming the record and the field.
		const errors = items.filter((j) => j.error);
		expect(errors).toHaveLength(1);
		expect(JSON.stringify(errors[0].details)).toMatch(/raw\.message\.body\.text/);
		// Staged, not yet confirmed at MAX.
		expect(sandbox.max.pending()).toHaveLength(MAX_SEED.length);

		sandbox.max.citizenMessage(
			{ user_id: 650001, first_name: 'Тамара', last_name: 'Ильина' },
			'вы когда нибуть сделаете тратуар к поликлинике? хожу по обочине',
		);
		const second = await n8n.execute('MaxRead');
		expect(second.items('MAX').map((j) => j.text)).toEqual([
			'вы когда нибуть сделаете тратуар к поликлинике? хожу по обочине',
		]);
		// The second run sent the first run's marker: MAX forgot the seeded updates.
		expect(sandbox.max.pending()).toHaveLength(1);
	});

	it('«МЦУ: MAX Trigger»: subscribed on activation, forged deliveries refused, real ones emitted once each, own messages skipped', async () => {
		await n8n.publishWorkflow('MaxTrig');
		await n8n.start(port);
		// The subscription is the trigger's call to MAX's API: wait for that call, not for time.
		await waitForEvent(
			[sandbox.servers.max.calls],
			'handled',
			() => sandbox.max.subscriptionUrls().length === 1,
			60000,
			() =>
				`the subscription: ${sandbox.max.subscriptionUrls().length}\n${n8n.serverLog.slice(-3000)}`,
		);
		hookUrl = sandbox.max.subscriptionUrls()[0];
		expect(hookUrl).toMatch(/\/webhook\/mcu-max-e2e\/max$/);
		const subscription = (
			sandbox.max.dump() as { subscriptions: Array<{ update_types: string[] }> }
		).subscriptions[0];
		expect(subscription.update_types).toEqual(['message_created']);

		// Forged deliveries: no secret, a wrong one — 403, and no run.
		const forged = {
			update_type: 'message_created',
			timestamp: Date.now(),
			message: {
				sender: { user_id: 1, first_name: 'Подделка', is_bot: false },
				recipient: { chat_id: 1, chat_type: 'dialog' },
				timestamp: Date.now(),
				body: { mid: 'mid.forged', seq: 1, text: 'Подделка' },
			},
		};
		for (const headers of [{}, { 'X-Max-Bot-Api-Secret': 'not-the-secret' }] as Array<
			Record<string, string>
		>) {
			const res = await fetch(hookUrl, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', ...headers },
				body: JSON.stringify(forged),
			});
			expect([res.status, await res.text()]).toEqual([403, 'wrong secret']);
		}

		// Real deliveries: two citizens' messages, a reply in the chat, and the bot's own answer (skipped).
		const a = sandbox.max.citizenMessage(
			{ user_id: 650002, first_name: 'Егор' },
			'Добрый вечер, на Вокзальной прорвало трубу, вода идёт по улице',
		);
		sandbox.max.citizenMessage(
			{ user_id: 650003, first_name: 'Алла' },
			'скажите пожалуйста работает ли в субботу мфц',
			{ chat: true },
		);
		await capture.waitFor(2);
		const bot = await fetch(`${sandbox.urls.max}/messages?chat_id=${MAX_DISTRICT_CHAT.chat_id}`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', Authorization: SANDBOX_CREDENTIALS.max.token },
			body: JSON.stringify({ text: 'МФЦ в субботу работает с 9 до 14.' }),
		});
		expect(bot.status).toBe(200);
		// MAX repeats a delivery it thinks failed: the same update again is acknowledged and dropped.
		const repeat = await fetch(hookUrl, {
			method: 'POST',
			headers: {
				'Content-Type': 'application/json',
				'X-Max-Bot-Api-Secret': SANDBOX_CREDENTIALS.max.webhookSecret,
			},
			body: JSON.stringify(a),
		});
		expect(repeat.status).toBe(200);
		await sandbox.max.deliveriesSettled();
		expect(sandbox.max.deliveries.map((d) => d.delivered)).toEqual([true, true, true]);
		// A last real message after everything above was answered: once it has arrived, any run the forged, own or
		// repeated deliveries had started would have arrived before it.
		sandbox.max.citizenMessage(
			{ user_id: 650004, first_name: 'Роман' },
			'Спасибо что починили фонари у школы',
		);
		await capture.waitFor(3);
		await sandbox.max.deliveriesSettled();
		// Two deliveries run at once: their runs may finish in either order.
		const byText = (a: unknown[], b: unknown[]) => String(a[2]).localeCompare(String(b[2]));
		expect(capture.received.map((r) => [r.source, r.kind, r.text]).sort(byText)).toEqual(
			[
				['max', 'direct_message', 'Добрый вечер, на Вокзальной прорвало трубу, вода идёт по улице'],
				['max', 'comment', 'скажите пожалуйста работает ли в субботу мфц'],
				['max', 'direct_message', 'Спасибо что починили фонари у школы'],
			].sort(byText),
		);
		expect(sandbox.max.deliveries.map((d) => d.statuses)).toEqual([[200], [200], [200], [200]]);
		// No secret in what the trigger emitted, in n8n's logs or its database.
		expect(findSecrets(JSON.stringify(capture.received))).toEqual([]);
		expect(findSecrets(n8n.serverLog + n8n.cliLog)).toEqual([]);
		expect(findSecretsInFile(n8n.databaseFile())).toEqual([]);
	});
});
