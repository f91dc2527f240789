import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Bot } from 'grammy';
import { serveEmulator, type RunningEmulator } from '../../../../sandbox/core/server';
import { TelegramEmulator, type TgUpdate } from '../../../../sandbox/telegram/emulator';
import { generateDistrict } from '../../../../sandbox/seed/district';
import { normalizeTelegram } from '../../../../lib/sources/telegram';
import { eventCounter, waitForEvent } from '../../../helpers/waitFor';

describe('Telegram Bot API emulator', () => {
	const district = generateDistrict();
	let server: RunningEmulator;
	let emulator: TelegramEmulator;
	const call = async (
		method: string,
		body: Record<string, unknown> = {},
		token = emulator.token,
	) => {
		const res = await fetch(`${server.url}/bot${token}/${method}`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify(body),
		});
		return {
			status: res.status,
			json: (await res.json()) as {
				ok: boolean;
				result?: unknown;
				error_code?: number;
				description?: string;
			},
		};
	};
	beforeAll(async () => {
		emulator = new TelegramEmulator(district, { deliveryDelayMs: 20 });
		server = await serveEmulator(emulator);
	});
	afterAll(() => server.close());
	beforeEach(async () => {
		await fetch(`${server.url}/__sandbox/reset`, { method: 'POST' });
	});

	it("answers with Telegram's error shape", async () => {
		expect((await call('getMe', {}, 'wrong')).json).toEqual({
			ok: false,
			error_code: 401,
			description: 'Unauthorized',
		});
		expect((await call('nope')).json.error_code).toBe(404);
		expect((await call('sendMessage', { chat_id: 1, text: '' })).json.description).toMatch(
			/text is empty/,
		);
		expect((await call('getUpdates', { limit: 500 })).json.error_code).toBe(400);
	});

	it('getUpdates: offset confirms and forgets; every seeded update normalizes or names its field', async () => {
		const first = (await call('getUpdates', { limit: 100 })).json.result as TgUpdate[];
		const seeded = district.appeals.filter((a) => a.channel === 'telegram').length;
		expect(first).toHaveLength(Math.min(100, seeded));
		for (const u of first) {
			try {
				normalizeTelegram(u as never);
			} catch (error) {
				expect((error as Error).message).toMatch(/raw\.message\.text/);
			}
		}
		const last = first[first.length - 1].update_id;
		const next = (await call('getUpdates', { offset: last + 1 })).json.result as TgUpdate[];
		expect(next.every((u) => u.update_id > last)).toBe(true);
		expect(next).toHaveLength(seeded - first.length);
	});

	it('a real client library (grammy) gets updates by long polling and sends messages', async () => {
		await call('getUpdates', { offset: 1_000_000 });
		const bot = new Bot(emulator.token, { client: { apiRoot: server.url } });
		expect((await bot.api.getMe()).username).toBe('dedovichi_mcu_bot');
		const got = new Promise<string>((resolve) =>
			bot.on('message:text', (ctx) => resolve(ctx.message.text)),
		);
		// The bot is listening once its first long poll has reached the emulator.
		const polls = server.calls.get('getUpdates');
		void bot.start({ drop_pending_updates: false, timeout: 1 });
		await waitForEvent(
			[server.calls],
			'call',
			() => server.calls.get('getUpdates') > polls,
			5000,
			() => 'the bot never polled',
		);
		await fetch(`${server.url}/__sandbox/insert`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ count: 1 }),
		});
		await expect(got).resolves.toMatch(/не вывозят мусор/);
		await bot.stop();
		const sent = await bot.api.sendMessage(42, 'Ваше обращение зарегистрировано');
		expect(sent.text).toBe('Ваше обращение зарегистрировано');
		expect(emulator.sentMessages().map((m) => m.text)).toContain('Ваше обращение зарегистрировано');
	});

	it('webhook: delivery with the secret header, retried until 2xx; getUpdates conflicts meanwhile', async () => {
		const got: Array<{ secret?: string; body: TgUpdate }> = [];
		const answered = eventCounter('webhook deliveries answered');
		let fail = true;
		const hook = createServer((req, res) => {
			let body = '';
			req.on('data', (d) => (body += d));
			req.on('end', () => {
				got.push({
					secret: req.headers['x-telegram-bot-api-secret-token'] as string,
					body: JSON.parse(body),
				});
				// Counted when the connection closes, i.e. after the emulator has had the whole answer (it then records it).
				res.setHeader('Connection', 'close');
				req.socket.once('close', answered.tick);
				res.statusCode = fail ? 500 : 200;
				fail = false;
				res.end('{}');
			});
		});
		await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
		const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
		expect(
			(await call('setWebhook', { url, secret_token: 'abc_123', drop_pending_updates: true })).json
				.ok,
		).toBe(true);
		expect((await call('getUpdates')).json.error_code).toBe(409);
		await fetch(`${server.url}/__sandbox/insert`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ count: 1 }),
		});
		await answered.reach(2, 3000);
		expect(got).toHaveLength(2);
		expect(got.every((g) => g.secret === 'abc_123')).toBe(true);
		expect(got[1].body.update_id).toBe(got[0].body.update_id);
		const info = (await call('getWebhookInfo')).json.result as {
			url: string;
			pending_update_count: number;
		};
		expect(info).toMatchObject({ url, pending_update_count: 0 });
		hook.close();
		await call('deleteWebhook');
	});
});
