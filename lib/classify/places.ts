import { tokenize } from '../text/russian';
import type { GazetteerEntry } from './gazetteer';

/**
 * Finding the district's places in a text in any case form («в Дубровне», «из Вязья», «на Вязье», «в Красных
 * Луках»), after abbreviations («д.», «дер.», «п.», «пос.», «с.» are just words before the name) and with one wrong,
 * missing, extra or swapped letter in names of six letters or more. Place names decline like nouns and adjectives
 * but Snowball treats them as common words (and leaves fleeting vowels: «Крутец» / «в Крутце»), so names are
 * compared on their own stems: the word minus a case ending.
 */
const ENDINGS = [
	'ями',
	'ами',
	'ими',
	'ыми',
	'ого',
	'его',
	'ому',
	'ему',
	'ьем',
	'ьём',
	'ьев',
	'ах',
	'ях',
	'ам',
	'ям',
	'ой',
	'ей',
	'ий',
	'ый',
	'ая',
	'яя',
	'ое',
	'ее',
	'ые',
	'ие',
	'ых',
	'их',
	'ым',
	'им',
	'ую',
	'юю',
	'ом',
	'ем',
	'ов',
	'ев',
	'ью',
	'ье',
	'ья',
	'ьи',
	'ью',
	'а',
	'я',
	'о',
	'е',
	'ы',
	'и',
	'у',
	'ю',
	'ь',
].sort((a, b) => b.length - a.length);

/** The endings by their last letter, longest first as in ENDINGS: a word is tried only against those that can match. */
const ENDINGS_BY_LAST = new Map<string, string[]>();
for (const e of ENDINGS) {
	const last = e[e.length - 1];
	const list = ENDINGS_BY_LAST.get(last);
	if (list) list.push(e);
	else ENDINGS_BY_LAST.set(last, [e]);
}

/** The word minus its case ending (at least three letters stay). */
export function nameStem(word: string): string {
	const endings = ENDINGS_BY_LAST.get(word[word.length - 1]);
	if (endings !== undefined)
		for (const e of endings)
			if (word.length - e.length >= 3 && word.endsWith(e)) return word.slice(0, -e.length);
	return word;
}

/** Stems a name may take: «крутец» also «крутц» (the vowel that drops in «Крутца», «в Крутце»). */
function stemVariants(word: string): string[] {
	const s = nameStem(word);
	const out = [s];
	const fleeting = /^(.*[бвгджзклмнпрстфхцчшщ])[еоё]([кцнлр])$/.exec(s);
	if (fleeting && fleeting[1].length >= 3) out.push(fleeting[1] + fleeting[2]);
	// …and the vowel that appears in the genitive plural: «Горки» / «из Горок», «Ясски» / «из Ясок».
	const plural = /^(.*[бвгджзклмнпрстфхцчшщ])к$/.exec(s);
	if (plural && word !== s) {
		out.push(plural[1] + 'ок', plural[1] + 'ек');
		const base = plural[1];
		if (base.length >= 3 && base[base.length - 1] === base[base.length - 2])
			out.push(base.slice(0, -1) + 'ок');
	}
	return out;
}

/** At most one edit (substitution, insertion, deletion, or two neighbours swapped) between a and b. */
export function withinOneEdit(a: string, b: string): boolean {
	if (a === b) return true;
	const la = a.length;
	const lb = b.length;
	if (Math.abs(la - lb) > 1) return false;
	let i = 0;
	while (i < la && i < lb && a[i] === b[i]) i++;
	if (la === lb) {
		if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
		return (
			i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2)
		); // swap
	}
	return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** A text word that is a name's stem with one typo, the typo possibly in the stem or where the ending starts. */
