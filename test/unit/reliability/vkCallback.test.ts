/**
 * The VK Callback API trigger with mocked n8n webhook contexts: «ok» comes from n8n once the run is handed over (the
 * node itself answers only refusals and duplicates), duplicates are dropped — also when they arrive at the same time
 * and whatever type the event id has — a delivery n8n failed to take goes through again, a wrong community or wall is
 * refused, an empty secret refuses activation, and the secret is compared in constant time.
 */
import { EventEmitter } from 'node:events';
import type {
	IDataObject,
	IHookFunctions,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { VkCallbackTrigger, eventKey, sameSecret } from '../../../nodes/Vk/VkCallbackTrigger.node';

const GROUP = 218000001;
const SECRET = 'callback-secret-for-tests';
const credentials = (over: IDataObject = {}): IDataObject => ({
	accessToken: 't',
	keyKind: 'community',
	groupId: GROUP,
	apiUrl: 'http://127.0.0.1:1',
	callbackSecret: SECRET,
	...over,
});

class FakeResponse extends EventEmitter {
	statusCode = 200;
	sent: Array<{ status: number; body: string }> = [];
	status(code: number) {
		this.statusCode = code;
		return this;
	}
	type() {
		return this;
	}
	send(body: string) {
		this.sent.push({ status: this.statusCode, body });
		return this;
	}
	/** What n8n does after the run is created (deferred onReceived answer), or when it could not start it. */
	answered(ok = true) {
		if (ok) this.emit('finish');
		this.emit('close');
	}
}

let workflowSeq = 0;
function webhookContext(
	body: IDataObject,
	options: {
		workflowId?: string;
		staticData?: IDataObject;
		creds?: IDataObject;
		events?: string[];
	} = {},
) {
	const res = new FakeResponse();
	const staticData = options.staticData ?? {};
	const ctx = {
		getCredentials: async () => options.creds ?? credentials(),
		getBodyData: () => body,
		getResponseObject: () => res,
		getWorkflowStaticData: () => staticData,
		getNodeParameter: (name: string, fallback?: unknown) =>
			name === 'events' ? (options.events ?? ['wall_reply_new', 'message_new']) : fallback,
		getNode: () => ({
			id: 'cb',
			name: 'VK Callback',
			type: 'n8n-nodes-mcu.vkCallbackTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		}),
		getWorkflow: () => ({ id: options.workflowId ?? `wf-${++workflowSeq}`, active: true }),
	} as unknown as IWebhookFunctions;
	return { ctx, res, staticData };
}

const comment = (id: number, over: IDataObject = {}) => ({
	id,
	post_id: 7,
	owner_id: -GROUP,
	from_id: 501,
	date: 1764590000,
	text: 'Во дворе яма',
	...over,
});
const event = (
	eventId: unknown,
	object: IDataObject = comment(1),
	over: IDataObject = {},
): IDataObject => ({
	type: 'wall_reply_new',
	group_id: GROUP,
	event_id: eventId as IDataObject[string],
	secret: SECRET,
	object,
	...over,
});

const trigger = new VkCallbackTrigger();
const deliver = (c: IWebhookFunctions): Promise<IWebhookResponseData> => trigger.webhook.call(c);
const ran = (r: IWebhookResponseData) => (r.workflowData?.[0] ?? []).map((i) => i.json);

describe('VK Callback trigger', () => {
	it('hands the event to the run and leaves «ok» to n8n, sent once the execution exists', async () => {
		const webhook = trigger.description.webhooks![0];
		expect(webhook).toMatchObject({ responseMode: 'onReceived', responseData: 'ok' });
		const { ctx, res } = webhookContext(event('ev-1'));
		const result = await deliver(ctx);
		expect(result.noWebhookResponse).toBeUndefined();
		expect(res.sent).toEqual([]);
		expect(ran(result)).toEqual([
			expect.objectContaining({ id: `vk:-${GROUP}_7_c1`, source: 'vk' }),
		]);
	});

	it('drops a re-delivery once the first was handed over, and remembers it in static data', async () => {
		const first = webhookContext(event('ev-2'), { workflowId: 'wf-redeliver' });
		expect(ran(await deliver(first.ctx))).toHaveLength(1);
		first.res.answered();
		expect(first.staticData.recentEvents).toEqual(['e:ev-2']);
		const again = webhookContext(event('ev-2'), { workflowId: 'wf-redeliver' });
		const result = await deliver(again.ctx);
		expect(result.workflowData).toBeUndefined();
		expect(again.res.sent).toEqual([{ status: 200, body: 'ok' }]);
		// Another process (or after a restart): the saved static data says the same.
		const restarted = webhookContext(event('ev-2'), {
			workflowId: 'wf-other-process',
			staticData: { recentEvents: ['e:ev-2'] },
		});
		expect((await deliver(restarted.ctx)).workflowData).toBeUndefined();
	});

	it('two deliveries of one event at the same time start one run', async () => {
		const a = webhookContext(event('ev-3'), { workflowId: 'wf-concurrent' });
		const b = webhookContext(event('ev-3'), { workflowId: 'wf-concurrent' });
		const [ra, rbPending] = [deliver(a.ctx), deliver(b.ctx)];
		expect(ran(await ra)).toHaveLength(1);
		// The second waits for the first one's answer: handed over, so it is a duplicate.
		a.res.answered(true);
		const rb = await rbPending;
		expect(rb.workflowData).toBeUndefined();
		expect(b.res.sent).toEqual([{ status: 200, body: 'ok' }]);
	});

	it('a delivery n8n could not hand over does not block the re-delivery: VK re-sends, the run starts then', async () => {
		const a = webhookContext(event('ev-4'), { workflowId: 'wf-failed' });
		const b = webhookContext(event('ev-4'), { workflowId: 'wf-failed' });
		const [ra, rbPending] = [deliver(a.ctx), deliver(b.ctx)];
		expect(ran(await ra)).toHaveLength(1);
		a.res.answered(false);
		expect(ran(await rbPending)).toHaveLength(1);
		b.res.answered(true);
		const c = webhookContext(event('ev-4'), { workflowId: 'wf-failed' });
		expect((await deliver(c.ctx)).workflowData).toBeUndefined();
	});

	it('event ids of other types neither collide nor break the dedupe', async () => {
		const wf = 'wf-ids';
		const runs = async (id: unknown, object: IDataObject) => {
			const d = webhookContext(event(id, object), { workflowId: wf });
			const r = ran(await deliver(d.ctx));
			d.res.answered();
			return r.length;
		};
		// 42 and '42' are different keys; objects (once «[object Object]» for all) fall back to the record's own id.
		expect(await runs(42, comment(10))).toBe(1);
		expect(await runs('42', comment(11))).toBe(1);
		expect(await runs({ a: 1 }, comment(12))).toBe(1);
		expect(await runs({ b: 2 }, comment(13))).toBe(1);
		expect(await runs({ c: 3 }, comment(13))).toBe(0);
		expect(await runs(42, comment(10))).toBe(0);
		expect(eventKey({ type: 'wall_reply_new', event_id: 42 }, undefined)).toBe('n:42');
		expect(eventKey({ type: 'wall_reply_new', event_id: '42' }, undefined)).toBe('e:42');
		expect(eventKey({ type: 'wall_reply_new', event_id: null }, undefined)).toBeUndefined();
	});

	it('refuses another community, another wall, a missing community id and a wrong secret — no run', async () => {
		const cases: Array<[IDataObject, IDataObject | undefined, [number, string]]> = [
			[event('ev-5', comment(20), { group_id: GROUP + 1 }), undefined, [403, 'wrong group']],
			[event('ev-6', comment(21, { owner_id: -(GROUP + 1) })), undefined, [403, 'wrong community']],
			[event('ev-7', comment(22, { owner_id: undefined })), undefined, [403, 'wrong community']],
			[event('ev-8'), credentials({ groupId: 0 }), [403, 'wrong group']],
			[event('ev-9', comment(23), { secret: 'wrong' }), undefined, [403, 'wrong secret']],
			[
				event('ev-10', comment(24), { secret: undefined }),
				credentials({ callbackSecret: '' }),
				[403, 'wrong secret'],
			],
		];
		for (const [body, creds, answer] of cases) {
			const d = webhookContext(body, { creds });
			const result = await deliver(d.ctx);
			expect(result.workflowData).toBeUndefined();
			expect(d.res.sent).toEqual([{ status: answer[0], body: answer[1] }]);
		}
	});

	it("answers the confirmation request of its own community with VK's code, and no one else's", async () => {
		const stored = webhookContext(
			{ type: 'confirmation', group_id: GROUP },
			{ staticData: { confirmation: 'a1b2c3d4' } },
		);
		expect((await deliver(stored.ctx)).workflowData).toBeUndefined();
		expect(stored.res.sent).toEqual([{ status: 200, body: 'a1b2c3d4' }]);
		// A server added by hand: the string from the credentials.
		const manual = webhookContext(
			{ type: 'confirmation', group_id: GROUP },
			{ creds: credentials({ confirmation: 'f00dbabe' }) },
		);
		await deliver(manual.ctx);
		expect(manual.res.sent).toEqual([{ status: 200, body: 'f00dbabe' }]);
		const other = webhookContext(
			{ type: 'confirmation', group_id: GROUP + 1 },
			{ staticData: { confirmation: 'a1b2c3d4' } },
		);
		await deliver(other.ctx);
		expect(other.res.sent).toEqual([{ status: 403, body: 'wrong group' }]);
	});

	it('an empty secret refuses activation with a clear error instead of activating and refusing every event', async () => {
		const calls: string[] = [];
		const hook = {
			getCredentials: async () => credentials({ callbackSecret: '' }),
			getNode: () => ({
				id: 'cb',
				name: 'VK Callback',
				type: 'n8n-nodes-mcu.vkCallbackTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			}),
			getNodeWebhookUrl: () => 'http://n8n/webhook/x',
			getWorkflowStaticData: () => ({}),
			getNodeParameter: () => [],
			helpers: { httpRequest: async (o: { url: string }) => void calls.push(o.url) },
		} as unknown as IHookFunctions;
		await expect(trigger.webhookMethods.default.checkExists.call(hook)).rejects.toThrow(
			'В учётных данных ВКонтакте не задан секретный ключ Callback API',
		);
		await expect(trigger.webhookMethods.default.create.call(hook)).rejects.toThrow(
			'В учётных данных ВКонтакте не задан секретный ключ Callback API',
		);
		expect(calls).toEqual([]);
	});

	it('compares the secret exactly, whatever its length or type', () => {
		expect(sameSecret(SECRET, SECRET)).toBe(true);
		expect(sameSecret(`${SECRET}x`, SECRET)).toBe(false);
		expect(sameSecret(SECRET.slice(0, -1), SECRET)).toBe(false);
		expect(sameSecret('', SECRET)).toBe(false);
		expect(sameSecret(['callback-secret-for-tests'], SECRET)).toBe(false);
		expect(sameSecret('', '')).toBe(false);
	});
});
