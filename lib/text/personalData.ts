/**
 * Patterns of personal data in Russian texts (152-ФЗ), shared by report masking and answer checks.
 *
 * Every pattern runs in time linear in the text: each may start only where a word (or number) starts — a lookbehind
 * refuses starts inside a run — and every repetition is bounded, so a 100k-character run of letters, digits or dots
 * cannot make it try every start against every end.
 */

const L = 'А-Яа-яЁё';

/** A phone in the federal format (+7 / 8 and ten digits, any grouping of the last seven). Kept for answer checks. */
export const PHONE =
	/(?:\+7|(?<!\d)8)[\s(-]{0,3}\d{3}[\s)-]{0,3}\d{3}[\s-]{0,2}\d{2}[\s-]{0,2}\d{2}(?!\d)/g;

/** E-mail addresses, Latin or Cyrillic (`иван@почта.рф`). */
export const EMAIL =
	/(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){1,8}/gu;

/** Фамилия Имя Отчество: three capitalised Cyrillic words, the last with a patronymic ending (`\b` is ASCII-only in JS). */
export const FULL_NAME = new RegExp(
	`(?<![${L}-])[А-ЯЁ][а-яё]{1,30}(?:-[А-ЯЁ][а-яё]{1,30})?\\s{1,3}[А-ЯЁ][а-яё]{1,30}\\s{1,3}[А-ЯЁ][а-яё]{0,30}(?:вич|вна|ична|ич|оглы|кызы)(?![${L}])`,
	'g',
);

/** СНИЛС: 123-456-789 01, 123 456 789 01, 12345678901 after the word. */
export const SNILS =
	/(?<![\d-])(?:\d{3}[- ]\d{3}[- ]\d{3}[- ]?\d{2}|(?<=СНИЛС[\s:№]{1,3})\d{11})(?![\d-])/g;

/** Паспорт (серия, номер): «паспорт 40 10 123456», «паспорт серии 4010 № 123456», «серия 4010 номер 123456». */
export const PASSPORT = new RegExp(
	`(?<![${L}])(?:паспорт[${L}]{0,4}|серии|серия)[\\s:,]{0,3}(?:(?:гражданина\\s{1,3})?РФ[\\s:,]{0,3})?(?:(?:серии|серия)\\s{0,3})?\\d{2}\\s?\\d{2}[\\s,]{0,3}(?:(?:№|номер|N)\\s{0,3})?\\d{6}(?!\\d)`,
	'giu',
);

// Names for masking: capitalised or all-capital words, patronymics in every case, initials, «оглы»/«кызы».
const WORD = `(?:[А-ЯЁ][а-яё]{1,30}(?:-[А-ЯЁ][а-яё]{1,30})?|[А-ЯЁ]{2,31}(?:-[А-ЯЁ]{2,31})?)`;
const ENDINGS = [
	'вич',
	'вича',
	'вичу',
	'вичем',
	'виче',
	'вна',
	'вны',
	'вне',
	'вну',
	'вной',
	'вною',
	'ична',
	'ичны',
	'ичне',
	'ичну',
	'ичной',
	'ич',
	'ича',
	'ичу',
	'ичем',
	'ичом',
];
const ending = (list: string[]) => [...list].sort((a, b) => b.length - a.length).join('|');
const PATRONYMIC = `(?:[А-ЯЁ][а-яё]{1,30}(?:${ending(ENDINGS)})|[А-ЯЁ]{2,31}(?:${ending(ENDINGS.map((e) => e.toUpperCase()))}))`;
const SP = '\\s{1,3}';
const INITIAL = '[А-ЯЁ]\\.';
const TURKIC = '(?:оглы|кызы|улы|уулу|ОГЛЫ|КЫЗЫ)';

/**
 * A person's name in any case and order: «Петровой Анны Сергеевны», «ПЕТРОВА АННА СЕРГЕЕВНА», «Анна Сергеевна
 * Петрова», «Анна Сергеевна», «Петрова А. С.», «А.С. Петрова», «Мамедов Эльчин Али оглы». Used for masking, where a
 * capitalised word before or after a name is masked with it rather than a surname left visible.
 */
