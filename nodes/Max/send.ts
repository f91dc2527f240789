import type { IExecuteFunctions } from 'n8n-workflow';
import { writeOnce } from '../shared/writeOnce';
import { maxCall, type MaxCredentials } from './transport';
import type { MaxMessage } from '../../lib/sources/max';

/** What a send remembers between runs (workflow static data): the message id of every part sent, and when. */
export interface SentMemory {
	mids: string[];
	/** ISO 8601 of the first part sent: the answer's time, the same on every retry. */
	at: string;
	/** The dialog's chat once MAX named it (a send to a user): later parts and retries can be read back there. */
	chatId?: string;
}

export interface MaxSend {
	userId?: string;
	chatId?: string;
	replyTo?: string;
	format?: string;
	parts: string[];
	memory: SentMemory;
	now: () => string;
}

/**
 * Sends the parts in order, each at most once in effect. A part remembered from an earlier run is not sent again
 * (the run was retried after a later part failed). A POST whose answer was lost (timeout, reset, 500) is not
 * repeated blindly: when the chat is known, the bot's latest messages there are read back and a new one with this
 * part's text means it arrived (shared/writeOnce); when it is not (the first part to a user), the error says the
 * message may have been sent — MAX keeps no idempotency key.
 */
export async function sendMaxText(
	ctx: IExecuteFunctions,
	c: MaxCredentials,
	send: MaxSend,
): Promise<{ chatId?: string; skipped: number }> {
	let chatId = send.chatId ?? send.memory.chatId;
	let skipped = 0;
	for (let n = 0; n < send.parts.length; n++) {
		if (send.memory.mids[n]) {
			skipped++;
			continue;
		}
		const text = send.parts[n];
		const post = () =>
			maxCall<{ message?: MaxMessage }>(ctx, c, {
				method: 'POST',
				path: '/messages',
				qs: chatId ? { chat_id: chatId } : { user_id: send.userId },
				body: {
					text,
					...(send.format ? { format: send.format } : {}),
					// Only the first part answers the message; the rest follow it.
					...(send.replyTo && n === 0 ? { link: { type: 'reply', mid: send.replyTo } } : {}),
				},
			});
		let mid: string | undefined;
		if (chatId) {
			const known = chatId;
			const outcome = await writeOnce({
				node: ctx.getNode(),
				service: 'MAX',
				find: async () => {
					const res = await maxCall<{ messages?: MaxMessage[] }>(ctx, c, {
						method: 'GET',
						path: '/messages',
						qs: { chat_id: known, count: 50 },
					});
					return (res.messages ?? [])
						.filter((m) => m.sender?.is_bot && m.body?.text === text && m.body?.mid)
						.map((m) => String(m.body!.mid));
				},
				send: post,
			});
			mid = outcome.applied === 'sent' ? outcome.value.message?.body?.mid : outcome.id;
		} else {
			const res = await post();
			mid = res.message?.body?.mid;
			const dialog = res.message?.recipient?.chat_id;
			if (dialog !== undefined && dialog !== null) chatId = send.memory.chatId = String(dialog);
		}
		if (!send.memory.at) send.memory.at = send.now();
		send.memory.mids[n] = mid ?? `part-${n + 1}`;
	}
	return { chatId, skipped };
}
