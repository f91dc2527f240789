import { createRng, intBetween, pick, type Rng } from '../core/rng';
import {
	DEPARTMENTS,
	FEMALE_NAMES,
	MALE_NAMES,
	PATRONYMIC_ROOTS,
	SETTLEMENTS,
	SURNAMES,
} from './places';
import {
	DURATIONS,
	ESCALATIONS,
	FOLLOW_UPS,
	FORMAL_ANSWERS,
	GOOD_ANSWERS,
	GREETINGS,
	INTERMEDIATE_ANSWER,
	HOSTILE,
	OBSCENE,
	PROBLEMS,
	REQUESTS,
	SOCIAL_POST_INTROS,
} from './texts';
import { INDIRECT, MULTI, withTypo } from './social';
import type {
	District,
	SeedAnswer,
	SeedAppeal,
	SeedChannel,
	SeedKind,
	SeedPerson,
	SeedSettlement,
} from './types';

/**
 * The seeded district: deterministic (same seed → same data), ~600 appeals from 1 August to 19 November 2026 over
 * every channel and 18 topics, with the cases a МЦУ meets on purpose: root-cause clusters, cross-channel duplicates,
 * anonymous posts, hostile and obscene messages, threats to complain, follow-ups, answers on time / late / never,
 * formal «отписки», ratings, and records with odd or missing fields.
 *
 * `expected.flags` vocabulary: anonymous, obscene, hostile, escalation, repeat, duplicate, cluster.
 */
export const DEFAULT_SEED = 2026;
/** Late ПОС answers preceded by a timely intermediate answer with a term. */
export const INTERMEDIATE_COUNT = 4;
export const DISTRICT_NOW = '2026-11-20T12:00:00+03:00';
const START = Date.parse('2026-08-01T08:00:00+03:00');
const END = Date.parse('2026-11-19T20:00:00+03:00');
const NOW = Date.parse(DISTRICT_NOW);
const HOUR = 3600000;
const DAY = 24 * HOUR;

export const TOPIC_WEIGHTS: Array<[string, number]> = [
	['roads', 14],
	['water', 10],
	['waste', 9],
	['improvement', 9],
	['heating', 8],
	['lighting', 8],
	['electricity', 6],
	['transport', 5],
	['utilities', 5],
	['education', 5],
	['health', 5],
	['social', 4],
	['culture_sport', 3],
	['animals', 3],
	['communication', 3],
	['housing', 3],
	['trade', 2],
	['safety', 2],
];
const CHANNEL_WEIGHTS: Array<[SeedChannel, number]> = [
	['pos', 35],
	['vk', 25],
	['im', 15],
	['telegram', 15],
	['ok', 10],
];

export function weighted<T>(rng: Rng, items: Array<[T, number]>): T {
	const total = items.reduce((s, [, w]) => s + w, 0);
	let r = rng() * total;
	for (const [item, w] of items) {
		r -= w;
		if (r < 0) return item;
	}
	return items[items.length - 1][0];
}

export function isoMsk(ms: number): string {
	return `${new Date(ms + 3 * HOUR).toISOString().slice(0, 19)}+03:00`;
}

function makePeople(rng: Rng, count: number): SeedPerson[] {
	const people: SeedPerson[] = [];
	for (let i = 0; i < count; i++) {
		const female = rng() < 0.55;
		const surnameBase = pick(rng, SURNAMES);
		const surname = female ? `${surnameBase}а` : surnameBase;
		const name = pick(rng, female ? FEMALE_NAMES : MALE_NAMES);
		const patronymic = `${pick(rng, PATRONYMIC_ROOTS)}${female ? 'на' : 'ич'}`;
		const translit = `user${1000 + i}`;
		people.push({
			id: `person-${i + 1}`,
			surname,
			name,
			patronymic,
			phone: `+7911${String(1000000 + Math.floor(rng() * 8999999)).slice(0, 7)}`,
			email: `${translit}@mail.example`,
			vkId: 100000 + i * 37,
			okId: String(500000000 + i * 91),
			telegramId: 700000000 + i * 53,
			telegramUsername: rng() < 0.6 ? `${translit}_tg` : undefined,
		});
	}
	return people;
}

