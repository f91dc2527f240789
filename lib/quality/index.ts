import { DEFAULT_DICTIONARY } from '../classify/dictionary';
import { EMAIL, FULL_NAME, PASSPORT, PHONE, SNILS } from '../text/personalData';
import { compilePhrase, findPhrase, stem, stems, tokenize } from '../text/russian';

/**
 * Answer quality («отписка») checks, from regional criteria for returning an answer for rework (domain.md §6):
 * a formal reply not on the merits, promises without dates, legal references without explanation, questions left
 * unanswered, no signature; plus personal data of other people, rude tone, lateness and one template reused for
 * different problems. Every rule and threshold can be changed.
 */
export type QualityCode =
	| 'empty' | 'too_short' | 'formal_reply' | 'promise_without_date' | 'legal_refs_without_explanation' | 'not_addressed'
	| 'no_signature' | 'personal_data' | 'rude_tone' | 'late' | 'template_reuse';

export interface QualityError {
	code: QualityCode;
	message: string;
	evidence: string[];
	severity: 'error' | 'warning';
}

export interface AnswerInput {
	appealId?: string;
	appealText: string;
	answerText: string | null | undefined;
	answeredAt?: string | null;
	deadline?: string | null;
	responsible?: string | null;
	/** Other answers of the period, to catch one template sent to different problems. */
	otherAnswers?: Array<{ appealId: string; appealText: string; answerText: string }>;
}

export interface QualityOptions {
	/** Codes to skip. */
	disabled?: QualityCode[];
	/** Shorter answers are «too short» (default 80 characters). */
	minLength?: number;
	/** Share of the appeal's key words an answer must mention (default 0.25). */
	minCoverage?: number;
	/** Legal references from which an answer needs explanatory text (default 3). */
	maxLegalRefs?: number;
}

export const QUALITY_MESSAGES: Record<QualityCode, string> = {
	empty: 'Ответ пустой',
	too_short: 'Ответ слишком короткий для ответа по существу',
	formal_reply: 'Формальный ответ («отписка»): нет сведений о принятых мерах',
	promise_without_date: 'Обещаны работы, но не указан срок',
	legal_refs_without_explanation: 'Ссылки на нормы права без разъяснения',
	not_addressed: 'Ответ не касается вопросов обращения',
	no_signature: 'Нет подписи и ответственного лица',
	personal_data: 'В ответе персональные данные других людей',
	rude_tone: 'Некорректный тон ответа',
	late: 'Ответ дан с нарушением срока',
	template_reuse: 'Один и тот же шаблон ответа на разные проблемы',
};

const FORMAL = ['рассмотрено', 'принято к сведению', 'информация принята', 'в рамках компетенции', 'находится на контроле', 'будет рассмотрен', 'направлено по принадлежности'].map(compilePhrase);
const ACTIONS = ['выполнены', 'выполнен', 'устранена', 'устранено', 'отремонтирован', 'заменены', 'вывезен', 'восстановлено', 'проведено', 'проведён', 'выдано предписание', 'включён в план', 'установлены', 'очищена', 'засыпана', 'подключено', 'выезжала', 'обследование'].map(compilePhrase);
const PROMISES = ['будет выполнено', 'будут выполнены', 'будет отремонтирован', 'планируется', 'в ближайшее время', 'по мере финансирования', 'будет рассмотрен вопрос', 'запланировано', 'будет устранено'].map(compilePhrase);
const RUDE = ['сами виноваты', 'не ваше дело', 'не пишите', 'надо было думать', 'обращайтесь куда хотите', 'нечего жаловаться', 'перестаньте писать'].map(compilePhrase);
const SIGNATURE = /(с уважением|начальник|директор|глава|заместитель|специалист|исполнитель|руководитель|председатель)/i;
const DATE = /(\d{1,2}\.\d{1,2}\.\d{2,4}|\d{4}-\d{2}-\d{2}|(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-я]*|квартал|до конца (?:года|месяца|недели)|в течение \d+|летом|осенью|весной|зимой|\d{4} год)/i;
const LEGAL = /(ст\.\s*\d+|стать[ьияе]\s+\d+|\d+-ФЗ|Федеральн[а-я]+ закон[а-я]*|постановлени[ея][а-я]*\s+(?:от|№)|№\s*\d+|п\.\s*\d+|ч\.\s*\d+)/gi;

