import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import {
	isOwnCommunityRecord,
	normalizeVk,
	vkEventRecord,
	vkExternalId,
} from '../../lib/sources/vk';
import { normalizeItems } from '../shared/normalizeItems';
import { sameSecret } from '../shared/sameSecret';
import { VK_EVENTS_PROPERTY } from './events';
import { vkCall, vkCredentials, type VkCredentials } from './transport';

const RECENT_EVENTS = 1000;

export { sameSecret };

/** Without a secret and a community id anyone could post events: refuse to activate rather than refuse every event. */
function assertConfigured(ctx: IHookFunctions, c: VkCredentials): void {
	if (!c.callbackSecret) {
		throw new NodeOperationError(
			ctx.getNode(),
			'В учётных данных ВКонтакте не задан секретный ключ Callback API',
			{
				description:
					'Без секретного ключа нельзя проверить, что событие прислал ВКонтакте. Задайте его в учётных данных — триггер сам передаст его ВКонтакте.',
			},
		);
	}
	if (!c.groupId)
		throw new NodeOperationError(
			ctx.getNode(),
			'В учётных данных ВКонтакте не указан ID сообщества',
		);
}

/**
 * The key an event is deduplicated by: VK's `event_id` (a string; a number is kept apart from the same digits as
 * text), else the record it carries (type and VK id); undefined when neither exists.
 */
export function eventKey(
	body: IDataObject,
	record: ReturnType<typeof vkEventRecord>,
): string | undefined {
	const id = body.event_id;
	if (typeof id === 'string' && id) return `e:${id}`;
	if (typeof id === 'number' && Number.isFinite(id)) return `n:${id}`;
	if (record && record.item.id !== undefined && record.item.id !== null)
		return `r:${String(body.type)}:${vkExternalId(record)}`;
	return undefined;
}

/**
 * Deliveries in this process whose run is being handed over: a concurrent re-delivery of the same event waits for
 * the first one's answer — «ok» sent (a duplicate, dropped) or failed (it goes on as a new delivery).
 */
const inFlight = new Map<string, Promise<boolean>>();
/** Events handed to a run by this process lately (static data is saved per delivery and may race). */
const handedOver = new Set<string>();
const HANDED_OVER_LIMIT = 10000;

/**
 * VK Callback API: answers the confirmation request, rejects a wrong or missing `secret`, a wrong community or an
 * event about another community's wall (no run), and drops an event it has already handed to a run — VK re-sends an
 * event until it gets «ok». «ok» is sent by n8n once the run is handed over (`responseMode: onReceived` answers after
 * the execution is created), so an event n8n could not take is re-sent by VK, not lost.
 */
