/**
 * Sentence-level reading of an official answer: what each sentence does (greets, reports a result, promises, finds
 * nothing, explains, cites norms). The checks in ./index.ts decide on these facts, not on word lists over the whole
 * text: a date of a legal act is not a promise's term, «Рассмотрев Ваше обращение» is not a formal reply.
 * Everything here is linear in the text's length (regexes without nested quantifiers, one pass per sentence).
 */
import { normalizeWord, stemToken } from '../text/russian';

export interface Sentence {
	/** As written (trimmed), for evidence. */
	text: string;
	/** Lowercase, ё → е. */
	norm: string;
	/** Words of `norm`. */
	words: string[];
}

/** Abbreviations after which a dot does not end a sentence (ул. Советская, д. 5, г. Пушкин, ст. 12). */
const ABBREVIATIONS = new Set([
	'ул',
	'д',
	'г',
	'гг',
	'пр',
	'просп',
	'пер',
	'пл',
	'наб',
	'ш',
	'б',
	'бул',
	'кв',
	'корп',
	'к',
	'стр',
	'лит',
	'пом',
	'эт',
	'ст',
	'ч',
	'п',
	'пп',
	'пос',
	'им',
	'т',
	'е',
	'тел',
	'руб',
	'тыс',
	'млн',
	'см',
	'м',
	'рис',
	'прил',
	'обл',
	'р',
	'н',
	'с',
	'ср',
	'вх',
	'исх',
	'рег',
	'кад',
	'no',
	'мкр',
	'тер',
	'уч',
	'табл',
]);

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 160;
const isLetter = (c: number) =>
	(c >= 0x410 && c <= 0x44f) ||
	c === 0x401 ||
	c === 0x451 ||
	(c >= 65 && c <= 90) ||
	(c >= 97 && c <= 122);
/** . ! ? : ; … » " */
const ENDS = new Set([46, 33, 63, 58, 59, 8230, 0xbb, 34]);

/** Splits into sentences at . ! ? … and line breaks, not after abbreviations, initials or inside numbers (12.10.2026). */
export function splitSentences(text: string): Sentence[] {
	const out: Sentence[] = [];
	let start = 0;
	const push = (end: number) => {
		const raw = text.slice(start, end).trim();
		start = end;
		if (!raw || !/[А-Яа-яЁёA-Za-z]/.test(raw)) return;
		const norm = normalizeWord(raw);
		out.push({ text: raw, norm, words: norm.match(/[a-zа-я]+|\d+/g) ?? [] });
	};
	const n = text.length;
	// Inside «…» (a quoted title of an act: «Дороги автомобильные и улицы. Требования…») a dot does not end the
	// sentence, when the quote closes within 300 characters (looked up that far only, so the pass stays linear).
	let quoteEnd = -1;
	for (let i = 0; i < n; i++) {
		const c = text.charCodeAt(i);
		if (c === 0xab && i > quoteEnd) {
			quoteEnd = -1;
			for (let k = i + 1; k < n && k <= i + 300; k++) {
				if (text.charCodeAt(k) === 0xbb) {
					quoteEnd = k;
					break;
				}
			}
		}
		if (c === 10 || c === 13) {
			// A line break ends a sentence after . ! ? : ; or before a capital, a dash or a bullet — not inside «в срок до\n30.04».
			let k = i + 1;
			while (k < n && isSpace(text.charCodeAt(k))) k++;
			let b = i - 1;
			while (b >= start && isSpace(text.charCodeAt(b))) b--;
			const prev = b >= start ? text.charCodeAt(b) : 46;
			const next = k < n ? text.charCodeAt(k) : 0;
			// «…расположенного по адресу:\nг. Санкт-Петербург, …, устранены»: the address goes on the next line.
			const addressFollows =
				prev === 58 && /адрес[а-яё]*\s*$/i.test(text.slice(Math.max(start, b - 12), b));
			if (
				k >= n ||
				(ENDS.has(prev) && !addressFollows) ||
				(next >= 0x410 && next <= 0x42f) ||
				next === 0x401 ||
				(next >= 65 && next <= 90) ||
				next === 0x2022 ||
				next === 45 ||
				next === 0x2013 ||
				next === 0x2014
			)
				push(i);
			// Past the whitespace just read: a run of line breaks is read once, not once per break.
			i = k - 1;
			continue;
		}
		// . ! ? …
		if (c !== 46 && c !== 33 && c !== 63 && c !== 8230) continue;
		if (i < quoteEnd) continue;
		const next = text.charCodeAt(i + 1);
		if (c === 46 && next >= 48 && next <= 57) continue; // 12.10 or 1.2.3
		// «до 30. 09. 2021 года»: a date typed with spaces goes on.
		if (c === 46 && i > 0 && text.charCodeAt(i - 1) >= 48 && text.charCodeAt(i - 1) <= 57) {
			const after = text.slice(i + 1, i + 12);
			if (
				/^ \d{1,2}\. ?\d{4}(?!\d)/.test(after) ||
				(/(?<!\d)\d{1,2}\. ?\d{1,2}$/.test(text.slice(Math.max(0, i - 7), i)) &&
					/^ \d{4}(?!\d)/.test(after))
			)
				continue;
		}
		if (i + 1 < n && next !== 32 && next !== 9 && next !== 10 && next !== 13 && next !== 160)
			continue;
		if (c === 46) {
			// The word before the dot: an abbreviation or an initial keeps the sentence going.
			let j = i - 1;
			while (j >= 0 && isLetter(text.charCodeAt(j))) j--;
			const word = text.slice(j + 1, i);
			// «до 01.05.2021г. При …»: «г.» after a year ends the sentence when a capital follows.
			const yearEnd =
				word === 'г' &&
				/\d\s*$/.test(text.slice(Math.max(0, j - 5), j + 1)) &&
				/^\s+[А-ЯЁ]/.test(text.slice(i + 1, i + 4));
			if (
				!yearEnd &&
				word &&
				(ABBREVIATIONS.has(word.toLowerCase()) || (word.length === 1 && /[А-ЯЁ]/.test(word)))
			)
				continue;
		}
		push(i + 1);
	}
	push(n);
	return out;
}

