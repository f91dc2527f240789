import { EMAIL, FULL_NAME, PASSPORT, PHONE, SNILS } from '../text/personalData';
import { stemToken } from '../text/russian';
import {
	findingWords,
	isCompletedWord,
	isGeneric,
	EXECUTOR,
	namesWhatWasChecked,
	termIn,
	sentenceFacts,
	splitSentences,
	type Sentence,
	type SentenceFacts,
} from './analysis';
import {
	DEFAULT_SUBJECTS,
	DEFAULT_SUBJECT_GROUPS,
	compileSubjects,
	subjectsOf,
	type CompiledSubjects,
	type SubjectGroups,
} from './subjects';
import { templateReuse, type OtherAnswer } from './template';

export { answerInputOf, otherAnswerOf, type AnswerRecord } from './input';
export { DEFAULT_SUBJECT_GROUPS };
export type { SubjectGroups };
export type { OtherAnswer } from './template';

/**
 * Answer quality («отписка») checks, from the regional criteria for returning an answer for rework and 59-ФЗ
 * (domain.md §6, §10), measured on real official answers (`npm run eval:answers`, bench/answer-checks.md).
 * Each check reads the answer sentence by sentence (./analysis.ts) and reports the sentence that made it fire and a
 * hint of what a good answer would add. Checks below 85% precision on the labelled set are warnings by default.
 */
export type QualityCode =
	| 'empty'
	| 'too_short'
	| 'formal_reply'
	| 'promise_without_date'
	| 'legal_refs_without_explanation'
	| 'not_addressed'
	| 'contradiction'
	| 'no_signature'
	| 'personal_data'
	| 'rude_tone'
	| 'late'
	| 'template_reuse';

export type Severity = 'error' | 'warning';

export interface QualityError {
	code: QualityCode;
	message: string;
	/** What triggered it: the words, dates or other answers' ids. */
	evidence: string[];
	severity: Severity;
	/** The sentence of the answer (or of the appeal) that triggered it, when there is one. */
	sentence?: string;
	/** What a good answer would add, in one line. */
	hint: string;
}

export interface AnswerHistoryEntry {
	at: string;
	text: string;
	/** The source marks it intermediate («Промежуточный ответ»); otherwise it is read from the text. */
	intermediate?: boolean;
}

export interface AnswerInput {
	appealId?: string;
	appealText: string;
	answerText: string | null | undefined;
	answeredAt?: string | null;
	deadline?: string | null;
	responsible?: string | null;
	/** The organisation that published the answer (the source's author / organisation field): portals sign with it. */
	organization?: string | null;
	/** The source's category (ПОС subject, portal category / reason): the appeal's subject besides its text. */
	category?: string | null;
	/** Our topic (lib/topics). */
	topic?: string | null;
	/** The appeal's address: its words are not the subject (an answer repeating the address is not on topic for that). */
	address?: string | null;
	/** The source says this answer is intermediate. */
	intermediate?: boolean;
	/** Earlier answers to the same appeal, to accept a final answer after a timely intermediate one with a term. */
	history?: AnswerHistoryEntry[];
	/** Other answers of the period, to catch one template sent to different problems. */
	otherAnswers?: OtherAnswer[];
}

export interface QualityOptions {
	/** Codes to skip. */
	disabled?: QualityCode[];
	/** Checks off by default (`DEFAULT_DISABLED`) to run anyway. */
	enabled?: QualityCode[];
	/** Severity per code, over the defaults (`DEFAULT_SEVERITY`). */
	severity?: Partial<Record<QualityCode, Severity>>;
	/** A substantive text shorter than this (characters, greetings and «Рассмотрев…» left out) is «too short» unless it names an action and its object (default 80). */
	minLength?: number;
	/** Real legal acts from which an answer with nothing about the case itself is «references without explanation» (default 2). */
	maxLegalRefs?: number;
	/** Days an extension adds after a timely intermediate answer without a readable date (59-ФЗ: up to 30). */
	extensionDays?: number;
	/** Extra synonym groups of subjects (merged with the defaults). */
	subjectGroups?: SubjectGroups;
}

export const QUALITY_MESSAGES: Record<QualityCode, string> = {
	empty: 'Ответ пустой',
	too_short: 'Ответ слишком короткий: не сказано, что и с чем сделано',
	formal_reply: 'Формальный ответ («отписка»): нет результата по существу',
	promise_without_date: 'Обещаны работы, но не указан срок',
	legal_refs_without_explanation: 'Ссылки на нормы права без разъяснения для этого случая',
	not_addressed: 'Ответ не о предмете обращения',
	contradiction:
		'Противоречие в ответе: проблема не подтвердилась, но устранена, или одни и те же работы и выполнены, и ещё впереди',
	no_signature: 'Нет подписи: ни организации, ни ответственного лица',
	personal_data: 'В ответе персональные данные граждан',
	rude_tone: 'Некорректный тон ответа',
	late: 'Ответ дан с нарушением срока',
	template_reuse: 'Один и тот же шаблон ответа на разные проблемы',
};

export const QUALITY_HINTS: Record<QualityCode, string> = {
	empty: 'Напишите ответ по существу: что сделано или почему это невозможно, где и когда.',
	too_short:
		'Назовите, что именно сделано и с чем (например, «мусор у дома 5 вывезен»), или приложите фото.',
	formal_reply:
		'Добавьте результат: что сделано, где, когда и кем; при «не подтвердилось» — что, где и когда проверили.',
	promise_without_date:
		'Укажите срок работ в том же предложении (дата, месяц или квартал); «по мере финансирования» — не срок.',
	legal_refs_without_explanation:
		'Объясните своими словами, что эти нормы значат для этого случая и что будет сделано.',
	not_addressed: 'Ответьте на вопрос обращения: назовите его предмет и что по нему сделано.',
	contradiction:
		'Уточните, была ли проблема и что с ней сделано: выполнены работы или только будут выполнены, и если будут — когда.',
	no_signature: 'Укажите организацию или должностное лицо, от имени которого дан ответ.',
	personal_data: 'Уберите из ответа имена, телефоны и адреса почты граждан.',
	rude_tone: 'Перепишите ответ в нейтральном и уважительном тоне.',
	late: 'Отвечайте в срок; если нужно больше времени — дайте до срока промежуточный ответ с планируемой датой.',
	template_reuse:
		'Ответ дословно повторяет ответы на другие проблемы — опишите, что сделано именно по этому обращению.',
};

