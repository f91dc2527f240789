import { unixSecondsToIso, type ThreadAnswer } from '../../lib/sources/common';
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

/** Wall posts newest first, page by page, until they are older than `sinceSec` — and at least `atLeast` of them. */
export async function vkWallPostsSince(ctx: Ctx, c: VkCredentials, sinceSec: number, atLeast: number): Promise<VkRecordInput[]> {
	const out: VkRecordInput[] = [];
	for (let offset = 0; offset < 100000; offset += 100) {
		const list = await vkCall<VkList>(ctx, c, 'wall.get', { owner_id: -c.groupId, count: 100, offset, extended: 1 });
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
export async function vkPostComments(ctx: Ctx, c: VkCredentials, postId: number): Promise<VkRecordInput[]> {
	const out: VkRecordInput[] = [];
	const answers = new ThreadAnswers();
	for (let offset = 0; offset < 10000; offset += 100) {
		const list = await vkCall<VkList>(ctx, c, 'wall.getComments', {
			owner_id: -c.groupId, post_id: postId, count: 100, offset, sort: 'asc', extended: 1, thread_items_count: 10,
		});
		const profiles = profilesMap(list.profiles, list.groups);
		const items = list.items ?? [];
		// Replies come flat or nested in `thread` (thread_items_count), depending on the request: read both.
		for (const item of items) {
			for (const comment of [item, ...((item.thread as { items?: Array<Record<string, unknown>> })?.items ?? [])]) {
				if (Number(comment.from_id) < 0) answers.add(comment);
				else out.push({ kind: 'comment', item: comment, postId, ownerId: -c.groupId, profiles });
			}
		}
		if (items.length < 100) break;
	}
	// The community's own replies are not appeals: a reply to a citizen's comment is the answer to it.
	for (const input of out) input.answer = answers.for(input.item.id);
	return out;
}

/**
 * Ids of the community's own comments under a post with exactly this text (replies to `replyTo` when given, read
 * from that comment's thread) — the evidence writeOnce looks for when a reply's answer was lost.
 */
export async function vkOwnReplies(ctx: Ctx, c: VkCredentials, postId: string, replyTo: string | undefined, text: string): Promise<string[]> {
	const list = await vkCall<VkList>(ctx, c, 'wall.getComments', {
		owner_id: -c.groupId, post_id: postId, comment_id: replyTo, count: 100, sort: 'desc', thread_items_count: replyTo ? undefined : 10,
	});
	const out: string[] = [];
	for (const item of list.items ?? []) {
		for (const comment of [item, ...((item.thread as { items?: Array<Record<string, unknown>> })?.items ?? [])]) {
			if (Number(comment.from_id) !== -c.groupId || comment.text !== text) continue;
			if (replyTo !== undefined && String(comment.reply_to_comment ?? '') !== replyTo) continue;
			out.push(String(comment.id));
		}
	}
	return out;
}

/** The community's replies by the comment they answer; the earliest reply is the answer. */
class ThreadAnswers {
	private byComment = new Map<string, { date: number; text: string }>();

	add(reply: Record<string, unknown>): void {
		const to = reply.reply_to_comment;
		const date = Number(reply.date);
		if (to === undefined || !Number.isFinite(date) || date <= 0 || typeof reply.text !== 'string') return;
		const known = this.byComment.get(String(to));
		if (!known || date < known.date) this.byComment.set(String(to), { date, text: reply.text });
	}

	for(commentId: unknown): ThreadAnswer | undefined {
		const found = this.byComment.get(String(commentId));
		// A reply whose date cannot be a moment is not an answer (and must not break the read of the comment).
		const at = found ? unixSecondsToIso(found.date) : undefined;
		return found && at ? { at, text: found.text } : undefined;
	}
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
