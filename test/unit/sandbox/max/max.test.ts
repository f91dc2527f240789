import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serveEmulator, type RunningEmulator } from '../../../../sandbox/core/server';
import { MaxEmulator, MAX_DISTRICT_CHAT, type MaxUpdate } from '../../../../sandbox/max/emulator';
import { MAX_SEED } from '../../../../sandbox/seed/max';
import { normalizeMax } from '../../../../lib/sources/max';

describe('MAX Bot API emulator', () => {
	let server: RunningEmulator;
	let emulator: MaxEmulator;
	const call = async (
		method: string,
		path: string,
		options: { body?: unknown; token?: string | null } = {},
	) => {
		const token = options.token === undefined ? emulator.token : options.token;
		const res = await fetch(`${server.url}${path}`, {
			method,
			headers: {
				...(token !== null ? { Authorization: token } : {}),
				...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
			},
			body: options.body === undefined ? undefined : JSON.stringify(options.body),
		});
		return { status: res.status, json: (await res.json()) as Record<string, unknown> };
	};
	beforeAll(async () => {
		emulator = new MaxEmulator(undefined, { deliveryDelayMs: 20, rateLimit: 1000 });
		server = await serveEmulator(emulator);
	});
	afterAll(() => server.close());
	beforeEach(async () => {
		await fetch(`${server.url}/__sandbox/reset`, { method: 'POST' });
	});

	it("401 in MAX's error shape without the token in the Authorization header (a query token does not count)", async () => {
		expect(await call('GET', '/me', { token: null })).toEqual({
			status: 401,
			json: { code: 'verify.token', message: 'Invalid access_token' },
		});
		expect((await call('GET', `/me?access_token=${emulator.token}`, { token: null })).status).toBe(
			401,
		);
		expect((await call('GET', '/me', { token: 'wrong' })).status).toBe(401);
		expect((await call('GET', '/me')).json).toMatchObject({
			user_id: 590000001,
			is_bot: true,
			username: 'dedovichi_mcu_bot',
		});
		expect((await call('GET', '/nowhere')).json.code).toBe('not.found');
	});

	it('updates: a marker confirms what came before it; every seeded message normalizes or names its field', async () => {
		const first = await call('GET', '/updates?limit=5&timeout=0');
		const updates = first.json.updates as MaxUpdate[];
		expect(updates).toHaveLength(5);
		expect(first.json.marker).toBe(5);
		// Without a marker nothing is confirmed: the same page again.
		expect(
			((await call('GET', '/updates?limit=5&timeout=0')).json.updates as MaxUpdate[]).map(
				(u) => u.message?.body.mid,
			),
		).toEqual(updates.map((u) => u.message?.body.mid));
		const rest = (await call('GET', '/updates?timeout=0&marker=5')).json;
		expect((rest.updates as MaxUpdate[]).length).toBe(MAX_SEED.length - 5);
		expect(emulator.pending()).toHaveLength(MAX_SEED.length - 5);
		const fields: string[] = [];
		for (const u of [...updates, ...(rest.updates as MaxUpdate[])]) {
			try {
				normalizeMax(u as never);
			} catch (error) {
				fields.push((error as { problems: Array<{ path: string }> }).problems[0].path);
			}
		}
		// The one blank seeded message, and nothing else.
		expect(fields).toEqual(['raw.message.body.text']);
		expect((await call('GET', '/updates?limit=5000')).status).toBe(400);
	});

	it('long polling waits for a new message and returns it at once', async () => {
		const marker = (await call('GET', '/updates?timeout=0&limit=1000')).json.marker as number;
		const waiting = call('GET', `/updates?timeout=30&marker=${marker}`);
		const started = Date.now();
		// The request is parked at the emulator before the citizen writes.
		await emulator.pollerParked();
		emulator.citizenMessage(
			{ user_id: 630001, first_name: 'Вера' },
			'Когда дадут свет на Пионерской?',
		);
		const got = await waiting;
		expect(Date.now() - started).toBeLessThan(25000);
		expect((got.json.updates as MaxUpdate[]).map((u) => u.message?.body.text)).toEqual([
			'Когда дадут свет на Пионерской?',
		]);
		// Nothing new: the request comes back empty when the timeout ends.
		expect(
			(await call('GET', `/updates?timeout=1&marker=${got.json.marker}`)).json.updates,
		).toEqual([]);
	});

	it("over 30 requests a second: 429 in MAX's shape", async () => {
		const limited = new MaxEmulator(undefined, {});
		const s = await serveEmulator(limited);
		try {
			const statuses = await Promise.all(
				Array.from({ length: 40 }, () =>
					fetch(`${s.url}/me`, { headers: { Authorization: limited.token } }).then(async (r) => [
						r.status,
						((await r.json()) as { code?: string }).code,
					]),
				),
			);
			expect(statuses.filter(([st]) => st === 200)).toHaveLength(30);
			expect(
				statuses.filter(([st, code]) => st === 429 && code === 'too.many.requests'),
			).toHaveLength(10);
		} finally {
			await s.close();
		}
	});

	it("messages: sent to a user or a chat, a reply links its parent, the bot's own message comes back as an update; limits in MAX's shape", async () => {
		const before = (await call('GET', '/updates?timeout=0&limit=1000')).json.marker as number;
		const toUser = await call('POST', '/messages?user_id=610001', {
			body: { text: 'Ваше обращение зарегистрировано' },
		});
		expect(toUser.json.message).toMatchObject({
			sender: { is_bot: true },
			recipient: { chat_type: 'dialog', user_id: 610001 },
			body: { text: 'Ваше обращение зарегистрировано' },
		});
		const parent = emulator.pending()[2].message!;
		const reply = await call('POST', `/messages?chat_id=${MAX_DISTRICT_CHAT.chat_id}`, {
			body: { text: 'Водоканал промывает сети', link: { type: 'reply', mid: parent.body.mid } },
		});
		expect((reply.json.message as { link: { message: { mid: string } } }).link.message.mid).toBe(
			parent.body.mid,
		);
		const listed = (await call('GET', `/messages?chat_id=${MAX_DISTRICT_CHAT.chat_id}&count=1`))
			.json.messages as Array<{ body: { text: string } }>;
		expect(listed.map((m) => m.body.text)).toEqual(['Водоканал промывает сети']);
		const own = (
			(await call('GET', `/updates?timeout=0&marker=${before}`)).json.updates as MaxUpdate[]
		).map((u) => u.message?.sender.is_bot);
		expect(own).toEqual([true, true]);
		expect(await call('POST', '/messages?chat_id=1', { body: { text: 'я'.repeat(4001) } })).toEqual(
			{
				status: 400,
				json: { code: 'proto.payload', message: 'text: size must be between 0 and 4000' },
			},
		);
		expect((await call('POST', '/messages', { body: { text: 'кому?' } })).status).toBe(400);
		expect(emulator.sentMessages()).toHaveLength(2);
	});

	it('subscriptions: registered, listed without the secret, delivered with the secret header and retried until 2xx, removed', async () => {
		const received: Array<{ headers: IncomingHttpHeaders; body: MaxUpdate }> = [];
		let failFirst = 1;
		const hook = createServer((req, res) => {
			let text = '';
			req.on('data', (d) => (text += d));
			req.on('end', () => {
				if (failFirst-- > 0) return void res.writeHead(500).end();
				received.push({ headers: req.headers, body: JSON.parse(text) as MaxUpdate });
				res.writeHead(200).end('ok');
			});
		});
		await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
		const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/max`;
		try {
			expect((await call('POST', '/subscriptions', { body: { url, secret: 'no' } })).status).toBe(
				400,
			);
			expect(
				(
					await call('POST', '/subscriptions', {
						body: { url, update_types: ['message_created'], secret: 'hook-secret-1' },
					})
				).json,
			).toEqual({ success: true });
			const listed = (await call('GET', '/subscriptions')).json.subscriptions as Array<
				Record<string, unknown>
			>;
			expect(listed.map((s) => [s.url, s.update_types, 'secret' in s])).toEqual([
				[url, ['message_created'], false],
			]);
			emulator.citizenMessage({ user_id: 630002, first_name: 'Пётр' }, 'Яма на въезде в Дедовичи');
			await emulator.deliveriesSettled();
			expect(emulator.deliveries.map((d) => [d.attempts, d.statuses, d.delivered])).toEqual([
				[2, [500, 200], true],
			]);
			expect(
				received.map((r) => [r.headers['x-max-bot-api-secret'], r.body.message?.body.text]),
			).toEqual([['hook-secret-1', 'Яма на въезде в Дедовичи']]);
			expect((await call('DELETE', `/subscriptions?url=${encodeURIComponent(url)}`)).json).toEqual({
				success: true,
			});
			expect((await call('GET', '/subscriptions')).json.subscriptions).toEqual([]);
			emulator.citizenMessage({ user_id: 630002, first_name: 'Пётр' }, 'Ещё одна яма');
			expect(emulator.deliveries).toHaveLength(1);
		} finally {
			await new Promise<void>((r) => hook.close(() => r()));
		}
	});
});
