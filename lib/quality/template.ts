/**
 * One template sent to different problems: the same answer text (numbers, quotes and punctuation aside) given to
 * appeals of different categories or topics. The same problem in other words is not reuse — a standard answer to
 * one kind of problem is normal. Linear: the other answers are grouped once per list, and each check looks at its
 * group's problem kinds (at most the number of categories), never at every pair.
 */
export interface OtherAnswer {
	appealId: string;
	appealText: string;
	answerText: string;
	/** The source's category and our topic: what problem it answered. */
	category?: string | null;
	topic?: string | null;
}

/** Templates shorter than this (words) are ordinary short answers («Мусор убран»), not boilerplate. */
const MIN_TEMPLATE_WORDS = 12;
const EXAMPLES = 5;

/**
 * The template of a text: lowercase, ё → е, digits → #, quoted parts (the portal quotes the category) and
 * punctuation dropped, spaces collapsed. One pass over the characters (it runs on every answer of a batch).
 */
export function normalizeTemplate(text: string): string {
	let out = '';
	let space = false;
	let quote = 0;
	let digits = false;
	for (let i = 0; i < text.length; i++) {
		let c = text.charCodeAt(i);
		if (c === 0xab)
			quote++; // «
		else if (c === 0xbb && quote) quote--; // »
		if (quote || c === 0xbb) continue;
		if (c >= 0x410 && c <= 0x42f)
			c += 0x20; // А-Я → а-я
		else if (c === 0x401 || c === 0x451)
			c = 0x435; // Ё ё → е
		else if (c >= 65 && c <= 90) c += 32;
		const letter = (c >= 0x430 && c <= 0x44f) || (c >= 97 && c <= 122);
		const digit = c >= 48 && c <= 57;
		if (letter) {
			if (space && out) out += ' ';
			space = false;
			digits = false;
			out += String.fromCharCode(c);
		} else if (digit) {
			if (!digits) {
				if (space && out) out += ' ';
				space = false;
				out += '#';
				digits = true;
			}
		} else {
			space = true;
			digits = false;
		}
	}
	return out;
}

function wordCount(template: string): number {
	let n = template ? 1 : 0;
	for (let i = 0; i < template.length; i++) if (template.charCodeAt(i) === 32) n++;
	return n;
}

function problemOf(o: { category?: string | null; topic?: string | null }): string | null {
	return o.category || o.topic || null;
}

/** template → problem kind → the first appeal ids with it. */
interface TemplateIndex {
	groups: Map<string, Map<string, string[]>>;
	/** answer text → template: the checked answer is usually in the list, normalised once. */
	byText: Map<string, string>;
}
const INDEX = new WeakMap<object, TemplateIndex>();

function indexOf(list: OtherAnswer[]): TemplateIndex {
	let index = INDEX.get(list);
	if (index) return index;
	index = { groups: new Map(), byText: new Map() };
	for (const o of list) {
		const problem = problemOf(o);
		if (!problem || typeof o.answerText !== 'string') continue;
		let template = index.byText.get(o.answerText);
		if (template === undefined)
			index.byText.set(o.answerText, (template = normalizeTemplate(o.answerText.trim())));
		if (wordCount(template) < MIN_TEMPLATE_WORDS) continue;
		let kinds = index.groups.get(template);
		if (!kinds) index.groups.set(template, (kinds = new Map()));
		const ids = kinds.get(problem);
		// One more than shown: the answer itself may be among them.
		if (!ids) kinds.set(problem, [o.appealId]);
		else if (ids.length <= EXAMPLES) ids.push(o.appealId);
	}
	INDEX.set(list, index);
	return index;
}

/** Ids (up to five) of other answers with the same template on a different problem. */
export function templateReuse(
	input: {
		appealId?: string;
		category?: string | null;
		topic?: string | null;
		otherAnswers?: OtherAnswer[];
	},
	answer: string,
): string[] {
	const own = problemOf(input);
	if (!own || !input.otherAnswers?.length) return [];
	const index = indexOf(input.otherAnswers);
	const template = index.byText.get(answer) ?? normalizeTemplate(answer);
	if (wordCount(template) < MIN_TEMPLATE_WORDS) return [];
	const kinds = index.groups.get(template);
	if (!kinds || kinds.size < 2) return [];
	const out: string[] = [];
	for (const [problem, ids] of kinds) {
		if (problem === own) continue;
		for (const id of ids) if (id !== input.appealId && out.length < EXAMPLES) out.push(id);
		if (out.length >= EXAMPLES) break;
	}
	return out;
}
