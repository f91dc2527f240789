import { intern } from '../text/intern';
import { PhraseIndex } from '../text/phraseIndex';
import { compilePhrase, stemText, type StemmedText } from '../text/russian';

/**
 * Conflict situations in an appeal (Постановление № 500: «выявление конфликтных ситуаций»): obscene or hostile
 * language, threats, intent to escalate (prosecutor, court, media, governor, President…), repeated follow-ups without
 * an answer, an unsatisfied citizen writing again. Word forms via stems; masked obscenities («бл***») too.
 */
export type ConflictCode =
	| 'obscene'
	| 'hostile'
	| 'threat'
	| 'escalation'
	| 'repeat_no_answer'
	| 'unsatisfied_again';
export type Priority = 'high' | 'medium' | 'low';

export interface ConflictFlag {
	code: ConflictCode;
	label: string;
	reason: string;
	evidence: string[];
	priority: Priority;
}

export const CONFLICT_LABELS: Record<ConflictCode, string> = {
	obscene: 'Нецензурная лексика',
	hostile: 'Враждебный тон',
	threat: 'Угроза',
	escalation: 'Намерение жаловаться выше',
	repeat_no_answer: 'Повторное обращение без ответа',
	unsatisfied_again: 'Недоволен ответом и пишет снова',
};

/** Obscene roots (matched at a word's start) and masked forms; chosen so that «употреблять», «хлеб», «страхование», «тебя» never match. */
const OBSCENE_ROOTS = [
	'бля',
	'блят',
	'блин?я',
	'хуй',
	'хуе',
	'хуё',
	'хуя',
	'хер(ня|ов)',
	'пизд',
	'ебан',
	'ебат',
	'ебал',
	'ёбан',
	'охуе',
	'охуи',
	'нахуй',
	'пиздец',
	'сука',
	'суки',
	'мудак',
	'мудач',
	'гандон',
	'долбо[её]б',
	'уеб',
	'уёб',
];
const OBSCENE_WORD = new RegExp(`^(${OBSCENE_ROOTS.join('|')})`);
/** The first two letters of the roots (each starts with two plain letters): other words skip the regex. */
const OBSCENE_START = new Set(OBSCENE_ROOTS.map((r) => r.charCodeAt(0) * 65536 + r.charCodeAt(1)));
// Every root has three letters or more: shorter words skip the lookup (a one-letter word's key would be NaN).
const mayBeObscene = (w: string) =>
	w.length > 2 &&
	OBSCENE_START.has(w.charCodeAt(0) * 65536 + w.charCodeAt(1)) &&
	OBSCENE_WORD.test(w);
