import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { serveEmulator, type RunningEmulator } from '../../../../sandbox/core/server';
import { MaxEmulator } from '../../../../sandbox/max/emulator';
import { MaxTrigger, sameSecret } from '../../../../nodes/Max/MaxTrigger.node';
import { fetchContext } from '../../../helpers/httpContext';

describe('«МЦУ: MAX Trigger»', () => {
	let server: RunningEmulator;
	let emulator: MaxEmulator;
	const url = 'http://127.0.0.1:5678/webhook/mcu-max-unit/max';
	beforeAll(async () => {
		emulator = new MaxEmulator(undefined, { rateLimit: 1000, deliveryAttempts: 1 });
		server = await serveEmulator(emulator);
	});
	afterAll(() => server.close());
	beforeEach(() => emulator.reset());

	const hooks = (secret: string) =>
		({
			...fetchContext('МЦУ: MAX Trigger'),
			getCredentials: async () => ({
				accessToken: emulator.token,
				baseUrl: server.url,
				webhookSecret: secret,
			}),
			getNodeWebhookUrl: () => url,
			getNodeParameter: () => ['message_created'],
			getWorkflowStaticData: () => ({}),
		}) as unknown as IHookFunctions;

	it('subscribes on activation only with a valid secret, is found by checkExists, unsubscribes on deactivation', async () => {
		const methods = new MaxTrigger().webhookMethods.default;
		await expect(methods.create.call(hooks(''))).rejects.toThrow(/Секрет вебхука/);
		await expect(methods.create.call(hooks('a b'))).rejects.toThrow(/Секрет вебхука/);
		expect(emulator.subscriptionUrls()).toEqual([]);
		expect(await methods.checkExists.call(hooks('max-secret-1'))).toBe(false);
		expect(await methods.create.call(hooks('max-secret-1'))).toBe(true);
		expect((emulator.dump() as { subscriptions: unknown[] }).subscriptions).toEqual([
			{ url, time: expect.any(Number), update_types: ['message_created'], version: '0.0.1' },
		]);
		expect(await methods.checkExists.call(hooks('max-secret-1'))).toBe(true);
		expect(await methods.delete.call(hooks('max-secret-1'))).toBe(true);
		expect(emulator.subscriptionUrls()).toEqual([]);
	});

	function delivery(
		body: unknown,
		headers: Record<string, string>,
		state: Record<string, unknown>,
		workflowId = 'wf-1',
	) {
		const sent: { status?: number; text?: string } = {};
		const res = {
			status(code: number) {
				sent.status = code;
				return res;
			},
			type: () => res,
			send(text: string) {
				sent.text = text;
				return res;
			},
		};
		const ctx = {
			getCredentials: async () => ({
				accessToken: emulator.token,
				baseUrl: server.url,
				webhookSecret: 'max-secret-1',
			}),
			getResponseObject: () => res,
			getHeaderData: () => headers,
			getBodyData: () => body,
			getNodeParameter: () => ['message_created'],
			getWorkflowStaticData: () => state,
			getWorkflow: () => ({ id: workflowId }),
			getNode: () => ({ name: 'MAX Trigger' }),
		} as unknown as IWebhookFunctions;
		return new MaxTrigger().webhook
			.call(ctx)
			.then((r) => ({ ...sent, items: r.workflowData?.[0].map((i) => i.json) }));
	}

	it("refuses deliveries without the right secret, drops repeats and the bot's own messages", async () => {
		const update = emulator.citizenMessage(
			{ user_id: 660001, first_name: 'Лидия' },
			'Не работает светофор у рынка',
		);
		const state: Record<string, unknown> = {};
		expect(await delivery(update, {}, state)).toEqual({
			status: 403,
			text: 'wrong secret',
			items: undefined,
		});
		expect(await delivery(update, { 'x-max-bot-api-secret': 'max-secret-2' }, state)).toEqual({
			status: 403,
			text: 'wrong secret',
			items: undefined,
		});
		const first = await delivery(update, { 'x-max-bot-api-secret': 'max-secret-1' }, state);
		expect([first.status, first.items?.map((j) => j.id)]).toEqual([
			200,
			[`max:${update.message!.body.mid}`],
		]);
		// Repeated: seen in this process even when the static data handed in is a stale copy.
		expect(
			(await delivery(update, { 'x-max-bot-api-secret': 'max-secret-1' }, {})).items,
		).toBeUndefined();
		// Seen in the static data (another process, after a restart).
		expect(
			(await delivery(update, { 'x-max-bot-api-secret': 'max-secret-1' }, state, 'wf-2')).items,
		).toBeUndefined();
		const own = {
			...update,
			message: {
				...update.message!,
				sender: { ...update.message!.sender, is_bot: true },
				body: { ...update.message!.body, mid: 'mid.own' },
			},
		};
		expect(await delivery(own, { 'x-max-bot-api-secret': 'max-secret-1' }, state)).toEqual({
			status: 200,
			text: 'ok',
			items: undefined,
		});
		// A malformed update becomes one error item naming the field.
		const broken = {
			...update,
			message: {
				...update.message!,
				timestamp: 'вчера',
				body: { ...update.message!.body, mid: 'mid.broken' },
			},
		};
		const bad = await delivery(broken, { 'x-max-bot-api-secret': 'max-secret-1' }, state);
		expect(JSON.stringify(bad.items)).toMatch(/raw\.message\.timestamp/);
	});

	it('compares secrets of any length without throwing', () => {
		expect(sameSecret('max-secret-1', 'max-secret-1')).toBe(true);
		expect(sameSecret('max-secret-12', 'max-secret-1')).toBe(false);
		expect(sameSecret(undefined, 'max-secret-1')).toBe(false);
		expect(sameSecret('', '')).toBe(false);
	});
});