export class VkCallbackTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'МЦУ: ВКонтакте Callback API Trigger',
		name: 'vkCallbackTrigger',
		icon: { light: 'file:vk.svg', dark: 'file:vk.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'Callback API',
		description:
			'Мгновенно получает комментарии и сообщения сообщества через Callback API ВКонтакте',
		defaults: { name: 'МЦУ: ВКонтакте — Callback API' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'mcuVkApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				responseData: 'ok',
				path: 'vk-callback',
			},
		],
		properties: [VK_EVENTS_PROPERTY],
	};

	webhookMethods = {
		default: {
			/** Registered on VK when there is a callback server with this workflow's URL. */
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const c = vkCredentials(await this.getCredentials('mcuVkApi'));
				assertConfigured(this, c);
				const url = this.getNodeWebhookUrl('default');
				const servers = await vkCall<{ items?: Array<{ id: number; url: string }> }>(
					this,
					c,
					'groups.getCallbackServers',
					{ group_id: c.groupId },
				);
				const found = (servers.items ?? []).find((s) => s.url === url);
				if (found) (this.getWorkflowStaticData('node') as IDataObject).serverId = found.id;
				return !!found;
			},
			/** Adds the callback server, subscribes to the chosen events and keeps VK's confirmation code. */
			async create(this: IHookFunctions): Promise<boolean> {
				const c = vkCredentials(await this.getCredentials('mcuVkApi'));
				assertConfigured(this, c);
				const state = this.getWorkflowStaticData('node') as IDataObject;
				const { code } = await vkCall<{ code: string }>(
					this,
					c,
					'groups.getCallbackConfirmationCode',
					{ group_id: c.groupId },
				);
				state.confirmation = code;
				const { server_id: serverId } = await vkCall<{ server_id: number }>(
					this,
					c,
					'groups.addCallbackServer',
					{
						group_id: c.groupId,
						url: this.getNodeWebhookUrl('default'),
						title: 'n8n МЦУ',
						secret_key: c.callbackSecret,
					},
				);
				state.serverId = serverId;
				const events = this.getNodeParameter('events', []) as string[];
				await vkCall(this, c, 'groups.setCallbackSettings', {
					group_id: c.groupId,
					server_id: serverId,
					api_version: c.apiVersion,
					wall_reply_new: events.includes('wall_reply_new') ? 1 : 0,
					message_new: events.includes('message_new') ? 1 : 0,
					wall_post_new: events.includes('wall_post_new') ? 1 : 0,
				});
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				const c = vkCredentials(await this.getCredentials('mcuVkApi'));
				const state = this.getWorkflowStaticData('node') as IDataObject;
				if (state.serverId) {
					await vkCall(this, c, 'groups.deleteCallbackServer', {
						group_id: c.groupId,
						server_id: state.serverId as number,
					});
				}
				delete state.serverId;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const c = vkCredentials(await this.getCredentials('mcuVkApi'));
		const res = this.getResponseObject();
		const body = (this.getBodyData() ?? {}) as IDataObject;
		const reply = (status: number, text: string): IWebhookResponseData => {
			res.status(status).type('text/plain').send(text);
			return { noWebhookResponse: true };
		};
		if (!c.groupId || Number(body.group_id) !== c.groupId) return reply(403, 'wrong group');
		const stored = this.getWorkflowStaticData('node') as { confirmation?: string };
		if (body.type === 'confirmation') return reply(200, stored.confirmation || c.confirmation);
		if (!sameSecret(body.secret, c.callbackSecret)) return reply(403, 'wrong secret');

		const events = this.getNodeParameter('events', []) as string[];
		const record = events.includes(String(body.type))
			? vkEventRecord(body as { type?: string; object?: unknown })
			: undefined;
		if (!record || isOwnCommunityRecord(record)) return reply(200, 'ok');
		// A wall event names the wall it happened on: only this community's (a forged one could overwrite a row).
		if (record.kind !== 'message' && Number(record.item.owner_id) !== -c.groupId)
			return reply(403, 'wrong community');

		const state = this.getWorkflowStaticData('node') as { recentEvents?: unknown[] };
		const recent = (Array.isArray(state.recentEvents) ? state.recentEvents : []).filter(
			(k): k is string => typeof k === 'string',
		);
		const key = eventKey(body, record);
		const scoped = key && `${String(this.getWorkflow().id)}|${this.getNode().id}|${key}`;
		if (key && scoped) {
			// Checked and claimed with no await in between: two deliveries at once cannot both pass.
			for (let pending = inFlight.get(scoped); pending; pending = inFlight.get(scoped)) {
				if (await pending) return reply(200, 'ok');
			}
			if (recent.includes(key) || handedOver.has(scoped)) return reply(200, 'ok');
			inFlight.set(scoped, handOver(res, scoped));
			// Saved by n8n with the answer, i.e. only when the run was handed over.
			state.recentEvents = [...recent, key].slice(-RECENT_EVENTS);
		}
		return {
			workflowData: [
				normalizeItems([record], normalizeVk, (r) => ({
					source: 'vk',
					externalId: vkExternalId(r),
				})),
			],
		};
	}
}

/** Resolves when n8n has answered this delivery: true for «ok» (the run was handed over), false otherwise. */
function handOver(
	res: { once(event: string, listener: () => void): unknown; statusCode: number },
	scoped: string,
): Promise<boolean> {
	return new Promise<boolean>((resolve) => {
		let settled = false;
		const settle = (ok: boolean) => {
			// «close» follows «finish»; a later delivery may hold the key by then.
			if (settled) return;
			settled = true;
			inFlight.delete(scoped);
			if (ok) {
				handedOver.add(scoped);
				if (handedOver.size > HANDED_OVER_LIMIT)
					handedOver.delete(handedOver.values().next().value as string);
			}
			resolve(ok);
		};
		res.once('finish', () => settle(res.statusCode >= 200 && res.statusCode < 300));
		res.once('close', () => settle(false));
	});
}
