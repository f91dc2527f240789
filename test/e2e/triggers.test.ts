import { startSandbox, type Sandbox } from '../../sandbox';
import { CREDENTIALS } from '../../scripts/workflows';
import { captureNode, startCapture, type Capture } from '../helpers/capture';
import { freePort, N8nInstance } from '../helpers/n8n';
import { waitForEvent } from '../helpers/waitFor';
import { sandboxCredentials } from '../helpers/sandboxCredentials';
import { findSecrets, findSecretsInFile } from '../helpers/secrets';
import { testPrivateKey } from '../helpers/serviceAccount';

/**
 * The ИМ, VK (Long Poll and Callback API) and OK triggers activated in one running n8n against the sandbox: each emits
 * the new appeals once — nothing lost, nothing doubled — and the Callback trigger registers itself at VK.
 */
// Not «…vk-callback-…»: the secret scan reads any 12 characters of the sandbox secret «vk-callback-secret» that carry its
// own letters as a leak, and n8n writes the webhook's path into its log and database (found when SQLite's checkpoint
// happened to land before the scan).
const WEBHOOK_ID = 'mcu-e2e-vkcb';

describe('source triggers in a running n8n', () => {
	let sandbox: Sandbox;
	let capture: Capture;
	let n8n: N8nInstance;
	let callbackUrl = '';

	const triggerWorkflow = (
		id: string,
		type: string,
		credential: keyof typeof CREDENTIALS,
		parameters: Record<string, unknown>,
	) => ({
		id,
		name: id,
		nodes: [
			{
				id: 't',
				name: 'Trigger',
				type: `n8n-nodes-mcu.${type}`,
				typeVersion: 1,
				position: [0, 0],
				parameters,
				credentials: { [credential]: CREDENTIALS[credential] },
				...(type === 'vkCallbackTrigger' ? { webhookId: WEBHOOK_ID } : {}),
			},
			captureNode(capture.url),
		],
		connections: { Trigger: { main: [[{ node: 'Capture', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	});

	beforeAll(async () => {
		sandbox = await startSandbox({ ports: 'random', fastDelivery: true });
		capture = await startCapture();
		const port = await freePort();
		n8n = new N8nInstance('triggers', { WEBHOOK_URL: `http://127.0.0.1:${port}/` });
		await n8n.importCredentials(sandboxCredentials(sandbox, testPrivateKey()));
		const everyMinute = { pollTimes: { item: [{ mode: 'everyMinute' }] } };
		const workflows = [
			triggerWorkflow('TrigIm', 'imTrigger', 'mcuImApi', { firstRun: 'now', ...everyMinute }),
			triggerWorkflow('TrigVk', 'vkTrigger', 'mcuVkApi', {
				events: ['wall_reply_new', 'message_new'],
				mentionKeywords: '',
				firstRun: 'now',
				...everyMinute,
			}),
			triggerWorkflow('TrigOk', 'okTrigger', 'mcuOkApi', {
				topics: 100,
				firstRun: 'now',
				...everyMinute,
			}),
			triggerWorkflow('TrigVkCb', 'vkCallbackTrigger', 'mcuVkApi', { events: ['wall_reply_new'] }),
		];
		for (const wf of workflows) {
			await n8n.importWorkflow(wf);
			await n8n.publishWorkflow(wf.id);
		}
		await n8n.start(port);
		// The Callback trigger registers its URL at VK when n8n activates it.
		callbackUrl = await sandbox.vk.callbackServerRegistered();
	}, 600000); // nine n8n CLI calls and a start: minutes on a loaded machine
	/** List requests each poller has made so far: one per poll (activation included). */
	const pollCounts = () => ({
		im: sandbox.servers.im.calls.get('GET /incidents'),
		ok: sandbox.servers.ok.calls.get('discussions.getList'),
		vk:
			sandbox.servers.vk.calls.get('groups.getLongPollServer') +
			sandbox.servers.vk.calls.get('longpoll'),
	});
	/** Waits until every poller has polled `more` times beyond `from` (polls run every minute). */
	const waitForPolls = (
		from: Record<string, number>,
		more: number,
		timeoutMs = (more + 1) * 70000,
	) =>
		waitForEvent(
			[sandbox.servers.im.calls, sandbox.servers.ok.calls, sandbox.servers.vk.calls],
			'call',
			() => {
				const now = pollCounts();
				return Object.entries(from).every(([k, n]) => now[k as keyof typeof now] >= n + more);
			},
			timeoutMs,
			() =>
				`polls: ${JSON.stringify(pollCounts())}, expected ${more} beyond ${JSON.stringify(from)}`,
		);

	afterAll(async () => {
		await n8n.stop();
		await sandbox.close();
		await capture.close();
		n8n.cleanup();
	});

	it('emit exactly the new records once', async () => {
		// A forged Callback API delivery (no secret, a wrong one) is refused and starts no run.
		const forged = {
			type: 'wall_reply_new',
			group_id: sandbox.district.vkGroupId,
			event_id: 'forged',
			object: {
				id: 1,
				post_id: 1,
				owner_id: -sandbox.district.vkGroupId,
				from_id: 5,
				date: Math.floor(Date.now() / 1000),
				text: 'Подделка',
			},
		};
		for (const secret of [undefined, 'not-the-secret']) {
			const res = await fetch(callbackUrl, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ ...forged, ...(secret ? { secret } : {}) }),
			});
			expect([res.status, await res.text()]).toEqual([403, 'wrong secret']);
		}
		// First activation is «from now»: nothing old is emitted — dated or not (the seed holds OK comments with an
		// unreadable date). Wait for the polls themselves: the activation's poll and two scheduled ones of every
		// poller, so the first scheduled poll (it emitted the old undated comments before) has long handed its items on.
		const badDates = sandbox.ok.allComments().filter((c) => c.date === '31.02.2026').length;
		expect(badDates).toBeGreaterThan(0);
		await waitForPolls({ im: 0, ok: 0, vk: 0 }, 3);
		expect(capture.received).toEqual([]);
		const insert = (url: string, count: number) =>
			fetch(`${url}/__sandbox/insert`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ count }),
			});
		await insert(sandbox.urls.im, 2);
		await insert(sandbox.urls.ok, 3);
		await insert(sandbox.urls.vk, 3); // two comments and a message
		// A new OK comment whose date cannot be read: it comes once, as an error item naming the field.
		const lastTopic = (
			sandbox.ok.dump() as { discussions: Array<{ object_id: string }> }
		).discussions.at(-1)!.object_id;
		const undated = sandbox.ok.citizenComment(
			lastTopic,
			'577000002',
			'Пётр Соколов',
			'Во дворе у школы второй день не вывозят мусор',
		);
		undated.date = '31.02.2026';
		// VK Callback delivers the two comments at once; the pollers pick up the rest within a minute.
		const expected = 2 + 3 + 1 + 3 + 2;
		await capture.waitFor(expected, 150000).catch((error) => {
			throw new Error(
				`${(error as Error).message}\n${JSON.stringify(capture.received.map((r) => r.id ?? r.error))}\n${n8n.serverLog.slice(-3000)}`,
			);
		});
		// One more full poll round must not repeat anything: two more polls of every poller (the second one shows
		// the first one's run, had it emitted anything, has long arrived).
		await waitForPolls(pollCounts(), 2);
		const bySource = (s: string) => capture.received.filter((r) => r.source === s);
		expect(bySource('im')).toHaveLength(2);
		expect(bySource('ok')).toHaveLength(3);
		const vk = bySource('vk');
		expect(vk).toHaveLength(5);
		// Long Poll and Callback both saw the two comments: the same ids, each once per workflow.
		const vkIds = vk.map((r) => String(r.id));
		expect(new Set(vkIds).size).toBe(3);
		// The one new undated comment, once; none of the old ones.
		const errors = capture.received.filter((r) => r.error);
		expect(errors.map((e) => (e.details as { record: string }).record)).toEqual([
			`ok:${lastTopic}_${undated.id}`,
		]);
		expect(String(errors[0].error)).toMatch(/raw\.date/);
		expect(capture.received).toHaveLength(expected);
		expect(sandbox.vk.deliveries.every((d) => d.delivered)).toBe(true);
		// No secret in what the triggers emitted, in the server's log or in n8n's database (static data, executions).
		expect(findSecrets(JSON.stringify(capture.received))).toEqual([]);
		expect(findSecrets(n8n.serverLog + n8n.cliLog)).toEqual([]);
		expect(findSecretsInFile(n8n.databaseFile())).toEqual([]);
	}, 600000); // it waits for five scheduled poll rounds of a minute each
});
