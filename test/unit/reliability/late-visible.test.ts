import type { INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { ImTrigger } from '../../../nodes/Im/ImTrigger.node';
import { PosTrigger } from '../../../nodes/Pos/PosTrigger.node';
import { startNewById, takeNewById } from '../../../lib/sources/cursor';
import { SANDBOX_CREDENTIALS } from '../../../sandbox';
import { serveEmulator } from '../../../sandbox/core/server';
import { ImEmulator } from '../../../sandbox/im/emulator';
import { PosEmulator } from '../../../sandbox/pos/emulator';
import { pollContext } from '../../helpers/pollContext';

/**
 * Issue 16: the ПОС and ИМ «new» triggers fetch by update time. A record that becomes visible after a newer one was
 * emitted (it clears ПОС moderation; an incident routed on to the district) has an older creation time than the
 * cursor — it must still be emitted, once; a status change of an emitted or a pre-activation record is not «new».
 */
const MIN = 60000;
const iso = (ms: number) => `${new Date(ms + 3 * 3600000).toISOString().slice(0, 19)}+03:00`;
const ids = (out: INodeExecutionData[][] | null) =>
	(out?.[0] ?? []).map((i) => String(i.json.error ?? i.json.id));

interface Source {
	poll(): Promise<INodeExecutionData[][] | null>;
	/** Adds a record with these times (epoch ms) and returns the id the trigger emits. */
	add(key: string, createdMs: number, updatedMs: number): string;
	/** A status change: the record's update time moves. */
	touch(key: string, updatedMs: number): void;
	close(): Promise<void>;
}

async function posSource(): Promise<Source> {
	const emulator = new PosEmulator();
	const server = await serveEmulator(emulator);
	const s = SANDBOX_CREDENTIALS.pos;
	const { ctx } = pollContext(
		{ event: 'new', firstRun: 'now' },
		{
			baseUrl: server.url,
			loginPath: '/auth/oauth/token',
			username: s.username,
			password: s.password,
			scope: s.scope,
			appealsPath: '/appeal-service/external-appeal-system/appeals',
			urlTemplate: '',
		},
	);
	emulator.insertRecords(1);
	const template = emulator.all()[0];
	emulator.reset();
	const byKey = new Map<string, string>();
	let n = 7100000;
	return {
		poll: () => new PosTrigger().poll.call(ctx as IPollFunctions),
		add(key, created, updated) {
			const posId = String(++n);
			byKey.set(key, posId);
			emulator.add({
				...structuredClone(template),
				id: n,
				posId,
				createdAt: iso(created),
				updatedAt: iso(updated),
			});
			return `pos:${posId}`;
		},
		touch(key, updated) {
			const m = emulator.all().find((x) => x.posId === byKey.get(key))!;
			m.updatedAt = iso(updated);
		},
		close: () => server.close(),
	};
}

async function imSource(): Promise<Source> {
	const emulator = new ImEmulator();
	const server = await serveEmulator(emulator);
	const { ctx } = pollContext(
		{ firstRun: 'now' },
		{ baseUrl: server.url, token: SANDBOX_CREDENTIALS.im.token },
	);
	emulator.insertRecords(1);
	const template = emulator.all()[0];
	emulator.reset();
	return {
		poll: () => new ImTrigger().poll.call(ctx as IPollFunctions),
		add(key, created, updated) {
			emulator.add({
				...structuredClone(template),
				id: `INC-${key}`,
				createdAt: iso(created),
				updatedAt: iso(updated),
			});
			return `im:INC-${key}`;
		},
		touch(key, updated) {
			emulator.all().find((x) => x.id === `INC-${key}`)!.updatedAt = iso(updated);
		},
		close: () => server.close(),
	};
}

describe.each([
	['ПОС', posSource],
	['ИМ', imSource],
])('%s trigger «new»', (_name, open) => {
	it('emits a record that becomes visible after a newer one, and nothing twice', async () => {
		const src = await open();
		try {
			const t0 = Date.now();
			src.add('old', t0 - 60 * MIN, t0 - 60 * MIN);
			expect(await src.poll()).toBeNull(); // activation, «from now»
			// Timestamps are whole seconds in the future of the activation, so they never share its second.
			const newer = src.add('newer', t0 + 2 * MIN, t0 + 2 * MIN);
			expect(ids(await src.poll())).toEqual([newer]);
			// Created before `newer`, visible only now (moderation cleared, routed on): skipped before the fix.
			const late = src.add('late', t0 + 1 * MIN, t0 + 3 * MIN);
			// Stamped just before the last fetch's newest update time but committed after that fetch: the overlap.
			const committedLate = src.add('committed-late', t0 + 110000, t0 + 110000);
			expect(ids(await src.poll()).sort()).toEqual([committedLate, late].sort());
			// Status changes are not new records: neither of an emitted one nor of one older than the activation.
			src.touch('newer', t0 + 4 * MIN);
			src.touch('late', t0 + 4 * MIN);
			src.touch('old', t0 + 4 * MIN);
			expect(await src.poll()).toBeNull();
			expect(await src.poll()).toBeNull();
		} finally {
			await src.close();
		}
	}, 30000);
});

describe('takeNewById', () => {
	const rec = (id: string, createdMs: number, updatedMs = createdMs) => ({
		id,
		at: new Date(updatedMs).toISOString(),
		createdAt: new Date(createdMs).toISOString(),
		record: id,
	});
	const t0 = Date.parse('2026-11-01T00:00:00Z');

	it('returns the cursor object itself when nothing moved (static data is not rewritten)', () => {
		const c = startNewById(new Date(t0).toISOString());
		const first = takeNewById([rec('a', t0 + 1000)], c, t0 + 2000);
		expect(first.fresh.map((r) => r.id)).toEqual(['a']);
		const again = takeNewById([rec('a', t0 + 1000)], first.next, t0 + 3000);
		expect(again.fresh).toEqual([]);
		expect(again.next).toBe(first.next);
	});

	it('keeps the memory bounded: past the cap the oldest-created leave and nothing older is new', () => {
		let c = startNewById(new Date(t0).toISOString());
		const batch = Array.from({ length: 50 }, (_, i) => rec(`r${i}`, t0 + (i + 1) * 1000));
		const taken = takeNewById(batch, c, t0 + 60000, { max: 20 });
		expect(taken.fresh).toHaveLength(50);
		c = taken.next;
		expect(c.emitted).toHaveLength(20);
		expect(c.emitted[0][0]).toBe('r30');
		// Every remembered or older record stays not-new; a record created after them is new.
		const again = takeNewById(
			[...batch, rec('late-old', t0 + 5000, t0 + 90000), rec('z', t0 + 70000)],
			c,
			t0 + 90000,
			{ max: 20 },
		);
		expect(again.fresh.map((r) => r.id)).toEqual(['z']);
	});

	it('forgets ids by age: a record is remembered for keepMs after its creation', () => {
		const c = startNewById(new Date(t0).toISOString());
		const day = 86400000;
		const first = takeNewById([rec('a', t0 + 1000)], c, t0 + 2000, { keepMs: day });
		const later = takeNewById([rec('a', t0 + 1000, t0 + 3 * day)], first.next, t0 + 3 * day, {
			keepMs: day,
		});
		expect(later.fresh).toEqual([]);
		expect(later.next.emitted).toEqual([]);
		expect(later.next.horizon).toBe(t0 + 2 * day);
	});
});
