import { Bot, type Api } from '@maxhub/max-bot-api';
import { serveEmulator, type RunningEmulator } from '../../../../sandbox/core/server';
import { MaxEmulator, MAX_DISTRICT_CHAT } from '../../../../sandbox/max/emulator';

/**
 * Fidelity: MAX's official client library (@maxhub/max-bot-api) talks to the emulator as it would to
 * platform-api2.max.ru — token in the Authorization header, its own paths, query names and body shapes.
 */
describe('MAX emulator with the official client @maxhub/max-bot-api', () => {
	let server: RunningEmulator;
	let emulator: MaxEmulator;
	let api: Api;
	beforeAll(async () => {
		emulator = new MaxEmulator(undefined, { deliveryDelayMs: 20, rateLimit: 1000 });
		server = await serveEmulator(emulator);
		api = new Bot(emulator.token, { clientOptions: { baseUrl: server.url } }).api;
	});
	afterAll(() => server.close());

	it('reads the bot, long-polls updates with a marker, sends to a user and a chat, manages subscriptions', async () => {
		expect(await api.getMyInfo()).toMatchObject({ is_bot: true, username: 'dedovichi_mcu_bot' });
		const first = await api.getUpdates(['message_created'], { limit: 3, timeout: 0 });
		expect(first.updates).toHaveLength(3);
		expect(first.updates.every((u) => u.update_type === 'message_created')).toBe(true);
		const next = await api.getUpdates(['message_created'], {
			limit: 100,
			timeout: 0,
			marker: first.marker ?? undefined,
		});
		const firstIds = new Set(
			first.updates.map((u) => ('message' in u ? (u.message?.body.mid ?? '') : '')),
		);
		expect(
			next.updates.some((u) => 'message' in u && firstIds.has(u.message?.body.mid ?? '')),
		).toBe(false);
		const toUser = await api.sendMessageToUser(77001, 'Ответ заявителю');
		expect(toUser.body.text).toBe('Ответ заявителю');
		const toChat = await api.sendMessageToChat(MAX_DISTRICT_CHAT.chat_id, 'Напоминание');
		expect(toChat.recipient.chat_id).toBe(MAX_DISTRICT_CHAT.chat_id);
		await api.subscribe('https://n8n.example/webhook/max', 'secret-of-32-characters-long-xx', [
			'message_created',
		]);
		expect((await api.getSubscriptions()).map((s) => s.url)).toEqual([
			'https://n8n.example/webhook/max',
		]);
		await api.unsubscribe('https://n8n.example/webhook/max');
		expect(await api.getSubscriptions()).toEqual([]);
	});

	it('a wrong token is refused the way MAX refuses it', async () => {
		const wrong = new Bot('not-the-token', { clientOptions: { baseUrl: server.url } }).api;
		await expect(wrong.getMyInfo()).rejects.toMatchObject({ status: 401 });
	});
});
