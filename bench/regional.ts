/**
 * Regional simulation (issue 16 «Scale»): the shipped intake imported once per district (26 by default), each with
 * its own spreadsheet, on n8n in queue mode — a main process that takes the webhooks and 2 workers — on the machine's
 * PostgreSQL and Redis. Every round starts all districts at once, so the runs queue on the 2 workers: round 1 reads
 * the full history, later rounds find 10 new appeals (2 per source) inserted between rounds. Measured per district run:
 * wall time from the webhook call to the end of the execution (must be < 15 min, the schedule's period) and the time
 * the execution itself ran; per round: the total; and the Sheets emulator's read and write requests per minute
 * against Google's quota of 60 write requests per minute per user.
 *
 * All districts share one set of source emulators and one Sheets emulator (one service account): ПОС, ИМ, VK and OK
 * serve the same seeded district to everyone; Telegram and MAX hand their new updates to whichever run confirms them
 * first. Loopback only; it stops by itself (a round that does not finish in its deadline aborts the run).
 * Needs the e2e install (run `npm test` once) and PostgreSQL 127.0.0.1:5432 (user postgres, trust) + Redis 127.0.0.1:6379.
 * With --quota the Sheets emulator answers 429 (RESOURCE_EXHAUSTED, Retry-After until the window frees) to requests
 * beyond Google's 60 reads and 60 writes per minute per user, counted over a sliding 60 s window.
 * With --stagger=S the districts start S seconds apart instead of together.
 * Run: npx tsx bench/regional.ts [districts=26] [rounds=2] [worker concurrency=10] [--quota] [--stagger=S]
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startSandbox, type Sandbox } from '../sandbox';
import { intakeWorkflow } from '../scripts/workflows';
import installPackage from '../test/helpers/e2e-global-setup';
import { freePort, N8nInstance } from '../test/helpers/n8n';
import { sandboxCredentials } from '../test/helpers/sandboxCredentials';
import { testPrivateKey } from '../test/helpers/serviceAccount';
import { queueModeEnv } from '../test/helpers/queueMode';

type Json = Record<string, unknown>;

/** The schedule's period: a run has to end before the next one is due. */
const PERIOD_MS = 15 * 60000;
/** Google Sheets API: read requests and write requests per minute per user, 60 each. */
const QUOTA_PER_MIN = 60;
/** A round that has not finished by then aborts the benchmark instead of hanging. */
const ROUND_DEADLINE_MS = PERIOD_MS + 5 * 60000;
const SOURCES = ['pos', 'im', 'vk', 'ok', 'telegram'] as const;
/** The Sheets emulator's routes that Google counts as write requests (the rest but the token are reads). */
const WRITE_ROUTE = /update|append|clear|batchUpdate|create/i;

export interface DistrictRun {
	district: string;
	/** From the webhook call to the end of the execution: queue wait included. */
	wallMs: number;
	/** From the start to the end of the execution on a worker. */
	execMs: number;
	status: string;
}

export interface RoundResult {
	round: number;
	newAppealsPerDistrict: number;
	runs: DistrictRun[];
	/** From the first webhook call to the end of the last execution. */
	totalMs: number;
	/** Sheets requests the emulator served (the token's excluded). */
	reads: number;
	writes: number;
	/** Requests answered 429 by the emulated quota (`quota` mode only). */
	rejected: number;
	/** The most requests in any 60 s window of the round. */
	peakReadsPerMin: number;
	peakWritesPerMin: number;
	/** Requests per minute from the round's start, minute by minute. */
	perMinute: Array<{ minute: number; reads: number; writes: number; rejected: number }>;
}

export interface RegionalResult {
	districts: number;
	workers: number;
	concurrency: number;
	/** Pause between one district's start and the next (0: all at once). */
	staggerMs: number;
	/** Whether the Sheets emulator enforced 60 reads and 60 writes per minute for the one service account. */
	quota: boolean;
	rounds: RoundResult[];
	registerRowsPerDistrict: number[];
}

const districtId = (i: number) => `D${String(i + 1).padStart(2, '0')}`;
const spreadsheetOf = (d: string) => `mcu-region-${d.toLowerCase()}`;

/**
 * The shipped intake for one district: its own id, spreadsheet and webhook; the schedule taken out so only our calls
 * run it. The shipped nodes leave «ID таблицы» empty (the credential's «Таблица МЦУ»); all districts here share one
 * credential, so each copy names its district's spreadsheet in the nodes instead.
 */
