import { unixSecondsToIso } from '../../lib/sources/common';
import { ThreadAnswers } from '../../lib/sources/threadAnswers';
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
export async function vkWallPosts(
	ctx: Ctx,
	c: VkCredentials,
	count: number,
): Promise<VkRecordInput[]> {
	const list = await vkCall<VkList>(ctx, c, 'wall.get', {
		owner_id: -c.groupId,
		count,
		extended: 1,
	});
	const profiles = profilesMap(list.profiles, list.groups);
	return (list.items ?? []).map((item) => ({ kind: 'post' as const, item, profiles }));
}

/** Wall posts newest first, page by page, until they are older than `sinceSec` — and at least `atLeast` of them. */
export async function vkWallPostsSince(
	ctx: Ctx,
	c: VkCredentials,
	sinceSec: number,
	atLeast: number,
): Promise<VkRecordInput[]> {
	const out: VkRecordInput[] = [];
	for (let offset = 0; offset < 100000; offset += 100) {
		const list = await vkCall<VkList>(ctx, c, 'wall.get', {
			owner_id: -c.groupId,
			count: 100,
			offset,
			extended: 1,
		});
		const profiles = profilesMap(list.profiles, list.groups);
		const items = list.items ?? [];
		for (const item of items) out.push({ kind: 'post', item, profiles });
		// A pinned post can be old and come first: the page's newest-but-pinned order does not stop the scan.
		const oldest = Math.min(...items.filter((i) => !i.is_pinned).map((i) => Number(i.date) || 0));
		if (items.length < 100 || (out.length >= atLeast && oldest < sinceSec)) break;
	}
	return out;
}

/** Comments of one post (all pages, oldest first), with author profiles. */
export async function vkPostComments(
	ctx: Ctx,
	c: VkCredentials,
	postId: number,
): Promise<VkRecordInput[]> {
	const out: VkRecordInput[] = [];
	const answers = new ThreadAnswers();
	for (let offset = 0; offset < 10000; offset += 100) {
		const list = await vkCall<VkList>(ctx, c, 'wall.getComments', {
			owner_id: -c.groupId,
			post_id: postId,
			count: 100,
			offset,
			sort: 'asc',
			extended: 1,
			thread_items_count: 10,
		});
		const profiles = profilesMap(list.profiles, list.groups);
		const items = list.items ?? [];
		// Replies come flat or nested in `thread` (thread_items_count), depending on the request: read both.
		for (const item of items) {
			for (const comment of [
				item,
				...((item.thread as { items?: Array<Record<string, unknown>> })?.items ?? []),
			]) {
				if (Number(comment.from_id) < 0) answers.add(vkReply(comment));
				else out.push({ kind: 'comment', item: comment, postId, ownerId: -c.groupId, profiles });
			}
		}
		if (items.length < 100) break;
	}
	// The community's own replies are not appeals: a reply to a citizen's comment is the answer to it.
	for (const input of out) input.answer = answers.for(String(input.item.id));
	return out;
}

/**
 * Ids of the community's own comments under a post with exactly this text (replies to `replyTo` when given, read
 * from that comment's thread) — the evidence writeOnce looks for when a reply's answer was lost.
 */
export async function vkOwnReplies(
	ctx: Ctx,
	c: VkCredentials,
	postId: string,
	replyTo: string | undefined,
	text: string,
): Promise<string[]> {
	const list = await vkCall<VkList>(ctx, c, 'wall.getComments', {
		owner_id: -c.groupId,
		post_id: postId,
		comment_id: replyTo,
		count: 100,
		sort: 'desc',
		thread_items_count: replyTo ? undefined : 10,
	});
	const out: string[] = [];
	for (const item of list.items ?? []) {
		for (const comment of [
			item,
			...((item.thread as { items?: Array<Record<string, unknown>> })?.items ?? []),
		]) {
			if (Number(comment.from_id) !== -c.groupId || comment.text !== text) continue;
			if (replyTo !== undefined && String(comment.reply_to_comment ?? '') !== replyTo) continue;
			out.push(String(comment.id));
		}
	}
	return out;
}

/** A community comment as a reply in the thread rule (lib/sources/threadAnswers.ts). */
function vkReply(comment: Record<string, unknown>) {
	const to = comment.reply_to_comment;
	return {
		to: to === undefined || to === null ? undefined : String(to),
		at: unixSecondsToIso(Number(comment.date)),
		text: comment.text,
	};
}

/** Posts mentioning any keyword since a moment (each keyword searched separately, merged by id). */
export async function vkSearchMentions(
	ctx: Ctx,
	c: VkCredentials,
	keywords: string[],
	startTime?: number,
): Promise<VkRecordInput[]> {
	const byId = new Map<string, VkRecordInput>();
	for (const q of keywords) {
		let startFrom: string | undefined;
		for (let page = 0; page < 50; page++) {
			const list = await vkCall<VkList>(ctx, c, 'newsfeed.search', {
				q,
				count: 200,
				start_time: startTime,
				start_from: startFrom,
				extended: 1,
			});
			const profiles = profilesMap(list.profiles, list.groups);
			for (const item of list.items ?? [])
				byId.set(`${item.owner_id}_${item.id}`, { kind: 'mention', item, profiles });
			if (!list.next_from || !(list.items ?? []).length) break;
			startFrom = list.next_from;
		}
	}
	return [...byId.values()];
}