/** A place inside a settlement, as a citizen writes it, and the address for the record. */
export function place(
	rng: Rng,
	settlement: SeedSettlement,
): { phrase: string; address: string; village?: string } {
	const street = pick(rng, settlement.streets);
	const house = intBetween(rng, 1, 45);
	const streetOblique = street.endsWith('ая') ? `${street.slice(0, -2)}ой` : street;
	if (settlement.id === 'dedovichi') {
		const inTown = rng() < 0.35 ? ' в Дедовичах' : '';
		return {
			phrase: `ул. ${streetOblique}${inTown}`,
			address: `п. Дедовичи, ул. ${street}, д. ${house}`,
		};
	}
	const village = pick(rng, settlement.villages);
	return {
		phrase: `д. ${village}`,
		address: `${settlement.name}, д. ${village}, ул. ${street}, д. ${house}`,
		village,
	};
}

/** Puts the place into a problem template with the right preposition. */
export function fillPlace(template: string, p: { phrase: string; village?: string }): string {
	if (!template.includes('{place}')) return `${template} (${p.phrase})`;
	// (`\b` does not work with Cyrillic in JS regular expressions.)
	if (p.village)
		return template.replace(/(^|\s)на \{place\}/, `$1в ${p.phrase}`).replace('{place}', p.phrase);
	return template.replace(/(^|\s)в \{place\}/, `$1на ${p.phrase}`).replace('{place}', p.phrase);
}

const capitalize = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);

interface Draft {
	channel: SeedChannel;
	topic: string;
	settlement: SeedSettlement;
	at: number;
	author: SeedPerson | null;
	flags: Set<string>;
	problem?: string;
	placeInfo?: ReturnType<typeof place>;
	extra?: string[];
}

function kindFor(rng: Rng, channel: SeedChannel): SeedKind {
	switch (channel) {
		case 'pos':
			return rng() < 0.3 ? 'appeal59' : 'message';
		case 'im':
			return 'incident';
		case 'telegram':
			return rng() < 0.75 ? 'direct_message' : 'comment';
		default:
			return rng() < 0.35 ? 'post' : 'comment';
	}
}

function composeText(rng: Rng, d: Draft): string {
	const parts: string[] = [];
	const social = d.channel !== 'pos';
	if (!social || rng() < 0.3) parts.push(pick(rng, GREETINGS));
	const intro = social ? pick(rng, SOCIAL_POST_INTROS) : '';
	parts.push(intro);
	const filled = fillPlace(d.problem!, d.placeInfo!);
	const problem = /[,:]$/.test(intro) ? filled : capitalize(filled);
	const duration = pick(rng, DURATIONS);
	parts.push(`${problem}${duration ? `, ${duration}` : ''}.`);
	for (const e of d.extra ?? []) parts.push(e);
	if (d.flags.has('hostile')) parts.push(pick(rng, HOSTILE));
	if (d.flags.has('obscene')) parts.push(pick(rng, OBSCENE));
	if (d.flags.has('escalation')) parts.push(pick(rng, ESCALATIONS));
	parts.push(pick(rng, REQUESTS));
	return parts.filter(Boolean).join(' ').replace(/\s+/g, ' ').trim();
}

function departmentFor(rng: Rng, topic: string): string {
	const candidates = DEPARTMENTS.filter((d) => d.topics.includes(topic));
	const orgs = candidates.filter((d) => d.organization);
	if (orgs.length && rng() < 0.6) return pick(rng, orgs).id;
	return (candidates.find((d) => !d.organization) ?? candidates[0] ?? DEPARTMENTS[0]).id;
}

function dateText(ms: number): string {
	const d = new Date(ms + 3 * HOUR);
	return `${String(d.getUTCDate()).padStart(2, '0')}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.${d.getUTCFullYear()}`;
}

/** Answer, take-to-work time and rating, consistent with the moment the data is "as of". */
function outcome(
	rng: Rng,
	a: SeedAppeal,
	department: string,
): Pick<SeedAppeal, 'takenAt' | 'answer' | 'rating'> {
	const created = Date.parse(a.createdAt);
	const social = a.channel !== 'pos';
	const head = DEPARTMENTS.find((d) => d.id === department)!.head;
	const roll = rng();
	const fate = roll < 0.62 ? 'on_time' : roll < 0.74 ? 'late' : roll < 0.88 ? 'open' : 'never';
	const taken = created + intBetween(rng, 1, social ? 6 : 30) * HOUR;
	const result: Pick<SeedAppeal, 'takenAt' | 'answer' | 'rating'> = {};
	if (fate !== 'never' && taken < NOW) result.takenAt = isoMsk(taken);
	if (fate === 'on_time' || fate === 'late') {
		const delay = social
			? fate === 'on_time'
				? intBetween(rng, 2, 7) * HOUR
				: intBetween(rng, 2, 6) * DAY
			: fate === 'on_time'
				? intBetween(rng, 2, 20) * DAY
				: intBetween(rng, 32, 50) * DAY;
		const at = created + delay;
		if (at < NOW) {
			const formal = rng() < 0.18;
			const text = formal
				? pick(rng, FORMAL_ANSWERS)
				: pick(rng, GOOD_ANSWERS)
						.replace('{date}', dateText(at - DAY))
						.replace('{until}', dateText(at + 20 * DAY));
			const answer: SeedAnswer = { at: isoMsk(at), text, by: head, late: fate === 'late', formal };
			result.answer = answer;
			if ((a.channel === 'pos' || a.channel === 'im') && rng() < 0.65) {
				result.rating = formal
					? intBetween(rng, 1, 2)
					: fate === 'late'
						? intBetween(rng, 2, 4)
						: intBetween(rng, 4, 5);
			}
		}
	}
	return result;
}