// ---- Word classes. Roots are matched at the start of a normalized word; endings say completed (short participle or past tense).

/** Roots of actions that change something on the ground or in a case (general municipal vocabulary). */
const ACTION_ROOTS = [
	'устран',
	'выполн',
	'убран',
	'убра',
	'удал',
	'демонтир',
	'закраш',
	'покраш',
	'окраш',
	'перекраш',
	'отремонтир',
	'починен',
	'почин',
	'восстановл',
	'восстанов',
	'замен',
	'вывез',
	'очищ',
	'очист',
	'расчищ',
	'расчист',
	'провед',
	'произвед',
	'установл',
	'установ',
	'заделан',
	'задела',
	'засып',
	'подсып',
	'закрыт',
	'закры',
	'прочищ',
	'прочист',
	'откача',
	'составл',
	'состав',
	'выдан',
	'выда',
	'привлеч',
	'эвакуир',
	'перемещ',
	'перемест',
	'вывешен',
	'вывес',
	'скошен',
	'скос',
	'обработ',
	'дезинф',
	'продезинф',
	'дезинс',
	'дератиз',
	'подключ',
	'отрегулир',
	'отрегул',
	'запущ',
	'запуст',
	'возобнов',
	'приведен',
	'привед',
	'нормализ',
	'обследов',
	'осмотр',
	'изолир',
	'заизолир',
	'спил',
	'выруб',
	'опил',
	'кронир',
	'обрез',
	'подрез',
	'завез',
	'посып',
	'смонтир',
	'монтир',
	'покрыт',
	'уложен',
	'улож',
	'нанес',
	'организов',
	'вымыт',
	'вымы',
	'решен',
	'реши',
	'прогре',
	'спущ',
	'спуст',
	'промыт',
	'помыт',
	'помы',
	'промыт',
	'промы',
	'отмыт',
	'отмы',
	'залит',
	'зали',
	'сня',
	'закрепл',
	'закреп',
	'укрепл',
	'укреп',
	'наложен',
	'налож',
	'вынес',
	'собран',
	'собра',
	'сдела',
	'проложен',
	'проложи',
	'ликвидир',
	'освобожд',
	'освобод',
	'утилизир',
	'выстав',
	'оштрафов',
	'заменен',
	'смен',
	'поправл',
	'поправ',
	'устраня',
	'вычищ',
	'вычист',
	'выкос',
	'покош',
	'скош',
	'заварен',
	'завар',
	'опломбир',
	'демонтаж',
	'снесен',
	'снес',
	'откорректир',
	'исправл',
	'исправ',
	'вывезл',
	'подметен',
	'подмет',
	'отбит',
	'сбит',
	'сбил',
	'отби',
	'посажен',
	'высажен',
	'обустро',
	'оборудов',
	'размещ',
	'выровн',
	'вставл',
	'встав',
	'отремонт',
	'восполн',
	'долит',
	'подлит',
	'герметиз',
	'утеплен',
	'утепл',
	'прочищен',
	'промыв',
	'промыл',
	'очищен',
	'открыт',
	'откры',
];
/** Roots that read like actions but are the answer's formalities («рассмотрено», «принято», «зарегистрировано»). */
const FORMAL_ROOTS = [
	'рассмотр',
	'принят',
	'приня',
	'зарегистр',
	'получ',
	'поступ',
	'переадрес',
	'направл',
	'направ',
	'сообщ',
	'доведен',
	'довед',
	'учтен',
	'уч',
];
const COMPLETED_ENDING = /(?:[аяеиоуы]н[аоы]?|[ыия]т[аоы]?|[аяеиоуы]л(?:[аио]|ся|ась|ось|ись)?)$/;
/** «выполнен», «работы по уборке выполнены»: the word says a thing was done, in the past. */
const ROOTS_BY_HEAD = new Map<string, string[]>();
for (const r of ACTION_ROOTS)
	ROOTS_BY_HEAD.set(r.slice(0, 3), [...(ROOTS_BY_HEAD.get(r.slice(0, 3)) ?? []), r]);
const COMPLETED = new Map<string, boolean>();
export function isCompletedWord(w: string): boolean {
	let known = COMPLETED.get(w);
	if (known === undefined) {
		known =
			w.length >= 4 &&
			COMPLETED_ENDING.test(w) &&
			!/нн[аоы]?$/.test(w) &&
			// «исправен», «исправна»: the object's state (in working order), not «исправлен» (fixed).
			!/^исправ(?:ен|на|но|ны)$/.test(w) &&
			// «выполнялись», «проводились»: work going on (imperfective), not a result.
			!/^(?:выполнял|проводил|производил|осуществлял)(?:ся|ась|ось|ись)$/.test(w) &&
			(ROOTS_BY_HEAD.get(w.slice(0, 3)) ?? []).some((r) => w.startsWith(r));
		if (COMPLETED.size > 100_000) COMPLETED.clear();
		COMPLETED.set(w, known);
	}
	return known;
}
/** «мероприятия», «меры», «комплекс мер» next to a completed action (up to three words away): its index, or -1. */
const MEASURE = /^(?:мероприяти[а-я]*|меры|мер|комплекс)$/;
function measureNear(words: string[], i: number): number {
	for (let k = Math.max(0, i - 3); k <= Math.min(words.length - 1, i + 3); k++)
		if (k !== i && MEASURE.test(words[k])) return k;
	return -1;
}
/** «мероприятия по удалению рекламы» → the object «реклам» (the word after the verbal noun), stemmed. */
function measureObject(words: string[], at: number): string | null {
	const k = words.indexOf('по', at);
	if (k < 0 || k > at + 2) return null;
	const object = words[k + 2];
	return object && object.length >= 4 ? stemToken(object) : null;
}
const NOUN_ACTIONS =
	/(?:^|\s)(?:произведен[аоы]?|проведен[аоы]?|выполнен[аоы]?|осуществлен[аоы]?|организован[аоы]?)\s/;

