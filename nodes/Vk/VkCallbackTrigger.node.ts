import {
	NodeConnectionTypes,
	type IDataObject,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { isOwnCommunityRecord, normalizeVk, vkEventRecord, vkExternalId } from '../../lib/sources/vk';
import { errorItem } from '../shared/items';
import { VK_EVENTS_PROPERTY } from './events';
import { vkCall, vkCredentials } from './transport';

const RECENT_EVENTS = 1000;

/**
 * VK Callback API: answers the confirmation request, rejects a wrong or missing `secret` (no run), and drops an
 * `event_id` it has already seen — VK re-sends an event until it gets "ok".
 */
export class VkCallbackTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'МЦУ: ВКонтакте Callback API Trigger',
		name: 'vkCallbackTrigger',
		icon: 'file:vk.svg',
		group: ['trigger'],
		version: 1,
		subtitle: 'Callback API',
		description: 'Мгновенно получает комментарии и сообщения сообщества через Callback API ВКонтакте',
		defaults: { name: 'МЦУ: ВКонтакте — Callback API' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'mcuVkApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'vk-callback' }],
		properties: [
			VK_EVENTS_PROPERTY,
		],
	};

	webhookMethods = {
		default: {
			/** Registered on VK when there is a callback server with this workflow's URL. */
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const c = vkCredentials(await this.getCredentials('mcuVkApi'));
				const url = this.getNodeWebhookUrl('default');
				const servers = await vkCall<{ items?: Array<{ id: number; url: string }> }>(this, c, 'groups.getCallbackServers', { group_id: c.groupId });
				const found = (servers.items ?? []).find((s) => s.url === url);
				if (found) (this.getWorkflowStaticData('node') as IDataObject).serverId = found.id;
				return !!found;
			},
			/** Adds the callback server, subscribes to the chosen events and keeps VK's confirmation code. */
			async create(this: IHookFunctions): Promise<boolean> {
				const c = vkCredentials(await this.getCredentials('mcuVkApi'));
				const state = this.getWorkflowStaticData('node') as IDataObject;
				const { code } = await vkCall<{ code: string }>(this, c, 'groups.getCallbackConfirmationCode', { group_id: c.groupId });
				state.confirmation = code;
				const { server_id: serverId } = await vkCall<{ server_id: number }>(this, c, 'groups.addCallbackServer', {
					group_id: c.groupId,
					url: this.getNodeWebhookUrl('default'),
					title: 'n8n МЦУ',
					secret_key: c.callbackSecret,
				});
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
					await vkCall(this, c, 'groups.deleteCallbackServer', { group_id: c.groupId, server_id: state.serverId as number });
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
		if (c.groupId && Number(body.group_id) !== c.groupId) return reply(403, 'wrong group');
		const stored = this.getWorkflowStaticData('node') as { confirmation?: string };
		if (body.type === 'confirmation') return reply(200, stored.confirmation || c.confirmation);
		if (!c.callbackSecret || body.secret !== c.callbackSecret) return reply(403, 'wrong secret');

		const state = this.getWorkflowStaticData('node') as { recentEvents?: string[] };
		const eventId = String(body.event_id ?? '');
		const recent = state.recentEvents ?? [];
		if (eventId && recent.includes(eventId)) return reply(200, 'ok');
		const events = this.getNodeParameter('events', []) as string[];
		const record = events.includes(String(body.type)) ? vkEventRecord(body as { type?: string; object?: unknown }) : undefined;
		if (eventId) state.recentEvents = [...recent, eventId].slice(-RECENT_EVENTS);
		if (!record || isOwnCommunityRecord(record)) return reply(200, 'ok');
		let json: IDataObject;
		try {
			json = normalizeVk(record) as unknown as IDataObject;
		} catch (error) {
			json = errorItem(error as Error, { source: 'vk', externalId: vkExternalId(record) }, 0).json;
		}
		res.status(200).type('text/plain').send('ok');
		return { noWebhookResponse: true, workflowData: [[{ json }]] };
	}
}