/**
 * Default severities, from the precision measured on the labelled set (bench/answer-checks.md): an error sends the
 * answer back for rework, a warning only shows in the report.
 */
export const DEFAULT_SEVERITY: Record<QualityCode, Severity> = {
	empty: 'error',
	too_short: 'error',
	formal_reply: 'error',
	promise_without_date: 'error',
	legal_refs_without_explanation: 'warning',
	not_addressed: 'warning',
	contradiction: 'error',
	no_signature: 'warning',
	personal_data: 'error',
	rude_tone: 'error',
	late: 'warning',
	template_reuse: 'warning',
};

/**
 * Severities that differ in a final answer. A promise without a term is the whole defect of an intermediate answer
 * (its term is what it is for); in a final answer the merits are the result or the reason, and a plan beyond them
 * («дом включён в программу капремонта») is shown, not sent back (bench/answer-checks.md: 1 of 9 right on final
 * answers, 21 of 21 on intermediate ones).
 */
const SEVERITY_IN_FINAL: Partial<Record<QualityCode, Severity>> = {
	promise_without_date: 'warning',
};
export function defaultSeverity(code: QualityCode, kind: 'final' | 'intermediate'): Severity {
	return (kind === 'final' ? SEVERITY_IN_FINAL[code] : undefined) ?? DEFAULT_SEVERITY[code];
}

/**
 * A date in a sentence is a term unless the sentence makes the work itself conditional: «в срок до 20.04 при наличии
 * финансирования» promises nothing; «до 20.05 при положительных температурах» is a date with a seasonal caveat.
 */
const firmTerm = (f: SentenceFacts) => !f.condition || WEATHER.test(f.condition);
const WEATHER = /погод|температур|климат|плюсов/;

/**
 * An unfilled slot of a template: an instruction in brackets («(указать вид выполненных работ)»), or a slot's name right
 * after a preposition, where its value should stand («объявления с (вид сооружения)», «выполнены до (дата)»). A slot's
 * name after its value («09.12.2020 (дата окончания работ)», «павильона (вид сооружения)»), in a quoted law, or the
 * greeting's «сообщение от (дата)» is left alone.
 */
const TEMPLATE_SLOT =
	/\((?:указать|указывается)(?:[\s,]+[а-яё]+){0,4}\s*\)|(?<=(?:^|[^а-яё])(?:с|со|по|в|на|до|у|из)\s+)\((?:вид|наименование|дата|адрес|ф\.?\s?и\.?\s?о)(?:[\s,]+[а-яё]+){0,3}\s*\)/i;

/** The act of an inspection («составлен акт», «Приложение: акт обследования», «справка»). */
const CHECK_WORD = /обследовани|осмотр|проверк|замер/;
const INSPECTION_ACT = /(?<![а-я])акт(?:[аеу]|ом)?(?![а-я])|справк/i;

const CONTROL_DATE =
	/(?:контрол[а-я]*|срок[а-я]*)\s+(?:[а-я]+\s+){0,4}до\s+(?:«?\d{1,2}»?[.\s]+(?:\d{1,2}|[а-я]+))/;
/** The term of the work stated on its own: «срок завершения работ …», «сроки выполнения ремонта …». */
const WORK_TERM =
	/срок[а-я]*\s+(?:[а-я]+\s+){0,2}(?:завершени|выполнени|устранени|окончани|проведени|исполнени)[а-я]*/;
/** «срок 02.04.2021», «срок: до 15.06.2026». */
const TERM_GIVEN = /(?:^|[^а-я])срок[а-я]*\s*[—–:-]?\s*(?:до\s+)?\d{1,2}\.\d{1,2}\.\d{2,4}/;
const DURATION =
	/(?<![\d.])\d{1,3}\s+(?:рабочих\s+|календарных\s+)?(?:дн|дней|дня|день|недел|месяц)[а-я]*/;
const NOTICE =
	/(?:направлен|размещен)[аоы]?\s+(?:[а-я]+\s+){0,2}(?:уведомлени|предписани|письм|требовани|претензи)[а-я]*|(?:уведомлени|предписани|письм|требовани|претензи)[а-я]*\s+(?:[а-я()-]+\s+){0,8}направлен[аоы]?(?![а-я])/;
/** The date of a cited act («от 06.10.2016»): not a day of this case. */
const ACT_DATE = /от\s+\d{1,2}\.\d{1,2}\.\d{2,4}/g;
const WHEN =
	/\d{1,2}\.\d{1,2}\.\d{2,4}|\d{1,2}[:.]\d{2}\s*(?:ч|час)|\d{1,2}\s+(?:январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр)/i;
/**
 * Off by default: on the labelled real answers they were right too rarely to be worth a coordinator's time
 * (bench/answer-checks.md); turn them on with `enabled` (the node's «Включить проверки»).
 */
export const DEFAULT_DISABLED: QualityCode[] = ['not_addressed', 'legal_refs_without_explanation'];

const RUDE =
	/сами\s+виноваты|не\s+ваше\s+дело|не\s+пишите|надо\s+было\s+думать|обращайтесь\s+куда\s+хотите|нечего\s+жаловаться|перестаньте\s+писать/;
const SIGNATURE =
	/(с уважением|начальник|директор|глава|заместитель|специалист|исполнитель|руководитель|председатель)/i;
