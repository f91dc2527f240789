/** The normalized appeal record shared by every channel and every node. */
import type { DeadlineUnit } from '../deadlines/policy';

export const APPEAL_SOURCES = [
	'pos',
	'im',
	'vk',
	'ok',
	'telegram',
	'max',
	'official',
	'import',
] as const;
export type AppealSource = (typeof APPEAL_SOURCES)[number];

export const APPEAL_KINDS = [
	'message',
	'appeal59',
	'incident',
	'comment',
	'direct_message',
] as const;
export type AppealKind = (typeof APPEAL_KINDS)[number];

export const APPEAL_STATUSES = [
	'new',
	'assigned',
	'in_progress',
	'answered',
	'closed',
	'rejected',
	'forwarded',
] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

export const SATISFACTION_VALUES = ['satisfied', 'unsatisfied', 'unknown'] as const;
export type Satisfaction = (typeof SATISFACTION_VALUES)[number];

/** Type of the appeal in the sense of 59-ФЗ / ССТУ reporting. */
export const APPEAL_TYPES = [
	'complaint',
	'application',
	'proposal',
	'question',
	'gratitude',
] as const;
export type AppealType = (typeof APPEAL_TYPES)[number];

export interface AppealAuthor {
	/** Display name; null for anonymous posts. */
	name: string | null;
	/** Source's own id of the author (VK user id, ПОС applicant id…), used to link repeats. */
	id?: string | null;
	profileUrl?: string | null;
	/** Phone or e-mail as given by the source. Personal data: masked in shared reports. */
	contact?: string | null;
	anonymous?: boolean;
}

export interface Appeal {
	/** `<source>:<externalId>` — the upsert key everywhere. */
	id: string;
	source: AppealSource;
	externalId: string;
	url: string | null;
	/** ISO 8601 with offset: when the source received it. */
	receivedAt: string;
	/** ISO 8601 with offset: when it was registered (deadlines count from here); null until registered. */
	registeredAt: string | null;
	kind: AppealKind;
	author: AppealAuthor;
	text: string;
	address: string | null;
	settlement: string | null;
	/** The source's own category (ПОС subject, ИМ category…). */
	category: string | null;
	/** Our thematic block (see lib/topics). */
	topic: string | null;
	totkCode: string | null;
	appealType?: AppealType | null;
	department: string | null;
	responsible: string | null;
	status: AppealStatus;
	/** Source status code as is (ПОС `TAKE_TO_WORK`…), kept for people and reports. */
	sourceStatus?: string | null;
	deadline: string | null;
	extendedDeadline: string | null;
	/** First reaction (taken to work / first reply) — for speed metrics. */
	firstReactionAt?: string | null;
	answeredAt: string | null;
	answerText: string | null;
	satisfaction: Satisfaction;
	flags: string[];
	/** For comments/replies: the post or thread it belongs to. */
	parentId?: string | null;
	/** When linked as a repeat/duplicate: the primary appeal's id. */
	primaryId?: string | null;
	/** The source's record, untouched. */
	raw: unknown;
	/** Set by «МЦУ: Маршрутизация». */
	routing?: Routed;
	/** Domain nodes add their own fields (classification, deadline status…). */
	[extra: string]: unknown;
}

/**
 * The routing hand-off: what «МЦУ: Маршрутизация» writes to `appeal.routing`. «МЦУ: Сроки» reads the rule's own
 * deadline from it, «МЦУ: Напоминания» the rule's contacts (both through `readRouted`, since items are untrusted).
 */
export interface Routed {
	/** The rule that matched; null when none did. */
	rule: string | null;
	/** Why, for people checking the routing: «тема: roads», «слово: яма». */
	why: string[];
	/** The rule's contacts; absent when no rule matched. */
	contact?: RoutedContact;
	/** The rule's own deadline, which beats the deadline policy; null or absent when the rule sets none. */
	deadline?: RoutedDeadline | null;
}

export interface RoutedContact {
	telegramChatId: string | null;
	maxChatId: string | null;
	email: string | null;
}

export interface RoutedDeadline {
	unit: DeadlineUnit;
	amount: number;
}
