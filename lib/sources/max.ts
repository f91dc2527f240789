import { assertAppeal, makeAppeal, type Appeal, type AppealKind } from '../appeal';
import { SourceRecordError, text, unixSecondsToIso } from './common';

/**
 * MAX Bot API update → appeal: a message to the official bot in a dialog (direct_message), a message in a group chat
 * where the bot is an administrator with «read all messages» (comment; a reply keeps its parent), a channel post
 * (message). Shapes follow MAX's public schema: `Update {update_type, timestamp, message}`,
 * `Message {sender, recipient {chat_id, chat_type, user_id}, timestamp (ms), link, body {mid, seq, text, attachments}, url}`.
 */
export interface MaxUser {
	user_id?: number;
	first_name?: string;
	last_name?: string;
	/** Deprecated by MAX in favour of first_name/last_name, still sent. */
	name?: string;
	username?: string | null;
	is_bot?: boolean;
}

export interface MaxMessageBody {
	mid?: string;
	seq?: number;
	text?: string | null;
	attachments?: unknown[] | null;
}

export interface MaxMessage {
	sender?: MaxUser | null;
	recipient?: { chat_id?: number | null; chat_type?: string; user_id?: number | null };
	timestamp?: number;
	link?: {
		type?: 'reply' | 'forward';
		sender?: MaxUser | null;
		chat_id?: number;
		message?: MaxMessageBody;
	} | null;
	body?: MaxMessageBody;
	url?: string | null;
}

export interface MaxUpdate {
	update_type?: string;
	timestamp?: number;
	message?: MaxMessage;
	[key: string]: unknown;
}

/** Update types that carry a citizen's message (the others — bot_started, user_added… — are not appeals). */
export const MAX_MESSAGE_UPDATES = ['message_created', 'message_edited'] as const;

export function isMaxMessageUpdate(update: MaxUpdate): boolean {
	return (MAX_MESSAGE_UPDATES as readonly string[]).includes(String(update?.update_type));
}

/** The bot's own message (an answer sent through «МЦУ: MAX» comes back as an update too): never an appeal. */
export function isOwnMaxMessage(update: MaxUpdate, botUserId?: number): boolean {
	const sender = update?.message?.sender;
	if (!sender) return false;
	return sender.is_bot === true || (botUserId !== undefined && sender.user_id === botUserId);
}

/** A stable id of an update for error items and deduplication: the message id, else type and time. */
export function maxUpdateKey(update: MaxUpdate): string {
	const mid = update?.message?.body?.mid;
	if (typeof mid === 'string' && mid) return `${update.update_type ?? 'update'}:${mid}`;
	return `${String(update?.update_type ?? 'update')}:${String(update?.timestamp ?? '?')}`;
}

export function maxExternalId(update: MaxUpdate): string {
	const mid = update?.message?.body?.mid;
	return typeof mid === 'string' && mid ? mid : String(update?.timestamp ?? '?');
}

export function normalizeMax(update: MaxUpdate): Appeal {
	if (!update || typeof update !== 'object')
		throw new SourceRecordError('max', '?', 'update', 'обновление не является объектом');
	const externalIdGuess = maxExternalId(update);
	if (!isMaxMessageUpdate(update)) {
		throw new SourceRecordError(
			'max',
			externalIdGuess,
			'update_type',
			`ожидается message_created или message_edited, получено ${JSON.stringify(update.update_type)}`,
		);
	}
	const message = update.message;
	if (!message || typeof message !== 'object')
		throw new SourceRecordError('max', externalIdGuess, 'message', 'в обновлении нет сообщения');
	const mid = message.body?.mid;
	if (typeof mid !== 'string' || !mid.trim())
		throw new SourceRecordError(
			'max',
			externalIdGuess,
			'message.body.mid',
			'нет идентификатора сообщения',
		);
	const externalId = mid;
	const chatId = integer(message.recipient?.chat_id);
	const chatType = message.recipient?.chat_type;
	if (chatType !== 'dialog' && chatType !== 'chat' && chatType !== 'channel') {
		throw new SourceRecordError(
			'max',
			externalId,
			'message.recipient.chat_type',
			`ожидается dialog, chat или channel, получено ${JSON.stringify(chatType)}`,
		);
	}
	if (chatId === undefined)
		throw new SourceRecordError(
			'max',
			externalId,
			'message.recipient.chat_id',
			'нет чата сообщения',
		);
	// MAX stamps messages in Unix milliseconds; seconds or a string here would put the appeal in 1970 or nowhere.
	const ms = integer(message.timestamp);
	const receivedAt =
		ms !== undefined && ms >= 1e11 ? unixSecondsToIso(Math.floor(ms / 1000)) : undefined;
	if (!receivedAt) {
		throw new SourceRecordError(
			'max',
			externalId,
			'message.timestamp',
			`нет времени сообщения (Unix-время в миллисекундах), получено ${JSON.stringify(message.timestamp)}`,
		);
	}
	const body = text(message.body?.text);
	const hasMedia =
		Array.isArray(message.body?.attachments) && message.body!.attachments!.length > 0;
	if (!body && !hasMedia)
		throw new SourceRecordError(
			'max',
			externalId,
			'message.body.text',
			'пустое сообщение без вложений',
		);
	const flags: string[] = [];
	if (update.update_type === 'message_edited') flags.push('edited');
	let kind: AppealKind = 'direct_message';
	let parentId: string | null = null;
	if (chatType === 'chat') {
		kind = 'comment';
		const parentMid = message.link?.type === 'reply' ? message.link.message?.mid : undefined;
		if (typeof parentMid === 'string' && parentMid) parentId = `max:${parentMid}`;
	} else if (chatType === 'channel') {
		kind = 'message';
		flags.push('channel_post');
	}
	if (message.link?.type === 'forward') flags.push('forwarded');
	const sender = message.sender ?? undefined;
	const name = sender
		? [sender.first_name, sender.last_name].map(text).filter(Boolean).join(' ') || text(sender.name)
		: null;
	const username = sender?.username ? String(sender.username) : undefined;
	const url =
		typeof message.url === 'string' && /^https:\/\/\S+$/.test(message.url) ? message.url : null;
	const appeal = makeAppeal(
		{
			source: 'max',
			externalId,
			kind,
			receivedAt,
			text: body ?? '[вложение без текста]',
			raw: update,
		},
		{
			url,
			author: {
				name,
				id: sender?.user_id !== undefined ? String(sender.user_id) : null,
				profileUrl: username ? `https://max.ru/${username}` : null,
				anonymous: !sender,
			},
			parentId,
			flags,
		},
	);
	return assertAppeal(appeal);
}

function integer(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined;
	return typeof value === 'string' &&
		/^-?\d{1,16}$/.test(value) &&
		Number.isSafeInteger(Number(value))
		? Number(value)
		: undefined;
}
