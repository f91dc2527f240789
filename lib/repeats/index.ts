import { sortSmall } from '../sortSmall';
import { stems } from '../text/russian';

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
	author?: {
		id?: string | null;
		name?: string | null;
		contact?: string | null;
		anonymous?: boolean;
	} | null;
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
const STOP = new Set([
	'на',
	'в',
	'и',
	'не',
	'с',
	'у',
	'по',
	'до',
	'из',
	'что',
	'это',
	'уже',
	'как',
	'а',
	'но',
	'за',
	'от',
	'к',
	'о',
	'же',
	'так',
	'д',
	'ул',
	'прош',
	'прос',
	'здравствуйт',
	'добр',
	'ден',
	'когд',
]);

/**
 * Every meaningful stem met, by a number (in the order first met); -1 for a stem too short or too common to count.
 * Signatures are sorted numbers: they sort and merge faster than strings, and the author index needs no map of its own.
 */
const stemIds = new Map<string, number>();
const stemOfId: string[] = [];

function stemId(s: string): number {
	let id = stemIds.get(s);
	if (id === undefined) {
		id = s.length > 2 && !STOP.has(s) ? stemOfId.push(s) - 1 : -1;
		stemIds.set(s, id);
	}
	return id;
}

/** The distinct meaningful stems of a text, as their numbers in ascending order: compared by merging, no Set per text. */
function signature(textStems: string[]): number[] {
	const kept: number[] = [];
	for (let i = 0; i < textStems.length; i++) {
		const id = stemId(textStems[i]);
		if (id >= 0) kept.push(id);
	}
	// A text's few stems sort faster by insertion than through the generic sort.
	if (kept.length > 48) kept.sort((x, y) => x - y);
	else sortSmall(kept);
	let n = 0;
	for (let i = 0; i < kept.length; i++) if (i === 0 || kept[i] !== kept[n - 1]) kept[n++] = kept[i];
	kept.length = n;
	return kept;
}

/** The text's six first stems in string (code unit) order, joined: the bucket of the same-text pass. */
function fingerprintOf(sig: number[]): string {
	const first: string[] = [];
	for (let i = 0; i < sig.length; i++) {
		const s = stemOfId[sig[i]];
		const n = first.length;
		if (n === 6 && !(s < first[5])) continue;
		let j = n === 6 ? 5 : n;
		while (j > 0 && first[j - 1] > s) {
			first[j] = first[j - 1];
			j--;
		}
		first[j] = s;
	}
	return first.join('|');
}

/** Jaccard similarity of two signatures (sorted, distinct). */
function jaccard(a: number[], b: number[]): number {
	if (!a.length || !b.length) return 0;
	let inter = 0;
	for (let i = 0, j = 0; i < a.length && j < b.length; ) {
		if (a[i] === b[j]) {
			inter++;
			i++;
			j++;
		} else if (a[i] < b[j]) i++;
		else j++;
	}
	return inter / (a.length + b.length - inter);
}

function authorKey(a: RepeatAppeal): string | undefined {
	const author = a.author;
	if (!author || author.anonymous) return undefined;
	if (author.contact)
		return `c:${author.contact.replace(/\D/g, '') || author.contact.toLowerCase()}`;
	if (author.name)
		return `n:${author.name.toLowerCase().replace(/\s+/g, ' ')}|${a.settlement ?? ''}`;
	if (author.id) return `i:${a.source}:${author.id}`;
	return undefined;
}

const PLACE =
	/(?:ул\.|улица|улице|пер\.|переулок|д\.|дер\.|деревня|с\.|село)\s*([А-ЯЁ][а-яё-]+(?:\s[А-ЯЁ][а-яё-]+)?)/;

/** Where a problem is: the street or village of the address, normalized (stems), else the settlement. */
export function placeKey(a: RepeatAppeal): string {
	const m = PLACE.exec(a.address ?? a.text ?? '');
	if (!m) return `settlement:${a.settlement ?? '?'}`;
	// A district has a few hundred streets and villages: each name is stemmed once.
	let key = placeKeys.get(m[1]);
	if (key === undefined) {
		key = stems(m[1]).join(' ');
		if (placeKeys.size >= 10_000) placeKeys.clear();
		placeKeys.set(m[1], key);
	}
	return key;
}
const placeKeys = new Map<string, string>();

/** An appeal with what the passes need computed once: its time and its text's signature. */
interface Item {
	a: RepeatAppeal;
	t: number;
	sig: number[];
}