/** Nouns and adjectives that carry the appeal's subject (long stems, no greetings or requests). */
const NOISE = new Set(['здравствуйт', 'добр', 'ден', 'уважаем', 'администрац', 'прош', 'прос', 'пожалуйст', 'спасиб', 'когд', 'сколък', 'можн', 'ждат', 'нужн', 'очен', 'межд', 'котор', 'ответ', 'вопрос', 'решен', 'прин', 'мер', 'разобра', 'сообщ', 'срок', 'срочн', 'исправ', 'дат', 'сущ', 'люд', 'ответьт', 'знает', 'опя', 'двадца', 'пят', 'уже', 'недел', 'месяц', 'прошл', 'начал', 'трет', 'втор']);

/** Stems of the subject words the dictionary knows (яма, асфальт, отопление…), compiled once. */
const SUBJECT_STEMS = new Set(
	Object.values(DEFAULT_DICTIONARY)
		.flat()
		// One-word terms whatever their length («яма» → «ям»); from phrases only real words, not «на», «от».
		.flatMap(([term]) => (stems(term).length === 1 ? stems(term) : stems(term).filter((s) => s.length >= 3))),
);

/**
 * What the appeal is about: its subject words from the topic dictionary; when it has fewer than two, its long
 * words. Returns stem → the word as the citizen wrote it (for evidence people can read).
 */
function keyWords(text: string): Map<string, string> {
	const words = tokenize(text);
	const subject = new Map<string, string>();
	const long = new Map<string, string>();
	for (const w of words) {
		const s = stem(w);
		if (SUBJECT_STEMS.has(s) && !NOISE.has(s)) subject.has(s) || subject.set(s, w);
		else if (s.length >= 4 && !NOISE.has(s) && !/^\d+$/.test(s)) long.has(s) || long.set(s, w);
	}
	return subject.size >= 2 ? subject : new Map([...subject, ...long]);
}

function keyStems(text: string): Set<string> {
	return new Set(keyWords(text).keys());
}