/** A copy of an appeal (duplicate, follow-up) is handled on its own: nothing of the original's answer carries over. */
function ownOutcome(rng: Rng, copy: SeedAppeal, department: string): void {
	Object.assign(
		copy,
		{ answer: undefined, takenAt: undefined, rating: undefined },
		outcome(rng, copy, department),
	);
}

/** The original's expected result with one more flag (once, the flags kept sorted). */
const withFlag = (expected: SeedAppeal['expected'], flag: string): SeedAppeal['expected'] => ({
	...expected,
	flags: [...new Set([...expected.flags, flag])].sort(),
});

export function generateDistrict(seed: number = DEFAULT_SEED): District {
	const rng = createRng(seed);
	const people = makePeople(rng, 320);
	const drafts: Draft[] = [];
	const settlementFor = () => (rng() < 0.6 ? SETTLEMENTS[0] : pick(rng, SETTLEMENTS.slice(1)));
	const randomTime = () => {
		const t = START + rng() * (END - START);
		// More appeals in the daytime.
		const hour = new Date(t + 3 * HOUR).getUTCHours();
		return hour < 7 && rng() < 0.7 ? t + 9 * HOUR : t;
	};

	for (let i = 0; i < 540; i++) {
		const channel = weighted(rng, CHANNEL_WEIGHTS);
		const anonymous = channel !== 'pos' && channel !== 'im' && rng() < 0.1;
		const flags = new Set<string>();
		if (anonymous) flags.add('anonymous');
		const mood = rng();
		if (mood < 0.04) flags.add('obscene');
		else if (mood < 0.09) flags.add('hostile');
		if (rng() < 0.07) flags.add('escalation');
		const topic = weighted(rng, TOPIC_WEIGHTS);
		const settlement = settlementFor();
		drafts.push({
			channel,
			topic,
			settlement,
			at: randomTime(),
			author: anonymous ? null : pick(rng, people),
			flags,
			problem: pick(rng, PROBLEMS[topic]),
			placeInfo: place(rng, settlement),
		});
	}

	// Social posts as people really write them: indirect, with typos, about two things at once. A side generator
	// keeps every other field of the district as it was (same seed → same data as before for the rest).
	const side = createRng(seed * 31 + 7);
	const typos = new Set<Draft>();
	for (const d of drafts) {
		if (
			(d.channel !== 'vk' && d.channel !== 'ok' && d.channel !== 'telegram') ||
			side() >= 0.45 ||
			!INDIRECT[d.topic]
		)
			continue;
		let problem = pick(side, INDIRECT[d.topic]);
		const pair = MULTI.find(([first]) => first === d.topic);
		if (pair && side() < 0.5)
			problem += `, и ещё ${pick(side, INDIRECT[pair[1]]).replace(/\s*(?:на|в|у|по|до|с|из)?\s*\{place\}/g, '')}`;
		d.problem = problem;
		if (side() < 0.5) typos.add(d);
	}

	// Root causes: the same problem in one place, reported by many people over a few days.
	const clusters: Array<{
		id: string;
		topic: string;
		settlement: SeedSettlement;
		problem: string;
		start: number;
		size: number;
	}> = [
		{
			id: 'cluster-water-sovetskaya',
			topic: 'water',
			settlement: SETTLEMENTS[0],
			problem: PROBLEMS.water[0],
			start: Date.parse('2026-10-06T07:30:00+03:00'),
			size: 12,
		},
		{
			id: 'cluster-heating-energetikov',
			topic: 'heating',
			settlement: SETTLEMENTS[0],
			problem: PROBLEMS.heating[0],
			start: Date.parse('2026-10-14T08:00:00+03:00'),
			size: 10,
		},
		{
			id: 'cluster-roads-vyazye',
			topic: 'roads',
			settlement: SETTLEMENTS[1],
			problem: PROBLEMS.roads[3],
			start: Date.parse('2026-09-15T09:00:00+03:00'),
			size: 8,
		},
		{
			id: 'cluster-waste-pozherevitsy',
			topic: 'waste',
			settlement: SETTLEMENTS[2],
			problem: PROBLEMS.waste[0],
			start: Date.parse('2026-08-20T10:00:00+03:00'),
			size: 9,
		},
	];
	const clusterOf = new Map<Draft, string>();
	for (const c of clusters) {
		const fixedPlace = place(rng, c.settlement);
		if (c.id === 'cluster-water-sovetskaya')
			Object.assign(fixedPlace, { phrase: 'ул. Советской', address: 'п. Дедовичи, ул. Советская' });
		if (c.id === 'cluster-heating-energetikov')
			Object.assign(fixedPlace, {
				phrase: 'ул. Энергетиков',
				address: 'п. Дедовичи, ул. Энергетиков',
			});
		for (let k = 0; k < c.size; k++) {
			const draft: Draft = {
				channel: weighted(rng, CHANNEL_WEIGHTS),
				topic: c.topic,
				settlement: c.settlement,
				at: c.start + k * intBetween(rng, 2, 9) * HOUR,
				author: pick(rng, people),
				flags: new Set(['cluster']),
				problem: c.problem,
				placeInfo: fixedPlace,
			};
			if (k > 6 && rng() < 0.5) draft.flags.add('hostile');
			drafts.push(draft);
			clusterOf.set(draft, c.id);
		}
	}

	drafts.sort((a, b) => a.at - b.at);
	const appeals: SeedAppeal[] = [];
	const postsByChannel: Record<string, number[]> = { vk: [], ok: [], telegram: [] };
	const push = (d: Draft, overrides: Partial<SeedAppeal> = {}): SeedAppeal => {
		let kind = kindFor(rng, d.channel);
		if (
			(kind === 'comment' && d.channel !== 'telegram' && postsByChannel[d.channel].length === 0) ||
			(kind === 'comment' && d.channel === 'telegram' && postsByChannel.telegram.length === 0)
		) {
			kind = d.channel === 'telegram' ? 'direct_message' : 'post';
		}
		const seq = appeals.length + 1;
		const a: SeedAppeal = {
			seq,
			channel: d.channel,
			kind,
			createdAt: isoMsk(d.at),
			author: d.author,
			text: typos.has(d) ? withTypo(side, composeText(rng, d)) : composeText(rng, d),
			settlementId: d.settlement.id,
			address: d.placeInfo!.address,
			expected: { topic: d.topic, settlementId: d.settlement.id, flags: [...d.flags].sort() },
			...overrides,
		};
		if (kind === 'comment') a.parentSeq = pick(rng, postsByChannel[d.channel].slice(-15));
		if (kind === 'post' && d.channel !== 'telegram') postsByChannel[d.channel].push(seq);
		if (d.channel === 'im') {
			const network = pick(rng, ['vk', 'ok', 'telegram'] as const);
			a.origin = {
				network,
				postUrl:
					network === 'vk'
						? `https://vk.com/wall-${218000000 + seq}_${seq}`
						: network === 'ok'
							? `https://ok.ru/group/70000001/topic/${9000 + seq}`
							: `https://t.me/dedovichi_online/${seq}`,
			};
		}
		const cluster = clusterOf.get(d);
		if (cluster) a.clusterId = cluster;
		a.department = departmentFor(rng, d.topic);
		Object.assign(a, outcome(rng, a, a.department));
		appeals.push(a);
		return a;
	};
	// The administration's own channel posts in Telegram (citizens comment under them).
	const tgPostSeqs: number[] = [];
	for (const d of drafts) {
		const a = push(d);
		if (
			d.channel === 'telegram' &&
			a.kind === 'direct_message' &&
			tgPostSeqs.length < 1 &&
			rng() < 0.05
		)
			tgPostSeqs.push(a.seq);
		if (a.channel === 'telegram') postsByChannel.telegram.push(a.seq);
	}

	// Cross-channel duplicates: the same person posts the same text elsewhere an hour or two later.
	const originals = appeals
		.filter((a) => a.author && !a.clusterId && a.channel !== 'im')
		.slice(0, 400);
	for (let i = 0; i < 16; i++) {
		const original = pick(rng, originals);
		const channels: SeedChannel[] = (['pos', 'vk', 'telegram', 'ok'] as SeedChannel[]).filter(
			(c) => c !== original.channel,
		);
		const channel = pick(rng, channels);
		const at = Date.parse(original.createdAt) + intBetween(rng, 1, 3) * HOUR;
		const seq = appeals.length + 1;
		const duplicate: SeedAppeal = {
			...original,
			seq,
			channel,
			kind: channel === 'pos' ? 'message' : channel === 'telegram' ? 'direct_message' : 'post',
			createdAt: isoMsk(at),
			parentSeq: undefined,
			origin: undefined,
			duplicateOfSeq: original.seq,
			expected: withFlag(original.expected, 'duplicate'),
		};
		ownOutcome(rng, duplicate, original.department!);
		if (channel !== 'pos' && channel !== 'telegram') postsByChannel[channel].push(seq);
		appeals.push(duplicate);
	}

	// Follow-ups: the same person on the same problem weeks later, usually because nobody answered.
	const unanswered = appeals.filter(
		(a) => a.author && !a.answer && Date.parse(a.createdAt) < NOW - 25 * DAY,
	);
	for (let i = 0; i < 18 && unanswered.length; i++) {
		const original = pick(rng, unanswered);
		const at = Math.min(Date.parse(original.createdAt) + intBetween(rng, 14, 30) * DAY, END);
		const seq = appeals.length + 1;
		const followUp: SeedAppeal = {
			...original,
			seq,
			createdAt: isoMsk(at),
			text: `${pick(rng, FOLLOW_UPS)} ${original.text}`,
			parentSeq: original.parentSeq,
			kind: original.kind,
			duplicateOfSeq: original.seq,
			expected: withFlag(original.expected, 'repeat'),
		};
		ownOutcome(rng, followUp, original.department!);
		appeals.push(followUp);
	}

	// Odd records, for the "bad input" paths of every adapter.
	const oddities = [
		'empty_text',
		'bad_date',
		'unknown_status',
		'huge_text',
		'emoji_only',
		'no_settlement',
	];
	const referenced = new Set(
		appeals
			.flatMap((a) => [a.duplicateOfSeq, a.parentSeq])
			.filter((x): x is number => x !== undefined),
	);
	for (let i = 0; i < 14; i++) {
		const a = appeals[intBetween(rng, 0, appeals.length - 1)];
		if (a.oddities || a.clusterId || a.duplicateOfSeq || referenced.has(a.seq)) continue;
		const odd = oddities[i % oddities.length];
		a.oddities = [odd];
		if (odd === 'huge_text') a.text = Array.from({ length: 40 }, () => a.text).join(' ');
		if (odd === 'emoji_only') {
			a.text = '😡😡😡 👎';
			a.expected = {
				...a.expected,
				topic: 'undefined',
				flags: a.expected.flags.filter((f) => f === 'anonymous'),
			};
		}
	}

	// A few late ПОС answers came after a timely intermediate answer with a term (the answer check waives lateness).
	// Picked without the generator, so nothing else in the district changes.
	const lateAnswered = appeals.filter(
		(a) =>
			a.channel === 'pos' &&
			a.answer?.late &&
			!a.answer.formal &&
			!a.oddities &&
			!a.duplicateOfSeq &&
			!referenced.has(a.seq),
	);
	for (const a of lateAnswered.sort((x, y) => x.seq - y.seq).slice(0, INTERMEDIATE_COUNT)) {
		const answerAt = Date.parse(a.answer!.at);
		a.answer!.intermediate = {
			at: isoMsk(Date.parse(a.createdAt) + 25 * DAY),
			text: INTERMEDIATE_ANSWER.replace('{until}', dateText(answerAt + 3 * DAY)),
		};
	}

	appeals.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.seq - b.seq);
	return {
		seed,
		now: DISTRICT_NOW,
		name: 'Дедовичский район',
		vkGroupId: 218000001,
		okGroupId: '70000001',
		telegramChannel: 'dedovichi_adm',
		settlements: SETTLEMENTS,
		departments: DEPARTMENTS,
		people,
		appeals,
	};
}

/** The labelled copy for evaluating classification: text and the truth about it. */
export function labelledSet(district: District): Array<{
	seq: number;
	channel: SeedChannel;
	text: string;
	topic: string;
	settlementId: string;
	flags: string[];
}> {
	return district.appeals
		.filter((a) => !a.oddities?.includes('empty_text'))
		.map((a) => ({
			seq: a.seq,
			channel: a.channel,
			text: a.text,
			topic: a.expected.topic,
			settlementId: a.expected.settlementId,
			flags: a.expected.flags,
		}));
}
