/**
 * A long text cut into parts of at most `limit` characters for messengers that cap a message (MAX 4000,
 * Telegram 4096): at a paragraph break, else a line break, else a sentence end, else a space — only a text with no
 * such place in a whole part is cut mid-word. Deterministic: the same text always gives the same parts, which is
 * what lets a retry recognise the parts it has already sent. Surrogate pairs are never split.
 */
export function splitMessage(text: string, limit: number): string[] {
	if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`splitMessage: limit ${limit}`);
	const parts: string[] = [];
	let rest = text.trim();
	while (rest.length > limit) {
		const window = rest.slice(0, limit + 1);
		let cut = -1;
		for (const pattern of [/\n\s*\n/g, /\n/g, /[.!?…](?=\s)/g, /\s/g]) {
			let best = -1;
			for (const m of window.matchAll(pattern)) {
				const end = pattern.source.startsWith('[') ? m.index + 1 : m.index;
				if (end <= limit && end > 0) best = end;
			}
			// A break in the first fifth of the part would leave tiny parts: look for a weaker break further on.
			if (best > limit / 5) {
				cut = best;
				break;
			}
		}
		if (cut <= 0) {
			cut = limit;
			const code = rest.charCodeAt(cut - 1);
			if (code >= 0xd800 && code <= 0xdbff) cut--;
		}
		parts.push(rest.slice(0, cut).trimEnd());
		rest = rest.slice(cut).trimStart();
	}
	if (rest) parts.push(rest);
	return parts;
}
