import {
	NodeConnectionTypes,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';
import {
	isOwnCommunityRecord,
	normalizeVk,
	vkEventRecord,
	vkExternalId,
	type VkRecordInput,
} from '../../lib/sources/vk';
import { normalizeItems } from '../shared/normalizeItems';
import { pollingProperties } from '../shared/polling';
import { vkLongPollCheck, vkLongPollServer, type LongPollState } from './longPoll';
import { vkPostComments, vkSearchMentions, vkWallPosts, vkWallPostsSince } from './reads';
import { VK_DESCRIPTION } from './actions/versionDescription';
import { chosenOptionsSubtitle } from '../shared/actions';
import { VK_EVENTS_PROPERTY } from './events';
import { vkCredentials, type VkCredentials } from './transport';

interface VkTriggerState {
	lp?: LongPollState;
	/** Ids emitted lately (bounded): nothing is emitted twice when a catch-up scan overlaps the events. */
	recent?: string[];
	mentionsSince?: number;
	/** When the last poll began (Unix seconds): a lost event history is caught up from here. */
	polledAt?: number;
}

const RECENT_LIMIT = 2000;
/** Catch-up starts this much before the last poll: clocks and VK's own dates may differ by a little. */
const CATCH_UP_OVERLAP_SEC = 600;

export class VkTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'МЦУ: ВКонтакте Trigger',
		name: 'vkTrigger',
		icon: { light: 'file:vk.svg', dark: 'file:vk.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: chosenOptionsSubtitle(VK_EVENTS_PROPERTY),
		description: VK_DESCRIPTION,
		defaults: { name: 'МЦУ: ВКонтакте — новые' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'mcuVkApi', required: true }],
		properties: [
			VK_EVENTS_PROPERTY,
			{
				displayName: 'Упоминания: ключевые слова',
				name: 'mentionKeywords',
				type: 'string',
				default: '',
				placeholder: 'Дедовичи, Дедовичский район',
				description:
					'Через запятую; пусто — не искать. Поиск (newsfeed.search) требует ключ пользователя или сервисный ключ.',
			},
			{
				displayName: 'Догонять пропущенное не дальше, дней',
				name: 'catchUpMaxDays',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 365 },
				default: 30,
				description:
					'Если ВКонтакте потерял историю событий (n8n долго не опрашивал), узел читает стену с момента прошлого опроса, но не дальше этого срока',
			},
			...pollingProperties,
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const c = vkCredentials(await this.getCredentials('mcuVkApi'));
		const events = this.getNodeParameter('events', []) as string[];
		const keywords = (this.getNodeParameter('mentionKeywords', '') as string)
			.split(',')
			.map((k) => k.trim())
			.filter(Boolean);
		const state = this.getWorkflowStaticData('node') as VkTriggerState;
		const manual = this.getMode() === 'manual';
		const records: VkRecordInput[] = [];
		const nowSec = Math.floor(Date.now() / 1000);

		if (manual) {
			const posts = await vkWallPosts(this, c, 5);
			const sample = posts.length
				? (await vkPostComments(this, c, Number(posts[0].item.id))).slice(-1)
				: [];
			return toItems(sample.length ? sample : posts.slice(0, 1));
		}
		const next: VkTriggerState = { ...state, recent: [...(state.recent ?? [])] };
		if (!state.lp) {
			next.lp = await vkLongPollServer(this, c);
			next.mentionsSince = nowSec;
			if (this.getNodeParameter('firstRun', 'now') === 'lookback') {
				const since = nowSec - (this.getNodeParameter('lookbackDays', 7) as number) * 86400;
				records.push(...(await scanWall(this, c, events, since)));
				next.mentionsSince = since;
			}
		} else {
			const check = await vkLongPollCheck(this, c, state.lp);
			next.lp = check.state;
			for (const event of check.events) {
				if (!events.includes(event.type)) continue;
				const record = vkEventRecord(event);
				if (record) records.push(record);
			}
			// VK dropped the event history: read the wall since the last poll (bounded), so nothing is lost.
			if (check.lost) {
				const maxDays = this.getNodeParameter('catchUpMaxDays', 30) as number;
				records.push(
					...(await scanWall(this, c, events, catchUpSince(state.polledAt, nowSec, maxDays))),
				);
			}
		}
		if (keywords.length && next.mentionsSince !== undefined) {
			const found = await vkSearchMentions(this, c, keywords, next.mentionsSince);
			records.push(...found);
			next.mentionsSince = Math.max(
				next.mentionsSince,
				...found.map((f) => Number(f.item.date) || 0),
			);
		}
		const seen = new Set(next.recent);
		const fresh = records
			.filter((r) => !isOwnCommunityRecord(r))
			.filter((r) => {
				const id = vkExternalId(r);
				if (seen.has(id)) return false;
				seen.add(id);
				next.recent!.push(id);
				return true;
			});
		next.recent = next.recent!.slice(-RECENT_LIMIT);
		next.polledAt = nowSec;
		// The cursor (ts, recent ids) is stored together with handing the items over.
		Object.assign(state, next);
		return fresh.length ? toItems(fresh) : null;
	}
}

/** Where a catch-up starts: the last poll (less an overlap), never further back than `maxDays`. */
export function catchUpSince(
	polledAt: number | undefined,
	nowSec: number,
	maxDays: number,
): number {
	const floor = nowSec - Math.max(1, maxDays) * 86400;
	return polledAt === undefined || !Number.isFinite(polledAt)
		? floor
		: Math.max(floor, polledAt - CATCH_UP_OVERLAP_SEC);
}

/** Posts published since `sinceSec` (all pages) — at least the newest 50, whose new comments count too. */
async function scanWall(
	ctx: IPollFunctions,
	c: VkCredentials,
	events: string[],
	sinceSec: number,
): Promise<VkRecordInput[]> {
	const posts = await vkWallPostsSince(ctx, c, sinceSec, 50);
	const out: VkRecordInput[] = [];
	for (const post of posts) {
		if (events.includes('wall_post_new') && Number(post.item.date) >= sinceSec) out.push(post);
		if (!events.includes('wall_reply_new')) continue;
		if (Number((post.item.comments as { count?: number })?.count ?? 1) === 0) continue;
		out.push(
			...(await vkPostComments(ctx, c, Number(post.item.id))).filter(
				(r) => Number(r.item.date) >= sinceSec,
			),
		);
	}
	return out;
}

function toItems(records: VkRecordInput[]): INodeExecutionData[][] {
	return [
		normalizeItems(records, normalizeVk, (record) => ({
			source: 'vk',
			externalId: vkExternalId(record),
		})),
	];
}
