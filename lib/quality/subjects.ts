/**
 * What an appeal and an answer are about, as groups of words that name the same subject (батарея / радиатор /
 * отопление; тараканы / дезинсекция; граффити / надписи). Matched on the start of a normalized word, so derived words
 * count too (радиатор, радиаторы, радиаторный). General municipal vocabulary; users add groups in the options.
 */
import { DEFAULT_DICTIONARY } from '../classify/dictionary';
import { stemToken } from '../text/russian';

export type SubjectGroups = Record<string, string[]>;

export const DEFAULT_SUBJECT_GROUPS: SubjectGroups = {
	heating: [
		'отоплен',
		'батаре',
		'радиатор',
		'стояк',
		'теплоснабжен',
		'котельн',
		'теплов',
		'тепло',
		'холодн',
		'температур',
		'теплоносител',
		'элеватор',
	],
	hot_water: ['гвс', 'горяч', 'бойлер'],
	water: [
		'вод',
		'водоснабжен',
		'водопровод',
		'холодн',
		'хвс',
		'кран',
		'напор',
		'протечк',
		'протека',
		'течь',
		'залив',
		'затоп',
		'подтоп',
		'утечк',
		'трубопровод',
		'труб',
	],
	sewer: [
		'канализац',
		'засор',
		'стоки',
		'водоотвед',
		'ливнев',
		'дренаж',
		'колодец',
		'колодц',
		'люк',
		'откачк',
		'откача',
	],
	pests: [
		'таракан',
		'клоп',
		'крыс',
		'мыш',
		'грызун',
		'насеком',
		'дезинсекц',
		'дератизац',
		'дезинфекц',
		'блох',
		'муравь',
	],
	graffiti: [
		'граффити',
		'надпис',
		'рисун',
		'вандальн',
		'закрас',
		'окрас',
		'покрас',
		'краск',
		'объявлен',
		'листовк',
		'наклейк',
		'стикер',
		'расклейк',
	],
	waste: [
		'мусор',
		'отход',
		'тко',
		'кго',
		'контейнер',
		'бак',
		'свалк',
		'вывоз',
		'мусоропровод',
		'мусоросборн',
		'хлам',
		'уборк',
		'убра',
		'убран',
		'грязь',
		'грязн',
		'окурк',
		'порубочн',
		'листв',
		'смет',
		'крупногабарит',
	],
	snow: [
		'снег',
		'снеж',
		'налед',
		'сосульк',
		'гололед',
		'скольз',
		'посыпк',
		'противогололедн',
		'реагент',
		'песок',
		'песк',
		'уборк',
		'очистк',
		'сугроб',
	],
	roof: [
		'кровл',
		'крыш',
		'чердак',
		'чердач',
		'водосток',
		'водосточн',
		'протечк',
		'налед',
		'сосульк',
	],
	roads: [
		'дорог',
		'дорожн',
		'асфальт',
		'покрыт',
		'ям',
		'выбоин',
		'провал',
		'проезж',
		'тротуар',
		'бордюр',
		'поребрик',
		'обочин',
		'колея',
		'ямочн',
		'плитк',
	],
	lighting: [
		'освещен',
		'свет',
		'фонар',
		'ламп',
		'светильник',
		'светодиод',
		'темно',
		'электроосвещ',
		'прожектор',
		'плафон',
	],
	electricity: [
		'электр',
		'провод',
		'кабел',
		'щит',
		'щиток',
		'розетк',
		'напряжен',
		'подстанц',
		'автомат',
		'счетчик',
	],
	entrance: [
		'подъезд',
		'парадн',
		'лестниц',
		'лестничн',
		'тамбур',
		'холл',
		'площадк',
		'этаж',
		'межэтаж',
		'коридор',
		'стен',
		'потолок',
		'штукатур',
		'побелк',
		'окн',
		'стекл',
		'двер',
		'перил',
	],
	lift: ['лифт', 'подъемник', 'кабин'],
	facade: [
		'фасад',
		'балкон',
		'козырек',
		'козырьк',
		'карниз',
		'водосточн',
		'облицовк',
		'кирпич',
		'стен',
		'цокол',
		'отмостк',
		'штукатур',
	],
	green: [
		'дерев',
		'кустарн',
		'кустов',
		'куст',
		'ветк',
		'ветв',
		'газон',
		'трав',
		'покос',
		'скос',
		'кронирован',
		'опиловк',
		'спил',
		'сух',
		'аварийн',
		'клумб',
		'цвет',
		'озеленен',
		'зелен',
	],
	yard: [
		'двор',
		'дворов',
		'внутридворов',
		'территор',
		'площадк',
		'детск',
		'игров',
		'качел',
		'горк',
		'песочниц',
		'скамейк',
		'лавочк',
		'скамья',
		'урн',
		'ограждени',
		'забор',
		'огражден',
		'малых архитектурных',
		'маф',
		'спортивн',
	],
	parking: [
		'парковк',
		'автомобил',
		'машин',
		'транспортн',
		'тс',
		'авто',
		'стоянк',
		'эвакуац',
		'разукомплект',
		'брошенн',
		'припаркова',
		'паркова',
		'шлагбаум',
		'блокиратор',
		'столбик',
		'полусфер',
		'конструкци',
	],
	advertising: [
		'реклам',
		'вывеск',
		'баннер',
		'конструкци',
		'информационн',
		'штендер',
		'растяжк',
		'табличк',
		'указател',
		'аншлаг',
	],
	trade: [
		'торгов',
		'ларек',
		'ларьк',
		'киоск',
		'павильон',
		'нестационарн',
		'нто',
		'продав',
		'торговец',
		'магазин',
		'кафе',
	],
	transport: [
		'автобус',
		'троллейбус',
		'трамва',
		'маршрут',
		'остановк',
		'остановочн',
		'метро',
		'перевозчик',
		'расписан',
		'общественн',
	],
	animals: ['собак', 'кошк', 'кот', 'животн', 'бездомн', 'бродяч', 'отлов', 'птиц', 'голуб'],
	noise: ['шум', 'шумн', 'громк', 'музык', 'тишин'],
	cleaning: [
		'уборк',
		'убира',
		'мыть',
		'мойк',
		'помыв',
		'влажн',
		'санитарн',
		'чистот',
		'грязн',
		'грязь',
		'клининг',
		'график',
	],
	intercom: ['домофон', 'видеонаблюден', 'камер'],
	construction: [
		'стройк',
		'строител',
		'строительн',
		'ремонт',
		'раскопк',
		'разрыт',
		'земляны',
		'благоустройств',
		'восстановлен',
	],
	gas: ['газ', 'газов', 'газоснабжен', 'плит'],
};