/**
 * @param textStems `stems(appeals[i].text)` when the caller already has them (structuring stems each text once).
 */
export function linkRepeats(
	appeals: RepeatAppeal[],
	options: RepeatOptions = {},
	textStems?: ReadonlyArray<string[]>,
): { links: RepeatLink[]; clusters: ProblemCluster[] } {
	const { linkById, clusters } = linkRepeatsById(appeals, options, textStems);
	return { links: [...linkById.values()], clusters };
}

/** `linkRepeats` with the links by appeal id (in the order of `links`), for a caller that looks them up by id. */
export function linkRepeatsById(
	appeals: RepeatAppeal[],
	options: RepeatOptions = {},
	textStems?: ReadonlyArray<string[]>,
): { linkById: Map<string, RepeatLink>; clusters: ProblemCluster[] } {
	const windowMs = (options.windowDays ?? 30) * DAY;
	if (stemOfId.length >= 200_000) {
		// Numbers are only compared within a call: start over between calls, as the stem cache does.
		stemIds.clear();
		stemOfId.length = 0;
	}
	const sameText = options.textSimilarity ?? 0.8;
	const sorted: Item[] = appeals.map((a, i) => ({
		a,
		t: Date.parse(a.receivedAt),
		sig: signature(textStems?.[i] ?? stems(a.text)),
	}));
	sorted.sort((x, y) => x.t - y.t || x.a.id.localeCompare(y.a.id));
	sameIdSameSignature(sorted);
	const links = new Map<string, RepeatLink>();
	const primaryOf = (id: string): string => links.get(id)?.primaryId ?? id;

	// 1. Same author: each appeal is linked to the latest earlier one of that author (in the window) that has its topic
	// or a similar enough text.
	if (!sameAuthorIndexed(sorted, windowMs, sameText, links, primaryOf))
		sameAuthorScan(sorted, windowMs, sameText, links, primaryOf);

	// 2. The same text from different accounts (copied posts): bucket by the text's rarest words.
	const byFingerprint = new Map<string, Item[]>();
	for (const x of sorted) {
		const a = x.a;
		if (links.has(a.id)) continue;
		const sig = x.sig;
		if (sig.length < 5) continue;
		const fingerprint = fingerprintOf(sig);
		const bucket = byFingerprint.get(fingerprint);
		if (!bucket) {
			byFingerprint.set(fingerprint, [x]);
			continue;
		}
		let score = 0;
		const match = bucket.find(
			(y) => x.t - y.t <= windowMs && (score = jaccard(sig, y.sig)) >= sameText,
		);
		if (match)
			links.set(a.id, {
				id: a.id,
				primaryId: primaryOf(match.a.id),
				reason: 'same_text',
				score: round(score),
			});
		bucket.push(x);
	}

	return { linkById: links, clusters: findClusters(sorted, options) };
}

type Links = Map<string, RepeatLink>;

/** Decides the link of `x` to the earlier `y` (of the same author, in the window), or none: the rule of both passes below. */
function linkTo(
	x: Item,
	y: Item,
	sameText: number,
	links: Links,
	primaryOf: (id: string) => string,
): boolean {
	const a = x.a;
	const b = y.a;
	const score = jaccard(x.sig, y.sig);
	if (score >= sameText && a.source !== b.source) {
		links.set(a.id, {
			id: a.id,
			primaryId: primaryOf(b.id),
			reason: 'cross_channel_duplicate',
			score: round(score),
		});
		return true;
	}
	if ((a.topic && a.topic === b.topic && a.topic !== 'undefined') || score >= 0.5) {
		links.set(a.id, {
			id: a.id,
			primaryId: primaryOf(b.id),
			reason: 'same_author_same_problem',
			score: round(score),
		});
		return true;
	}
	return false;
}

/** The plain pass: every earlier appeal of the author, latest first, until one links or the window ends. */
function sameAuthorScan(
	sorted: Item[],
	windowMs: number,
	sameText: number,
	links: Links,
	primaryOf: (id: string) => string,
): void {
	const byAuthor = new Map<string, Item[]>();
	for (const x of sorted) {
		const key = authorKey(x.a);
		if (!key) continue;
		const earlier = byAuthor.get(key);
		if (earlier) {
			for (let i = earlier.length - 1; i >= 0; i--) {
				const y = earlier[i];
				if (x.t - y.t > windowMs) break;
				if (linkTo(x, y, sameText, links, primaryOf)) break;
			}
			earlier.push(x);
		} else byAuthor.set(key, [x]);
	}
}