function normalizeTemplate(text: string): string {
	return text.toLowerCase().replace(/\d+/g, '#').replace(/[^а-яёa-z#]+/g, ' ').trim();
}

export function checkAnswer(input: AnswerInput, options: QualityOptions = {}): { ok: boolean; errors: QualityError[]; score: number } {
	const disabled = new Set(options.disabled ?? []);
	const errors: QualityError[] = [];
	const add = (code: QualityCode, evidence: string[], severity: 'error' | 'warning' = 'error', message = QUALITY_MESSAGES[code]) => {
		if (!disabled.has(code)) errors.push({ code, message, evidence, severity });
	};
	const answer = (input.answerText ?? '').trim();
	if (!answer) {
		add('empty', []);
		return finish(errors);
	}
	const minLength = options.minLength ?? 80;
	if (answer.length < minLength) add('too_short', [`${answer.length} симв. при минимуме ${minLength}`]);
	const answerStems = stems(answer);
	const formal = FORMAL.filter((p) => findPhrase(answerStems, p) >= 0).map((p) => p.phrase);
	const actions = ACTIONS.filter((p) => findPhrase(answerStems, p) >= 0).map((p) => p.phrase);
	const hasDate = DATE.test(answer);
	if (formal.length && !actions.length && !hasDate) add('formal_reply', formal);
	const promises = PROMISES.filter((p) => findPhrase(answerStems, p) >= 0).map((p) => p.phrase);
	if (promises.length && !hasDate) add('promise_without_date', promises);
	const legal = answer.match(LEGAL) ?? [];
	const maxLegal = options.maxLegalRefs ?? 3;
	const prose = answer.replace(LEGAL, '').split(/\s+/).filter((w) => /[а-яё]{4,}/i.test(w)).length;
	if (legal.length >= maxLegal && prose < legal.length * 8) add('legal_refs_without_explanation', legal.slice(0, 6));
	const appealKeys = keyWords(input.appealText ?? '');
	if (appealKeys.size >= 2) {
		const answerSet = new Set(answerStems);
		const covered = [...appealKeys.keys()].filter((k) => answerSet.has(k));
		const coverage = covered.length / appealKeys.size;
		if (coverage < (options.minCoverage ?? 0.25)) {
			const missing = [...appealKeys].filter(([k]) => !answerSet.has(k)).map(([, word]) => word).slice(0, 8);
			add('not_addressed', missing, 'error', `${QUALITY_MESSAGES.not_addressed}: не упомянуто ${missing.join(', ')}`);
		}
	}
	if (!SIGNATURE.test(answer) && !input.responsible) add('no_signature', [], 'warning');
	const personal = [...(answer.match(PHONE) ?? []), ...(answer.match(EMAIL) ?? []), ...(answer.match(SNILS) ?? []), ...(answer.match(PASSPORT) ?? []), ...(answer.match(FULL_NAME) ?? [])]
		// The signatory's own name and the official phone of a department are fine; names with initials are not caught.
		.filter((x) => !(input.responsible && x.includes(input.responsible.split(' ')[0])));
	if (personal.length) add('personal_data', personal);
	const rude = RUDE.filter((p) => findPhrase(answerStems, p) >= 0).map((p) => p.phrase);
	if (rude.length) add('rude_tone', rude);
	if (input.answeredAt && input.deadline && Date.parse(input.answeredAt) > Date.parse(input.deadline)) {
		add('late', [`ответ ${input.answeredAt}, срок ${input.deadline}`]);
	}
	const template = normalizeTemplate(answer);
	if (template.length > 20) {
		const ownKeys = new Set(appealKeys.keys());
		// The first five examples are all the evidence shows: stop there (a popular template has thousands of answers).
		const sameTemplate: string[] = [];
		for (const o of input.otherAnswers ? (byTemplate(input.otherAnswers).get(template) ?? []) : []) {
			if (o.appealId !== input.appealId && keyOverlap(otherKeys(o), ownKeys) < 0.3) sameTemplate.push(o.appealId);
			if (sameTemplate.length === 5) break;
		}
		if (sameTemplate.length) add('template_reuse', sameTemplate, 'warning');
	}
	return finish(errors);
}

/**
 * Template and key words of another answer, worked out once per answer object: the node passes the same list to
 * every check, and recomputing them per pair stemmed a huge appeal text once for every answer sharing its template
 * (one 1 MB appeal among 1,100: 11 s instead of 0.3 s; quadratic in the number of answers besides).
 */
const OTHER_ANSWERS = new WeakMap<object, { template: string; keys?: Set<string> }>();

function otherInfo(o: { answerText: string }): { template: string; keys?: Set<string> } {
	let info = OTHER_ANSWERS.get(o);
	if (!info) OTHER_ANSWERS.set(o, (info = { template: normalizeTemplate(o.answerText) }));
	return info;
}

type OtherAnswer = NonNullable<AnswerInput['otherAnswers']>[number];
const TEMPLATE_INDEX = new WeakMap<object, Map<string, OtherAnswer[]>>();

/** The other answers grouped by template, once per list (callers pass one unchanging list per batch): each check looks only at its own group — linear, not n². */
function byTemplate(list: OtherAnswer[]): Map<string, OtherAnswer[]> {
	let index = TEMPLATE_INDEX.get(list);
	if (!index) {
		index = new Map();
		for (const o of list) {
			const key = otherInfo(o).template;
			const group = index.get(key);
			if (group) group.push(o);
			else index.set(key, [o]);
		}
		TEMPLATE_INDEX.set(list, index);
	}
	return index;
}

function otherKeys(o: { appealText: string; answerText: string }): Set<string> {
	const info = otherInfo(o);
	return (info.keys ??= keyStems(o.appealText));
}

function keyOverlap(x: Set<string>, y: Set<string>): number {
	if (!x.size || !y.size) return 0;
	let inter = 0;
	for (const s of x) if (y.has(s)) inter++;
	return inter / Math.min(x.size, y.size);
}

function finish(errors: QualityError[]) {
	const penalty = errors.reduce((s, e) => s + (e.severity === 'error' ? 25 : 10), 0);
	return { ok: !errors.some((e) => e.severity === 'error'), errors, score: Math.max(0, 100 - penalty) };
}
