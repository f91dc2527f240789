import { execFileSync } from 'node:child_process';
import { startSandbox, type Sandbox } from '../../sandbox';
import { intakeWorkflow, SPREADSHEET_ID } from '../../scripts/workflows';
import { sandboxAppealIds, sourceIds } from '../helpers/appealIds';
import { freePort, N8nInstance } from '../helpers/n8n';
import { sandboxCredentials } from '../helpers/sandboxCredentials';
import { waitForEvent } from '../helpers/waitFor';
import { findSecrets } from '../helpers/secrets';
import { testPrivateKey } from '../helpers/serviceAccount';
import { queueModeEnv } from '../helpers/queueMode';

/**
 * n8n in queue mode on the machine's PostgreSQL and Redis: a main process takes the webhook, workers (each with the
 * package in its own nodes folder) run the intake workflow. Faults: 20% of the sources' and Sheets' requests fail
 * during the first run, and a worker is killed in the middle of a later run and replaced. After all of it the
 * register holds every appeal once: a clean run afterwards adds nothing and changes no count.
 */
describe('queue mode: main + workers on PostgreSQL and Redis', () => {
	const database = `mcu_queue_${process.pid}_${Date.now()}`;
	let sandbox: Sandbox;
	let main: N8nInstance;
	const workers: N8nInstance[] = [];
	let webhookUrl = '';

	// Our own database and key space in the shared PostgreSQL and Redis.
	const queueEnv = () => queueModeEnv(database, `mcu-e2e-${process.pid}`);
	const psql = (sql: string) =>
		execFileSync(
			'psql',
			['-h', '127.0.0.1', '-U', 'postgres', '-v', 'ON_ERROR_STOP=1', '-c', sql],
			{ stdio: 'pipe' },
		);
	const registerIds = () =>
		sandbox.sheets
			.values(SPREADSHEET_ID, 'Реестр обращений')
			.slice(1)
			.map((r) => String(r[0]));

	async function startWorker(name: string): Promise<N8nInstance> {
		const worker = new N8nInstance(name, queueEnv());
		await worker.startWorker(1);
		workers.push(worker);
		return worker;
	}

	/** Calls the webhook and waits until a worker reports the execution finished. */
	async function runIntake(expectFinishedCount: number, timeoutMs = 240000): Promise<void> {
		const res = await fetch(webhookUrl, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: '{}',
		});
		expect(res.status).toBe(200);
		const finished = () =>
			workers
				.map((w) => (w.serverLog.match(/Worker finished execution/g) ?? []).length)
				.reduce((a, b) => a + b, 0);
		await waitForEvent(
			workers.map((w) => w.output),
			'log',
			() => finished() >= expectFinishedCount,
			timeoutMs,
			() =>
				`${finished()} of ${expectFinishedCount} executions finished by a worker\n${workers.map((w) => w.serverLog.slice(-2000)).join('\n---\n')}`,
		);
	}

	beforeAll(async () => {
		psql(`CREATE DATABASE "${database}"`);
		sandbox = await startSandbox({ ports: 'random', fastDelivery: true });
		const port = await freePort();
		main = new N8nInstance('queue-main', {
			...queueEnv(),
			WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		});
		await main.importCredentials(sandboxCredentials(sandbox, testPrivateKey()));
		const workflow = intakeWorkflow() as unknown as {
			id: string;
			nodes: Array<Record<string, unknown>>;
			connections: Record<string, { main: unknown[][] }>;
		};
		// A webhook starts the same chain as the manual trigger; the schedule is taken out so only our calls run it.
		workflow.nodes = workflow.nodes.filter((n) => n.name !== 'Каждые 15 минут');
		delete workflow.connections['Каждые 15 минут'];
		workflow.nodes.push({
			id: 'queue-webhook',
			name: 'Вебхук',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [-440, 400],
			parameters: {
				httpMethod: 'POST',
				path: 'mcu-intake',
				responseMode: 'onReceived',
				options: {},
			},
			webhookId: 'mcu-intake-queue',
		});
		workflow.connections['Вебхук'] = workflow.connections['Запуск вручную'];
		await main.importWorkflow(workflow);
		await main.publishWorkflow(workflow.id);
		await main.start(port);
		webhookUrl = `http://127.0.0.1:${port}/webhook/mcu-intake`;
		await startWorker('queue-worker-1');
	}, 600000); // database migrations, CLI imports and two n8n processes: minutes on a loaded machine
	afterAll(async () => {
		for (const w of workers) await w.stop();
		await main?.stop();
		await sandbox?.close();
		for (const n of [main, ...workers]) n?.cleanup();
		try {
			psql(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
		} catch {
			/* best effort */
		}
	});

	it('runs the intake on a worker through ≈20% failing requests (429, 503, dropped connections); the register gets every appeal once', async () => {
		const faults = sandbox.faults;
		faults.configure({
			seed: 20,
			rules: ['pos', 'im', 'vk', 'ok', 'telegram', 'sheets'].flatMap((emulator) => [
				{ emulator, kind: 'http_503' as const, rate: 0.1, times: 15 },
				{ emulator, kind: 'http_429' as const, rate: 0.1, times: 15, retryAfter: 1 },
				// A request that hangs and then loses its connection (the sources; the Sheets write is faulted elsewhere).
				...(emulator === 'sheets'
					? []
					: [{ emulator, kind: 'timeout' as const, holdMs: 1500, rate: 0.05, times: 3 }]),
			]),
		});
		await runIntake(1);
		expect(faults.log.length).toBeGreaterThan(20);
		expect(faults.log.some((f) => f.kind === 'timeout')).toBe(true);
		faults.clear();
		expect(workers[0].serverLog).toMatch(/Worker started execution/);
		// The main process only enqueues.
		expect(main.serverLog).not.toMatch(/Worker started execution/);
		const ids = registerIds();
		expect(new Set(ids).size).toBe(ids.length);
		// The register holds exactly the valid records of ПОС, ИМ and Telegram — Telegram matters most: it forgets
		// what a run confirmed, so a lost update would never come back. VK and OK are re-read by every run: the next
		// test's clean run adds nothing to them but the new records, so nothing of theirs was lost either.
		const expected = sandboxAppealIds(sandbox);
		expect(sourceIds(ids, 'pos')).toEqual(expected.pos);
		expect(sourceIds(ids, 'im')).toEqual(expected.im);
		expect(sourceIds(ids, 'telegram')).toEqual(expected.telegram);
	}, 600000);

	it('a worker killed mid-run is replaced; the next run completes and nothing is lost or doubled, new records included', async () => {
		const before = registerIds();
		const registerWrites = () =>
			Object.entries(sandbox.servers.sheets.calls.toJSON())
				.filter(([route]) => /update|append|clear|batchUpdate/i.test(route))
				.reduce((n, [, c]) => n + c, 0);
		// The run is held at a known node: its Telegram read hangs until the worker is gone.
		sandbox.faults.configure({
			rules: [
				{ emulator: 'telegram', route: 'getUpdates', kind: 'timeout', holdMs: 120000, times: 1 },
			],
		});
		const writesBefore = registerWrites();
		await fetch(webhookUrl, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: '{}',
		});
		await waitForEvent(
			[sandbox.faults],
			'fault',
			() => sandbox.faults.log.some((f) => f.kind === 'timeout'),
			120000,
			() => 'the held Telegram read',
		).catch(() => undefined);
		expect(sandbox.faults.log.map((f) => f.kind)).toEqual(['timeout']);
		// New appeals reach every source while that run is in flight.
		sandbox.pos.insertRecords(2);
		sandbox.im.insertRecords(2);
		sandbox.vk.insertRecords(2); // two comments
		sandbox.ok.insertRecords(2);
		sandbox.telegram.insertRecords(2);
		workers[0].kill();
		// Killed before it wrote anything to the register.
		expect(registerWrites()).toBe(writesBefore);
		sandbox.faults.clear();
		await startWorker('queue-worker-2');
		const finishedBefore = workers
			.map((w) => (w.serverLog.match(/Worker finished execution/g) ?? []).length)
			.reduce((a, b) => a + b, 0);
		await runIntake(finishedBefore + 1);
		const after = registerIds();
		expect(new Set(after).size).toBe(after.length);
		// Everything registered before is still there, and exactly the new records were added.
		expect(after.filter((id) => before.includes(id)).sort()).toEqual([...before].sort());
		const added = after.filter((id) => !before.includes(id));
		const bySource = (source: string) => added.filter((id) => id.startsWith(`${source}:`)).length;
		expect(['pos', 'im', 'vk', 'ok', 'telegram'].map((s) => [s, bySource(s)])).toEqual(
			['pos', 'im', 'vk', 'ok', 'telegram'].map((s) => [s, 2]),
		);
		expect(added).toHaveLength(10);
		expect(sourceIds(after, 'telegram')).toEqual(sandboxAppealIds(sandbox).telegram);
		expect(workers[1].serverLog).toMatch(/Worker finished execution/);
	}, 600000);

	it("no secret in the processes' logs", () => {
		expect(
			findSecrets(main.serverLog + main.cliLog + workers.map((w) => w.serverLog).join('')),
		).toEqual([]);
	});
});
