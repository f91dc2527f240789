import { profilesMap, type VkRecordInput } from '../../lib/sources/vk';
import { vkCall, type VkCredentials } from './transport';

/** Reads shared by the VK node and its trigger. */
type Ctx = Parameters<typeof vkCall>[0];

interface VkList {
	count?: number;
	items?: Array<Record<string, unknown>>;
	profiles?: unknown;
	groups?: unknown;
	next_from?: string;
}

/** Wall posts, with author profiles. */
export async function vkWallPosts(ctx: Ctx, c: VkCredentials, count: number): Promise<VkRecordInput[]> {
	const list = await vkCall<VkList>(ctx, c, 'wall.get', { owner_id: -c.groupId, count, extended: 1 });
	const profiles = profilesMap(list.profiles, list.groups);
	return (list.items ?? []).map((item) => ({ kind: 'post' as const, item, profiles }));
}

/** Comments of one post (all pages, oldest first), with author profiles. */
export async function vkPostComments(ctx: Ctx, c: VkCredentials, postId: number): Promise<VkRecordInput[]> {
	const out: VkRecordInput[] = [];
	for (let offset = 0; offset < 10000; offset += 100) {
		const list = await vkCall<VkList>(ctx, c, 'wall.getComments', {
			owner_id: -c.groupId, post_id: postId, count: 100, offset, sort: 'asc', extended: 1, thread_items_count: 10,
		});
		const profiles = profilesMap(list.profiles, list.groups);
		const items = list.items ?? [];
		for (const item of items) {
			// The community's own replies are answers, not appeals.
			if (Number(item.from_id) < 0) continue;
			out.push({ kind: 'comment', item, postId, ownerId: -c.groupId, profiles });
			for (const reply of ((item.thread as { items?: Array<Record<string, unknown>> })?.items ?? [])) {
				if (Number(reply.from_id) >= 0) out.push({ kind: 'comment', item: reply, postId, ownerId: -c.groupId, profiles });
			}
		}
		if (items.length < 100) break;
	}
	return out;
}

/** Posts mentioning any keyword since a moment (each keyword searched separately, merged by id). */
export async function vkSearchMentions(ctx: Ctx, c: VkCredentials, keywords: string[], startTime?: number): Promise<VkRecordInput[]> {
	const byId = new Map<string, VkRecordInput>();
	for (const q of keywords) {
		let startFrom: string | undefined;
		for (let page = 0; page < 50; page++) {
			const list = await vkCall<VkList>(ctx, c, 'newsfeed.search', { q, count: 200, start_time: startTime, start_from: startFrom, extended: 1 });
			const profiles = profilesMap(list.profiles, list.groups);
			for (const item of list.items ?? []) byId.set(`${item.owner_id}_${item.id}`, { kind: 'mention', item, profiles });
			if (!list.next_from || !(list.items ?? []).length) break;
			startFrom = list.next_from;
		}
	}
	return [...byId.values()];
}
