/**
 * Real n8n for e2e tests: a fresh user folder per instance, our packed package in its nodes folder,
 * workflows imported and executed through n8n's own CLI, or a running server for triggers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { E2E_DIR, N8N_BIN, NODE24, NODES_TEMPLATE } from './paths';
import { waitForEvent } from './waitFor';

/** Servers still running when the test process exits (a timeout, a crash) are killed with it, not left behind. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
	for (const child of running) child.kill('SIGKILL');
});

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

export interface ExecResult {
	stdout: string;
	stderr: string;
	code: number | null;
}

export interface RunData {
	/** Items per node (first run, every output), as n8n recorded them. */
	nodeOutputs(node: string): Array<Array<{ json: Record<string, unknown> }>>;
	/** JSON of the items on one output of a node. */
	items(node: string, output?: number): Array<Record<string, unknown>>;
	error?: { message: string; node?: { name: string } };
	raw: unknown;
}

export class N8nInstance {
	readonly home: string;
	private server?: ChildProcess;
	port = 0;
	serverLog = '';
	/** Emits `log` whenever the server prints something and when it exits: tests wait on it, not on a clock. */
	readonly output = new EventEmitter();
	/** Everything the CLI commands printed (stdout and stderr), for scans. */
	cliLog = '';

	constructor(
		name: string,
		private readonly extraEnv: Record<string, string> = {},
		options: { home?: string; nodesDir?: string } = {},
	) {
		this.home = options.home ?? path.join(E2E_DIR, `home-${name}-${process.pid}-${Date.now()}`);
		fs.mkdirSync(path.join(this.home, '.n8n'), { recursive: true });
		const link = path.join(this.home, '.n8n', 'nodes');
		if (!fs.existsSync(link)) fs.symlinkSync(options.nodesDir ?? NODES_TEMPLATE, link, 'dir');
	}

	async env(): Promise<NodeJS.ProcessEnv> {
		return {
			PATH: `${path.dirname(NODE24)}:${process.env.PATH}`,
			HOME: this.home,
			N8N_USER_FOLDER: this.home,
			N8N_ENCRYPTION_KEY: 'mcu-e2e-encryption-key',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_DISABLED_MODULES: 'mcp-registry',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			N8N_SECURE_COOKIE: 'false',
			TZ: 'Europe/Moscow',
			GENERIC_TIMEZONE: 'Europe/Moscow',
			...this.extraEnv,
		};
	}

	/**
	 * Runs an n8n CLI command. stdout goes to a file, not a pipe: n8n exits right after printing, and Node truncates
	 * pending writes to a pipe on exit (large `execute --rawOutput` results came back cut off).
	 */
	async cli(args: string[], timeoutMs = 180000): Promise<ExecResult> {
		const env = await this.env();
		const outFile = path.join(
			this.home,
			`cli-${Date.now()}-${Math.random().toString(36).slice(2)}.out`,
		);
		const fd = fs.openSync(outFile, 'w');
		return new Promise((resolve, reject) => {
			const child = spawn(NODE24, [N8N_BIN, ...args], {
				env,
				cwd: this.home,
				stdio: ['ignore', fd, 'pipe'],
			});
			let stderr = '';
			child.stderr?.on('data', (d) => (stderr += d));
			const finish = () => {
				fs.closeSync(fd);
				const stdout = fs.readFileSync(outFile, 'utf8');
				fs.rmSync(outFile, { force: true });
				return stdout;
			};
			const timer = setTimeout(() => {
				child.kill('SIGKILL');
				reject(new Error(`n8n ${args.join(' ')} timed out\n${finish()}\n${stderr}`));
			}, timeoutMs);
			child.on('close', (code) => {
				clearTimeout(timer);
				const stdout = finish();
				this.cliLog += `${stdout}\n${stderr}\n`;
				resolve({ stdout, stderr, code });
			});
		});
	}

	async importWorkflow(workflow: Record<string, unknown>): Promise<string> {
		const file = path.join(this.home, `wf-${String(workflow.id)}.json`);
		fs.writeFileSync(file, JSON.stringify(workflow));
		const result = await this.cli(['import:workflow', `--input=${file}`]);
		if (result.code !== 0) throw new Error(`import failed: ${result.stdout}\n${result.stderr}`);
		return String(workflow.id);
	}

	/** Imports credentials given with plain `data` (n8n encrypts them on import). */
	async importCredentials(
		credentials: Array<{ id: string; name: string; type: string; data: Record<string, unknown> }>,
	): Promise<void> {
		const file = path.join(this.home, `credentials-${Date.now()}.json`);
		fs.writeFileSync(file, JSON.stringify(credentials));
		const result = await this.cli(['import:credentials', `--input=${file}`]);
		fs.rmSync(file);
		if (result.code !== 0)
			throw new Error(`credential import failed: ${result.stdout}\n${result.stderr}`);
	}

	/** Marks a workflow published (active) so `n8n start` activates its triggers. */
	async publishWorkflow(workflowId: string): Promise<void> {
		const result = await this.cli(['publish:workflow', `--id=${workflowId}`]);
		if (result.code !== 0) throw new Error(`publish failed: ${result.stdout}\n${result.stderr}`);
	}