/** «Проведено обследование», «осмотр выполнен»: the check itself, not a result; what it found is the result. */
const INSPECTION = /^(?:обследовани|осмотр|проверк|выезд|обход|мониторинг|комиссионн|визуальн)/;
const INSPECTION_DONE =
	/(?:^|[^а-я])(?:произведен|проведен|выполнен|осуществлен|организован)[аоы]?\s+(?:[а-я]+\s+){0,1}(?:обследовани|осмотр|проверк|выезд|обход|мониторинг)[а-я]*|(?:обследовани|осмотр|проверк|выезд|обход)[а-я]*\s+(?:[а-я]+\s+){0,2}(?:произведен|проведен|выполнен|осуществлен)[аоы]?(?![а-я])/;
/** The verbs of an inspection and its finding («проведено», «выполнен осмотр», «установлено»), not the actions it finds done. */
const GENERIC_DONE = /^(?:произвед|провед|выполн|осуществл|организов|установл)/;
function inspectionAt(words: string[], i: number): boolean {
	return [words[i - 2], words[i - 1], words[i + 1], words[i + 2]].some(
		(w) => w !== undefined && INSPECTION.test(w),
	);
}

/** A sentence's negation right before the word («не выполнены», «не будет»). */
function negatedAt(words: string[], i: number): boolean {
	return (
		(i > 0 && (words[i - 1] === 'не' || words[i - 1] === 'ни')) || (i > 1 && words[i - 2] === 'не')
	);
}

const MEASUREMENT =
	/\d(?:[.,]\d+)?\s*(?:(?:м2|м²|кв\.?\s*м|см|мм|кгс|атм|градус|лк|люкс|дб|м\/с)(?![а-я])|°)/;
const CITATION_OPENER = /(?:согласно|в\s+соответствии\s+с|на\s+основании)\s/g;
/** A claim that the object is fine, with nothing on what was seen: «в исправном состоянии», «нарушений нет», «обеспечен». */
const STATE_CLAIM =
	/(?<![а-я])отсутству(?:ет|ют)\.?$|^(?:[а-я]+\s+){1,3}в\s+(?:исправн|надлежащ|нормативн|удовлетворительн|рабочем|работоспособн)[а-я]*(?:ом|ем)\s+(?:[а-я]+(?:ом|ем)\s+)?состоянии\.?$|(?:находи[а-я]+|содерж[а-я]+)\s+(?:[а-я]+\s+){0,2}в\s+(?:исправн|надлежащ|нормативн|удовлетворительн|рабочем|работоспособн|технически\s+исправн)[а-я]*(?:,?\s+[а-я]+(?:ом|ем))?,?\s+состояни[а-я]*|(?<![а-я])(?:исправ(?:ен|на|но|ны)|обеспечен[аоы]?|функциониру[а-я]+\s+(?:в\s+)?(?:штатн|нормальн)[а-я]*)(?![а-я])/;
/** A reason or a redirect: why it cannot be done, whose it is, where to turn («так как», «находится на балансе», «рекомендуем обратиться»). */
const CAUSAL =
	/(?:^|[^а-я])(?:так\s+как|поскольку|в\s+связи\s+с|по\s+причине|ввиду|вследствие|в\s+результате(?!\s+(?:[а-я]+\s+)?(?:обследовани|осмотр|проверк|выезд|обход))|не\s+относится|относится\s+к|находится\s+на\s+(?:балансе|обслуживании)|является|являются|принадлежит|на\s+основании|в\s+соответствии\s+с|согласно(?!\s+(?:информаци|данн|сведени|ответ|письм|сообщени|график))|рекоменду[а-я]*|необходимо\s+обратиться|вправе\s+обратиться|следует\s+обратиться|в\s+компетенци[а-я]*|направлен[аоы]?\s+(?:в|во)\s+[а-я]+|выдан[аоы]?\s+предписан|составлен[аоы]?\s+протокол|уведомлен[а-я]*|предписани[а-я]*|требовани[а-я]*|вызов[а-я]*|разрешени[а-я]*|договор[а-я]*|не\s+предусмотрен[а-я]*|проект[а-я]*\s+(?:[а-я]+\s+){0,2}(?:не\s+)?предусмотрен|учитывая|не\s*целесообразн[а-я]*|согласован[аоы]?\s+(?:[а-я]+\s+){0,2}с\s+(?:комитет|администраци|кга|собственник|управляющ)[а-я]*|не\s+нарушает|можете\s+(?:разместить|обратиться|направить)|(?:разместите|подайте|направьте|оформите)\s+(?:[а-я]+\s+)?(?:нов[а-я]*|повторн[а-я]*)\s+(?:сообщени|обращени|заявк)[а-я]*|предлагаем\s+(?:вам\s+)?(?:написать|обратиться|направить|подать|уточнить))/;