export function districtWorkflow(d: string): Json {
	const workflow = structuredClone(intakeWorkflow()) as unknown as Json & {
		nodes: Json[];
		connections: Record<string, unknown>;
	};
	for (const n of workflow.nodes) {
		const parameters = n.parameters as Json;
		if ('spreadsheetId' in parameters) parameters.spreadsheetId = spreadsheetOf(d);
	}
	workflow.id = `McuIntake${d}`;
	workflow.name = `МЦУ: Приём обращений (${d})`;
	workflow.nodes = workflow.nodes.filter((n) => n.name !== 'Каждые 15 минут');
	delete workflow.connections['Каждые 15 минут'];
	const hookPath = `mcu-intake-${d.toLowerCase()}`;
	workflow.nodes.push({
		id: 'region-webhook',
		name: 'Вебхук',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [-440, 400],
		parameters: { httpMethod: 'POST', path: hookPath, responseMode: 'onReceived', options: {} },
		webhookId: hookPath,
	});
	workflow.connections['Вебхук'] = workflow.connections['Запуск вручную'];
	return workflow;
}

/** The largest number of timestamps within any 60 s window. */
export function peakPerMinute(times: number[]): number {
	const sorted = [...times].sort((a, b) => a - b);
	let peak = 0;
	for (let lo = 0, hi = 0; hi < sorted.length; hi++) {
		while (sorted[hi] - sorted[lo] >= 60000) lo++;
		peak = Math.max(peak, hi - lo + 1);
	}
	return peak;
}

interface SheetsCall {
	at: number;
	write: boolean;
	/** Answered 429 by the emulated quota. */
	rejected: boolean;
}

function roundFigures(
	calls: SheetsCall[],
	start: number,
): Pick<
	RoundResult,
	'reads' | 'writes' | 'rejected' | 'peakReadsPerMin' | 'peakWritesPerMin' | 'perMinute'
> {
	const accepted = calls.filter((c) => !c.rejected);
	const reads = accepted.filter((c) => !c.write).map((c) => c.at);
	const writes = accepted.filter((c) => c.write).map((c) => c.at);
	const minutes = Math.floor((Math.max(start, ...calls.map((c) => c.at)) - start) / 60000) + 1;
	const perMinute = Array.from({ length: minutes }, (_, minute) => {
		const inMinute = (t: number) => Math.floor((t - start) / 60000) === minute;
		return {
			minute: minute + 1,
			reads: reads.filter(inMinute).length,
			writes: writes.filter(inMinute).length,
			rejected: calls.filter((c) => c.rejected && inMinute(c.at)).length,
		};
	});
	return {
		reads: reads.length,
		writes: writes.length,
		rejected: calls.length - accepted.length,
		peakReadsPerMin: peakPerMinute(reads),
		peakWritesPerMin: peakPerMinute(writes),
		perMinute,
	};
}