function typoOf(word: string, stem: string, variant: string): boolean {
	// Quick no: every string compared below starts with the word's first two letters, and one edit keeps one of
	// them in its place or one place over; the lengths must allow a check at all. (A new word meets every fuzzy name.)
	const w0 = word.charCodeAt(0);
	const w1 = word.charCodeAt(1);
	const v0 = variant.charCodeAt(0);
	const v1 = variant.charCodeAt(1);
	const lw = word.length;
	const lv = variant.length;
	if (lw >= 2 && lv >= 2 && w0 !== v0 && w1 !== v1 && w1 !== v0 && w0 !== v1) return false;
	if (Math.abs(stem.length - lv) > 1 && Math.abs(lw - lv) > 1 && !(lw >= lv && lw - lv <= 4))
		return false;
	if (withinOneEdit(stem, variant) || withinOneEdit(word, variant)) return true;
	for (let len = variant.length; len <= variant.length + 1; len++) {
		if (len > word.length || word.length - len > 3) continue;
		if (withinOneEdit(word.slice(0, len), variant)) return true;
	}
	return false;
}

export type PlaceKind = 'villages' | 'names' | 'streets';
const KINDS: PlaceKind[] = ['villages', 'names', 'streets'];
const KIND_LABEL: Record<PlaceKind, string> = {
	villages: 'населённый пункт',
	names: 'название',
	streets: 'улица',
};

interface PlaceName {
	entry: GazetteerEntry;
	kind: PlaceKind;
	rank: number;
	/** Stem variants of each word of the name. */
	words: string[][];
	/** The `why.settlement` line. */
	matched: string;
	/** Words long enough (six letters or more) to be matched with one typo. */
	fuzzy: boolean[];
}

/** The names a text word may be the first word of; `typo`: found within one typo, not by the stem. */
interface FirstWord {
	names: PlaceName[];
	typo: boolean;
}

const NO_NAMES: FirstWord = { names: [], typo: false };

export interface PlaceHit {
	entry: GazetteerEntry;
	matched: string;
	kind: PlaceKind;
}

/** Words that are never a place even if a street is named like them («мира» is also «of the world»). */
const MIN_FUZZY = 6;