export interface SentenceFacts {
	/** The sentence without greeting, «Рассмотрев… сообщаем», «Приложение» and proof lines (what it says); '' when nothing. */
	essence: string;
	/** Names an action and its object («Надписи удалены»), not only «Проблема устранена». */
	concrete: boolean;
	/** A reason, a redirect or a measure against someone (see CAUSAL). */
	causal: boolean;
	/** Completed actions, not negated (the word). */
	done: string[];
	/** A promise of future work (not negated): the marker. */
	promise: string | null;
	/** The promise's own term («до 15.06.2027», «в мае», «во II квартале»), null when none. */
	term: string | null;
	/** A condition instead of a term («по мере финансирования», «при благоприятных погодных условиях»). */
	condition: string | null;
	/** A finding of nothing wrong («не подтвердилось», «нарушений не выявлено», «отсутствуют»). */
	negativeFinding: boolean;
	/** A description of what was found or why (explanations, states, redirects with an addressee). */
	explanation: boolean;
	/** An action on «measures» only («проведены мероприятия»): says something was done, not what. */
	vague: boolean;
	/** What the measures were about («мероприятия по удалению рекламы» → «реклам»), when said. */
	vagueObject: string | null;
	/** A measurement of the case, not of a quoted norm: «выбоина 0,3 м2», «напор 4 кгс/см2», «+20 °C». */
	measured: boolean;
	/** A claim that the object is fine («в исправном состоянии», «исправен», «обеспечен»). */
	stateClaim: boolean;
	/** Pure formality: greeting, «рассмотрев Ваше обращение сообщаем», «принято к сведению», «Приложение: …». */
	formality: boolean;
	/** Legal acts cited in it. */
	legalRefs: string[];
	/** Says it is intermediate («промежуточный ответ», «на контроле до», «о результатах сообщим дополнительно»). */
	intermediate: boolean;
	/** Proof named (фото, акт, фотофиксация). */
	proof: boolean;
	/** Concrete specifics: a date, an address, a place in a building. */
	specifics: boolean;
}

const PROMISE =
	/(?:^|[^а-я])(будут|будет|планиру(?:ется|ются|ет|ем)|запланирован[аоы]?|предусмотрен[аоы]?\s+(?:[а-я]+\s+){0,2}(?:адресн|план|программ|перечн|титул)[а-я]*|включ[а-я]*\s+в\s+(?:[а-я]+\s+){0,3}(?:план|программ|перечень|график|адресн|титул)[а-я]*|в\s+ближайшее\s+время|по\s+мере\s+[а-я]+|пройд[её]т|выполн(?:им|ят)|устран(?:им|ят)|отремонтиру(?:ем|ют)|произвед(?:ем|ут)|провед(?:ем|ут)|рассматрива[а-я]+\s+возможност[а-я]*|в\s+(?:весенн|летн|осенн|зимн)[а-я]*(?:-[а-я]+)?\s+период[а-я]*)(?![а-я])/;
/** «В случае невыполнения … будут применены меры»: a sanction on a condition, not a promise of the work. */
const SANCTION =
	/(?:в\s+случае|при)\s+(?:не\s*|ненадлежащ[а-я]*\s+)?(?:выполнени|исполнени|приняти|устранени|соблюдени|проведени)[а-я]*|(?:в\s+случае|если)\s+(?:[а-я]+\s+){0,6}(?:будет|не\s+будет)|мер[а-я]*\s+(?:административного\s+)?(?:воздействия|ответственности)/;
const NEGATED_PROMISE =
	/(?:^|[^а-я])не\s+(?:будут|будет|планиру|запланирова|предусмотрен|включ|представляется)/;
/** Promises of another answer, not of work: intermediate notices («ответ будет направлен дополнительно»). */
const ANSWER_PROMISE =
	/(?:ответ|информаци[а-я]*|результат[а-я]*)\s+(?:[а-я]+\s+){0,4}(?:будет|будут)\s+(?:[а-я]+\s+){0,2}(?:направлен|сообщен|доведен|дан|предоставлен|представлен|размещен)|(?:сообщение|обращение|вопрос)\s+(?:[а-я]+\s+){0,3}будет\s+(?:повторно\s+)?рассмотрен[а-я]*|(?:сообщим|проинформируем|уведомим)\s+дополнительно|будет\s+(?:дан|направлен|предоставлен)\s+(?:[а-я]+\s+){0,2}ответ/;

const MONTH =
	'(?:январ[ья]|феврал[ья]|март[ае]?|апрел[ья]|ма[йяе]|июн[ья]|июл[ья]|август[ае]?|сентябр[ья]|октябр[ья]|ноябр[ья]|декабр[ья])';