export const PERSON_NAME = new RegExp(
	[
		`(?:${WORD}${SP}){1,2}${WORD}${SP}${TURKIC}`,
		`(?:${WORD}${SP})?${WORD}${SP}${PATRONYMIC}(?:${SP}${WORD})?`,
		`${WORD}${SP}${INITIAL}\\s{0,2}${INITIAL}`,
		`${INITIAL}\\s{0,2}(?:${INITIAL}\\s{0,2})?${WORD}`,
	]
		.map((alternative) => `(?<![${L}.-])(?:${alternative})(?![${L}])`)
		.join('|'),
	'g',
);

/**
 * Runs that may hold phones: a digit (or +) where no number continues, then up to 30 digits, spaces, brackets and
 * dashes. Which part is a phone is decided by counting digits (`phoneSpans`), not by backtracking.
 */
const PHONE_RUN = /(?<![\d+])\+?\d(?:[\d \u00a0()\-–]{0,30}\d)?/g;
/** Local numbers of small towns: 2-12-34, 12-34-56, 212-34-56. */
const LOCAL_PHONE = /(?<!\d)\d{1,3}-\d{2}-\d{2}(?![\d-])/g;

/** Where phones are in a text: [start, end) offsets. */
export function phoneSpans(text: string): Array<[number, number]> {
	const spans: Array<[number, number]> = [];
	for (const m of text.matchAll(PHONE_RUN)) {
		const run = m[0];
		const at = m.index ?? 0;
		let from = 0;
		while (from < run.length) {
			const rest = run.slice(from);
			const lead = rest.search(/[+\d]/);
			if (lead < 0) break;
			const start = from + lead;
			const digits = run.slice(start).replace(/\D/g, '');
			const want =
				run[start] === '+'
					? digits.startsWith('7')
						? 11
						: Math.min(digits.length, 13)
					: /^[78]/.test(digits)
						? 11
						: digits.startsWith('9')
							? 10
							: 0;
			if (want >= 10 && digits.length >= want) {
				let end = start;
				for (let seen = 0; end < run.length && seen < want; end++) if (/\d/.test(run[end])) seen++;
				spans.push([at + start, at + end]);
				from = end;
				continue;
			}
			for (const local of run.slice(start).matchAll(LOCAL_PHONE)) {
				const s = start + (local.index ?? 0);
				spans.push([at + s, at + s + local[0].length]);
			}
			break;
		}
	}
	return spans;
}

/** Text with each phone replaced by `mask(phone)`. */
export function replacePhones(text: string, mask: (phone: string) => string): string {
	const spans = phoneSpans(text);
	if (!spans.length) return text;
	let out = '';
	let last = 0;
	for (const [s, e] of spans) {
		out += text.slice(last, s) + mask(text.slice(s, e));
		last = e;
	}
	return out + text.slice(last);
}

const MONTHS =
	'января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|Января|Февраля|Марта|Апреля|Мая|Июня|Июля|Августа|Сентября|Октября|Ноября|Декабря';
const NUMBER = '\\d{1,5}[а-яА-Я]?(?:\\s?[/-]\\s?\\d{1,5}[а-яА-Я]?){0,2}';
/** A house, building or flat number after its word: «д. 5», «д 5», «дом № 5», «у дома 5», «кв 12», «корп. 2». */
export const HOUSE_NUMBER = new RegExp(
	`(?<![${L}])((?:д|дом|дома|доме|кв|квартира|квартиры|квартире|корп|корпус|стр|строение|к)\\.?\\s{0,2}(?:№\\s{0,2})?)(${NUMBER})(?![\\d${L}])`,
	'g',
);
/** A number right after a street: «ул. Ленина 5», «улица Карла Маркса, 12», «пр-т Мира 3/1». */
export const STREET_NUMBER = new RegExp(
	`(?<![${L}])((?:ул|улица|улице|улицы|пр-т|проспект|пер|переулок|ш|шоссе|пл|площадь|наб|набережная|б-р|бульвар|мкр|микрорайон|проезд|тупик)\\.?\\s{0,2}(?:[А-ЯЁ0-9][${L}0-9-]{0,30}\\s{1,2}){0,2}[А-ЯЁ][${L}-]{1,30},?\\s{1,2})(${NUMBER})(?![\\d${L}]|\\s(?:${MONTHS}))`,
	'g',
);