export function createPlaceMatcher(gazetteer: GazetteerEntry[]) {
	const names: PlaceName[] = [];
	for (const entry of gazetteer) {
		const lists: Array<[PlaceKind, string[]]> = [
			['villages', entry.villages],
			['names', [...entry.aliases, entry.name]],
			['streets', entry.streets],
		];
		for (const [kind, list] of lists) {
			for (const name of list) {
				// Abbreviations and kind words in a name («п. Дедовичи») are dropped: the name itself decides.
				const tokens = tokenize(name).filter((t) => !ABBREVIATIONS.has(t));
				if (tokens.length === 0) continue;
				names.push({
					entry,
					kind,
					rank: KINDS.indexOf(kind),
					words: tokens.map(stemVariants),
					matched: `${KIND_LABEL[kind]}: ${name}`,
					fuzzy: tokens.map((t) => kind !== 'streets' && t.length >= MIN_FUZZY),
				});
			}
		}
	}
	// Names by the stem of their first word; fuzzy first words in a separate list, checked only for unknown words.
	const byFirst = new Map<string, PlaceName[]>();
	const fuzzyFirst: PlaceName[] = [];
	for (const n of names) {
		for (const v of n.words[0]) {
			const list = byFirst.get(v) ?? [];
			if (!list.includes(n)) list.push(n);
			byFirst.set(v, list);
		}
		if (n.fuzzy[0]) fuzzyFirst.push(n);
	}
	const known = new Set<string>();
	for (const n of names) for (const w of n.words) for (const v of w) known.add(v);
	const stemCache = new Map<string, string>();

	const stemOf = (w: string): string => {
		let s = stemCache.get(w);
		if (s === undefined) {
			s = nameStem(w);
			if (stemCache.size > 100_000) stemCache.clear();
			stemCache.set(w, s);
		}
		return s;
	};

	/** Does text word `w` (normalized) stand for word `k` of the name? */
	const wordMatches = (n: PlaceName, k: number, w: string): boolean => {
		const s = stemOf(w);
		if (n.words[k].includes(s)) return true;
		return n.fuzzy[k] && w.length >= MIN_FUZZY - 1 && n.words[k].some((v) => typoOf(w, s, v));
	};

	/** Names whose first word is within one typo of the text word. */
	const fuzzyCandidates = (w: string, s: string): PlaceName[] => {
		const list: PlaceName[] = [];
		if (w.length >= MIN_FUZZY - 1)
			for (const n of fuzzyFirst) if (n.words[0].some((v) => typoOf(w, s, v))) list.push(n);
		return list;
	};

	/**
	 * The names a text word may start, cached per word (words recur across texts: one lookup instead of the stem,
	 * the index, the known stems and the typo candidates each time).
	 */
	const firstWordCache = new Map<string, FirstWord>();
	const firstWord = (w: string): FirstWord => {
		let first = firstWordCache.get(w);
		if (first === undefined) {
			const s = stemOf(w);
			const exact = byFirst.get(s);
			if (exact !== undefined) first = { names: exact, typo: false };
			else if (known.has(s)) first = NO_NAMES;
			else {
				const fuzzy = fuzzyCandidates(w, s);
				first = fuzzy.length ? { names: fuzzy, typo: true } : NO_NAMES;
			}
			if (firstWordCache.size > 100_000) firstWordCache.clear();
			firstWordCache.set(w, first);
		}
		return first;
	};

	/**
	 * The best place named in the words: a village before a settlement's own name before a street; then the earliest.
	 * A name with a typo counts only where it reads as a name: capitalized in `text`, or after «д.», «с.», «в»…
	 * (so «берет» is not «Береза»).
	 */
	function find(words: string[], text?: string): PlaceHit | undefined {
		let best: PlaceName | undefined;
		let bestAt = Infinity;
		let capitalized: Set<string> | undefined;
		const readsAsName = (i: number): boolean => {
			if (i > 0 && MARKERS.has(words[i - 1])) return true;
			if (text === undefined) return false;
			capitalized ??= new Set(
				(text.match(/[А-ЯЁ][а-яё]+/g) ?? []).map((x) => x.toLowerCase().replace(/ё/g, 'е')),
			);
			return capitalized.has(words[i]);
		};
		for (let i = 0; i < words.length; i++) {
			const w = words[i];
			if (w.length < 3) continue;
			const first = firstWord(w);
			// A typo counts only where the word reads as a name; the text's capitalized words (a pass over the text)
			// are needed only then, so most texts never build them.
			if (first.names.length === 0 || (first.typo && !readsAsName(i))) continue;
			for (let c = 0; c < first.names.length; c++) {
				const n = first.names[c];
				if (best && (n.rank > best.rank || (n.rank === best.rank && i >= bestAt))) continue;
				let ok = i + n.words.length <= words.length;
				for (let k = 1; ok && k < n.words.length; k++) ok = wordMatches(n, k, words[i + k]);
				if (ok) {
					best = n;
					bestAt = i;
				}
			}
		}
		return best ? { entry: best.entry, matched: best.matched, kind: best.kind } : undefined;
	}

	return {
		find,
		findInText: (text: string) => find(tokenize(text), text),
	};
}

/** Words after which a word is a place's name. */
const MARKERS = new Set([
	'д',
	'дер',
	'деревня',
	'деревне',
	'деревни',
	'п',
	'пос',
	'поселок',
	'поселке',
	'с',
	'село',
	'селе',
	'в',
	'во',
	'из',
	'на',
	'до',
	'у',
	'около',
	'возле',
	'под',
]);

const ABBREVIATIONS = new Set([
	'д',
	'дер',
	'деревня',
	'п',
	'пос',
	'поселок',
	'посёлок',
	'с',
	'село',
	'г',
	'город',
	'ул',
	'улица',
]);
