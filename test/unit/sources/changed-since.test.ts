import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { Im } from '../../../nodes/Im/Im.node';
import { Pos } from '../../../nodes/Pos/Pos.node';
import { takeChanged } from '../../../lib/sources/cursor';
import { SANDBOX_CREDENTIALS } from '../../../sandbox';
import { serveEmulator } from '../../../sandbox/core/server';
import { ImEmulator } from '../../../sandbox/im/emulator';
import { PosEmulator } from '../../../sandbox/pos/emulator';
import { fetchContext } from '../../helpers/httpContext';

/**
 * Issue 16: the intake's ПОС and ИМ «get many» with «Только изменённые с прошлого запуска» hand over what changed
 * since the last run — each change once, a change stamped inside the overlap window but visible late still seen,
 * and a run that failed later in the workflow (the register write) read again by the next run, nothing lost.
 */
const MIN = 60000;
const iso = (ms: number) => `${new Date(ms + 3 * 3600000).toISOString().slice(0, 19)}+03:00`;

/** How n8n ends an execution: the node's onExecutionFinish handlers run with the run's error, if any. */
interface Execution {
	id: string;
	handlers: Array<() => unknown>;
	data: { resultData: { error?: unknown } };
}
const execution = (id: string): Execution => ({ id, handlers: [], data: { resultData: {} } });
async function end(e: Execution, error?: unknown): Promise<void> {
	e.data.resultData.error = error;
	for (const h of e.handlers) await h();
}

interface Source {
	/** One run of the node with this workflow's static data; returns the appeal ids handed over and the requests. */
	run(
		parameters: Record<string, unknown>,
		state: Record<string, unknown>,
		e?: Execution,
	): Promise<{ ids: string[]; requests: number }>;
	/** Adds a record updated at this time (epoch ms); returns the appeal id. */
	add(key: string, updatedMs: number): string;
	/** A status change: the record's update time moves. */
	touch(key: string, updatedMs: number): void;
	getMany: Record<string, unknown>;
	close(): Promise<void>;
}

type Executable = { execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> };

function runner(node: () => Executable, credentials: Record<string, unknown>): Source['run'] {
	return async (parameters, state, e) => {
		const http = fetchContext('test node');
		const ctx = {
			...(e
				? { onExecutionFinish: (h: () => unknown) => e.handlers.push(h), runExecutionData: e.data }
				: {}),
			...http,
			getInputData: () => [{ json: {} }],
			getNodeParameter: (name: string, _i: number, fallback?: unknown) =>
				name in parameters ? parameters[name] : fallback,
			getCredentials: async () => credentials,
			getWorkflowStaticData: () => state,
			getMode: () => 'trigger',
			getExecutionId: () => e?.id ?? 'run',
			continueOnFail: () => false,
		} as unknown as IExecuteFunctions;
		const [out] = await node().execute.call(ctx);
		return {
			ids: out.map((o) => String(o.json.id)),
			requests: http.requests.filter((r) => !String(r.url).includes('/oauth/')).length,
		};
	};
}

async function posSource(): Promise<Source> {
	const emulator = new PosEmulator();
	const server = await serveEmulator(emulator);
	const s = SANDBOX_CREDENTIALS.pos;
	emulator.insertRecords(1);
	const template = emulator.all()[0];
	emulator.reset();
	const byKey = new Map<string, string>();
	let n = 7200000;
	return {
		run: runner(() => new Pos(), {
			baseUrl: server.url,
			username: s.username,
			password: s.password,
			scope: s.scope,
		}),
		add(key, updated) {
			const posId = String(++n);
			byKey.set(key, posId);
			emulator.add({
				...structuredClone(template),
				id: n,
				posId,
				createdAt: iso(updated),
				updatedAt: iso(updated),
			});
			return `pos:${posId}`;
		},
		touch(key, updated) {
			emulator.all().find((x) => x.posId === byKey.get(key))!.updatedAt = iso(updated);
		},
		getMany: { resource: 'appeal', operation: 'getMany', returnAll: true },
		close: () => server.close(),
	};
}

async function imSource(): Promise<Source> {
	const emulator = new ImEmulator();
	const server = await serveEmulator(emulator);
	emulator.insertRecords(1);
	const template = emulator.all()[0];
	emulator.reset();
	return {
		run: runner(() => new Im(), { baseUrl: server.url, token: SANDBOX_CREDENTIALS.im.token }),
		add(key, updated) {
			emulator.add({
				...structuredClone(template),
				id: `INC-${key}`,
				createdAt: iso(updated),
				updatedAt: iso(updated),
			});
			return `im:INC-${key}`;
		},
		touch(key, updated) {
			emulator.all().find((x) => x.id === `INC-${key}`)!.updatedAt = iso(updated);
		},
		getMany: { resource: 'incident', operation: 'getMany', returnAll: true },
		close: () => server.close(),
	};
}

