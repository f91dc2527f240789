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

export function normalizeTemplate(text: string): string {
	return text
		.toLowerCase()
		.replace(/ё/g, 'е')
		.replace(/«[^«»]{0,300}»|"[^"]{0,300}"/g, ' ')
		.replace(/\d+/g, '#')
		.replace(/[^а-яa-z#]+/g, ' ')
		.trim();
}

function problemOf(o: { category?: string | null; topic?: string | null }): string | null {
	return o.category || o.topic || null;
}

/** template → problem kind → the first appeal ids with it. */
type TemplateIndex = Map<string, Map<string, string[]>>;
const INDEX = new WeakMap<object, TemplateIndex>();

function indexOf(list: OtherAnswer[]): TemplateIndex {
	let index = INDEX.get(list);
	if (index) return index;
	index = new Map();
	for (const o of list) {
		const problem = problemOf(o);
		if (!problem || typeof o.answerText !== 'string') continue;
		const template = normalizeTemplate(o.answerText);
		if (template.split(' ').length < MIN_TEMPLATE_WORDS) continue;
		let kinds = index.get(template);
		if (!kinds) index.set(template, (kinds = new Map()));
		const ids = kinds.get(problem);
		// One more than shown: the answer itself may be among them.
		if (!ids) kinds.set(problem, [o.appealId]);
		else if (ids.length <= EXAMPLES) ids.push(o.appealId);
	}
	INDEX.set(list, index);
	return index;
}

/** Ids (up to five) of other answers with the same template on a different problem. */
export function templateReuse(input: { appealId?: string; category?: string | null; topic?: string | null; otherAnswers?: OtherAnswer[] }, answer: string): string[] {
	const own = problemOf(input);
	if (!own || !input.otherAnswers?.length) return [];
	const template = normalizeTemplate(answer);
	if (template.split(' ').length < MIN_TEMPLATE_WORDS) return [];
	const kinds = indexOf(input.otherAnswers).get(template);
	if (!kinds || kinds.size < 2) return [];
	const out: string[] = [];
	for (const [problem, ids] of kinds) {
		if (problem === own) continue;
		for (const id of ids) if (id !== input.appealId && out.length < EXAMPLES) out.push(id);
		if (out.length >= EXAMPLES) break;
	}
	return out;
}
