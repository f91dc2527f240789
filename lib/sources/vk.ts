import { assertAppeal, makeAppeal, type Appeal, type AppealKind } from '../appeal';
import {
	answeredFields,
	SourceRecordError,
	text,
	unixSecondsToIso,
	type ThreadAnswer,
} from './common';

/**
 * VK records → appeals: community wall posts and comments, posts found by `newsfeed.search` (mentions),
 * and community messages. VK gives dates in Unix seconds and authors as ids; names come from `profiles`.
 */
export interface VkProfile {
	id: number;
	first_name?: string;
	last_name?: string;
	name?: string;
	screen_name?: string;
}

export type VkRecordKind = 'post' | 'comment' | 'mention' | 'message';

export interface VkRecordInput {
	kind: VkRecordKind;
	item: Record<string, unknown>;
	/** For comments: the post they belong to (owner id is the community's, negative). */
	postId?: number;
	ownerId?: number;
	profiles?: Map<number, VkProfile>;
	/** For comments: the community's reply to it, which is the answer. */
	answer?: ThreadAnswer;
}

const num = (v: unknown): number | undefined =>
	typeof v === 'number' && Number.isFinite(v)
		? v
		: typeof v === 'string' && /^-?\d+$/.test(v)
			? Number(v)
			: undefined;

function profileName(profiles: Map<number, VkProfile> | undefined, id: number): string | null {
	const p = profiles?.get(id);
	if (!p) return null;
	return p.name ?? ([p.first_name, p.last_name].filter(Boolean).join(' ') || null);
}

function authorOf(fromId: number | undefined, profiles?: Map<number, VkProfile>) {
	if (fromId === undefined || fromId === 0) return { name: null, anonymous: true };
	const url = fromId > 0 ? `https://vk.com/id${fromId}` : `https://vk.com/club${-fromId}`;
	return {
		name: profileName(profiles, fromId),
		id: String(fromId),
		profileUrl: url,
		anonymous: fromId < 0,
	};
}

export function vkExternalId(input: VkRecordInput): string {
	const { kind, item } = input;
	const id = num(item.id);
	if (kind === 'message') return `msg${num(item.peer_id) ?? num(item.from_id) ?? ''}_${id ?? ''}`;
	const owner = num(item.owner_id) ?? input.ownerId;
	if (kind === 'comment') return `${owner}_${num(item.post_id) ?? input.postId}_c${id}`;
	return `${owner}_${id}`;
}

export function normalizeVk(input: VkRecordInput): Appeal {
	const { kind, item } = input;
	const id = num(item.id);
	const externalId = vkExternalId(input);
	if (id === undefined)
		throw new SourceRecordError('vk', externalId, 'id', 'нет идентификатора записи');
	// Out of range (1e20) too: unixToIso would throw a RangeError naming neither the record nor the field.
	const receivedAt = unixSecondsToIso(num(item.date));
	if (!receivedAt)
		throw new SourceRecordError(
			'vk',
			externalId,
			'date',
			`ожидается дата (Unix-время), получено ${JSON.stringify(item.date)}`,
		);
	const body = text(item.text);
	const hasAttachments = Array.isArray(item.attachments) && item.attachments.length > 0;
	if (!body && !hasAttachments)
		throw new SourceRecordError('vk', externalId, 'text', 'пустой текст без вложений');
	const owner = num(item.owner_id) ?? input.ownerId;
	const fromId = num(item.from_id);
	const flags: string[] = [];
	if (kind === 'mention') flags.push('mention');
	if (!body) flags.push('attachments_only');
	let url: string | null = null;
	let parentId: string | null = null;
	let appealKind: AppealKind = 'message';
	if (kind === 'comment') {
		const postId = num(item.post_id) ?? input.postId;
		url = `https://vk.com/wall${owner}_${postId}?reply=${id}`;
		parentId = `vk:${owner}_${postId}`;
		appealKind = 'comment';
	} else if (kind === 'message') {
		appealKind = 'direct_message';
	} else {
		url = `https://vk.com/wall${owner}_${id}`;
	}
	const appeal = makeAppeal(
		{
			source: 'vk',
			externalId,
			kind: appealKind,
			receivedAt,
			text: body ?? '[вложение без текста]',
			raw: item,
		},
		{
			url,
			author: authorOf(fromId, input.profiles),
			parentId,
			flags,
			...answeredFields(input.answer),
		},
	);
	return assertAppeal(appeal);
}

export function profilesMap(profiles: unknown, groups?: unknown): Map<number, VkProfile> {
	const map = new Map<number, VkProfile>();
	if (Array.isArray(profiles))
		for (const p of profiles as VkProfile[]) if (typeof p?.id === 'number') map.set(p.id, p);
	if (Array.isArray(groups))
		for (const g of groups as VkProfile[]) if (typeof g?.id === 'number') map.set(-g.id, g);
	return map;
}

/** Written by the community itself (its replies): not an appeal. VK sends events for these too. */
export function isOwnCommunityRecord(record: VkRecordInput): boolean {
	const from = num(record.item.from_id);
	return from !== undefined && from < 0;
}

/** A VK event (Bots Long Poll or Callback API) → the record it carries, or undefined for other event types. */
export function vkEventRecord(event: {
	type?: string;
	object?: unknown;
}): VkRecordInput | undefined {
	const object = (event.object ?? {}) as Record<string, unknown>;
	switch (event.type) {
		case 'wall_reply_new':
			return { kind: 'comment', item: object };
		case 'wall_post_new':
			return { kind: 'post', item: object };
		case 'message_new':
			return { kind: 'message', item: (object.message as Record<string, unknown>) ?? object };
		default:
			return undefined;
	}
}

/** A VK event straight to an appeal; an event without one (e.g. `group_join`) is a clear error. */
export function normalizeVkEvent(event: {
	type?: string;
	object?: unknown;
	event_id?: string;
}): Appeal {
	const record = vkEventRecord(event);
	if (!record)
		throw new SourceRecordError(
			'vk',
			String(event.event_id ?? '?'),
			'type',
			`событие «${String(event.type)}» не содержит обращения`,
		);
	return normalizeVk(record);
}
