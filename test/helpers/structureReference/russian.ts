/**
 * FROZEN REFERENCE — do not edit it, and never import it from lib/ or nodes/.
 *
 * A verbatim copy of lib/text/russian.ts as it was before the structuring speed-up. Used only by
 * test/unit/classify/structureEquivalence.test.ts to prove that the fast structuring gives exactly the same
 * output. Only the imports differ (data — dictionary, gazetteer, topics — comes from lib/, unchanged).
 */
/**
 * Russian text helpers shared by classification, conflicts, repeats, routing and answer checks:
 * one tokenizer and one Snowball stemmer (npm `snowball-stemmers`), with a cache because the same words recur.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const snowball = require('snowball-stemmers') as { newStemmer(lang: string): { stem(word: string): string } };

const stemmer = snowball.newStemmer('russian');
const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

/** Lowercase, ё → е. */
export function normalizeWord(word: string): string {
	return word.toLowerCase().replace(/ё/g, 'е');
}

/** Words (Cyrillic or Latin letters, digits kept as their own tokens), normalized. */
export function tokenize(text: string): string[] {
	if (!text) return [];
	return normalizeWord(text).match(/[a-zа-я]+|\d+/g) ?? [];
}

export function stem(word: string): string {
	const w = normalizeWord(word);
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
	return tokenize(text).map(stem);
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
