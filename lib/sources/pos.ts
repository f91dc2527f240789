import { assertAppeal, makeAppeal, type Appeal, type AppealStatus } from '../appeal';
import type { AnswerHistoryEntry } from '../quality';
import {
	SourceRecordError,
	fullName,
	getPath,
	optionalDate,
	requireDate,
	satisfactionFromRating,
	text,
} from './common';

/**
 * ПОС («Госуслуги. Решаем вместе») → appeal. The public contract is not published (domain.md §2), so every
 * field is read through a path the user can change (`PosFieldMap`).
 */
export interface PosFieldMap {
	id: string;
	createdAt: string;
	updatedAt: string;
	status: string;
	statusText: string;
	fz59: string;
	description: string;
	address: string;
	surname: string;
	name: string;
	patronymic: string;
	phone: string;
	email: string;
	subject: string;
	subsubject: string;
	subjectId: string;
	subsubjectId: string;
	answerAt: string;
	history: string;
	rating: string;
	deadline: string;
	organization: string;
}

export const DEFAULT_POS_FIELDS: PosFieldMap = {
	id: 'posId',
	createdAt: 'createdAt',
	updatedAt: 'updatedAt',
	status: 'status',
	statusText: 'statusText',
	fz59: 'fz59',
	description: 'description',
	address: 'location.address',
	surname: 'applicant.surname',
	name: 'applicant.name',
	patronymic: 'applicant.patronymic',
	phone: 'applicant.phone',
	email: 'applicant.email',
	subject: 'subjectName',
	subsubject: 'subsubjectName',
	subjectId: 'subjectId',
	subsubjectId: 'subsubjectId',
	answerAt: 'answerAt',
	history: 'history',
	rating: 'rating',
	deadline: 'deadline',
	organization: 'organizationInfo.name',
};

/** ПОС status codes (domain.md §2) → our statuses. Unknown codes never crash: they keep the record in work. */
export const POS_STATUS_MAP: Record<string, AppealStatus> = {
	MODERATION_NEW: 'new',
	MODERATION_ACCEPT: 'new',
	MODERATION_DECLINE: 'rejected',
	TAKE_TO_WORK: 'in_progress',
	SET_EXECUTOR: 'assigned',
	FORWARD_TO_PARENT: 'forwarded',
	FORWARD_TO_SUBORDINATE: 'forwarded',
	POSTPONE: 'in_progress',
	SEND_RESPONSE: 'answered',
};

export interface PosNormalizeOptions {
	fields?: Partial<PosFieldMap>;
	/** Link for people, `{id}` is replaced by the ПОС id. */
	urlTemplate?: string;
}

interface PosHistoryEntry {
	status?: string;
	createdAt?: string;
	createdBy?: { surname?: string; name?: string; patronymic?: string; position?: string };
	answer?: { answerType?: string; comment?: string; newDate?: string; executor?: string };
	executor?: string;
	newDate?: string;
}

