import type { ThreadAnswer } from './common';

/** One reply the community (the administration's account) wrote under a citizen's comment. */
export interface CommunityReply {
	/** The key of the comment it answers (the source decides: a comment id, or discussion and comment). */
	to: string | undefined;
	/** ISO 8601 with offset; undefined when the source's date cannot be read. */
	at: string | undefined;
	text: unknown;
}

/**
 * The rule for comment threads (VK walls, OK discussions): the community's reply to a citizen's comment is the answer
 * to it — the earliest reply when there are several, whatever order the pages come in. A reply without a readable
 * moment or a text is no answer (and does not stop the comment from being read).
 */
export class ThreadAnswers {
	private readonly byComment = new Map<string, ThreadAnswer & { ms: number }>();

	add(reply: CommunityReply): void {
		const ms = reply.at === undefined ? NaN : Date.parse(reply.at);
		if (
			reply.to === undefined ||
			reply.at === undefined ||
			!Number.isFinite(ms) ||
			typeof reply.text !== 'string'
		)
			return;
		const known = this.byComment.get(reply.to);
		if (!known || ms < known.ms)
			this.byComment.set(reply.to, { at: reply.at, text: reply.text, ms });
	}

	/** The answer to a comment, if the community replied to it. */
	for(commentKey: string): ThreadAnswer | undefined {
		const found = this.byComment.get(commentKey);
		return found && { at: found.at, text: found.text };
	}
}