	/** Runs a workflow once with `n8n execute` and returns its run data. */
	async execute(workflowId: string): Promise<RunData> {
		const result = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput']);
		const start = result.stdout.indexOf('\n{');
		const jsonText =
			start >= 0
				? result.stdout.slice(start + 1)
				: result.stdout.trim().startsWith('{')
					? result.stdout
					: '';
		if (!jsonText)
			throw new Error(
				`n8n execute printed no result (code ${result.code}):\n${result.stdout}\n${result.stderr}`,
			);
		const parsed = JSON.parse(firstJsonValue(jsonText)) as {
			data?: {
				resultData: {
					runData: Record<
						string,
						Array<{ data?: { main: Array<Array<{ json: Record<string, unknown> }>> } }>
					>;
					error?: RunData['error'];
				};
			};
		};
		const resultData =
			parsed.data?.resultData ?? (parsed as unknown as { resultData: never }).resultData;
		const runData = (
			resultData as {
				runData: Record<
					string,
					Array<{ data?: { main: Array<Array<{ json: Record<string, unknown> }>> } }>
				>;
			}
		).runData;
		const nodeOutputs = (node: string) => {
			const runs = runData[node];
			if (!runs)
				throw new Error(`node "${node}" did not run; ran: ${Object.keys(runData).join(', ')}`);
			return runs[0].data?.main ?? [];
		};
		return {
			nodeOutputs,
			items: (node, output = 0) => (nodeOutputs(node)[output] ?? []).map((i) => i.json),
			error: (resultData as { error?: RunData['error'] }).error,
			raw: parsed,
		};
	}

	/** Starts `n8n start` on a free port; resolves once it says the editor is up and /healthz/readiness answers. */
	async start(port?: number): Promise<string> {
		this.port = port ?? (await freePort());
		return this.spawnServer(
			['start'],
			{ N8N_PORT: String(this.port), N8N_LISTEN_ADDRESS: '127.0.0.1' },
			/Editor is now accessible via/,
			'/healthz/readiness',
		);
	}

	/** Starts a queue-mode worker (`n8n worker`); resolves once it says it is ready and its health check answers. */
	async startWorker(concurrency = 2): Promise<string> {
		this.port = await freePort();
		return this.spawnServer(
			['worker', `--concurrency=${concurrency}`],
			{
				QUEUE_HEALTH_CHECK_ACTIVE: 'true',
				QUEUE_HEALTH_CHECK_PORT: String(this.port),
				N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			},
			/n8n worker is now ready/,
			'/healthz',
		);
	}

	/** Kills the server at once (SIGKILL), as a crash or an OOM kill would. */
	kill(): void {
		this.server?.kill('SIGKILL');
	}

	/** Resolves once the server's output holds `pattern` `count` times (counted over its whole log). */
	waitForLog(pattern: RegExp, count = 1, timeoutMs = 240000): Promise<void> {
		const seen = () => (this.serverLog.match(new RegExp(pattern.source, 'g')) ?? []).length;
		return waitForEvent(
			[this.output],
			'log',
			() => seen() >= count,
			timeoutMs,
			() =>
				`${seen()} of ${count} «${pattern.source}» in the log of n8n\n${this.serverLog.slice(-3000)}`,
		);
	}

	/**
	 * Spawns the server and waits for its ready line (n8n prints it after the HTTP server listens and, for `start`,
	 * after the active workflows are activated), then checks the health endpoint once.
	 */
	private async spawnServer(
		args: string[],
		extra: Record<string, string>,
		readyLine: RegExp,
		healthPath: string,
	): Promise<string> {
		const env = { ...(await this.env()), ...extra };
		// The log carries earlier runs of this instance: only what this server prints counts as its ready line.
		const from = this.serverLog.length;
		const server = spawn(NODE24, [N8N_BIN, ...args], { env, cwd: this.home });
		this.server = server;
		running.add(server);
		const onOutput = (d: Buffer) => {
			this.serverLog += d;
			this.output.emit('log');
		};
		server.stdout?.on('data', onOutput);
		server.stderr?.on('data', onOutput);
		server.once('exit', () => {
			running.delete(server);
			this.output.emit('log');
		});
		const exited = () => server.exitCode !== null || server.signalCode !== null;
		await waitForEvent(
			[this.output],
			'log',
			() => exited() || readyLine.test(this.serverLog.slice(from)),
			120000,
			() => `n8n did not start in time:\n${this.serverLog}`,
		);
		if (exited()) throw new Error(`n8n exited:\n${this.serverLog}`);
		const url = `http://127.0.0.1:${this.port}`;
		const res = await fetch(`${url}${healthPath}`);
		if (!res.ok)
			throw new Error(`n8n is up but ${healthPath} answers ${res.status}:\n${this.serverLog}`);
		return url;
	}

	async stop(): Promise<void> {
		const server = this.server;
		// A process killed by a signal has no exit code, only a signal code.
		if (!server || server.exitCode !== null || server.signalCode !== null) return;
		await new Promise<void>((resolve) => {
			const timer = setTimeout(() => server.kill('SIGKILL'), 15000);
			server.once('exit', () => {
				clearTimeout(timer);
				resolve();
			});
			server.kill('SIGTERM');
		});
	}

	/** The n8n database file (SQLite): execution data, static data and encrypted credentials. */
	databaseFile(): string {
		return path.join(this.home, '.n8n', 'database.sqlite');
	}

	cleanup(): void {
		fs.rmSync(this.home, { recursive: true, force: true });
	}
}

/** The first complete JSON object of a text (n8n prints more lines after the result when a run fails). */
function firstJsonValue(text: string): string {
	let depth = 0;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (inString) {
			if (c === '\\') i++;
			else if (c === '"') inString = false;
		} else if (c === '"') inString = true;
		else if (c === '{') depth++;
		else if (c === '}' && --depth === 0) return text.slice(0, i + 1);
	}
	return text;
}