const NOT_LETTER = '(?![а-я])';
/** A term: dates (not of acts), months as whole words, quarters, years, seasons with a year, «в течение N дней», «до конца года». */
const TERM = new RegExp(
	[
		`(?<!от\\s{0,2}|№\\s{0,2}|n\\s{0,2}|контрол[а-я]*\\s+до\\s+)\\b\\d{1,2}\\.\\d{1,2}(?:\\.\\d{2,4})?(?:\\s*г)?`,
		`(?<![а-я])(?:до|к|в|во|не\\s+позднее|срок[а-я]*(?:\\s+до)?|течение)\\s+(?:\\d{1,2}\\s+)?${MONTH}${NOT_LETTER}`,
		`(?<![а-я])\\d{1,2}\\s+${MONTH}${NOT_LETTER}`,
		`(?<![а-я])(?:[1-4]|i{1,3}|iv)(?:-?[а-я]{1,2})?\\s+(?:квартал|полугоди)[а-я]*`,
		`(?<![а-я])(?:в|во|до|течение|конц[а-я]*)\\s+(?:[а-я]+\\s+){0,2}20\\d\\d\\s*(?:год[а-я]*|г(?![а-я]))`,
		// «включен в ведомственную целевую программу … на 2021 год»: the year of an adopted programme is the work's term;
		// a draft or a perspective one («в проект перспективной программы на 2027 год») is not adopted, so no term.
		`(?<![а-я])(?:включ|внес)[а-я]*\\s+в\\s+(?:(?!проект|перспектив)[а-я]+\\s+){0,3}программ[а-я]*\\s+(?:(?!проект|перспектив)[а-я«»"]+\\s+){0,6}на\\s+20\\d\\d\\s*(?:год|г(?![а-я]))`,
		`(?<![а-я])(?:весн[а-я]*|лет[а-я]*|осен[а-я]*|зим[а-я]*)(?:-[а-я]+)?\\s+(?:период[а-я]*\\s+)?20\\d\\d`,
		`(?<![а-я])в\\s+течение\\s+(?:\\d+|[а-я]+)\\s+(?:рабочих\\s+|календарных\\s+)?(?:дн|день|недел|месяц|час)[а-я]*`,
		`(?<![а-я])агротехническ[а-я]*\\s+период[а-я]*\\s+20\\d\\d`,
		`(?<![а-я])до\\s+конца\\s+(?:текущего\\s+|этого\\s+|\\d{4}\\s+)?(?:года|месяца|недели|квартала)`,
		`(?<![а-я])(?:завтра|сегодня|на\\s+этой\\s+неделе|на\\s+следующей\\s+неделе)${NOT_LETTER}`,
	].join('|'),
);
const ALREADY = /(?:^|[^а-я])уже(?![а-я])/;
/** Terms read with the legal acts' dates and numbers cut out: «постановлением от 06.10.2016 № 875» is not a term. */
export function termIn(norm: string): string | null {
	const t = TERM.exec(
		norm
			// «до 30. 09. 2021 года»: a date typed with spaces is still a date.
			.replace(/(?<!\d)(\d{1,2})\.\s+(\d{1,2})\.\s*(\d{4})(?!\d)/g, '$1.$2.$3')
			.replace(/(?:от|не\s+ранее)\s+\d{1,2}\.\d{1,2}\.\d{2,4}/g, ' ')
			.replace(LEGAL, ' '),
	);
	return t ? t[0].trim() : null;
}
/** Conditions that leave the work without a term (domain.md §10). */
const CONDITION =
	/по\s+мере\s+(?:финансир|поступлен|выделен|возможност|наличи|необходимост)[а-я]*|при\s+(?:наличии|выделении|поступлении|условии|доведении)\s+(?:[а-я]+\s+){0,2}(?:финанс|средств|денежн|бюджет|лимит|ассигнован)[а-я]*|при\s+(?:благоприятн|положительн|подходящ|соответствующ|устойчив)[а-я]*\s+(?:погодн|температур|климат)[а-я]*|при\s+(?:установлении|наступлении)\s+(?:[а-я]+\s+){0,2}(?:погод|температур|плюсов)[а-я]*|при\s+формировании\s+(?:[а-я]+\s+){0,2}(?:программ|план|бюджет|перечн)[а-я]*|после\s+(?:выделения|поступления|утверждения|доведения)\s+(?:[а-я]+\s+){0,2}(?:финанс|средств|лимит|бюджет|ассигнован)[а-я]*|в\s+случае\s+(?:[а-я]+,?\s+){0,8}(?:финансир|средств|лимит)[а-я]*|по\s+возможности|при\s+наличии\s+возможност[а-я]*|в\s+порядке\s+очередност[а-я]*|прогноз[а-я]*\s+(?:[а-я]+\s+){0,3}развити[а-я]*|с\s+учетом\s+(?:[а-я]+\s+){0,2}(?:финансир|средств|лимит)[а-я]*|обусловлен[а-я]*\s+(?:[а-я]+\s+){0,2}(?:финансир|наличи[а-я]*\s+(?:[а-я]+\s+)?(?:средств|финанс))[а-я]*/;
const NEGATIVE_FINDING =
	/не\s+подтвердил[а-я]*|не\s+подтвержд[а-я]*|не\s+наш[а-я]+\s+(?:[а-я]+\s+)?подтвержд[а-я]*|не\s+(?:выявлен|обнаружен|установлен|зафиксирован)[а-я]*|(?:нарушени|замечани|недостатк|факт)[а-я]*\s+(?:[а-я]+\s+){0,2}не\s+(?:выявл|обнаруж|установл|имеет|подтвер)[а-я]*|(?:нарушений|замечаний|недостатков)\s+нет|(?:нарушени|замечани)[а-я]*\s+отсутству[а-я]*/;
const EXPLANATION =
	/(?:^|[^а-я])(?:так\s+как|поскольку|в\s+связи\s+с|по\s+причине|ввиду|вследствие|в\s+результате|не\s+представляется\s+возможным|не\s+относится|относится\s+к|находится\s+на\s+(?:балансе|обслуживании|территории)|является|принадлежит|на\s+основании|установлено|выявлено|обнаружено|отсутству[а-я]*|находится\s+в\s+[а-я]+\s+состоянии|в\s+(?:исправном|надлежащем|удовлетворительном|рабочем|нормативном)\s+состоянии|работает|функционирует|соответству[а-я]*|производится|осуществляется|проводится|ведутся|ведется|согласно\s+графику|по\s+графику|рекоменду[а-я]*|необходимо\s+обратиться|вправе\s+обратиться|следует\s+обратиться|в\s+компетенци[а-я]*|направлен[аоы]?\s+(?:в|во)\s+[а-я]+|составляет|температур[а-я]*\s+[а-я\s]{0,20}\d+|выдано|выдан[аоы]?\s+предписан|(?<!не\s)подтвердил(?:ся|ась|ось|ись)|состояни[а-я]*\s+(?:[а-я]+\s+){1,3}(?:нормативн|удовлетворительн|исправн|надлежащ)[а-я]*)/;
const INTERMEDIATE =
	/промежуточн[а-я]*|на\s+(?:контроле|рассмотрении)\s+(?:[а-я]+\s+){0,3}до\s+\d|(?:сроки?|продлен[а-я]*)\s+(?:[а-я]+\s+){0,3}продлен[а-я]*|о\s+(?:результатах|принятых\s+мерах)\s+(?:[а-я]+\s+){0,4}(?:будет\s+сообщено|сообщим|проинформир|будете\s+проинформир|уведомл)[а-я]*/;
