import { createHash } from 'node:crypto';
import { assertAppeal, makeAppeal, type Appeal } from '../appeal';
import {
	answeredFields,
	SourceRecordError,
	text,
	toIsoDateTime,
	type ThreadAnswer,
} from './common';

/**
 * Одноклассники: the request signature, and discussion comments → appeals.
 * sig = md5(sorted "k=v" pairs without access_token and sig + md5(access_token + application_secret_key)).
 */
export function okSignature(
	params: Record<string, string>,
	accessToken: string,
	secretKey: string,
): string {
	const sessionSecret = createHash('md5')
		.update(accessToken + secretKey)
		.digest('hex');
	const base = Object.keys(params)
		.filter((k) => k !== 'access_token' && k !== 'sig')
		.sort()
		.map((k) => `${k}=${params[k]}`)
		.join('');
	return createHash('md5')
		.update(base + sessionSecret)
		.digest('hex');
}

export interface OkCommentInput {
	comment: Record<string, unknown>;
	/** The discussion (topic) it belongs to. */
	discussion: { id: string; type?: string; title?: string };
	groupId: string;
	users?: Map<string, { name?: string; first_name?: string; last_name?: string }>;
	/** The group's reply to this comment, which is the answer. */
	answer?: ThreadAnswer;
}

/** OK gives dates as "2026-10-01 12:00:00" (Moscow time) or milliseconds. */
export function okDate(value: unknown): string | undefined {
	if (typeof value === 'number')
		return toIsoDateTime(Math.floor(value > 1e12 ? value / 1000 : value));
	if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?$/.test(value))
		return toIsoDateTime(value.replace(' ', 'T'));
	if (typeof value === 'string' && /^\d{10,13}$/.test(value)) return okDate(Number(value));
	return toIsoDateTime(value);
}

export function normalizeOkComment(input: OkCommentInput): Appeal {
	const { comment, discussion } = input;
	const id = text(comment.id);
	const externalId = `${discussion.id}_${id ?? '?'}`;
	if (!id) throw new SourceRecordError('ok', externalId, 'id', 'нет идентификатора комментария');
	const receivedAt = okDate(comment.date);
	if (!receivedAt)
		throw new SourceRecordError(
			'ok',
			externalId,
			'date',
			`ожидается дата, получено ${JSON.stringify(comment.date)}`,
		);
	const body = text(comment.text);
	if (!body) throw new SourceRecordError('ok', externalId, 'text', 'пустой комментарий');
	const authorId = text(comment.author_id);
	const user = authorId ? input.users?.get(authorId) : undefined;
	const name = user
		? (user.name ?? ([user.first_name, user.last_name].filter(Boolean).join(' ') || null))
		: text(comment.author_name);
	const appeal = makeAppeal(
		{ source: 'ok', externalId, kind: 'comment', receivedAt, text: body, raw: comment },
		{
			url: `https://ok.ru/group/${input.groupId}/topic/${discussion.id}`,
			author: {
				name,
				id: authorId,
				profileUrl: authorId ? `https://ok.ru/profile/${authorId}` : null,
				anonymous: !authorId,
			},
			parentId: `ok:${discussion.id}`,
			...answeredFields(input.answer),
		},
	);
	return assertAppeal(appeal);
}
