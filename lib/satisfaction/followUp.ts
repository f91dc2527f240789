import { createHmac, randomBytes } from 'node:crypto';
import type { Appeal } from '../appeal';
import { applySatisfaction, recognizeSatisfaction, type SatisfactionValue } from './index';

/**
 * The follow-up question for social channels: after an answer, the author is asked whether the problem is solved;
 * their next message is linked to the appeal by channel + author, recognized, and an unsatisfied reply reopens it.
 *
 * Sources are re-read on every intake run and know nothing of our question, so the links and results live in a
 * small state (the workflow's static data in n8n) and are laid over every re-read appeal.
 */

/** How the question reaches the author: each is answered in the same place the citizen will reply. */
export type FollowUpChannel =
	| 'vk_comment'
	| 'vk_message'
	| 'ok_comment'
	| 'telegram_message'
	| 'max_message';

export interface PendingQuestion {
	appealId: string;
	askedAt: string;
	/**
	 * What is emitted with the result if the source no longer returns the appeal: ids, dates, status and routing
	 * only — no name, contact, text, answer, address or link (static data is not a copy of citizens' messages).
	 */
	snapshot: Appeal;
}

export interface FollowUpResult {
	appealId: string;
	value: SatisfactionValue;
	evidence: string[];
	/** The reply's own appeal id (`vk:…`), never emitted as an appeal. */
	replyId: string;
	at: string;
}

export interface FollowUpState {
	/** By a keyed hash of `source:authorId` (never the author id itself): one open question per author. */
	pending: Record<string, PendingQuestion>;
	/** By appeal id. */
	results: Record<string, FollowUpResult>;
	/** Reply id → appeal id: replies already used, so a re-read reply is not taken for a new appeal. */
	consumed: Record<string, string>;
	/** The key of the author hashes, made once per workflow. */
	salt?: string;
}

export interface LinkedReply {
	appealId: string;
	value: SatisfactionValue;
	evidence: string[];
	replyId: string;
	replyText: string;
	reopened: boolean;
}

export const emptyFollowUpState = (): FollowUpState => ({
	pending: {},
	results: {},
	consumed: {},
	salt: randomBytes(16).toString('hex'),
});

/** The channel to ask on, or null when this appeal's author cannot be asked there. */
export function followUpChannel(
	appeal: Pick<Appeal, 'source' | 'kind' | 'author'>,
): FollowUpChannel | null {
	if (!appeal.author?.id || appeal.author.anonymous) return null;
	if (appeal.source === 'vk')
		return appeal.kind === 'comment'
			? 'vk_comment'
			: appeal.kind === 'direct_message'
				? 'vk_message'
				: null;
	if (appeal.source === 'ok') return appeal.kind === 'comment' ? 'ok_comment' : null;
	// A bot may write only to people who wrote to it first: private chats.
	if (appeal.source === 'telegram')
		return appeal.kind === 'direct_message' ? 'telegram_message' : null;
	if (appeal.source === 'max') return appeal.kind === 'direct_message' ? 'max_message' : null;
	return null;
}

const HOUR = 3600000;
/** Results are laid over re-read appeals while sources still return them (ПОС is re-read for 180 days at most). */
export const KEEP_RESULTS_DAYS = 180;

const hashKey = (state: FollowUpState, plain: string) =>
	createHmac('sha256', state.salt!).update(plain).digest('hex').slice(0, 32);

/** The pending-question key of an appeal's author: a keyed hash, so static data holds no author ids. */
export function pendingKeyOf(state: FollowUpState, a: Pick<Appeal, 'source' | 'author'>): string {
	return hashKey(state, `${a.source}:${a.author?.id ?? ''}`);
}

const SNAPSHOT_FIELDS = [
	'id',
	'source',
	'externalId',
	'kind',
	'receivedAt',
	'registeredAt',
	'settlement',
	'settlementName',
	'topic',
	'totkCode',
	'appealType',
	'department',
	'departmentName',
	'responsible',
	'status',
	'deadline',
	'extendedDeadline',
	'deadlineStatus',
	'firstReactionAt',
	'answeredAt',
	'satisfaction',
	'flags',
	'parentId',
	'primaryId',
] as const;

/** An appeal without anything that names or quotes the citizen. */
export function snapshotOf(appeal: Appeal): Appeal {
	const out: Record<string, unknown> = {};
	for (const key of SNAPSHOT_FIELDS) if (appeal[key] !== undefined) out[key] = appeal[key];
	return {
		...out,
		author: { name: null, anonymous: appeal.author?.anonymous ?? false },
		text: '',
		answerText: null,
		address: null,
		url: null,
		raw: null,
		personalDataRemoved: true,
	} as unknown as Appeal;
}

const HASHED = /^[0-9a-f]{32}$/;

/** State saved by older versions: author ids as keys and whole appeals as snapshots; both are replaced. */
function tidy(state: FollowUpState): void {
	state.salt ??= randomBytes(16).toString('hex');
	for (const [key, q] of Object.entries(state.pending)) {
		const clean = {
			...q,
			snapshot: (q.snapshot as { personalDataRemoved?: boolean })?.personalDataRemoved
				? q.snapshot
				: snapshotOf(q.snapshot),
		};
		if (HASHED.test(key)) state.pending[key] = clean;
		else {
			delete state.pending[key];
			state.pending[hashKey(state, key)] = clean;
		}
	}
}