export function normalizePos(record: unknown, options: PosNormalizeOptions = {}): Appeal {
	const f = { ...DEFAULT_POS_FIELDS, ...(options.fields ?? {}) };
	const rawId = getPath(record, f.id) ?? getPath(record, 'id');
	const externalId = text(rawId);
	if (!externalId) throw new SourceRecordError('pos', '?', f.id, 'нет идентификатора сообщения');
	const receivedAt = requireDate('pos', externalId, record, f.createdAt);
	const description = text(getPath(record, f.description));
	if (!description)
		throw new SourceRecordError('pos', externalId, f.description, 'пустой текст сообщения');

	// Only entries that are objects with a string status: a null entry or a numeric status crashed the finds below.
	const history = (
		(Array.isArray(getPath(record, f.history)) ? getPath(record, f.history) : []) as unknown[]
	).filter(
		(h): h is PosHistoryEntry =>
			!!h && typeof h === 'object' && typeof (h as PosHistoryEntry).status === 'string',
	);
	const code = text(getPath(record, f.status)) ?? 'MODERATION_NEW';
	const flags: string[] = [];
	// Own keys only: «constructor» or «__proto__» as a status code found Object.prototype's members.
	let status = Object.prototype.hasOwnProperty.call(POS_STATUS_MAP, code)
		? POS_STATUS_MAP[code]
		: undefined;
	if (!status) {
		status = 'in_progress';
		flags.push('unknown_source_status');
	}
	const accepted = history.find((h) => h.status === 'MODERATION_ACCEPT');
	const response = [...history].reverse().find((h) => h.status === 'SEND_RESPONSE');
	// Earlier answers (SEND_RESPONSE before the current one), for the answer check: a timely intermediate answer with
	// a term waives lateness. POSTPONE is not one of them: its new date is already the extended deadline.
	const answerHistory = response
		? earlierAnswers(history.slice(0, history.lastIndexOf(response)))
		: [];
	const postponed = [...history].reverse().find((h) => h.status === 'POSTPONE');
	const executor = [...history].reverse().find((h) => h.status === 'SET_EXECUTOR');
	const firstReaction = history.find((h) => h.status && !h.status.startsWith('MODERATION'));
	const fz59 = getPath(record, f.fz59) === true || getPath(record, f.fz59) === 'true';
	const subjectName = text(getPath(record, f.subject));
	const subsubjectName = text(getPath(record, f.subsubject));
	const subject = [subjectName, subsubjectName].filter(Boolean).join(' / ');
	// The category the citizen chose: the structuring takes the topic from it first (lib/classify/category).
	const sourceCategory =
		subjectName || subsubjectName
			? {
					id: text(getPath(record, f.subjectId)) ?? null,
					name: subjectName ?? '',
					sub: subsubjectName ?? null,
					subId: text(getPath(record, f.subsubjectId)) ?? null,
				}
			: null;

	const appeal = makeAppeal(
		{
			source: 'pos',
			externalId,
			kind: fz59 ? 'appeal59' : 'message',
			receivedAt,
			text: description,
			raw: record,
		},
		{
			url: options.urlTemplate
				? options.urlTemplate.replace('{id}', encodeURIComponent(wellFormed(externalId)))
				: null,
			registeredAt: accepted
				? (optionalDate(accepted, 'createdAt') ?? null)
				: code === 'MODERATION_NEW'
					? null
					: receivedAt,
			author: {
				name: fullName(
					getPath(record, f.surname),
					getPath(record, f.name),
					getPath(record, f.patronymic),
				),
				contact: text(getPath(record, f.phone)) ?? text(getPath(record, f.email)),
				anonymous: false,
			},
			address: text(getPath(record, f.address)),
			category: subject || null,
			sourceCategory,
			status,
			sourceStatus: code,
			responsible: text(executor?.executor ?? executor?.answer?.executor) ?? null,
			deadline: optionalDate(record, f.deadline),
			extendedDeadline: postponed
				? (optionalDate(postponed, 'newDate') ?? optionalDate(postponed, 'answer.newDate'))
				: null,
			firstReactionAt: firstReaction ? optionalDate(firstReaction, 'createdAt') : null,
			answeredAt:
				optionalDate(record, f.answerAt) ?? (response ? optionalDate(response, 'createdAt') : null),
			answerText: text(response?.answer?.comment) ?? null,
			answerIntermediate: isIntermediate(response),
			answerHistory,
			satisfaction: satisfactionFromRating(getPath(record, f.rating)),
			flags,
		},
	);
	return assertAppeal(appeal);
}

/** ПОС marks an intermediate answer by its type («Промежуточный ответ»). */
function isIntermediate(entry: PosHistoryEntry | undefined): boolean {
	return (
		!!entry?.answer &&
		typeof entry.answer === 'object' &&
		entry.answer.answerType === 'INTERMEDIATE'
	);
}

/** Answers as lib/quality reads them; one without a readable time or text is skipped, like a null history entry. */
function earlierAnswers(entries: PosHistoryEntry[]): AnswerHistoryEntry[] {
	const out: AnswerHistoryEntry[] = [];
	for (const h of entries) {
		if (h.status !== 'SEND_RESPONSE') continue;
		const at = optionalDate(h, 'createdAt');
		const comment = h.answer && typeof h.answer === 'object' ? text(h.answer.comment) : null;
		if (at && comment) out.push({ at, text: comment, intermediate: isIntermediate(h) });
	}
	return out;
}

/** Lone surrogates → U+FFFD: encodeURIComponent throws «URI malformed» on them (an id with broken Unicode). */
function wellFormed(value: string): string {
	return value.replace(
		/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
		'\uFFFD',
	);
}