interface AuthorIndex {
	items: Item[];
	/** The index in `items` of the latest appeal with each topic. */
	lastOfTopic: Map<unknown, number>;
	/** Token id → indices in `items` (ascending) of the appeals with that token in their signature's prefix. */
	postings: Map<number, number[]>;
}

/**
 * The same result as `sameAuthorScan` without comparing each appeal with all of the author's earlier ones (one
 * author with thousands of appeals, as a portal's batch signed «Заявитель», made that quadratic). An earlier appeal
 * links when its topic is the same (the latest such one is kept per topic) or when the similarity reaches
 * min(0.5, sameText); the second is found by prefix filtering: with the tokens of every signature in one fixed order
 * (rarest first), two sets with Jaccard ≥ t share a token among the first |s| − ⌈t·|s|⌉ + 1 of each (one more here, against
 * rounding). The latest candidate that passes the exact rule wins, as the backward scan would pick it. Needs times in
 * ascending order (no unparsable dates) so that the window is a suffix; returns false to leave it to the plain pass.
 */
function sameAuthorIndexed(
	sorted: Item[],
	windowMs: number,
	sameText: number,
	links: Links,
	primaryOf: (id: string) => string,
): boolean {
	const t = Math.min(0.5, sameText);
	if (!(t > 0)) return false;
	for (const x of sorted) if (Number.isNaN(x.t)) return false;
	const keys = sorted.map((x) => authorKey(x.a));
	// Token order: rarer first (document frequency among the appeals that have an author), then first seen; as one
	// number per token (frequency × distinct tokens + id), so that each signature sorts as plain numbers.
	// The token of each stem number (-1: none yet).
	const idOf = new Int32Array(stemOfId.length).fill(-1);
	const df: number[] = [];
	// Each signature's tokens, one after another: those of sorted[i] are tokens[from[i]] … tokens[from[i + 1] - 1].
	let total = 0;
	let longest = 0;
	for (let i = 0; i < sorted.length; i++)
		if (keys[i]) {
			total += sorted[i].sig.length;
			longest = Math.max(longest, sorted[i].sig.length);
		}
	const tokens = new Int32Array(total);
	const from = new Int32Array(sorted.length + 1);
	for (let i = 0, at = 0; i < sorted.length; i++) {
		from[i] = at;
		if (!keys[i]) continue;
		const sig = sorted[i].sig;
		for (let k = 0; k < sig.length; k++) {
			let id = idOf[sig[k]];
			if (id < 0) {
				id = df.length;
				idOf[sig[k]] = id;
				df.push(1);
			} else df[id]++;
			tokens[at++] = id;
		}
		from[i + 1] = at;
	}
	const distinct = df.length;
	// One prefix at a time is needed: it is computed into these buffers (no typed arrays per appeal).
	const order = new Float64Array(longest);
	const prefix = new Int32Array(longest);
	/** Fills `prefix` with the ids of the first tokens of sorted[i]'s signature in that order; returns their count. */
	const prefixOf = (i: number): number => {
		const start = from[i];
		const size = sorted[i].sig.length;
		for (let k = 0; k < size; k++) {
			const id = tokens[start + k];
			order[k] = df[id] * distinct + id;
		}
		// Distinct numbers: by insertion for a text's few tokens (the builtin sort costs a runtime call).
		if (size > 48) order.subarray(0, size).sort();
		else
			for (let k = 1; k < size; k++) {
				const x = order[k];
				let j = k - 1;
				while (j >= 0 && order[j] > x) {
					order[j + 1] = order[j];
					j--;
				}
				order[j + 1] = x;
			}
		const alpha = Math.max(1, Math.ceil(t * size) - 1);
		const count = Math.max(0, size - alpha + 1);
		for (let k = 0; k < count; k++) prefix[k] = order[k] % distinct;
		return count;
	};
	// An author's first appeal is only remembered by its position: the index (two maps, the prefix) is built when a
	// second one comes, so that the many authors who write once cost no index.
	const byAuthor = new Map<string, AuthorIndex | number>();
	const add = (index: AuthorIndex, x: Item, count: number) => {
		const j = index.items.length;
		index.items.push(x);
		if (x.a.topic && x.a.topic !== 'undefined') index.lastOfTopic.set(x.a.topic, j);
		for (let k = 0; k < count; k++) {
			const list = index.postings.get(prefix[k]);
			if (list) list.push(j);
			else index.postings.set(prefix[k], [j]);
		}
	};
	let stamp = 0;
	const seen = new Int32Array(sorted.length).fill(-1);
	for (let n = 0; n < sorted.length; n++) {
		const key = keys[n];
		if (!key) continue;
		let index = byAuthor.get(key);
		if (index === undefined) {
			byAuthor.set(key, n);
			continue;
		}
		if (typeof index === 'number') {
			const first = index;
			index = { items: [], lastOfTopic: new Map(), postings: new Map() };
			add(index, sorted[first], prefixOf(first));
			byAuthor.set(key, index);
		}
		const x = sorted[n];
		const count = prefixOf(n);
		stamp++;
		const best = latestLinking(index, x, prefix, count, windowMs, sameText, t, seen, stamp);
		if (best >= 0) linkTo(x, index.items[best], sameText, links, primaryOf);
		add(index, x, count);
	}
	return true;
}