export interface AskOptions {
	now: Date;
	/** Ask only this long after the answer (the work may need a day to be seen). */
	delayHours: number;
	/** Do not ask about answers older than this. */
	maxAgeDays: number;
	channels?: FollowUpChannel[];
}

/**
 * Answered appeals whose authors should get the question now; records each as pending in `state`.
 * Skips: no channel, satisfaction already known, already asked, another question open for the same author,
 * answered too recently or too long ago. An appeal answered again after a reopening may be asked again.
 */
export function selectForFollowUp(
	appeals: Appeal[],
	state: FollowUpState,
	options: AskOptions,
): Array<{ appeal: Appeal; channel: FollowUpChannel }> {
	const now = options.now.getTime();
	tidy(state);
	const out: Array<{ appeal: Appeal; channel: FollowUpChannel }> = [];
	for (const appeal of appeals) {
		const channel = followUpChannel(appeal);
		if (!channel || (options.channels && !options.channels.includes(channel))) continue;
		if (appeal.status !== 'answered' || !appeal.answeredAt) continue;
		const answered = Date.parse(appeal.answeredAt);
		if (
			!Number.isFinite(answered) ||
			now - answered < options.delayHours * HOUR ||
			now - answered > options.maxAgeDays * 24 * HOUR
		)
			continue;
		const result = state.results[appeal.id];
		if (result && Date.parse(result.at) >= answered) continue;
		if (!result && appeal.satisfaction !== 'unknown') continue;
		const key = pendingKeyOf(state, appeal);
		if (state.pending[key]) continue;
		state.pending[key] = {
			appealId: appeal.id,
			askedAt: options.now.toISOString(),
			snapshot: snapshotOf(appeal),
		};
		out.push({ appeal, channel });
	}
	return out;
}

export interface LinkOptions {
	now: Date;
	/** Questions left unanswered this long are dropped. */
	expireDays: number;
}

/**
 * Links authors' new messages to their open question, recognizes them and lays every known result over the
 * appeals. Returns the appeals to process further (replies removed, results applied, appeals whose result came
 * now but which the source did not return added from their snapshot) and the replies linked in this run.
 */
export function linkReplies(
	appeals: Appeal[],
	state: FollowUpState,
	options: LinkOptions,
): { appeals: Appeal[]; replies: LinkedReply[]; consumedAgain: number } {
	const now = options.now.getTime();
	tidy(state);
	for (const [key, q] of Object.entries(state.pending)) {
		if (now - Date.parse(q.askedAt) > options.expireDays * 24 * HOUR) delete state.pending[key];
	}
	// Results are kept while sources may still return the appeal; then they and their replies are forgotten.
	for (const [id, r] of Object.entries(state.results)) {
		if (now - Date.parse(r.at) <= KEEP_RESULTS_DAYS * 24 * HOUR) continue;
		delete state.results[id];
		delete state.consumed[r.replyId];
	}
	const replies: LinkedReply[] = [];
	const passing: Appeal[] = [];
	const answeredSnapshots = new Map<string, Appeal>();
	let consumedAgain = 0;
	for (const appeal of appeals) {
		if (state.consumed[appeal.id]) {
			consumedAgain++;
			continue;
		}
		const key = pendingKeyOf(state, appeal);
		const question = appeal.author?.id ? state.pending[key] : undefined;
		if (
			question &&
			question.appealId !== appeal.id &&
			Date.parse(appeal.receivedAt) > Date.parse(question.askedAt)
		) {
			const { value, evidence } = recognizeSatisfaction(appeal.text);
			// A message that says neither yes nor no is a new appeal; the question stays open.
			if (value !== 'unknown') {
				state.results[question.appealId] = {
					appealId: question.appealId,
					value,
					evidence,
					replyId: appeal.id,
					at: appeal.receivedAt,
				};
				state.consumed[appeal.id] = question.appealId;
				answeredSnapshots.set(question.appealId, question.snapshot);
				delete state.pending[key];
				replies.push({
					appealId: question.appealId,
					value,
					evidence,
					replyId: appeal.id,
					replyText: appeal.text,
					reopened: value === 'unsatisfied',
				});
				continue;
			}
		}
		passing.push(appeal);
	}
	const seen = new Set(passing.map((a) => a.id));
	const out = passing.map((a) => overlay(a, state.results[a.id]));
	// The appeal a reply was about may be outside what the source returned this time: its snapshot carries the result.
	for (const reply of replies) {
		if (seen.has(reply.appealId)) continue;
		const snapshot = answeredSnapshots.get(reply.appealId);
		if (snapshot) out.push(overlay(snapshot, state.results[reply.appealId]));
	}
	return { appeals: out, replies, consumedAgain };
}

/** A result applies while no newer answer was given: a reopened appeal answered again is answered again. */
function overlay(appeal: Appeal, result: FollowUpResult | undefined): Appeal {
	if (!result) return appeal;
	const answeredAgain = appeal.answeredAt && Date.parse(appeal.answeredAt) > Date.parse(result.at);
	if (answeredAgain)
		return {
			...appeal,
			satisfaction: 'unknown',
			flags: [
				...new Set([
					...(appeal.flags ?? []),
					...(result.value === 'unsatisfied' ? ['reopened'] : []),
				]),
			],
		};
	return {
		...applySatisfaction(appeal, result.value),
		satisfactionEvidence: result.evidence,
		satisfactionReplyId: result.replyId,
	};
}
