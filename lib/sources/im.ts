import { assertAppeal, makeAppeal, type Appeal, type AppealStatus } from '../appeal';
import {
	SourceRecordError,
	getPath,
	optionalDate,
	requireDate,
	satisfactionFromRating,
	text,
} from './common';

/**
 * «Инцидент-менеджмент» → appeal. No public API is published (domain.md §2): field paths are configurable
 * like ПОС's, with defaults matching the regional REST adapters we know.
 */
export interface ImFieldMap {
	id: string;
	createdAt: string;
	status: string;
	text: string;
	postUrl: string;
	network: string;
	authorName: string;
	authorProfile: string;
	address: string;
	category: string;
	categoryId: string;
	subcategory: string;
	deadline: string;
	takenAt: string;
	answerText: string;
	answeredAt: string;
	rating: string;
	responsible: string;
}

export const DEFAULT_IM_FIELDS: ImFieldMap = {
	id: 'id',
	createdAt: 'createdAt',
	status: 'status',
	text: 'text',
	postUrl: 'postUrl',
	network: 'sourceNetwork',
	authorName: 'author.name',
	authorProfile: 'author.profileUrl',
	address: 'address',
	category: 'category',
	categoryId: 'categoryId',
	subcategory: 'subcategory',
	deadline: 'deadline',
	takenAt: 'takenAt',
	answerText: 'answer.text',
	answeredAt: 'answer.publishedAt',
	rating: 'rating',
	responsible: 'executor',
};

export const IM_STATUS_MAP: Record<string, AppealStatus> = {
	new: 'new',
	in_work: 'in_progress',
	in_progress: 'in_progress',
	answered: 'answered',
	rejected: 'rejected',
	closed: 'closed',
	forwarded: 'forwarded',
};

export function normalizeIm(
	record: unknown,
	options: { fields?: Partial<ImFieldMap> } = {},
): Appeal {
	const f = { ...DEFAULT_IM_FIELDS, ...(options.fields ?? {}) };
	const externalId = text(getPath(record, f.id));
	if (!externalId) throw new SourceRecordError('im', '?', f.id, 'нет идентификатора инцидента');
	const receivedAt = requireDate('im', externalId, record, f.createdAt);
	const body = text(getPath(record, f.text));
	if (!body) throw new SourceRecordError('im', externalId, f.text, 'пустой текст инцидента');
	const code = text(getPath(record, f.status)) ?? 'new';
	const flags: string[] = [];
	// Own keys only: «constructor» or «__proto__» as a status code found Object.prototype's members.
	let status = Object.prototype.hasOwnProperty.call(IM_STATUS_MAP, code.toLowerCase())
		? IM_STATUS_MAP[code.toLowerCase()]
		: undefined;
	if (!status) {
		status = 'in_progress';
		flags.push('unknown_source_status');
	}
	const network = text(getPath(record, f.network));
	if (network) flags.push(`network:${network}`);
	const profileUrl = text(getPath(record, f.authorProfile));
	// The category the ЦУР operator set: the structuring takes the topic from it first (lib/classify/category).
	const category = text(getPath(record, f.category));
	const subcategory = text(getPath(record, f.subcategory));
	const appeal = makeAppeal(
		{ source: 'im', externalId, kind: 'incident', receivedAt, text: body, raw: record },
		{
			url: text(getPath(record, f.postUrl)),
			registeredAt: receivedAt,
			author: {
				name: text(getPath(record, f.authorName)),
				id: profileUrl,
				profileUrl,
				anonymous: !text(getPath(record, f.authorName)),
			},
			address: text(getPath(record, f.address)),
			category: [category, subcategory].filter(Boolean).join(' / ') || null,
			sourceCategory:
				category || subcategory
					? {
							id: text(getPath(record, f.categoryId)) ?? null,
							name: category ?? '',
							sub: subcategory ?? null,
						}
					: null,
			status,
			sourceStatus: code,
			responsible: text(getPath(record, f.responsible)),
			deadline: optionalDate(record, f.deadline),
			firstReactionAt: optionalDate(record, f.takenAt),
			answeredAt: optionalDate(record, f.answeredAt),
			answerText: text(getPath(record, f.answerText)),
			satisfaction: satisfactionFromRating(getPath(record, f.rating)),
			flags,
		},
	);
	return assertAppeal(appeal);
}