const MASKED =
	/(?:^|[^а-яё])(бл[*#@.]{1,4}[а-я]*|х[*#@]{1,3}[а-яё]*|п[*#@]{2,4}[а-яё]*|е[*#@]{1,3}[а-яё]*ть)(?=$|[^а-яё*#@])/i;

const HOSTILE_TERMS = [
	'дармоеды',
	'бездельники',
	'бездельник',
	'ворьё',
	'воры',
	'идиоты',
	'тупые',
	'бараны',
	'позор',
	'плевать на людей',
	'зажрались',
	'ничего не делаете',
	'совести нет',
];
const THREAT_TERMS = [
	'убью',
	'подожгу',
	'сожгу',
	'взорву',
	'поплатитесь',
	'пожалеете',
	'разнесу',
	'голову оторву',
	'перекрыть трассу',
	'перекроем дорогу',
];
const ESCALATION_TERMS = [
	'прокуратура',
	'прокурор',
	'суд',
	'в суд',
	'подам в суд',
	'СМИ',
	'журналисты',
	'телевидение',
	'первый канал',
	'губернатор',
	'Ведерников',
	'президент',
	'Путину',
	'в Москву',
	'Народный фронт',
	'ОНФ',
	'следственный комитет',
	'уполномоченный по правам',
	'приёмная президента',
	'коллективное обращение',
	'полиция',
];
const REPEAT_TERMS = [
	'второй раз',
	'третий раз',
	'снова пишу',
	'в который раз',
	'опять пишу',
	'повторно',
	'до сих пор не ответили',
	'ответа так и не было',
	'никто не ответил',
	'уже писал',
	'уже писала',
];

// All term lists in one phrase index: one pass over the text finds them all.
const INDEX = new PhraseIndex();
const compileAll = (terms: string[]) => terms.map((t) => INDEX.add(compilePhrase(t)));
const HOSTILE = compileAll(HOSTILE_TERMS);
const THREATS = compileAll(THREAT_TERMS);
const ESCALATION = compileAll(ESCALATION_TERMS);
const REPEATS = compileAll(REPEAT_TERMS);
/** Positions of the terms in the current text and the slots found; reused (detection is synchronous). */
const AT = INDEX.buffer();
const FOUND: number[] = [];
const NO_PREVIOUS: NonNullable<ConflictContext['previousAppeals']> = [];
/** A masked obscenity needs one of * # @, or «бл.»: texts without them skip the regex and the lowercase copy. */
const MAYBE_MASKED = /[*#@]|бл\./i;

export interface ConflictContext {
	/** Earlier appeals of the same author on the same problem. */
	previousAppeals?: Array<{ at: string; answered: boolean; satisfaction?: string }>;
}

export interface ConflictResult {
	flags: ConflictFlag[];
	priority: Priority | 'none';
}

/** The phrases of a term list found in the text, in the list's order (positions from `INDEX.scan`). */
function hits(slots: number[]): string[] {
	// Indexed loops: per text, in code that may not be optimized yet (for…of would allocate a result per step).
	let n = 0;
	for (let i = 0; i < slots.length; i++) if (AT[slots[i]] >= 0) n++;
	// At its final size: evidence arrays are kept in every structured appeal.
	const out = new Array<string>(n);
	n = 0;
	for (let i = 0; i < slots.length; i++) {
		const slot = slots[i];
		if (AT[slot] >= 0) out[n++] = INDEX.phrases[slot].phrase;
	}
	return out;
}

export function detectConflicts(text: string, context: ConflictContext = {}): ConflictResult {
	return detectConflictsStemmed(stemText(text ?? ''), text, context);
}

/** `detectConflicts` on a text already tokenized and stemmed by `stemText(text ?? '')`. */
export function detectConflictsStemmed(
	stemmed: StemmedText,
	text: string,
	context: ConflictContext = {},
): ConflictResult {
	const words = stemmed.words;
	FOUND.length = 0;
	INDEX.scan(stemmed.stems, AT, FOUND);
	let obscene: string[] | undefined;
	for (let i = 0; i < words.length; i++)
		if (mayBeObscene(words[i])) (obscene ??= []).push(words[i]);
	const masked = MAYBE_MASKED.test(text ?? '') ? MASKED.exec((text ?? '').toLowerCase()) : null;
	const previous = context.previousAppeals ?? NO_PREVIOUS;
	// Most texts have none of the terms, words or earlier appeals: no flag, nothing more to look at.
	if (FOUND.length === 0 && obscene === undefined && !masked && previous.length === 0)
		return { flags: [], priority: 'none' };
	const flags: ConflictFlag[] = [];
	if (obscene || masked) {
		flags.push({
			code: 'obscene',
			label: CONFLICT_LABELS.obscene,
			reason: 'нецензурные слова',
			evidence: [...(obscene ?? []), ...(masked ? [masked[1]] : [])].map(intern),
			priority: 'medium',
		});
	}
	const hostile = hits(HOSTILE);
	if (hostile.length)
		flags.push({
			code: 'hostile',
			label: CONFLICT_LABELS.hostile,
			reason: 'оскорбления в адрес администрации',
			evidence: hostile,
			priority: 'medium',
		});
	const threats = hits(THREATS);
	if (threats.length)
		flags.push({
			code: 'threat',
			label: CONFLICT_LABELS.threat,
			reason: 'угроза действиями',
			evidence: threats,
			priority: 'high',
		});
	const escalation = hits(ESCALATION);
	if (escalation.length) {
		flags.push({
			code: 'escalation',
			label: CONFLICT_LABELS.escalation,
			reason: 'собирается обратиться в надзорные органы, суд, СМИ или к руководству региона',
			evidence: escalation,
			priority: 'medium',
		});
	}
	const repeatWords = hits(REPEATS);
	const unanswered = previous.filter((p) => !p.answered);
	if (repeatWords.length || unanswered.length) {
		flags.push({
			code: 'repeat_no_answer',
			label: CONFLICT_LABELS.repeat_no_answer,
			reason: unanswered.length
				? `без ответа осталось ${unanswered.length} прежн. обращ.`
				: 'пишет, что обращается повторно',
			evidence: [...repeatWords, ...unanswered.map((p) => p.at)],
			priority: unanswered.length >= 2 ? 'high' : 'medium',
		});
	}
	const unsatisfied = previous.filter((p) => p.answered && p.satisfaction === 'unsatisfied');
	if (unsatisfied.length) {
		flags.push({
			code: 'unsatisfied_again',
			label: CONFLICT_LABELS.unsatisfied_again,
			reason: 'прошлый ответ не устроил заявителя',
			evidence: unsatisfied.map((p) => p.at),
			priority: 'high',
		});
	}
	return { flags: flags.length ? flags.slice() : flags, priority: overallPriority(flags) };
}

/** High when there is a threat, a second unanswered follow-up, or escalation together with abuse; else the highest flag. */
function overallPriority(flags: ConflictFlag[]): Priority | 'none' {
	if (!flags.length) return 'none';
	const codes = new Set(flags.map((f) => f.code));
	if (flags.some((f) => f.priority === 'high')) return 'high';
	if (
		codes.has('escalation') &&
		(codes.has('obscene') || codes.has('hostile') || codes.has('repeat_no_answer'))
	)
		return 'high';
	return flags.some((f) => f.priority === 'medium') ? 'medium' : 'low';
}