describe.each([
	['ПОС', posSource, 'filters'],
	['ИМ', imSource, 'updatedSince'],
] as const)(
	'%s get many «Только изменённые с прошлого запуска»',
	(_name, open, windowParameter) => {
		let source: Source;
		beforeEach(async () => {
			source = await open();
		});
		afterEach(() => source.close());
		const now = Date.now();
		const windowFrom = iso(now - 180 * 86400000);
		const changedOnly = () => ({
			...source.getMany,
			onlyChanged: true,
			...(windowParameter === 'filters'
				? { filters: { updatedFrom: windowFrom } }
				: { updatedSince: windowFrom }),
		});

		it('the first run reads the configured window; later runs hand over each change once, also one visible late', async () => {
			const state: Record<string, unknown> = {};
			source.add('ancient', now - 200 * 86400000);
			const a = source.add('a', now - 30 * 86400000);
			const b = source.add('b', now - 2 * MIN);
			const first = await source.run(changedOnly(), state);
			expect(first.ids).toEqual([a, b]);

			// Nothing changed: nothing handed over (the old behaviour handed over the whole window again).
			expect((await source.run(changedOnly(), state)).ids).toEqual([]);

			// A record stamped before the last one read but committed after that read (inside the overlap), a new one,
			// and a status change of one already handed over: each once.
			const late = source.add('late', now - 3 * MIN);
			const fresh = source.add('fresh', now + MIN);
			source.touch('a', now + 2 * MIN);
			expect((await source.run(changedOnly(), state)).ids).toEqual([late, fresh, a]);
			expect((await source.run(changedOnly(), state)).ids).toEqual([]);
		});

		it('a run that failed later in the workflow is read again by the next run: nothing lost, nothing handed over twice by runs that succeeded', async () => {
			const state: Record<string, unknown> = {};
			const a = source.add('a', now - 10 * MIN);
			const b = source.add('b', now - 9 * MIN);
			const delivered: string[] = [];

			const run1 = execution('run-1');
			expect((await source.run(changedOnly(), state, run1)).ids).toEqual([a, b]);
			// The register write failed: the execution ends with an error.
			await end(run1, { message: 'Sheets: 503' });

			const c = source.add('c', now - 8 * MIN);
			const run2 = execution('run-2');
			const read2 = await source.run(changedOnly(), state, run2);
			expect(read2.ids).toEqual([a, b, c]);
			await end(run2);
			delivered.push(...read2.ids);

			const d = source.add('d', now + MIN);
			const run3 = execution('run-3');
			const read3 = await source.run(changedOnly(), state, run3);
			expect(read3.ids).toEqual([d]);
			await end(run3);
			delivered.push(...read3.ids);

			const run4 = execution('run-4');
			expect((await source.run(changedOnly(), state, run4)).ids).toEqual([]);
			await end(run4);
			expect(delivered.sort()).toEqual([a, b, c, d].sort());
		});

		it('without the option a saved workflow reads the whole window every run and keeps no position', async () => {
			const a = source.add('a', now - 10 * MIN);
			const old = { ...changedOnly(), onlyChanged: undefined };
			const oldState: Record<string, unknown> = {};
			expect((await source.run(old, oldState)).ids).toEqual([a]);
			expect((await source.run(old, oldState)).ids).toEqual([a]);
			expect(oldState).toEqual({});
		});

		it('requests per run follow the new changes, not the history', async () => {
			const state: Record<string, unknown> = {};
			for (let i = 0; i < 450; i++) source.add(`old${i}`, now - 10 * 86400000 + i * MIN);
			const first = await source.run(changedOnly(), state);
			expect(first.ids).toHaveLength(450);
			expect(first.requests).toBe(5);
			for (let i = 0; i < 10; i++) source.add(`new${i}`, now + i);
			const second = await source.run(changedOnly(), state);
			expect(second.ids).toHaveLength(10);
			expect(second.requests).toBe(1);
		});
	},
);

describe('takeChanged', () => {
	it('keys by id and update time, re-reads the overlap without handing it over again, and keeps only the window', () => {
		const at = (m: number) => new Date(Date.UTC(2026, 4, 12, 9, m)).toISOString();
		const first = takeChanged(
			[
				{ id: 'x', at: at(0), record: 1 },
				{ id: 'y', at: at(10), record: 2 },
			],
			undefined,
			5 * MIN,
		);
		expect(first.fresh.map((r) => r.id)).toEqual(['x', 'y']);
		expect(first.next).toEqual({ since: at(10), read: [['y', Date.parse(at(10))]] });
		const same = takeChanged([{ id: 'y', at: at(10), record: 2 }], first.next, 5 * MIN);
		expect(same.fresh).toEqual([]);
		expect(same.next).toBe(first.next);
		const moved = takeChanged(
			[
				{ id: 'y', at: at(10), record: 2 },
				{ id: 'y', at: at(12), record: 3 },
				{ id: 'z', at: at(8), record: 4 },
			],
			first.next,
			5 * MIN,
		);
		expect(moved.fresh.map((r) => [r.id, r.record])).toEqual([
			['z', 4],
			['y', 3],
		]);
		expect(moved.next?.read).toEqual([
			['y', Date.parse(at(10))],
			['z', Date.parse(at(8))],
			['y', Date.parse(at(12))],
		]);
		// A record without a readable update time is handed over once, while the source keeps returning it.
		const undated = takeChanged([{ id: 'u', record: 5 }], moved.next, 5 * MIN);
		expect(undated.fresh.map((r) => r.id)).toEqual(['u']);
		expect(takeChanged([{ id: 'u', record: 5 }], undated.next, 5 * MIN).fresh).toEqual([]);
	});
});