/** Officials named in the answer (the signatory, an inspector): their names are not a citizen's personal data. */
const OFFICIAL_BEFORE =
	/(?:начальник|директор|глав[аы]|заместител|специалист|инженер|мастер|исполнител|руководител|инспектор|сотрудник|председател|депутат|управляющ|техник|юрист|врач|представител|ответственн|подписал|исп\.)[а-я]*[\s.,:«»"()А-Яа-яЁё-]{0,60}$/i;
const OFFICIAL_CONTACT =
	/(?:телефон|тел\.|горяч|диспетчер|справочн|приемн|e-?mail|электронн[а-я]*\s+почт|адрес[а-я]*\s+электронн|сайт|официальн)/i;

const COMPILED_CACHE = new WeakMap<SubjectGroups, CompiledSubjects>();
function subjectsFor(options: QualityOptions): CompiledSubjects {
	if (!options.subjectGroups) return DEFAULT_SUBJECTS;
	let c = COMPILED_CACHE.get(options.subjectGroups);
	if (!c)
		COMPILED_CACHE.set(
			options.subjectGroups,
			(c = compileSubjects({ ...DEFAULT_SUBJECT_GROUPS, ...options.subjectGroups })),
		);
	return c;
}

/** Words that carry no subject (greetings, formalities, addresses): left out of the overlap between appeal and answer. */
const NOT_SUBJECT = new Set(
	[
		'уважаем',
		'пользовател',
		'обращен',
		'сообщен',
		'вопрос',
		'адрес',
		'улиц',
		'район',
		'санкт',
		'петербург',
		'администрац',
		'сообща',
		'указа',
		'ваш',
		'рассмотр',
		'связ',
		'соответств',
		'работ',
		'такж',
		'настоя',
		'врем',
		'информац',
		'литер',
		'дом',
		'корпус',
		'проспект',
		'переулок',
		'набережн',
		'шосс',
		'бульвар',
		'прош',
		'пожалуйст',
		'здравствуйт',
		'спасиб',
		'очен',
		'котор',
		'нужн',
		'можн',
		'сдела',
		'необходим',
		'проблем',
		'замечан',
		'устран',
		'выполн',
		'мер',
		'принят',
		'данн',
		'этот',
		'было',
		'был',
		'будет',
		'год',
		'месяц',
		'недел',
		'ден',
		'поч',
		'уже',
		'опя',
		'снов',
		'сих',
		'пор',
		'состоян',
		'неудовлетворительн',
		'надлежа',
		'жител',
	].map((w) => w),
);

function contentStems(words: string[], exclude: Set<string>): Set<string> {
	const out = new Set<string>();
	for (const w of words) {
		if (w.length < 4 || /^\d/.test(w)) continue;
		const s = stemToken(w);
		if (s.length < 4 || NOT_SUBJECT.has(s) || exclude.has(s)) continue;
		out.add(s);
	}
	return out;
}

export interface AnswerCheckResult {
	ok: boolean;
	errors: QualityError[];
	score: number;
	/** Intermediate (a promised date, «промежуточный ответ», «на контроле до») or final. */
	kind: 'final' | 'intermediate';
}

export function checkAnswer(input: AnswerInput, options: QualityOptions = {}): AnswerCheckResult {
	const disabled = new Set([
		...DEFAULT_DISABLED.filter((c) => !options.enabled?.includes(c)),
		...(options.disabled ?? []),
	]);
	const errors: QualityError[] = [];
	const answer = (input.answerText ?? '').trim();
	const sentences = splitSentences(answer);
	const facts = sentences.map(sentenceFacts);
	const analysis = { sentences, facts };
	// An empty answer is final: there is nothing to promise a term in.
	const kind = answer ? answerKind(analysis, input.intermediate) : 'final';
	const add = (
		code: QualityCode,
		evidence: string[],
		sentence?: string,
		message = QUALITY_MESSAGES[code],
	) => {
		if (disabled.has(code)) return;
		const error: QualityError = {
			code,
			message,
			evidence,
			severity: options.severity?.[code] ?? defaultSeverity(code, kind),
			hint: QUALITY_HINTS[code],
		};
		if (sentence) error.sentence = sentence;
		errors.push(error);
	};
	if (!answer) {
		add('empty', []);
		return finish(errors, 'final');
	}
	const normAnswer = sentences.map((s) => s.norm).join(' ');

	// Substance: results, findings, explanations, promises with their terms.
	// «Проведены мероприятия по удалению рекламы» in answer to an appeal about the advertisement: the measures name the
	// appeal's own object, so they say what was done; «мероприятия по освобождению помещений» to it do not.
	const measuredOnSubject =
		facts.some((f) => f.vagueObject) && measuresOnSubject(facts, input.appealText);
	const done = facts.some((f) => f.done.length) || measuredOnSubject;
	const promised = facts.some((f) => f.promise);
	const explained = facts.some((f) => f.explanation && !f.negativeFinding);
	const specifics = facts.some((f) => f.specifics);
	const proof = facts.some((f) => f.proof);
	// What the answer says without greetings, the «Рассмотрев… сообщаем» opening, «Приложение» and proof lines.
	const essence = facts
		.map((f) => f.essence)
		.filter(Boolean)
		.join(' ');

	// «Надписи удалены.» is a complete answer; «Проблема устранена.» says that, not what.
	const minLength = options.minLength ?? 80;
	const concrete = facts.some((f) => f.concrete) || measuredOnSubject;
	const tooShort =
		essence.length < minLength && !concrete && !(essence.length >= 20 && (explained || specifics));
	if (tooShort) {
		add(
			'too_short',
			[`${essence.length} симв. по существу`],
			sentences[sentences.length - 1]?.text,
		);
	}

	// A day in the answer, not of a cited act («от 06.10.2016»).
	const when = WHEN.test(answer.replace(ACT_DATE, ' '));
	// «Отписка»: nothing concrete — no result, no finding with what was checked, no explanation, no promise.
	const bareNegative = facts.findIndex((f) => f.negativeFinding);
	// A measurement of the case (not a norm's limit) says what was found: «выбоина 0,3 м2», «напор 4 кгс/см2», «+20 °C».
	const measured = facts.some((f) => f.measured);
	// The sentence of the check or of its finding that names what was checked («проверка напора в квартире», «освещение
	// лифта проверено»), not «информация не подтвердилась».
	const namedCheck = sentences.findIndex(
		(x, i) =>
			!/^приложени/.test(x.norm) &&
			(facts[i].negativeFinding || CHECK_WORD.test(x.norm)) &&
			namesWhatWasChecked(x),
	);
	// The check and what it found, in one sentence: «при обследовании колодца нарушений не выявлено», «проведена
	// проверка напора в квартире, … напор соответствует нормативам».
	// A quoted GOST beside «проблем не обнаружено» stays a bare claim: the reviewers call it `formal` (most of them).
	const checkStated =
		namedCheck >= 0 &&
		!/гост|снип|санпин/i.test(answer) &&
		CHECK_WORD.test(sentences[namedCheck].norm) &&
		(facts[namedCheck].negativeFinding || facts[namedCheck].stateClaim);
	// The object's state found by an inspection with its act: «При обследовании замок и доводчик исправны, работают в
	// штатном режиме. Приложение: акт обследования.» says what was checked and what was found.
	const stateWithAct = facts.some((f) => f.stateClaim) && INSPECTION_ACT.test(answer);
	if (
		!done &&
		!promised &&
		!explained &&
		!measured &&
		!stateWithAct &&
		bareNegative < 0 &&
		kind === 'final' &&
		essence.length >= minLength &&
		!facts.some((f) => f.causal)
	) {
		const i = sentences.findIndex((s) => !/^(?:уважаем|здравствуйте|добрый)/.test(s.norm));
		add(
			'formal_reply',
			['нет сведений, что сделано, где и когда'],
			sentences[i >= 0 ? i : 0]?.text,
		);
	} else if (
		bareNegative >= 0 &&
		// Dated work of an earlier year («в 2008 году выполнен ремонт фасада») is history, not what was done now.
		!(
			measuredOnSubject ||
			facts.some((f, i) => f.done.length && !pastYearWork(sentences[i], input.answeredAt))
		) &&
		// What was checked and when: the day of the check or its act. An address, a photo, «в рабочем состоянии» are not.
		!when &&
		// An act of a check that names what was checked («освещение лифта проверено, … акт»); an act beside a bare
		// «информация не подтвердилась» shows nothing the citizen can read.
		!(INSPECTION_ACT.test(answer) && namedCheck >= 0) &&
		!checkStated &&
		!measured &&
		!facts.some((f) => f.causal) &&
		// «Колодец в исправном состоянии» beside «проблем не обнаружено» is the same bare claim, not what was checked.
		!facts.some(
			(f, i) => i !== bareNegative && f.explanation && !f.negativeFinding && !f.stateClaim,
		)
	) {
		add(
			'formal_reply',
			['«не подтвердилось» без того, что и когда проверено'],
			sentences[bareNegative].text,
		);
	}
	// A template sent with its slot unfilled where the object should stand names nothing; a slot left beside a named
	// result («граффити/надписи/объявления с (вид сооружения) … устранены») is a blemish, not a formal reply.
	const slot = TEMPLATE_SLOT.exec(answer);
	const slotAt = slot ? sentences.findIndex((x) => x.text.includes(slot[0])) : -1;
	// The slot's own words («сооружения») are not the object: the sentence is read without them.
	const namedBesideSlot =
		slotAt >= 0 &&
		splitSentences(sentences[slotAt].text.replace(slot![0], ' ')).some(
			(x) => sentenceFacts(x).concrete,
		);
	if (slot && !namedBesideSlot && !errors.some((e) => e.code === 'formal_reply')) {
		add('formal_reply', [`не заполнен шаблон: ${slot[0]}`], sentences[slotAt]?.text);
	}

	// Nothing concrete anywhere: only «проблема устранена», «в исправном состоянии», «не выявлено», «проведены
	// мероприятия» — no action with its object, no term, no reason (domain.md §10: no concrete result).
	const termed =
		facts.some((f) => f.promise && f.term && !f.condition) ||
		sentences.some((s, i) => CONTROL_DATE.test(s.norm) && firmTerm(facts[i]));
	// A finding with where, when or how it was checked is an answer («при осмотре 14.10 у дома 4 выбоин нет, фото»).
	const photo = /фото|видео/i.test(answer);
	// An act of the inspection is the record of what was checked, as a photo is.
	const checkedFinding =
		(facts.some((f) => f.negativeFinding || f.explanation) && (when || proof)) ||
		stateWithAct ||
		checkStated;
	// «Проблема решена. Освещение работает.»: a generic result with the object's state named.
	// Only the finding counts, not the check before it: «при обследовании установлено, что проблема устранена» states nothing.
	const statedResult =
		done &&
		facts.some(
			(f, i) =>
				f.explanation &&
				!f.negativeFinding &&
				findingWords(sentences[i]).some(
					(w) =>
						w.length >= 5 &&
						!f.done.includes(w) &&
						!isGeneric(w) &&
						!/^(?:работа|функци|штатн|режим|состоя|надлеж|исправн)/.test(w),
				),
		);
	// «Работы выполнены 16.11.2026, фотоотчёт»: a result with its day and its proof shows what was done.
	const datedWithProof = done && when && photo;
	if (
		!tooShort &&
		!concrete &&
		!termed &&
		!checkedFinding &&
		!statedResult &&
		!datedWithProof &&
		!measured &&
		kind === 'final' &&
		!facts.some((f) => f.causal) &&
		!errors.some((e) => e.code === 'formal_reply')
	) {
		const i = facts.findIndex((f) => f.done.length || f.negativeFinding || f.explanation);
		// «Проблема по адресу: Невский пр., д. 81, парадная 2 устранена» is «Проблема устранена» with an address: too short
		// by its substance, as the reviewers read it; longer generic texts are formal replies.
		const bare = !explained && !facts.some((f) => f.negativeFinding);
		const substance = bare ? withoutAddress(sentences, facts) : minLength;
		if (substance < minLength && !errors.some((e) => e.code === 'too_short'))
			add(
				'too_short',
				[`${substance} симв. по существу без адреса`],
				sentences[i >= 0 ? i : 0]?.text,
			);
		else
			add(
				'formal_reply',
				['не сказано, что именно сделано, где и когда'],
				sentences[i >= 0 ? i : 0]?.text,
			);
	}

	// A promise's term in its own sentence; conditions are no term; negations are no promise.
	// One term for the answer's work is enough («Работы будут выполнены до 15.05. Будет сделан перерасчёт.»), and a
	// control date («на контроле до 18.05») is the term the citizen is given.
	const someTerm =
		facts.some((f) => f.promise && f.term && !f.condition) ||
		sentences.some(
			(s, i) =>
				firmTerm(facts[i]) &&
				(CONTROL_DATE.test(s.norm) ||
					(/срок/.test(s.norm) && DURATION.test(s.norm)) ||
					// «Планируемый срок завершения работ и устранения замечания – 31.12.2022»
					(WORK_TERM.test(s.norm) && termIn(s.norm) !== null) ||
					// «…срок 02.04.2021»: a term given as such.
					TERM_GIVEN.test(s.norm.replace(ACT_DATE, ' '))),
		);
	// A condition on the work itself («по мере финансирования», «перспективный план») voids a term, its own too («в случае
	// достаточного финансирования будут выполнены в 2025 году»); a weather caveat on a date, or a condition for doing it
	// sooner («при благоприятной погоде — ранее срока»), does not.
	const conditioned = facts.findIndex(
		(f, i) =>
			f.condition &&
			(!f.term || !firmTerm(f)) &&
			!/ранее|раньше|более\s+ранн|досрочн|сокращ|незамедлительн|немедленн/.test(sentences[i].norm),
	);
	for (let i = 0; i < facts.length && (!someTerm || conditioned >= 0); i++) {
		const f = facts[i];
		if (conditioned >= 0 && i !== conditioned) continue;
		// «будут устранены при наступлении благоприятных погодных условий в срок не позднее 30.06»: a weather caveat on a
		// date keeps the date.
		if (!f.promise || (f.term && firmTerm(f))) continue;
		// Another sentence may give the term of the same promise right after it («Срок — до 15.06»).
		const next = facts[i + 1];
		if (
			!f.condition &&
			next &&
			!next.promise &&
			next.term === null &&
			/срок/.test(sentences[i + 1].norm) &&
			/\d|квартал|январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр/.test(
				sentences[i + 1].norm,
			)
		)
			continue;
		add(
			'promise_without_date',
			[
				f.condition
					? `условие вместо срока: «${f.condition}»`
					: `обещание без срока: «${f.promise}»`,
			],
			sentences[i].text,
		);
		break;
	}

	// A step against someone (a notice, an order, a letter) with no term for the fix and no control date.
	// The notice itself («на РТС размещено уведомление о вывозе») is the step, not a result beside it.
	const resultBesideNotice = facts.some((f, i) => f.concrete && !NOTICE.test(sentences[i].norm));
	if (
		!someTerm &&
		!resultBesideNotice &&
		!measuredOnSubject &&
		!errors.some((e) => e.code === 'promise_without_date')
	) {
		const i = sentences.findIndex(
			(s) =>
				NOTICE.test(s.norm) &&
				!/\d{1,2}\.\d{1,2}\.\d{2,4}|срок/.test(s.norm.replace(ACT_DATE, ' ')),
		);
		if (i >= 0)
			add(
				'promise_without_date',
				['направлено уведомление или предписание, но не сказано, когда устранят'],
				sentences[i].text,
			);
	}

	// Legal references: real acts, and nothing said about this case besides them.
	const refs = facts.flatMap((f) => f.legalRefs);
	if (refs.length >= (options.maxLegalRefs ?? 2)) {
		const aboutCase = facts.some(
			(f) =>
				!f.legalRefs.length &&
				!f.formality &&
				(f.done.length || f.explanation || f.promise || f.specifics || f.negativeFinding),
		);
		const doneAnywhere = done || facts.some((f) => f.specifics && f.explanation);
		if (!aboutCase && !doneAnywhere) {
			const i = facts.findIndex((f) => f.legalRefs.length);
			add('legal_refs_without_explanation', [...new Set(refs)].slice(0, 6), sentences[i].text);
		}
	}

	if (!disabled.has('not_addressed')) addressing(input, sentences, options, add);
	if (!disabled.has('contradiction')) {
		const contradiction = findContradiction(sentences, facts, input.appealText, input.answeredAt);
		if (contradiction) add('contradiction', contradiction.evidence, contradiction.sentence);
	}

	if (!input.organization && !input.responsible && !SIGNATURE.test(answer)) add('no_signature', []);

	const personal = disabled.has('personal_data')
		? []
		: personalData(answer, input.responsible, input.appealText ?? '');
	if (personal.length)
		add(
			'personal_data',
			personal.map((p) => p.value),
			personal[0].sentence,
		);

	const rudeAt = RUDE.test(normAnswer) ? sentences.findIndex((s) => RUDE.test(s.norm)) : -1;
	if (rudeAt >= 0)
		add('rude_tone', [RUDE.exec(sentences[rudeAt].norm)![0]], sentences[rudeAt].text);

	const late = lateness(input, kind, options.extensionDays ?? 30);
	if (late) add('late', [late]);

	const reuse = disabled.has('template_reuse') ? [] : templateReuse(input, answer);
	if (reuse.length) add('template_reuse', reuse);

	return finish(errors, kind);
}

type Add = (code: QualityCode, evidence: string[], sentence?: string) => void;

/** Addressing, on the subject: the appeal's subject groups (text and category) against the answer's. */
function addressing(
	input: AnswerInput,
	sentences: Sentence[],
	options: QualityOptions,
	add: Add,
): void {
	const addressStems = new Set(
		(input.address ?? '')
			.toLowerCase()
			.replace(/ё/g, 'е')
			.match(/[а-я]{4,}/g)
			?.map(stemToken) ?? [],
	);
	const appealWords = [...normWords(input.appealText), ...normWords(input.category ?? '')];
	const answerWords = sentences.flatMap((s) => s.words);
	const compiled = subjectsFor(options);
	const appealSubjects = subjectsOf(appealWords, compiled);
	const answerSubjects = subjectsOf(answerWords, compiled);
	if (
		appealSubjects.size &&
		answerSubjects.size &&
		![...answerSubjects.keys()].some((k) => appealSubjects.has(k))
	) {
		const own = contentStems(appealWords, addressStems);
		const shared = [...contentStems(answerWords, addressStems)].some((s) => own.has(s));
		if (!shared) {
			const named = [...new Set(answerSubjects.values())].slice(0, 3);
			const i = sentences.findIndex((s) => s.words.includes(named[0]));
			add(
				'not_addressed',
				[
					`в обращении: ${[...new Set(appealSubjects.values())].slice(0, 3).join(', ')}`,
					`в ответе: ${named.join(', ')}`,
				],
				sentences[i >= 0 ? i : 0]?.text,
			);
		}
	}
}

function measuresOnSubject(facts: SentenceFacts[], appealText: string): boolean {
	const appeal = appealStems(appealText);
	return facts.some((f) => f.vagueObject !== null && appeal.has(f.vagueObject));
}

/** The stems of the appeal's words (four letters and more): what the citizen wrote about. */
function appealStems(appealText: string): Set<string> {
	return new Set(
		normWords(appealText)
			.filter((w) => w.length >= 4)
			.map(stemToken),
	);
}

function normWords(text: string): string[] {
	return (
		(text ?? '')
			.toLowerCase()
			.replace(/ё/g, 'е')
			.match(/[a-zа-я]+|\d+/g) ?? []
	);
}

/** Intermediate: the source says so, the text says so, or it promises with a term and reports nothing done. */
function answerKind(a: { facts: SentenceFacts[] }, sourceSays?: boolean): 'final' | 'intermediate' {
	if (sourceSays) return 'intermediate';
	if (a.facts.some((f) => f.intermediate)) return 'intermediate';
	const done = a.facts.some((f) => f.done.length || f.negativeFinding);
	if (!done && a.facts.some((f) => f.promise && f.term && !f.condition)) return 'intermediate';
	return 'final';
}

/** Intermediate answer kind, for callers that have only a text (history entries). */
export function isIntermediateText(text: string): boolean {
	return answerKind({ facts: splitSentences(text).map(sentenceFacts) }) === 'intermediate';
}

const DATE = /(?<!от\s{0,2})(\d{1,2})\.(\d{1,2})\.(\d{2,4})/g;

/** Latest calendar date a text promises (dd.mm.yyyy not of an act), as epoch ms of its end, or null. */
function promisedDate(text: string): number | null {
	let best: number | null = null;
	for (const s of splitSentences(text)) {
		const f = sentenceFacts(s);
		if (!f.term && !f.intermediate) continue;
		for (const m of s.norm.matchAll(DATE)) {
			const y = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
			const t = Date.UTC(y, Number(m[2]) - 1, Number(m[1]), 23, 59, 59);
			if (Number.isFinite(t) && (best === null || t > best)) best = t;
		}
	}
	return best;
}

/**
 * Late unless an intermediate answer with a term came in time (59-ФЗ ст. 12 ч. 2: an extension notified to the
 * citizen) and this answer keeps that term (or, without a readable date, the extension's length).
 */
function lateness(
	input: AnswerInput,
	kind: 'final' | 'intermediate',
	extensionDays: number,
): string | null {
	if (!input.answeredAt || !input.deadline) return null;
	const at = Date.parse(input.answeredAt);
	const deadline = Date.parse(input.deadline);
	if (!Number.isFinite(at) || !Number.isFinite(deadline) || at <= deadline) return null;
	const timely = (input.history ?? []).filter((h) => {
		const t = Date.parse(h.at);
		return (
			Number.isFinite(t) &&
			t <= deadline &&
			t < at &&
			(h.intermediate || isIntermediateText(h.text))
		);
	});
	if (kind === 'final' && timely.length) {
		const promised = timely.map((h) => promisedDate(h.text)).filter((x): x is number => x !== null);
		const limit = promised.length ? Math.max(...promised) : deadline + extensionDays * 86_400_000;
		if (at <= Math.max(limit, deadline)) return null;
		return `ответ ${input.answeredAt}, срок из промежуточного ответа ${new Date(limit).toISOString().slice(0, 10)}`;
	}
	return `ответ ${input.answeredAt}, срок ${input.deadline}`;
}

/** «Факт … не подтвердился»: the appeal's problem denied. */
const DENIAL =
	/(?:факт|проблем|информаци|довод|сведени)[а-я]*\s+(?:[а-я]+\s+){0,3}не\s+подтвер[а-я]*|(?:^|[^а-я])не\s+подтвер(?:дил|жден)[а-я]*/;
/**
 * What a denial names when it names something («факт протечки труб в паркинге не подтвержден», «сообщение о
 * ненадлежащем содержании трубопроводов … не подтверждено»): it denies that, not the whole appeal.
 */
const DENIED_THING =
	/(?:факт[а-я]*|сообщени[а-я]*\s+о)\s+((?:[а-я]+,?\s+){1,10}?)[–-]?\s*не\s+подтвер/;
/** Words of a denial that name no thing: «факт наличия проблемы», «изложенные в обращении». */
const DENIAL_FILLER = /^(?:наличи|проблем|указан|изложен|описан|нарушени|сообщ|обращени|информаци)/;
function deniedStems(norm: string): Set<string> {
	const words = DENIED_THING.exec(norm)?.[1].split(/[\s,]+/) ?? [];
	return new Set(
		words
			.filter((w) => w.length >= 4 && !DENIAL_FILLER.test(w))
			.map(stemToken)
			.filter((x) => !NOT_SUBJECT.has(x) && !isGeneric(x)),
	);
}
/** A repair done: something was broken (not a cleaning or a check, which may follow a denied appeal). */
const REPAIRED_WORD = /^(?:устранен|отремонтирован|восстановлен|заменен)[аоы]?$/;
const REPAIR_WORK =
	/(?:работ[а-я]*\s+по|ремонтн[а-я]*\s+работ[а-я]*\s+по|(?:выполнен|проведен|произведен)[аоы]?)\s+(?:[а-я]+\s+)?(?:ремонт|устранени|восстановлени|замен)[а-я]*/;
/**
 * Remedial work done on something («выполнены работы по закрытию продухов»): against a denial when it is the appeal's
 * object. Other work on it («по прокладке кабельной линии») may explain what was seen, not repair it.
 */
const WORK_ON =
	/(?:выполнен|проведен|произведен)[аоы]?\s+(?:[а-я]+\s+)?работ[а-я]*\s+по\s+(?:закрыти|заделк|герметизац|утеплени|изоляци|покраск|окраск|закраск|очистк|удалени|демонтаж|креплени|укреплени)[а-я]*/;
/** A cleaning done: it contradicts a denial only when what was cleaned is what the appeal complained of. */
const CLEANED =
	/(?:^|[^а-я])(?:убран[аоы]?|очищен[аоы]?|вывезен[аоы]?|(?:выполнен|проведен|произведен)[аоы]?\s+(?:[а-я]+\s+)?(?:уборк|очистк|вывоз)[а-я]*)(?![а-я])/;
const EARLIER = /(?:^|[^а-я])(?:ранее|прежде|частично|временн[а-я]*)(?![а-я])/;
/** Background, not this case's repair: imperfective past («выполнялись работы по восстановлению отопления»). */
const BACKGROUND =
	/(?:^|[^а-я])(?:выполнял|проводил|производил|осуществлял)(?:ись|ась|ось|ся)(?![а-я])/;
/** The year of dated work («в 2019 г. произведён капитальный ремонт фасада»): before the answer's year it is history. */
const WORK_YEAR = /(?:^|[^а-я\d])(?:в\s+)?(20\d\d)\s*(?:г(?![а-я])|год[а-я]*)/;
function pastYearWork(s: Sentence, answeredAt?: string | null): boolean {
	const year = WORK_YEAR.exec(s.norm)?.[1];
	return year !== undefined && !!answeredAt && Number(year) < Number(answeredAt.slice(0, 4));
}
/** Work someone else did on their own (owners replacing their windows): the cause of what was seen, not a repair of it. */
const BY_OTHERS = /(?:^|[^а-я])самостоятельно(?![а-я])/;

/**
 * Contradictions inside one answer (domain.md §10): the problem denied and repaired (or its own object cleaned); the
 * same work both done and to be done. A temporary fix now and the repair later, earlier or dated work of a past year,
 * work going on for another reason, owners' own work, and «проблема устранена» beside another part promised for a
 * date (blind reviewers pass that as a partial answer) are no contradiction.
 */
function findContradiction(
	sentences: Sentence[],
	facts: SentenceFacts[],
	appealText: string,
	answeredAt?: string | null,
): { evidence: string[]; sentence: string } | null {
	const history = (i: number) =>
		EARLIER.test(sentences[i].norm) ||
		BACKGROUND.test(sentences[i].norm) ||
		pastYearWork(sentences[i], answeredAt);
	const pair = (a: number, b: number) => ({
		evidence: [sentences[a].text, sentences[b].text],
		sentence: sentences[b].text,
	});
	// Work of this case by its executor: not history, not owners' own work, not another denial.
	const workNow = (i: number) =>
		!history(i) && !BY_OTHERS.test(sentences[i].norm) && !DENIAL.test(sentences[i].norm);
	const repaired = (i: number) =>
		!facts[i].legalRefs.length &&
		(facts[i].done.some((w) => REPAIRED_WORD.test(w)) ||
			(facts[i].done.length > 0 && REPAIR_WORK.test(sentences[i].norm)));
	const workPromised = (i: number) =>
		facts[i].term !== null && (facts[i].promise === 'будет' || facts[i].promise === 'будут');
	const denied = sentences.findIndex((s) => DENIAL.test(s.norm));
	if (denied >= 0) {
		let appeal: Set<string> | undefined;
		const workedOnAppealObject = (i: number) => {
			if (!CLEANED.test(sentences[i].norm) && !WORK_ON.test(sentences[i].norm)) return false;
			appeal ??= appealStems(appealText);
			for (const x of objectStems(sentences[i])) if (appeal.has(x)) return true;
			return false;
		};
		// A denial of one named thing is contradicted only by a repair of that thing or of the appeal's object; a
		// repair of something else («факт протечки труб не подтвержден … восстановлена отмостка») is another finding.
		const named = deniedStems(sentences[denied].norm);
		const repairOfDenied = (i: number) => {
			if (!repaired(i)) return false;
			if (!named.size) return true;
			const objects = [...objectStems(sentences[i])].filter((x) => !EXECUTOR.test(x));
			if (!objects.length) return true;
			appeal ??= appealStems(appealText);
			for (const x of objects) if (named.has(x) || appeal.has(x)) return true;
			return false;
		};
		const j = facts.findIndex(
			(_f, i) => i !== denied && workNow(i) && (repairOfDenied(i) || workedOnAppealObject(i)),
		);
		if (j >= 0) return pair(denied, j);
	}
	// The same work done and promised: the two sentences name (almost) the same objects. Each sentence's objects are
	// read once, and a promise meets only the done sentences it shares an object with (an index, not every pair).
	const promisedAt = facts.flatMap((_f, i) => (workPromised(i) ? [i] : []));
	if (!promisedAt.length) return null;
	const doneSize = new Map<number, number>();
	const doneWith = new Map<string, number[]>();
	facts.forEach((f, j) => {
		if (!f.done.length) return;
		const objects = objectStems(sentences[j]);
		doneSize.set(j, objects.size);
		for (const x of objects) doneWith.set(x, [...(doneWith.get(x) ?? []), j]);
	});
	for (const i of promisedAt) {
		const promisedObjects = objectStems(sentences[i]);
		const shared = new Map<number, number>();
		for (const x of promisedObjects)
			for (const j of doneWith.get(x) ?? []) if (j !== i) shared.set(j, (shared.get(j) ?? 0) + 1);
		// The first such sentence in the answer, as a reader meets it.
		const same = [...shared]
			.filter(([j, n]) => n >= 2 && n / (promisedObjects.size + doneSize.get(j)! - n) >= 0.6)
			.map(([j]) => j);
		if (same.length) return pair(Math.min(...same), i);
	}
	return null;
}

/** Length of what the answer says without its address: names, numbers, «по адресу», «ул.», «д.», «парадная №». */
function withoutAddress(sentences: Sentence[], facts: SentenceFacts[]): number {
	return sentences
		.filter((_s, i) => facts[i].essence)
		.map((s) =>
			s.text
				.replace(/по\s+(?:указанному\s+)?адресу:?/gi, ' ')
				.replace(/(?<=\s)[А-ЯЁ][а-яё]*\.?/g, ' ')
				.replace(
					/(?<![а-яё])(?:ул|д|дом|пр|просп|пер|наб|корп|к|лит|литера|стр|кв|парадн[а-яё]*|подъезд[а-яё]*|лестничн[а-яё]*\s+клетк[а-яё]*|л\.?\s*кл)\.?(?![а-яё])|№|\d+[а-яё]?/gi,
					' ',
				)
				.replace(/[\s,.:;/-]+/g, ' ')
				.trim(),
		)
		.join(' ').length;
}

/** The words of a sentence that name things, stemmed: no verbs of completion or promise, no generic words. */
function objectStems(s: Sentence): Set<string> {
	return new Set(
		s.words
			.filter((w) => w.length >= 4 && !isCompletedWord(w) && !/^(?:будет|будут|срок)/.test(w))
			.map(stemToken)
			.filter((x) => !NOT_SUBJECT.has(x) && !isGeneric(x)),
	);
}

const OFFENDER =
	/правонарушени|нарушител|протокол[а-я]*\s+(?:об\s+)?административн|несогласованн|самовольн|незаконн/i;

/** Enough to show and to act on; a text full of names is not listed in full. */
const MAX_FOUND = 10;
const SENTENCE_END = /[.\n](?:\s|$)/g;
const FLAT =
	/(?<![а-яё])(?:кв\.?|квартир[а-яё]*)\s*(?:№\s*)?(\d{1,4})(?![\d]|\s*[-–,]\s*\d|\s*и\s+\d)/gi;

function personalData(
	answer: string,
	responsible: string | null | undefined,
	appealText: string,
): Array<{ value: string; sentence: string }> {
	const found: Array<{ value: string; sentence: string }> = [];
	const sentenceAt = (index: number) => {
		const start =
			Math.max(answer.lastIndexOf('.', index - 1), answer.lastIndexOf('\n', index - 1)) + 1;
		// From the match on, not a slice of the rest per match (that was quadratic in a long text full of names).
		SENTENCE_END.lastIndex = index;
		const end = SENTENCE_END.exec(answer);
		return answer.slice(start, end ? end.index + 1 : answer.length).trim();
	};
	const scan = (re: RegExp, keep: (value: string, before: string) => boolean) => {
		for (const m of answer.matchAll(
			new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g'),
		)) {
			if (found.length >= MAX_FOUND) return;
			const before = answer.slice(Math.max(0, m.index! - 80), m.index!);
			if (keep(m[0], before)) found.push({ value: m[0], sentence: sentenceAt(m.index!) });
		}
	};
	// Official phones and mailboxes of organisations are what answers should give.
	// Cheap tests first: most answers have no phone-like digits, no «@», no patronymic.
	if (/\d{3}/.test(answer)) scan(PHONE, (_v, before) => !OFFICIAL_CONTACT.test(before));
	if (/\d{3}[- ]\d{3}[- ]\d{3}|снилс/i.test(answer)) scan(SNILS, () => true);
	if (answer.includes('@'))
		scan(
			EMAIL,
			(v, before) =>
				!OFFICIAL_CONTACT.test(before) &&
				!/(?:gov|admin|adm|mo|spb|gu|org|info|priem|kanc|mail@)/i.test(v.split('@')[1] ?? ''),
		);
	if (/паспорт/i.test(answer)) scan(PASSPORT, () => true);
	if (/(?:вич|вна|ична|оглы|кызы)(?![а-яё])/.test(answer)) {
		scan(
			FULL_NAME,
			(v, before) =>
				!OFFICIAL_BEFORE.test(before) && !(responsible && v.includes(responsible.split(' ')[0])),
		);
	}
	// The applicant's own flat: the number the appeal gives as theirs, repeated in a published answer.
	// A flat number identifies who lives there (the applicant or a neighbour); ranges and lists of flats are a building's parts.
	// The flat of someone the answer acts against (an unapproved fixture, an offence) is where the problem is, not the
	// applicant's home (answer-labels.md: other flats where the problem is are not the citizen's data).
	if (/кв/i.test(answer) && !OFFENDER.test(answer)) {
		for (const m of answer.matchAll(FLAT)) {
			if (found.length >= MAX_FOUND) break;
			found.push({ value: m[0], sentence: sentenceAt(m.index!) });
		}
	}
	void appealText;
	return found;
}

function finish(errors: QualityError[], kind: 'final' | 'intermediate'): AnswerCheckResult {
	const penalty = errors.reduce((s, e) => s + (e.severity === 'error' ? 25 : 10), 0);
	return {
		ok: !errors.some((e) => e.severity === 'error'),
		errors,
		score: Math.max(0, 100 - penalty),
		kind,
	};
}
