import type { CompiledPhrase } from './russian';

/**
 * Many phrases matched against one stemmed text in a single pass: phrases are indexed by their first stem, so a
 * text costs one map lookup per word instead of one scan per phrase. `scan` gives, for every phrase, exactly what
 * `findPhrase` gives (the first position, or -1).
 */
export class PhraseIndex {
	readonly phrases: CompiledPhrase[] = [];
	private readonly byFirst = new Map<string, number[]>();

	/** Adds a phrase; returns its slot in the positions `scan` fills. */
	add(phrase: CompiledPhrase): number {
		const slot = this.phrases.length;
		this.phrases.push(phrase);
		if (phrase.stems.length === 0) return slot; // findPhrase never finds an empty phrase
		const list = this.byFirst.get(phrase.stems[0]);
		if (list) list.push(slot);
		else this.byFirst.set(phrase.stems[0], [slot]);
		return slot;
	}

	/** A buffer for `scan`; reused across texts to avoid an allocation per text. */
	buffer(): Int32Array {
		return new Int32Array(this.phrases.length);
	}

	/**
	 * Fills `out[slot]` with the first position of each phrase in the text, or -1; appends the slots found to
	 * `found` when given (in the order found), so that a caller need not look at every slot.
	 */
	scan(textStems: string[], out: Int32Array, found?: number[]): Int32Array {
		out.fill(-1);
		const len = textStems.length;
		for (let i = 0; i < len; i++) {
			const slots = this.byFirst.get(textStems[i]);
			if (slots === undefined) continue;
			for (let k = 0; k < slots.length; k++) {
				const slot = slots[k];
				if (out[slot] >= 0) continue; // its first position is already known
				const ps = this.phrases[slot].stems;
				const n = ps.length;
				if (i + n > len) continue;
				let j = 1;
				while (j < n && textStems[i + j] === ps[j]) j++;
				if (j === n) {
					out[slot] = i;
					found?.push(slot);
				}
			}
		}
		return out;
	}
}