export interface CompiledSubjects {
	/** prefix → subject ids, indexed by the prefix's first two letters for a cheap lookup per word. */
	byHead: Map<string, Array<{ prefix: string; ids: string[] }>>;
	/** Stems of the classifier dictionary's one-word terms, per topic (the package's own topics). */
	topicStems: Map<string, string[]>;
}

export function compileSubjects(groups: SubjectGroups = DEFAULT_SUBJECT_GROUPS): CompiledSubjects {
	const prefixes = new Map<string, Set<string>>();
	for (const [id, list] of Object.entries(groups)) {
		for (const p of list) {
			for (const w of p.split(/\s+/)) {
				const key = w.toLowerCase().replace(/ё/g, 'е');
				if (key.length < 2) continue;
				const ids = prefixes.get(key) ?? new Set();
				ids.add(id);
				prefixes.set(key, ids);
			}
		}
	}
	const byHead = new Map<string, Array<{ prefix: string; ids: string[] }>>();
	for (const [prefix, ids] of prefixes) {
		const head = prefix.slice(0, 2);
		const list = byHead.get(head) ?? [];
		list.push({ prefix, ids: [...ids] });
		byHead.set(head, list);
	}
	const topicStems = new Map<string, string[]>();
	for (const [topic, terms] of Object.entries(DEFAULT_DICTIONARY)) {
		for (const [term] of terms) {
			const words =
				term
					.toLowerCase()
					.replace(/ё/g, 'е')
					.match(/[а-я]+/g) ?? [];
			if (words.length !== 1 || words[0].length < 3) continue;
			const s = stemToken(words[0]);
			const list = topicStems.get(s) ?? [];
			list.push(topic);
			topicStems.set(s, list);
		}
	}
	return { byHead, topicStems };
}

export const DEFAULT_SUBJECTS = compileSubjects();

/** Subject ids a text's words name, each with the first word that named it (for evidence). */
const WORD_CACHE = new WeakMap<CompiledSubjects, Map<string, string[]>>();

/** Subject ids one word names (remembered per word: the same words recur in every answer). */
function idsOfWord(w: string, compiled: CompiledSubjects): string[] {
	let cache = WORD_CACHE.get(compiled);
	if (!cache) WORD_CACHE.set(compiled, (cache = new Map()));
	let ids = cache.get(w);
	if (ids) return ids;
	const found = new Set<string>();
	const candidates = compiled.byHead.get(w.slice(0, 2));
	if (candidates) {
		for (const { prefix, ids: group } of candidates) {
			// Short prefixes («ям», «тс», «бак») only as whole words or with an ending of up to three letters.
			if (!w.startsWith(prefix) || (prefix.length <= 3 && w.length > prefix.length + 3)) continue;
			for (const id of group) found.add(id);
		}
	}
	if (w.length >= 3)
		for (const t of compiled.topicStems.get(stemToken(w)) ?? []) found.add(`topic:${t}`);
	ids = [...found];
	if (cache.size > 100_000) cache.clear();
	cache.set(w, ids);
	return ids;
}

export function subjectsOf(
	words: string[],
	compiled: CompiledSubjects = DEFAULT_SUBJECTS,
): Map<string, string> {
	const found = new Map<string, string>();
	for (const w of words) {
		if (w.length < 2) continue;
		for (const id of idsOfWord(w, compiled)) if (!found.has(id)) found.set(id, w);
	}
	return found;
}