const GREETING = /^(?:уважаем[а-я]*|здравствуйте|добрый\s+день|с\s+уважением)/;
const FORMAL_PHRASE =
	/рассмотрев\s+(?:[а-я]+\s+){0,2}(?:обращени|сообщени|заявлени)[а-я]*|(?:обращени|сообщени)[а-я]*\s+(?:[а-я]+\s+){0,2}рассмотрен[а-я]*|(?:по\s+вопросу|по\s+теме|на\s+ваше\s+(?:обращение|сообщение)|сообщаем(?:\s+следующее)?)|принят[а-я]*\s+к\s+сведению|информаци[а-я]*\s+принят[а-я]*|на\s+контроле|в\s+рамках\s+компетенции|направлен[а-я]*\s+по\s+(?:принадлежности|компетенции)|^приложени[ея]/;
const CITIZEN_PHOTO =
	/фот[оа][а-я]*\s+(?:пользовател|заявител|гражданин|автор)[а-я]*|(?:пользовател|заявител)[а-я]*\s+(?:[а-я]+\s+){0,2}фот[оа][а-я]*/g;
const PROOF = /фот[оа]|фотофиксац|фотоотч|акт(?![а-я])|акт[аеу]?\s|справк|видео/;
const SPECIFICS =
	/\d{1,2}\.\d{1,2}\.\d{2,4}|(?<![а-я])(?:ул|д|дом[а-я]*|пр|просп|пер|наб|корп|кв|лит|литера|парадн[а-я]*|подъезд[а-я]*|этаж[а-я]*|лестничн[а-я]*|подвал[а-я]*|чердак[а-я]*|квартир[а-я]*|двор[а-я]*|участ[а-я]*)(?![а-я])|по\s+адресу|(?:ооо|гуп|гку|гбу|спб|жкс|жилкомсервис|администраци[а-я]*|управляющ[а-я]*|подрядн[а-я]*|подрядчик[а-я]*|сотрудник[а-я]*|специалист[а-я]*|мастер[а-я]*|инспектор[а-я]*)(?![а-я])/;

/** Real legal acts: federal and regional laws, government decisions, codes, sanitary rules, articles. Not «ЖКС № 1», «кв. № 27», an appeal's number. */
const LEGAL =
	/\d+-фз(?![а-я])|федеральн[а-я]*\s+закон[а-я]*|закон[а-я]*\s+(?:санкт-петербурга|рф|российской\s+федерации|[а-я]+\s+области|от\s+\d)|(?:постановлени|распоряжени|приказ)[а-я]*\s+(?:правительства|госстроя|минстроя|министерства|комитета|губернатора|главы|администрации|мэрии)|постановлени[а-я]*\s+(?:от\s+\d|№\s*\d)|санпин|снип(?![а-я])|гост(?![а-я])|коап|(?:жилищн|гражданск|градостроительн|земельн|бюджетн|налогов)[а-я]*\s+кодекс[а-я]*|(?<![а-я])(?:жк|гк|грк|зк)\s+рф|правил[а-я]*\s+(?:благоустройства|содержания|и\s+норм|технической\s+эксплуатации|охраны|предоставления|дорожного|пользования|размещения)|(?<![а-я])(?:ст|стать[а-я]*)\.?\s*\d+/g;

const STRIP_CITATION = new RegExp(
	LEGAL.source + '|(?:от\\s+)?\\d{1,2}\\.\\d{1,2}\\.\\d{2,4}\\s*(?:г\\.?)?|№\\s*[\\d-]+',
	'g',
);

/**
 * Facts of a sentence, remembered by its text: official answers repeat their standard sentences thousands of times
 * (bounded, so memory stays flat). Callers must not change the returned object.
 */
const FACTS = new Map<string, SentenceFacts>();
export function sentenceFacts(s: Sentence): SentenceFacts {
	let f = FACTS.get(s.norm);
	if (!f) {
		f = readSentence(s);
		if (FACTS.size > 50_000) FACTS.clear();
		FACTS.set(s.norm, f);
	}
	return f;
}

