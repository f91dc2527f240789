/**
 * The seeded district in a channel-neutral form. Each emulator turns the appeals of its channel into its own
 * native records (ПОС messages, ИМ incidents, VK posts/comments, OK discussions, Telegram updates).
 */

export type SeedChannel = 'pos' | 'im' | 'vk' | 'ok' | 'telegram';
export type SeedKind = 'message' | 'appeal59' | 'incident' | 'comment' | 'direct_message' | 'post';

export interface SeedPerson {
	id: string;
	surname: string;
	name: string;
	patronymic: string;
	phone: string;
	email: string;
	/** Ids of the same person in the social networks (stable per seed). */
	vkId: number;
	okId: string;
	telegramId: number;
	telegramUsername?: string;
}

export interface SeedOfficial {
	name: string;
	position: string;
	department: string;
}

export interface SeedAnswer {
	at: string;
	text: string;
	by: SeedOfficial;
	/** Ground truth for tests: answered after the deadline / a formal «отписка». */
	late: boolean;
	formal: boolean;
	/** ПОС: an intermediate answer with a term given before the deadline; `late` then still means after the first deadline. */
	intermediate?: { at: string; text: string };
}

export interface SeedAppeal {
	/** Stable sequence number, unique in the district. */
	seq: number;
	channel: SeedChannel;
	kind: SeedKind;
	/** ISO 8601 with +03:00. */
	createdAt: string;
	/** null = anonymous post. */
	author: SeedPerson | null;
	text: string;
	settlementId: string;
	address?: string;
	/** For ИМ incidents: the social post the incident was registered from. */
	origin?: { network: 'vk' | 'ok' | 'telegram'; postUrl: string };
	/** For comments: the seq of the post they belong to (same channel). */
	parentSeq?: number;
	department?: string;
	takenAt?: string;
	answer?: SeedAnswer;
	/** ПОС/ИМ rating of the answer 1..5, when the citizen rated it. */
	rating?: number;
	/** The same text/problem posted earlier (cross-channel duplicate or follow-up). */
	duplicateOfSeq?: number;
	clusterId?: string;
	/** Labelled truth for evaluating classification. */
	expected: { topic: string; settlementId: string; flags: string[] };
	/** Deliberately odd or broken fields, for the "bad input" paths (e.g. ['no_date','empty_text']). */
	oddities?: string[];
}

export interface SeedSettlement {
	id: string;
	name: string;
	kind: string;
	streets: string[];
	villages: string[];
	head?: SeedOfficial;
}

export interface SeedDepartment {
	id: string;
	name: string;
	head: SeedOfficial;
	/** Municipal organization (МУП, школа…) rather than an administration department. */
	organization: boolean;
	topics: string[];
}

export interface District {
	seed: number;
	/** The moment the seeded data is "as of" (ISO with +03:00); answers and statuses are consistent with it. */
	now: string;
	name: string;
	vkGroupId: number;
	okGroupId: string;
	telegramChannel: string;
	settlements: SeedSettlement[];
	departments: SeedDepartment[];
	people: SeedPerson[];
	appeals: SeedAppeal[];
}
