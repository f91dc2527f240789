import {
	NodeConnectionTypes,
	NodeOperationError,
	type IHookFunctions,
	type INodeProperties,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import {
	isMaxMessageUpdate,
	isOwnMaxMessage,
	maxExternalId,
	normalizeMax,
	type MaxUpdate,
} from '../../lib/sources/max';
import { chosenOptionsSubtitle } from '../shared/actions';
import { normalizeItems } from '../shared/normalizeItems';
import { sameSecret } from '../shared/sameSecret';
import { seenBefore, type RecentKeysState } from '../shared/recentKeys';
import { MAX_DESCRIPTION } from './actions/versionDescription';
import { MAX_SECRET_PATTERN, maxCall, maxCredentials } from './transport';

/** How many delivered updates the trigger remembers to drop MAX's repeated deliveries. */
export const RECENT_UPDATES = 1000;

export { sameSecret };

const UPDATE_TYPES_PROPERTY: INodeProperties = {
	displayName: 'События',
	name: 'updateTypes',
	type: 'multiOptions',
	options: [
		{ name: 'Новое сообщение', value: 'message_created' },
		{ name: 'Сообщение изменено', value: 'message_edited' },
	],
	default: ['message_created'],
	required: true,
};

/** What identifies one update across MAX's repeated deliveries of it. */
export function deliveryKey(update: MaxUpdate): string {
	const mid = update?.message?.body?.mid;
	// A message is created once; an edit of it may come many times, each with its own time.
	if (update?.update_type === 'message_created' && typeof mid === 'string') return `c:${mid}`;
	return `${String(update?.update_type)}:${typeof mid === 'string' ? mid : ''}:${String(update?.timestamp)}`;
}

/**
 * MAX webhook: on activation the trigger subscribes its URL with the chosen update types and the credential's secret
 * (`POST /subscriptions`; no secret — no activation), on deactivation unsubscribes (`DELETE /subscriptions?url=`).
 * A delivery without the secret in `X-Max-Bot-Api-Secret` is refused (403, no run); one already seen is acknowledged
 * and dropped (MAX re-sends until it gets 200); the bot's own messages start no run.
 */
export class MaxTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'МЦУ: MAX Trigger',
		name: 'maxTrigger',
		icon: { light: 'file:max.svg', dark: 'file:max.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: chosenOptionsSubtitle(UPDATE_TYPES_PROPERTY),
		description: MAX_DESCRIPTION,
		defaults: { name: 'МЦУ: MAX — вебхук' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'mcuMaxApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'max' }],
		properties: [UPDATE_TYPES_PROPERTY],
	};

	webhookMethods = {
		default: {
			/** Subscribed when MAX lists a subscription with this workflow's URL. */
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const c = maxCredentials(await this.getCredentials('mcuMaxApi'));
				const url = this.getNodeWebhookUrl('default');
				const res = await maxCall<{ subscriptions?: Array<{ url?: string }> }>(this, c, {
					method: 'GET',
					path: '/subscriptions',
				});
				return (res.subscriptions ?? []).some((s) => s.url === url);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const c = maxCredentials(await this.getCredentials('mcuMaxApi'));
				// Without a secret anyone who learns the URL could post appeals into the register.
				if (!MAX_SECRET_PATTERN.test(c.webhookSecret)) {
					throw new NodeOperationError(
						this.getNode(),
						'Задайте «Секрет вебхука» в учётных данных «МЦУ: MAX» (5–256 символов: латинские буквы, цифры, «_», «-»): без него MAX Trigger не включается',
					);
				}
				const res = await maxCall<{ success?: boolean; message?: string }>(this, c, {
					method: 'POST',
					path: '/subscriptions',
					body: {
						url: this.getNodeWebhookUrl('default'),
						update_types: this.getNodeParameter('updateTypes', []) as string[],
						secret: c.webhookSecret,
					},
					// Subscribing the same URL again only replaces the subscription.
					idempotent: true,
				});
				if (res.success === false)
					throw new NodeOperationError(
						this.getNode(),
						`MAX не принял подписку: ${res.message ?? 'без объяснения'}`,
					);
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				const c = maxCredentials(await this.getCredentials('mcuMaxApi'));
				await maxCall(this, c, {
					method: 'DELETE',
					path: '/subscriptions',
					qs: { url: this.getNodeWebhookUrl('default') },
				});
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const c = maxCredentials(await this.getCredentials('mcuMaxApi'));
		const res = this.getResponseObject();
		const reply = (status: number, text: string): IWebhookResponseData => {
			res.status(status).type('text/plain').send(text);
			return { noWebhookResponse: true };
		};
		if (!sameSecret(this.getHeaderData()['x-max-bot-api-secret'], c.webhookSecret))
			return reply(403, 'wrong secret');
		const update = (this.getBodyData() ?? {}) as MaxUpdate;
		const types = this.getNodeParameter('updateTypes', []) as string[];
		if (
			!isMaxMessageUpdate(update) ||
			!types.includes(String(update.update_type)) ||
			isOwnMaxMessage(update)
		)
			return reply(200, 'ok');
		const state = this.getWorkflowStaticData('node') as RecentKeysState;
		if (
			seenBefore(
				`${this.getWorkflow().id}:${this.getNode().name}`,
				state,
				deliveryKey(update),
				RECENT_UPDATES,
			)
		)
			return reply(200, 'ok');
		const items = normalizeItems([update], normalizeMax, (u) => ({
			source: 'max',
			externalId: maxExternalId(u),
		}));
		res.status(200).type('text/plain').send('ok');
		return { noWebhookResponse: true, workflowData: [items] };
	}
}