function readSentence(s: Sentence): SentenceFacts {
	const { norm, words } = s;
	const done: string[] = [];
	// «Проведены мероприятия», «выполнен комплекс мер»: an action whose object is «measures» names no result; what the
	// measures were about («мероприятия по удалению рекламы») is kept to compare with the appeal.
	let vagueObject: string | null = null;
	let vague = false;
	// «выполнены мероприятия …, а именно: вставлены …»: the measures are then spelled out.
	const specified = /а\s+именно|в\s+том\s+числе|включающ/.test(norm);
	for (let i = 0; i < words.length; i++) {
		const w = words[i];
		if (
			isCompletedWord(w) &&
			!negatedAt(words, i) &&
			!FORMAL_ROOTS.some((r) => w.startsWith(r)) &&
			// «обследование проведено» is the check; «на момент обследования колодец закрыт» is what it found.
			!(GENERIC_DONE.test(w) && inspectionAt(words, i))
		) {
			// «будут выполнены»: the completed form after «будет/будут» is a promise, not a result.
			if (i > 0 && (words[i - 1] === 'будут' || words[i - 1] === 'будет')) continue;
			if (i > 1 && (words[i - 2] === 'будут' || words[i - 2] === 'будет')) continue;
			// «должно быть заменено», «может быть выполнено»: an obligation or a possibility, not a result.
			if (i > 0 && words[i - 1] === 'быть') continue;
			const measure = specified ? -1 : measureNear(words, i);
			if (measure >= 0) {
				vague = true;
				vagueObject ??= measureObject(words, measure);
				continue;
			}
			done.push(w);
		}
	}
	if (
		!done.length &&
		!vague &&
		NOUN_ACTIONS.test(` ${norm} `) &&
		// «работы по замене могут быть выполнены»: a possibility or a promise, not a result.
		!/будут|будет|(?:^|[^а-я])быть(?![а-я])/.test(norm) &&
		!INSPECTION_DONE.test(norm)
	)
		done.push('проведено');
	const legalRefs = norm.match(LEGAL) ?? [];
	let promise: string | null = null;
	let term: string | null = null;
	let condition: string | null = null;
	const m = PROMISE.exec(norm);
	// «будет проводиться мониторинг», «будет являться»: an ongoing regime, not a promised piece of work.
	const ongoing =
		m &&
		/^(?:будет|будут)$/.test(m[1]) &&
		/(?:будет|будут)\s+(?:[а-я]+\s+)?[а-я]+ться(?![а-я])/.test(norm) &&
		!/(?:будет|будут)\s+(?:[а-я]+\s+)?[а-я]+(?:ен|ан|ят|ит|ыт)[аоы]?(?![а-я])/.test(norm) &&
		// «Работы будут проводиться в течение 2030 года»: work over a period with its term is a promise with a term.
		!TERM.test(norm);
	// «Уборка осуществляется по мере необходимости»: how the work is done now, not a promise on a condition.
	const regime =
		m &&
		/^по\s+мере/.test(m[1]) &&
		/(?:осуществля|производи|проводи|выполня|убира|вывози)[а-я]*ся(?![а-я])/.test(norm) &&
		!/будет|будут/.test(norm);
	if (
		m &&
		!ongoing &&
		!regime &&
		!NEGATED_PROMISE.test(norm) &&
		!ANSWER_PROMISE.test(norm) &&
		!SANCTION.test(norm)
	) {
		promise = m[1];
		const c = CONDITION.exec(norm);
		condition = c ? c[0] : null;
		term = termIn(norm);
	} else if (!m) {
		const c = CONDITION.exec(norm);
		// «Программа на 2021 год уже сформирована … в порядке очередности»: how a past decision was made (a reason),
		// not a promise on a condition.
		if (c && !NEGATED_PROMISE.test(norm) && !ALREADY.test(norm)) {
			promise = c[0];
			condition = c[0];
			// «При наступлении положительных температур, в срок до 30.06»: the condition's own date is read too.
			term = termIn(norm);
		}
	}
	const intermediate = INTERMEDIATE.test(norm) || ANSWER_PROMISE.test(norm);
	const formality = GREETING.test(norm) || FORMAL_PHRASE.test(norm);
	const facts: SentenceFacts = {
		essence: essenceOf(norm),
		concrete: false,
		// «Согласно п. 8.4.4 Правил…» quotes a norm; it gives no reason of its own for this case.
		causal: CAUSAL.test(
			legalRefs.length ? norm.replace(/«[^»]*»/g, ' ').replace(CITATION_OPENER, ' ') : norm,
		),
		vague,
		vagueObject,
		stateClaim: STATE_CLAIM.test(norm),
		measured: !legalRefs.length && MEASUREMENT.test(norm),
		done,
		promise,
		term,
		condition,
		negativeFinding: NEGATIVE_FINDING.test(norm),
		explanation: EXPLANATION.test(norm.replace(STRIP_CITATION, ' ')),
		formality,
		legalRefs,
		intermediate,
		// The citizen's own photo («указанный на фото пользователя») is not the executor's proof.
		proof: PROOF.test(norm.replace(CITIZEN_PHOTO, ' ')),
		specifics: SPECIFICS.test(norm),
	};
	facts.concrete = namesActionAndObject(s, facts);
	return facts;
}

function essenceOf(norm: string): string {
	if (
		/^(?:уважаем[а-я]*\s+[а-я]+[!,.]?|здравствуйте[!,.]?|добрый\s+день[!,.]?)$/.test(norm) ||
		/^приложени[ея]/.test(norm) ||
		/^с\s+уважением/.test(norm)
	)
		return '';
	// «Фотофиксация прилагается»: proof, not content.
	if (
		/^(?:фото[а-я]*|акт[а-я]*|материал[а-я]*\s+фото[а-я]*)\s+(?:[а-я]+\s+)?(?:прилага[а-я]*|приложен[а-я]*|размещен[а-я]*)[.!]?$/.test(
			norm,
		)
	)
		return '';
	return norm
		.replace(/^уважаем[а-я]*\s+[а-я]+[!,.]?\s*/, '')
		.replace(/^.{0,200}?сообщаем(?:\s+следующее)?[,:.]?\s*(?:что\s+)?/, '')
		.replace(/\s+/g, ' ')
		.trim();
}

/** Words that name nothing concrete: «проблема устранена», «работы выполнены», «замечание, указанное в сообщении, устранено» say that, not what. */
const GENERIC_PREFIXES = [
	'проблем',
	'замечан',
	'нарушен',
	'недостат',
	'неисправн',
	'дефект',
	'вопрос',
	'ситуац',
	'работ',
	'факт',
	'информац',
	'указанн',
	'данн',
	'сообщени',
	'обращени',
	'фото',
	'приложени',
	'прилага',
	'акт',
	'уважаем',
	'пользовател',
	'заявител',
	'ваш',
	'такж',
	'полност',
	'частичн',
	'настоящ',
	'врем',
	'необходим',
	'соответств',
	'мер',
	'мероприят',
	'объем',
	'полн',
	'соглас',
	'был',
	'уже',
	'все',
	'всё',
	'выявлен',
	'изложен',
	'отмечен',
	'описан',
	'категори',
	'рамк',
	'адрес',
	// Nouns of a result in general, not of what was done: «работы по ликвидации аварийной ситуации»,
	// «приведение в нормативное состояние».
	'ликвидац',
	'устранени',
	'выполнени',
	'аварийн',
	'приведени',
	'нормативн',
	'надлежащ',
	'состоян',
];
/** Three-letter words that name nothing («яма», «люк», «газ» do): pronouns, prepositions, abbreviations of an address or an organisation. */
const SHORT_FUNCTION_WORD =
	/^(?:для|при|что|как|так|это|его|она|они|оно|там|тут|все|всё|уже|еще|ещё|был|над|под|без|про|кто|чем|том|тем|или|нет|пер|наб|лит|кор|стр|пом|изо|ооо|гуп|гбу|гку|жкс|жск|тсж|снт|муп|мку|мбу|оао|зао|мкд|вас|вам|нам|нас|ими|них|оба|раз|год|дня)$/;