export async function regionalSimulation(
	districts = 26,
	rounds = 2,
	concurrency = 10,
	quota = false,
	staggerMs = 0,
): Promise<RegionalResult> {
	await installPackage();
	const database = `mcu_regional_${process.pid}_${Date.now()}`;
	const psql = (sql: string) =>
		execFileSync(
			'psql',
			[
				'-h',
				'127.0.0.1',
				'-U',
				'postgres',
				'-d',
				database,
				'-v',
				'ON_ERROR_STOP=1',
				'-At',
				'-c',
				sql,
			],
			{ encoding: 'utf8' },
		);
	execFileSync(
		'psql',
		[
			'-h',
			'127.0.0.1',
			'-U',
			'postgres',
			'-v',
			'ON_ERROR_STOP=1',
			'-c',
			`CREATE DATABASE "${database}"`,
		],
		{ stdio: 'pipe' },
	);
	const queueEnv = queueModeEnv(database, `mcu-regional-${process.pid}`);
	let sandbox: Sandbox | undefined;
	const instances: N8nInstance[] = [];
	try {
		sandbox = await startSandbox({ ports: 'random', fastDelivery: true });
		const ids = Array.from({ length: districts }, (_, i) => districtId(i));
		for (const d of ids)
			sandbox.sheets.createSpreadsheet(`МЦУ района ${d} — отчёты`, spreadsheetOf(d));
		const calls: SheetsCall[] = [];
		const faults = sandbox.faults;
		sandbox.servers.sheets.calls.on('call', (route: string) => {
			if (route === 'token') return;
			const call: SheetsCall = { at: Date.now(), write: WRITE_ROUTE.test(route), rejected: false };
			if (quota) {
				// The emulator decides on faults right after this event: a one-shot 429 for this very request when the
				// user's minute is full, with Retry-After = when its oldest accepted request leaves the window.
				const window = calls.filter(
					(c) => !c.rejected && c.write === call.write && call.at - c.at < 60000,
				);
				if (window.length >= QUOTA_PER_MIN) {
					call.rejected = true;
					faults.configure({
						rules: [
							{
								emulator: 'sheets',
								route,
								kind: 'http_429',
								times: 1,
								retryAfter: Math.max(1, Math.ceil((window[0].at + 60000 - call.at) / 1000)),
							},
						],
					});
				}
			}
			calls.push(call);
		});

		const port = await freePort();
		const main = new N8nInstance('regional-main', {
			...queueEnv,
			WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		});
		instances.push(main);
		await main.importCredentials(sandboxCredentials(sandbox, testPrivateKey()));
		// One CLI import for all districts (a file holding an array), then published the way `publish:workflow` does it,
		// in one statement: 26 CLI starts would take longer than the runs.
		const file = path.join(main.home, 'districts.json');
		fs.writeFileSync(file, JSON.stringify(ids.map(districtWorkflow)));
		const imported = await main.cli(['import:workflow', `--input=${file}`]);
		if (imported.code !== 0)
			throw new Error(`import failed: ${imported.stdout}\n${imported.stderr}`);
		const published = psql(
			`UPDATE workflow_entity w SET active = true, "activeVersionId" = w."versionId" FROM workflow_history h WHERE h."workflowId" = w.id AND h."versionId" = w."versionId" AND w.id LIKE 'McuIntakeD%' RETURNING w.id`,
		)
			.trim()
			.split('\n')
			.filter((line) => line.startsWith('McuIntake'));
		if (published.length !== districts)
			throw new Error(`published ${published.length} of ${districts} district workflows`);
		await main.start(port);
		for (const name of ['regional-worker-1', 'regional-worker-2']) {
			const worker = new N8nInstance(name, queueEnv);
			instances.push(worker);
			await worker.startWorker(concurrency);
		}

		const results: RoundResult[] = [];
		for (let round = 1; round <= rounds; round++) {
			if (round > 1) for (const source of SOURCES) sandbox[source].insertRecords(2);
			const finishedBefore = Number(
				psql(`SELECT count(*) FROM execution_entity WHERE "stoppedAt" IS NOT NULL`).trim(),
			);
			const firstCall = calls.length;
			const start = Date.now();
			const calledAt = new Map<string, number>();
			await Promise.all(
				ids.map(async (d, i) => {
					// Staggered starts spread the districts over the period, as schedules with different offsets would.
					if (staggerMs) await new Promise((r) => setTimeout(r, i * staggerMs));
					calledAt.set(d, Date.now());
					const res = await fetch(
						`http://127.0.0.1:${port}/webhook/mcu-intake-${d.toLowerCase()}`,
						{ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' },
					);
					if (res.status !== 200) throw new Error(`webhook of ${d} answered ${res.status}`);
				}),
			);
			// Executions end in the database; polled once a second (the bench has no event to wait for across processes).
			while (
				Number(psql(`SELECT count(*) FROM execution_entity WHERE "stoppedAt" IS NOT NULL`).trim()) <
				finishedBefore + districts
			) {
				const limitMs = ROUND_DEADLINE_MS + staggerMs * districts;
				if (Date.now() - start > limitMs)
					throw new Error(`round ${round} did not finish in ${Math.round(limitMs / 60000)} min`);
				await new Promise((r) => setTimeout(r, 1000));
			}
			const rows = psql(
				`SELECT "workflowId", status, (extract(epoch from "startedAt") * 1000)::bigint, (extract(epoch from "stoppedAt") * 1000)::bigint FROM execution_entity WHERE "stoppedAt" IS NOT NULL ORDER BY id OFFSET ${finishedBefore}`,
			)
				.trim()
				.split('\n')
				.map((line) => line.split('|'));
			const runs = rows.map(([workflowId, status, startedAt, stoppedAt]) => {
				const district = workflowId.replace('McuIntake', '');
				return {
					district,
					status,
					wallMs: Number(stoppedAt) - (calledAt.get(district) ?? start),
					execMs: Number(stoppedAt) - Number(startedAt),
				};
			});
			runs.sort((a, b) => a.district.localeCompare(b.district));
			const end = Math.max(...rows.map((r) => Number(r[3])));
			results.push({
				round,
				newAppealsPerDistrict: round === 1 ? 0 : 2 * SOURCES.length,
				runs,
				totalMs: end - start,
				...roundFigures(calls.slice(firstCall), start),
			});
			console.error(`round ${round}: ${districts} runs in ${((end - start) / 1000).toFixed(0)} s`);
		}
		const registerRowsPerDistrict = ids.map(
			(d) => sandbox!.sheets.values(spreadsheetOf(d), 'Реестр обращений').length - 1,
		);
		return {
			districts,
			workers: 2,
			concurrency,
			quota,
			staggerMs,
			rounds: results,
			registerRowsPerDistrict,
		};
	} finally {
		for (const n of instances.slice(1)) await n.stop();
		await instances[0]?.stop();
		await sandbox?.close();
		for (const n of instances) n.cleanup();
		try {
			execFileSync(
				'psql',
				[
					'-h',
					'127.0.0.1',
					'-U',
					'postgres',
					'-c',
					`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`,
				],
				{ stdio: 'pipe' },
			);
			// The queue's keys (job counter, stalled check) would stay in the shared Redis.
			const keys = execFileSync(
				'redis-cli',
				['-h', '127.0.0.1', '--scan', '--pattern', `${queueEnv.QUEUE_BULL_PREFIX}:*`],
				{ encoding: 'utf8' },
			)
				.split('\n')
				.filter(Boolean);
			if (keys.length)
				execFileSync('redis-cli', ['-h', '127.0.0.1', 'del', ...keys], { stdio: 'pipe' });
		} catch {
			/* best effort */
		}
	}
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);

/** The figures as Markdown, for bench/reliability.md. */
export function report(r: RegionalResult): string {
	const lines = [
		`${r.districts} districts, ${r.workers} workers × concurrency ${r.concurrency}${r.staggerMs ? `, started ${r.staggerMs / 1000} s apart` : ', started together'}${r.quota ? ', Sheets quota enforced (60 reads + 60 writes / min for the one service account)' : ''}:`,
		'',
		'| round | new appeals / district | runs ok | wall per run, s (min / median / max) | execution, s (max) | total, s | Sheets reads | Sheets writes | 429 (quota) | peak reads / min | peak writes / min |',
		'|---|---|---|---|---|---|---|---|---|---|---|',
	];
	for (const round of r.rounds) {
		const wall = round.runs.map((x) => x.wallMs).sort((a, b) => a - b);
		const ok = round.runs.filter((x) => x.status === 'success').length;
		lines.push(
			`| ${round.round} | ${round.round === 1 ? 'full history' : round.newAppealsPerDistrict} | ${ok} / ${round.runs.length} | ${seconds(wall[0])} / ${seconds(wall[Math.floor(wall.length / 2)])} / ${seconds(wall[wall.length - 1])} | ${seconds(Math.max(...round.runs.map((x) => x.execMs)))} | ${seconds(round.totalMs)} | ${round.reads} | ${round.writes} | ${round.rejected} | ${round.peakReadsPerMin} | ${round.peakWritesPerMin} |`,
		);
	}
	return lines.join('\n');
}

if (require.main === module) {
	process.once('SIGINT', () => process.exit(130));
	const args = process.argv.slice(2);
	const [districts, rounds, concurrency] = args.filter((a) => !a.startsWith('--')).map(Number);
	const stagger = Number(
		args.find((a) => a.startsWith('--stagger='))?.slice('--stagger='.length) ?? 0,
	);
	void regionalSimulation(
		districts || 26,
		rounds || 2,
		concurrency || 10,
		args.includes('--quota'),
		stagger * 1000,
	).then(
		(r) => {
			console.log(JSON.stringify(r, null, 2));
			console.log(report(r));
		},
		(e: unknown) => {
			console.error(e);
			process.exit(1);
		},
	);
}
