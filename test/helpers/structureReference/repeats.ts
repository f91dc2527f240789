/**
 * FROZEN REFERENCE — do not edit it, and never import it from lib/ or nodes/.
 *
 * A verbatim copy of lib/repeats/index.ts as it was before the structuring speed-up. Used only by
 * test/unit/classify/structureEquivalence.test.ts to prove that the fast structuring gives exactly the same
 * output. Only the imports differ (data — dictionary, gazetteer, topics — comes from lib/, unchanged).
 */
import { stems } from './russian';

/**
 * Repeats, duplicates and root causes over a set of appeals, in near-linear time (bucketing, no all-pairs):
 * the same author again on the same problem, the same text in several channels, and clusters of one problem
 * (topic + place + period) reported by many people.
 */
export interface RepeatAppeal {
	id: string;
	source: string;
	receivedAt: string;
	text: string;
	topic?: string | null;
	settlement?: string | null;
	address?: string | null;
	author?: { id?: string | null; name?: string | null; contact?: string | null; anonymous?: boolean } | null;
}

export type LinkReason = 'same_author_same_problem' | 'cross_channel_duplicate' | 'same_text';

export interface RepeatLink {
	id: string;
	primaryId: string;
	reason: LinkReason;
	/** Text similarity (Jaccard of word stems), 0..1. */
	score: number;
}

export interface ProblemCluster {
	id: string;
	topic: string;
	settlement: string | null;
	place: string;
	size: number;
	firstAt: string;
	lastAt: string;
	channels: string[];
	appealIds: string[];
	primaryId: string;
}

export interface RepeatOptions {
	/** The same author on the same topic within this many days is a repeat (default 30). */
	windowDays?: number;
	/** Jaccard similarity from which texts count as the same (default 0.8). */
	textSimilarity?: number;
	/** Appeals of one place and topic closer than this many days form one cluster (default 7). */
	clusterGapDays?: number;
	/** Smallest cluster worth reporting (default 3). */
	minClusterSize?: number;
}

const DAY = 86400000;
/** Words too common to tell problems apart. */
const STOP = new Set(['на', 'в', 'и', 'не', 'с', 'у', 'по', 'до', 'из', 'что', 'это', 'уже', 'как', 'а', 'но', 'за', 'от', 'к', 'о', 'же', 'так', 'д', 'ул', 'прош', 'прос', 'здравствуйт', 'добр', 'ден', 'когд']);

function signature(text: string): Set<string> {
	return new Set(stems(text).filter((s) => s.length > 2 && !STOP.has(s)));
}

function jaccard(a: Set<string>, b: Set<string>): number {
	if (!a.size || !b.size) return 0;
	let inter = 0;
	const [small, large] = a.size < b.size ? [a, b] : [b, a];
	for (const x of small) if (large.has(x)) inter++;
	return inter / (a.size + b.size - inter);
}

function authorKey(a: RepeatAppeal): string | undefined {
	const author = a.author;
	if (!author || author.anonymous) return undefined;
	if (author.contact) return `c:${author.contact.replace(/\D/g, '') || author.contact.toLowerCase()}`;
	if (author.name) return `n:${author.name.toLowerCase().replace(/\s+/g, ' ')}|${a.settlement ?? ''}`;
	if (author.id) return `i:${a.source}:${author.id}`;
	return undefined;
}

/** Where a problem is: the street or village of the address, normalized (stems), else the settlement. */
export function placeKey(a: RepeatAppeal): string {
	const m = /(?:ул\.|улица|улице|пер\.|переулок|д\.|дер\.|деревня|с\.|село)\s*([А-ЯЁ][а-яё-]+(?:\s[А-ЯЁ][а-яё-]+)?)/.exec(a.address ?? a.text ?? '');
	return m ? stems(m[1]).join(' ') : `settlement:${a.settlement ?? '?'}`;
}

