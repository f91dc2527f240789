import { ThreadAnswers } from '../../lib/sources/threadAnswers';
import { okDate, type OkCommentInput } from '../../lib/sources/ok';
import type { HttpContext } from '../shared/http';
import { okCall, type OkCredentials } from './transport';

interface OkDiscussion {
	object_id?: string;
	discussion_id?: string;
	object_type?: string;
	discussion_type?: string;
	title?: string;
	last_activity_date?: string;
}

/** Ids of the group's own comments in a discussion with exactly this text (replying to `replyTo`, or to nothing). */
export async function okOwnComments(
	ctx: HttpContext,
	c: OkCredentials,
	discussionId: string,
	replyTo: string | undefined,
	text: string,
): Promise<string[]> {
	const out: string[] = [];
	let anchor: string | undefined;
	for (let page = 0; page < 100; page++) {
		const r = await okCall<{
			comments?: Array<Record<string, unknown>>;
			anchor?: string;
			has_more?: boolean;
		}>(ctx, c, 'discussions.getComments', {
			discussionId,
			discussionType: 'GROUP_TOPIC',
			count: 100,
			anchor,
			direction: 'FORWARD',
		});
		for (const comment of r.comments ?? []) {
			if (comment.author_type !== 'GROUP' && String(comment.author_id) !== c.groupId) continue;
			if (comment.text !== text || String(comment.reply_to_comment_id ?? '') !== (replyTo ?? ''))
				continue;
			out.push(String(comment.id));
		}
		if (!r.has_more || !r.anchor || !(r.comments ?? []).length) break;
		anchor = r.anchor;
	}
	return out;
}

/** Recent discussions (group topics) and their comments, with authors. */
export async function okRecentComments(
	ctx: HttpContext,
	c: OkCredentials,
	topics: number,
): Promise<OkCommentInput[]> {
	const list = await okCall<{ discussions?: OkDiscussion[] }>(ctx, c, 'discussions.getList', {
		gid: c.groupId,
		count: topics,
	});
	const out: OkCommentInput[] = [];
	const answers = new ThreadAnswers();
	for (const d of list.discussions ?? []) {
		const id = String(d.object_id ?? d.discussion_id ?? '');
		if (!id) continue;
		const type = String(d.object_type ?? d.discussion_type ?? 'GROUP_TOPIC');
		let anchor: string | undefined;
		for (let page = 0; page < 100; page++) {
			const r = await okCall<{
				comments?: Array<Record<string, unknown>>;
				anchor?: string;
				has_more?: boolean;
				users?: Array<{ uid?: string; name?: string }>;
			}>(ctx, c, 'discussions.getComments', {
				discussionId: id,
				discussionType: type,
				count: 100,
				anchor,
				direction: 'FORWARD',
			});
			const users = new Map(
				(r.users ?? []).filter((u) => u.uid).map((u) => [String(u.uid), { name: u.name }]),
			);
			for (const comment of r.comments ?? []) {
				// The group's own replies (answers, follow-up questions) are not appeals; a reply to a comment answers it.
				if (comment.author_type === 'GROUP' || String(comment.author_id) === c.groupId) {
					const to = comment.reply_to_comment_id;
					answers.add({
						to: to === undefined || to === null ? undefined : `${id}/${String(to)}`,
						at: okDate(comment.date),
						text: comment.text,
					});
					continue;
				}
				out.push({ comment, discussion: { id, type, title: d.title }, groupId: c.groupId, users });
			}
			if (!r.has_more || !r.anchor || !(r.comments ?? []).length) break;
			anchor = r.anchor;
		}
	}
	for (const input of out)
		input.answer = answers.for(`${input.discussion.id}/${String(input.comment.id)}`);
	return out;
}
