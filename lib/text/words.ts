/**
 * The tokenizer's hot path: one pass over a text's characters that lowercases, splits and finds each word in a table
 * of known words, without the text's lowercase copy, the regex, or a string cut out per word (a known word is
 * compared in place; only a new one becomes a string). Gives exactly the tokens of
 * `text.toLowerCase()` (ё → е) matched by `/[a-zа-я]+|\d+/g`; a text with a character whose lowercase this table
 * cannot vouch for (İ → «i̇», K → «k»…) returns null, and the caller takes the plain path.
 */

// What each UTF-16 code unit is, from its own lowercase: a letter (its lowercase code, > 0), a digit (DIGIT), a
// separator (0), or unsure (UNSURE: its lowercase has a token character but is not one letter of the alphabets).
const DIGIT = -1;
const UNSURE = -2;
const kind = new Int32Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
	if (c >= 48 && c <= 57) {
		kind[c] = DIGIT;
		continue;
	}
	const lower = String.fromCharCode(c).toLowerCase();
	const l = lower.charCodeAt(0);
	const letter = (l >= 97 && l <= 122) || (l >= 0x430 && l <= 0x44f) || l === 0x451;
	if (lower.length === 1 && letter) kind[c] = l === 0x451 ? 0x435 : l;
	else if (/[a-zа-яё0-9]/.test(lower)) kind[c] = UNSURE;
}

/** A known word: the normalized word and what is known of it (the caller's record, e.g. its stem). */
export class WordTable<T> {
	// Open addressing on a hash of the lowercase codes; a slot holds the word (undefined: empty) and its value.
	private words: Array<string | undefined>;
	private values: T[];
	private hashes: Int32Array;
	private size = 0;
	private readonly mask: number;

	constructor(
		/** The value of a new word (called once per distinct word while it stays in the table). */
		private readonly make: (word: string) => T,
		bits = 19,
		/** Beyond this many words the table starts over (as the stem cache did). */
		private readonly limit = 200_000,
	) {
		this.mask = (1 << bits) - 1;
		this.words = new Array<string | undefined>(this.mask + 1);
		this.values = new Array<T>(this.mask + 1);
		this.hashes = new Int32Array(this.mask + 1);
	}

	/**
	 * Appends every token of the text and its value to `words` and `values`, in order; false (nothing appended) when
	 * the text has a character the table is unsure of.
	 */
	scan(text: string, words: string[], values: T[]): boolean {
		const n = text.length;
		for (let i = 0; i < n; i++) if (kind[text.charCodeAt(i)] === UNSURE) return false;
		let i = 0;
		while (i < n) {
			const k = kind[text.charCodeAt(i)];
			if (k === 0) {
				i++;
				continue;
			}
			// A run of letters or of digits: FNV-1a over its lowercase codes.
			const start = i;
			let h = 0x811c9dc5;
			if (k > 0) {
				for (let c; i < n && (c = kind[text.charCodeAt(i)]) > 0; i++)
					h = Math.imul(h ^ c, 0x01000193);
			} else {
				for (; i < n && kind[text.charCodeAt(i)] === DIGIT; i++)
					h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
			}
			const slot = this.find(text, start, i, h);
			words.push(this.words[slot]!);
			values.push(this.values[slot]);
		}
		return true;
	}

	/** The slot of the word text[start, end) (lowercased), added if new. */
	private find(text: string, start: number, end: number, h: number): number {
		const len = end - start;
		let slot = h & this.mask;
		for (;;) {
			const w = this.words[slot];
			if (w === undefined) break;
			if (this.hashes[slot] === h && w.length === len && sameWord(w, text, start)) return slot;
			slot = (slot + 1) & this.mask;
		}
		if (this.size >= this.limit) {
			this.words.fill(undefined);
			this.values = new Array<T>(this.mask + 1);
			this.size = 0;
			slot = h & this.mask;
		}
		let word = '';
		for (let j = start; j < end; j++) {
			const c = kind[text.charCodeAt(j)];
			word += String.fromCharCode(c > 0 ? c : text.charCodeAt(j));
		}
		this.words[slot] = word;
		this.values[slot] = this.make(word);
		this.hashes[slot] = h;
		this.size++;
		return slot;
	}
}

function sameWord(w: string, text: string, start: number): boolean {
	for (let j = 0; j < w.length; j++) {
		const c = text.charCodeAt(start + j);
		const k = kind[c];
		if (w.charCodeAt(j) !== (k > 0 ? k : c)) return false;
	}
	return true;
}