export function linkRepeats(appeals: RepeatAppeal[], options: RepeatOptions = {}): { links: RepeatLink[]; clusters: ProblemCluster[] } {
	const windowMs = (options.windowDays ?? 30) * DAY;
	const sameText = options.textSimilarity ?? 0.8;
	const sorted = [...appeals].sort((a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt) || a.id.localeCompare(b.id));
	const sigs = new Map(sorted.map((a) => [a.id, signature(a.text)]));
	const links = new Map<string, RepeatLink>();
	const primaryOf = (id: string): string => links.get(id)?.primaryId ?? id;

	// 1. Same author: compare each appeal only with that author's earlier ones.
	const byAuthor = new Map<string, RepeatAppeal[]>();
	for (const a of sorted) {
		const key = authorKey(a);
		if (!key) continue;
		const earlier = byAuthor.get(key) ?? [];
		for (let i = earlier.length - 1; i >= 0; i--) {
			const b = earlier[i];
			const gap = Date.parse(a.receivedAt) - Date.parse(b.receivedAt);
			if (gap > windowMs) break;
			const score = jaccard(sigs.get(a.id)!, sigs.get(b.id)!);
			if (score >= sameText && a.source !== b.source) {
				links.set(a.id, { id: a.id, primaryId: primaryOf(b.id), reason: 'cross_channel_duplicate', score: round(score) });
				break;
			}
			if ((a.topic && a.topic === b.topic && a.topic !== 'undefined') || score >= 0.5) {
				links.set(a.id, { id: a.id, primaryId: primaryOf(b.id), reason: 'same_author_same_problem', score: round(score) });
				break;
			}
		}
		earlier.push(a);
		byAuthor.set(key, earlier);
	}

	// 2. The same text from different accounts (copied posts): bucket by the text's rarest words.
	const byFingerprint = new Map<string, RepeatAppeal[]>();
	for (const a of sorted) {
		if (links.has(a.id)) continue;
		const sig = [...sigs.get(a.id)!].sort();
		if (sig.length < 5) continue;
		const fingerprint = sig.slice(0, 6).join('|');
		const bucket = byFingerprint.get(fingerprint) ?? [];
		const match = bucket.find((b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt) <= windowMs && jaccard(sigs.get(a.id)!, sigs.get(b.id)!) >= sameText);
		if (match) links.set(a.id, { id: a.id, primaryId: primaryOf(match.id), reason: 'same_text', score: round(jaccard(sigs.get(a.id)!, sigs.get(match.id)!)) });
		bucket.push(a);
		byFingerprint.set(fingerprint, bucket);
	}

	return { links: [...links.values()], clusters: findClusters(sorted, options) };
}

function findClusters(sorted: RepeatAppeal[], options: RepeatOptions): ProblemCluster[] {
	const gap = (options.clusterGapDays ?? 7) * DAY;
	const minSize = options.minClusterSize ?? 3;
	const buckets = new Map<string, RepeatAppeal[]>();
	for (const a of sorted) {
		if (!a.topic || a.topic === 'undefined') continue;
		const key = `${a.topic}|${a.settlement ?? ''}|${placeKey(a)}`;
		const list = buckets.get(key) ?? [];
		list.push(a);
		buckets.set(key, list);
	}
	const clusters: ProblemCluster[] = [];
	for (const [key, list] of buckets) {
		let group: RepeatAppeal[] = [];
		const flush = () => {
			if (group.length >= minSize) {
				const [topic, settlement, place] = key.split('|');
				clusters.push({
					id: `cluster:${topic}:${place}:${group[0].receivedAt.slice(0, 10)}`,
					topic,
					settlement: settlement || null,
					place,
					size: group.length,
					firstAt: group[0].receivedAt,
					lastAt: group[group.length - 1].receivedAt,
					channels: [...new Set(group.map((g) => g.source))].sort(),
					appealIds: group.map((g) => g.id),
					primaryId: group[0].id,
				});
			}
			group = [];
		};
		for (const a of list) {
			if (group.length && Date.parse(a.receivedAt) - Date.parse(group[group.length - 1].receivedAt) > gap) flush();
			group.push(a);
		}
		flush();
	}
	return clusters.sort((a, b) => b.size - a.size || a.firstAt.localeCompare(b.firstAt));
}

const round = (x: number) => Math.round(x * 100) / 100;
