/**
 * Russian text helpers shared by classification, conflicts, repeats, routing and answer checks:
 * one tokenizer and one Snowball stemmer (npm `snowball-stemmers`), with a cache because the same words recur.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const snowball = require('snowball-stemmers') as {
	newStemmer(lang: string): { stem(word: string): string };
};

const stemmer = snowball.newStemmer('russian');
const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

/** Lowercase, ё → е. */
export function normalizeWord(word: string): string {
	const lower = word.toLowerCase();
	// Most texts have no «ё»: skip the replace (and its copy) then.
	return lower.includes('ё') ? lower.replace(/ё/g, 'е') : lower;
}

/** Words (Cyrillic or Latin letters, digits kept as their own tokens), normalized. */
export function tokenize(text: string): string[] {
	if (!text) return [];
	return normalizeWord(text).match(/[a-zа-я]+|\d+/g) ?? [];
}

export function stem(word: string): string {
	return stemToken(normalizeWord(word));
}

/** Stem of a token from `tokenize` (already normalized): the hot path, one cache lookup per word. */
export function stemToken(w: string): string {
	let s = cache.get(w);
	if (s === undefined) {
		s = /^\d+$/.test(w) ? w : stemmer.stem(w);
		if (cache.size >= CACHE_LIMIT) cache.clear();
		cache.set(w, s);
	}
	return s;
}

/** Stems of every word of a text, in order. */
export function stems(text: string): string[] {
	const words = tokenize(text);
	for (let i = 0; i < words.length; i++) words[i] = stemToken(words[i]);
	return words;
}

/** A text tokenized and stemmed once, shared by classification, conflicts and repeats. */
export interface StemmedText {
	/** Normalized words, as `tokenize` gives them. */
	words: string[];
	/** Their stems, as `stems` gives them. */
	stems: string[];
}

export function stemText(text: string): StemmedText {
	const words = tokenize(text);
	const out = new Array<string>(words.length);
	for (let i = 0; i < words.length; i++) out[i] = stemToken(words[i]);
	return { words, stems: out };
}

/**
 * A phrase compiled for matching against stemmed text: every word's stem, in order. Stems must be equal, so word
 * forms match («яма», «ямами») but derived words do not («дорога» and «дорожный» have different stems: list both).
 */
export interface CompiledPhrase {
	phrase: string;
	stems: string[];
}

export function compilePhrase(phrase: string): CompiledPhrase {
	return { phrase, stems: stems(phrase) };
}

/** Index of the first place the phrase occurs in the stemmed text, or -1. */
export function findPhrase(textStems: string[], phrase: CompiledPhrase): number {
	const n = phrase.stems.length;
	if (n === 0) return -1;
	outer: for (let i = 0; i + n <= textStems.length; i++) {
		for (let j = 0; j < n; j++) if (textStems[i + j] !== phrase.stems[j]) continue outer;
		return i;
	}
	return -1;
}