/** Words of an address: where the action was, not what it was done to («проблема по адресу: дом 36 устранена»). */
const PLACE_PREPOSITION = /^(?:в|во|на|у|около|возле)$/;
const ADDRESS_WORD =
	/^(?:дом|дома|доме|домом|домов|улиц[аеуы]?|корпус[аеу]?|литер[аы]?|проспект[аеу]?|переул(?:ок|ка|ке)|набережн[а-я]*|шоссе|адрес[а-я]*)$/;
export const isGeneric = (w: string) => GENERIC_PREFIXES.some((p) => w.startsWith(p));
/**
 * Who did the work, as a word or its stem («силами управляющей компании», «сторонней организацией»): the executor,
 * not what the work was done to.
 */
export const EXECUTOR =
	/^(?:управля|компан|организац|подрядч|подрядн|сотрудник|специализир|обслужива|служб|сторонн|исполнител|сил$|силами$)/;
/** When, not what: «02.11.2020 года проблема устранена». */
const TIME_WORD = /^(?:года|году|числа|месяца|недели|дней)$/;

/** «…установлено, что …»: what follows is the finding, what precedes is the circumstances of the check. */
const FINDING_THAT =
	/(?<![а-я])(?:установлен[оа]?|выявлен[оа]?|выяснен[оа]?|определен[оа]?|обнаружен[оа]?|показал[аои]?)\s*,?\s+что(?![а-я])/;

/** The words of a sentence's finding: after «установлено, что», or the whole sentence. */
export function findingWords(s: Sentence): string[] {
	const parts = s.norm.split(FINDING_THAT);
	return parts[parts.length - 1].match(/[a-zа-я]+/g) ?? [];
}

export function namesActionAndObject(s: Sentence, facts: SentenceFacts): boolean {
	if (!facts.done.length) return false;
	// Quoted text is the portal's category repeated («по вопросу «…»»), not what was done.
	// Only the clause that holds the action: in «при обследовании установлено, что проблема устранена» the object of
	// «устранена» is «проблема», not the inspection.
	const clauses = s.norm.replace(/«[^»]*»|"[^"]*"/g, ' ').split(FINDING_THAT);
	return thingWords(
		s,
		clauses.filter((c) => facts.done.some((d) => c.includes(d))),
	).some((w) => !facts.done.includes(w));
}

/** Words of a negative finding that only say it is negative: «информация, указанная в обращении, не подтвердилась». */
const FINDING_FILLER =
	/^(?:подтвер|выявл|обнаруж|установл|информац|указан|сообщ|обращен|факт|наличи|проблем|изложен|нарушени|замечани|парадн|подъезд|этаж|территори|мест[оае]?$|специалист)/;

/** «Освещение лифта в парадной 2 проверено, нарушений не выявлено» names what was checked; «Информация не подтвердилась» does not. */
export function namesWhatWasChecked(s: Sentence): boolean {
	return thingWords(s, [s.norm.replace(/«[^»]*»|"[^"]*"/g, ' ')]).some(
		(w) => !FINDING_FILLER.test(w) && !INSPECTION.test(w),
	);
}

/**
 * The words of some clauses of a sentence that can name a thing: not a place after «в/на/у» (except a building's
 * letter), not names (capitalised inside the sentence), addresses, executors, times, generic words, completed verbs or
 * formalities.
 */
function thingWords(s: Sentence, clauses: string[]): string[] {
	// A place is where, not what: «замечания в парадной №2 устранены» names no object («в парадной», «на этаже»).
	const words = clauses.flatMap((c) =>
		(c.match(/[a-zа-я]+|\d+/g) ?? []).filter(
			(w, i, all) =>
				!/^\d/.test(w) &&
				// «литера В, граффити удалены»: a building's letter, not the preposition «в».
				!(
					PLACE_PREPOSITION.test(all[i - 1] ?? '') &&
					!/^(?:литер[а-я]*|лит|корп[а-я]*)$/.test(all[i - 2] ?? '')
				),
		),
	);
	// Names of streets and organisations (capitalised inside the sentence) are where, not what.
	const proper = new Set(
		// Quoted text (the category «Мусор на …») is left out: its capitals are not names.
		(
			s.text
				.slice(1)
				.replace(/«[^»]*»|"[^"]*"/g, ' ')
				.match(/(?<![А-Яа-яЁё])[А-ЯЁ][а-яё]+/g) ?? []
		).map((w) => w.toLowerCase().replace(/ё/g, 'е')),
	);
	return words.filter(
		(w) =>
			(w.length >= 4 || (w.length === 3 && !SHORT_FUNCTION_WORD.test(w))) &&
			!proper.has(w) &&
			!isGeneric(w) &&
			!ADDRESS_WORD.test(w) &&
			!EXECUTOR.test(w) &&
			!TIME_WORD.test(w) &&
			!isCompletedWord(w) &&
			!FORMAL_ROOTS.some((r) => w.startsWith(r)),
	);
}