/**
 * The index in `index.items` of the latest earlier appeal `x` links to (see linkTo), or -1. Candidates: the latest of
 * the same topic, and those sharing a prefix token (all with similarity ≥ t among them); `seen[j] === stamp` marks
 * the ones already rejected for this `x`.
 */
function latestLinking(
	index: AuthorIndex,
	x: Item,
	prefix: Int32Array,
	count: number,
	windowMs: number,
	sameText: number,
	t: number,
	seen: Int32Array,
	stamp: number,
): number {
	const { items, lastOfTopic, postings } = index;
	const topic = x.a.topic;
	const sameTopic = !!topic && topic !== 'undefined';
	let best = -1;
	if (sameTopic) {
		const j = lastOfTopic.get(topic);
		if (j !== undefined && !(x.t - items[j].t > windowMs)) best = j;
	}
	const size = x.sig.length;
	// Below this size ratio the similarity cannot reach t (a hair lower, against rounding).
	const ratio = t * (1 - 1e-9);
	for (let k = 0; k < count; k++) {
		const list = postings.get(prefix[k]);
		if (!list) continue;
		for (let p = list.length - 1; p >= 0; p--) {
			const j = list[p];
			if (j <= best) break;
			const y = items[j];
			if (x.t - y.t > windowMs) break;
			if (seen[j] === stamp) continue;
			seen[j] = stamp;
			if (sameTopic && topic === y.a.topic) {
				best = j;
				break;
			}
			const other = y.sig.length;
			if ((size < other ? size / other : other / size) < ratio) continue;
			const score = jaccard(x.sig, y.sig);
			if (score >= 0.5 || (score >= sameText && x.a.source !== y.a.source)) {
				best = j;
				break;
			}
		}
	}
	return best;
}

/** Signatures were looked up by id: with repeated ids, every one used the last (in time order) text's. */
function sameIdSameSignature(sorted: Item[]): void {
	const last = new Map<string, number[]>();
	for (const x of sorted) last.set(x.a.id, x.sig);
	if (last.size === sorted.length) return;
	for (const x of sorted) x.sig = last.get(x.a.id)!;
}

function findClusters(sorted: Item[], options: RepeatOptions): ProblemCluster[] {
	const gap = (options.clusterGapDays ?? 7) * DAY;
	const minSize = options.minClusterSize ?? 3;
	const buckets = new Map<string, Item[]>();
	for (const x of sorted) {
		const a = x.a;
		if (!a.topic || a.topic === 'undefined') continue;
		const key = `${a.topic}|${a.settlement ?? ''}|${placeKey(a)}`;
		const list = buckets.get(key);
		if (list) list.push(x);
		else buckets.set(key, [x]);
	}
	const clusters: ProblemCluster[] = [];
	for (const [key, list] of buckets) {
		let group: Item[] = [];
		const flush = () => {
			if (group.length >= minSize) {
				const [topic, settlement, place] = key.split('|');
				const first = group[0].a;
				clusters.push({
					id: `cluster:${topic}:${place}:${first.receivedAt.slice(0, 10)}`,
					topic,
					settlement: settlement || null,
					place,
					size: group.length,
					firstAt: first.receivedAt,
					lastAt: group[group.length - 1].a.receivedAt,
					channels: [...new Set(group.map((g) => g.a.source))].sort(),
					appealIds: group.map((g) => g.a.id),
					primaryId: first.id,
				});
			}
			group = [];
		};
		for (const x of list) {
			if (group.length && x.t - group[group.length - 1].t > gap) flush();
			group.push(x);
		}
		flush();
	}
	return clusters.sort((a, b) => b.size - a.size || a.firstAt.localeCompare(b.firstAt));
}

const round = (x: number) => Math.round(x * 100) / 100;
