import { assertAppeal, makeAppeal, type Appeal, type AppealKind } from '../appeal';
import { SourceRecordError, text, unixSecondsToIso } from './common';

/**
 * Telegram Bot API update → appeal: a private message to the official bot (direct_message), a reply in the
 * channel's discussion group (comment), a post in a channel where the bot is an administrator (message).
 */
interface TgUser {
	id?: number;
	first_name?: string;
	last_name?: string;
	username?: string;
	is_bot?: boolean;
}

interface TgMessage {
	message_id?: number;
	date?: number;
	text?: string;
	caption?: string;
	from?: TgUser;
	sender_chat?: { id?: number; title?: string; username?: string };
	chat?: { id?: number; type?: string; title?: string; username?: string };
	reply_to_message?: TgMessage;
	photo?: unknown[];
	document?: unknown;
}

export function telegramMessageOf(update: Record<string, unknown>):
	| {
			message: TgMessage;
			kind: 'message' | 'edited_message' | 'channel_post' | 'edited_channel_post';
	  }
	| undefined {
	for (const kind of [
		'message',
		'edited_message',
		'channel_post',
		'edited_channel_post',
	] as const) {
		if (update[kind] && typeof update[kind] === 'object')
			return { message: update[kind] as TgMessage, kind };
	}
	return undefined;
}

export function normalizeTelegram(update: Record<string, unknown>): Appeal {
	const found = telegramMessageOf(update);
	const updateId = String(update.update_id ?? '?');
	if (!found)
		throw new SourceRecordError(
			'telegram',
			updateId,
			'message',
			'в обновлении нет сообщения (message, channel_post)',
		);
	const { message, kind } = found;
	// Integers only (as numbers or digit strings): an object or null here made ids like «42_[object Object]».
	const chatId = integer(message.chat?.id);
	if (chatId === undefined)
		throw new SourceRecordError('telegram', updateId, `${kind}.chat.id`, 'нет чата сообщения');
	const messageId = integer(message.message_id);
	if (messageId === undefined)
		throw new SourceRecordError('telegram', updateId, `${kind}.message_id`, 'нет номера сообщения');
	const externalId = `${chatId}_${messageId}`;
	// A date that is not Unix seconds of a real moment is an error naming the field (a string or 1e20 made
	// unixToIso throw a RangeError, a negative number gave 1969).
	const receivedAt = unixSecondsToIso(integer(message.date));
	if (!receivedAt)
		throw new SourceRecordError(
			'telegram',
			externalId,
			`${kind}.date`,
			`нет даты сообщения (Unix-время), получено ${JSON.stringify(message.date)}`,
		);
	const body = text(message.text) ?? text(message.caption);
	const hasMedia = !!(message.photo || message.document);
	if (!body && !hasMedia)
		throw new SourceRecordError(
			'telegram',
			externalId,
			`${kind}.text`,
			'пустое сообщение без вложений',
		);
	const flags: string[] = [];
	if (kind.startsWith('edited')) flags.push('edited');
	let appealKind: AppealKind = 'message';
	let parentId: string | null = null;
	if (kind === 'message' || kind === 'edited_message') {
		if (message.chat?.type === 'private') appealKind = 'direct_message';
		else {
			appealKind = 'comment';
			if (message.reply_to_message?.message_id !== undefined)
				parentId = `telegram:${chatId}_${message.reply_to_message.message_id}`;
		}
	} else flags.push('channel_post');
	const user = message.from;
	const name = user
		? [user.first_name, user.last_name].filter(Boolean).join(' ') || null
		: (message.sender_chat?.title ?? null);
	const username = user?.username ?? message.sender_chat?.username;
	const chatUsername = message.chat?.username;
	const appeal = makeAppeal(
		{
			source: 'telegram',
			externalId,
			kind: appealKind,
			receivedAt,
			text: body ?? '[вложение без текста]',
			raw: update,
		},
		{
			url: chatUsername ? `https://t.me/${chatUsername}/${messageId}` : null,
			author: {
				name,
				id: user?.id !== undefined ? String(user.id) : null,
				profileUrl: username ? `https://t.me/${username}` : null,
				anonymous: !user,
			},
			parentId,
			flags,
		},
	);
	return assertAppeal(appeal);
}

function integer(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined;
	return typeof value === 'string' && /^-?\d{1,15}$/.test(value) ? Number(value) : undefined;
}
