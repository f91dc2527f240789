import { TOPICS, TOPIC_IDS } from '../topics';

/**
 * The source's own category → our topic. ПОС messages carry the category and subcategory the citizen chose, ИМ
 * incidents the category the ЦУР operator set; both are a better signal than any reading of the text, so the
 * structuring takes the topic from them first and lets the text decide only where there is no category (or the
 * table says «решает текст»). The table is editable: node rows and a sheet tab extend or replace the default.
 */

/** The category as the source gave it, kept on the appeal record (`sourceCategory`). */
export interface SourceCategory {
	id?: string | null;
	name: string;
	sub?: string | null;
	subId?: string | null;
}

/** One row of the table. Empty `source`: any source; empty `sub`: the whole category; empty `topics`: text decides. */
export interface CategoryRule {
	source?: 'pos' | 'im' | '' | null;
	category?: string | null;
	sub?: string | null;
	/** One topic decides; several narrow the choice and the text picks among them; none — the text decides. */
	topics: string[];
}

export interface CategoryDecision {
	topics: string[];
	/** `категория ПОС: Дороги / Ямы на дорогах` — for `why.topic`. */
	label: string;
	/** What matched: the row's category and subcategory. */
	rule: CategoryRule;
}

const SOURCE_LABELS: Record<string, string> = { pos: 'ПОС', im: 'ИМ' };

/** Case, «ё», punctuation and spacing do not matter when names are compared. */
export function normalizeCategoryName(value: unknown): string {
	if (value === null || value === undefined) return '';
	return String(value)
		.toLowerCase()
		.replace(/ё/g, 'е')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

const TOPIC_BY_NAME = new Map<string, string>();
for (const t of TOPICS) {
	TOPIC_BY_NAME.set(t.id, t.id);
	TOPIC_BY_NAME.set(normalizeCategoryName(t.label), t.id);
}

/** A topic id from its id or its label («roads», «Дороги и тротуары»); undefined when it is neither. */
export function resolveTopic(value: unknown): string | undefined {
	const key = normalizeCategoryName(value);
	if (!key) return undefined;
	return TOPIC_BY_NAME.get(key) ?? TOPIC_BY_NAME.get(key.replace(/ /g, '_'));
}

const pos = (category: string, sub: string | null, ...topics: string[]): CategoryRule => ({
	source: 'pos',
	category,
	sub,
	topics,
});
const any = (category: string, sub: string | null, ...topics: string[]): CategoryRule => ({
	source: '',
	category,
	sub,
	topics,
});

const HOUSING_AND_UTILITIES = ['heating', 'water', 'electricity', 'utilities', 'housing'];

/**
 * The shipped table: ПОС's public category tree («Решаем вместе»: categories and their typical subcategories, as
 * regions publish them) and the categories of ЦУР's incident management. A region's own names go into the node's
 * rows or the sheet tab; whole categories are there so that an unknown subcategory still maps.
 */
export const DEFAULT_CATEGORY_RULES: readonly CategoryRule[] = [
	// Дороги
	any('Дороги', null, 'roads'),
	...[
		'Ямы на дорогах',
		'Ремонт дорог',
		'Содержание дорог зимой',
		'Уборка снега',
		'Тротуары',
		'Дорожные знаки и разметка',
		'Светофоры',
		'Парковки',
		'Грунтовые дороги',
		'Мосты и путепроводы',
		'Пешеходные переходы',
	].map((s) => any('Дороги', s, 'roads')),
	any('Дороги', 'Освещение дорог', 'lighting'),
	any('Дороги', 'Остановки общественного транспорта', 'transport'),
	any('Автомобильные дороги', null, 'roads'),
	// ЖКХ: a subcategory decides; the whole category leaves the choice among housing and utilities to the text.
	any('ЖКХ', null, ...HOUSING_AND_UTILITIES),
	any('Жилищно-коммунальное хозяйство', null, ...HOUSING_AND_UTILITIES),
	...['Отопление', 'Теплоснабжение'].map((s) => any('ЖКХ', s, 'heating')),
	...[
		'Водоснабжение',
		'Холодное водоснабжение',
		'Горячее водоснабжение',
		'Водоотведение',
		'Канализация',
		'Качество воды',
	].map((s) => any('ЖКХ', s, 'water')),
	...['Электроснабжение', 'Отключение электроэнергии'].map((s) => any('ЖКХ', s, 'electricity')),
	...[
		'Управляющие компании',
		'Содержание многоквартирных домов',
		'Содержание общего имущества',
		'Капитальный ремонт',
		'Подъезды',
		'Кровля и протечки',
		'Лифты',
		'Газоснабжение',
		'Начисления за ЖКУ',
		'Домофоны',
	].map((s) => any('ЖКХ', s, 'utilities')),
	...['Аварийное жильё', 'Переселение из аварийного жилья'].map((s) => any('ЖКХ', s, 'housing')),
	// Благоустройство
	any('Благоустройство', null, 'improvement'),
	...[
		'Дворовые территории',
		'Дворы и общественные пространства',
		'Детские и спортивные площадки',
		'Детские площадки',
		'Озеленение',
		'Деревья',
		'Покос травы',
		'Парки и скверы',
		'Уборка территории',
		'Кладбища',
		'Благоустройство территорий',
	].map((s) => any('Благоустройство', s, 'improvement')),
	any('Благоустройство', 'Уличное освещение', 'lighting'),
	any('Благоустройство', 'Безнадзорные животные', 'animals'),
	any('Благоустройство', 'Несанкционированные свалки', 'waste'),
	any('Благоустройство', 'Остановки общественного транспорта', 'transport'),
	any('Уличное освещение', null, 'lighting'),
	// Мусор
	...['Мусор', 'Обращение с отходами', 'Вывоз мусора', 'ТКО'].map((c) => any(c, null, 'waste')),
	...[
		'Вывоз ТКО',
		'Вывоз мусора',
		'Контейнерные площадки',
		'Несанкционированные свалки',
		'Крупногабаритный мусор',
		'Раздельный сбор',
	].map((s) => any('Мусор', s, 'waste')),
	// Транспорт
	...['Общественный транспорт', 'Транспорт', 'Транспорт и дороги'].map((c) =>
		any(c, null, 'transport'),
	),
	...[
		'Расписание и маршруты',
		'Остановки',
		'Работа водителей',
		'Стоимость проезда',
		'Новые маршруты',
		'Состояние транспорта',
	].map((s) => any('Общественный транспорт', s, 'transport')),
	any('Транспорт и дороги', 'Ямы на дорогах', 'roads'),
	any('Транспорт и дороги', 'Содержание дорог зимой', 'roads'),
	// Образование
	any('Образование', null, 'education'),
	...[
		'Школы',
		'Детские сады',
		'Школы и детские сады',
		'Дополнительное образование',
		'Питание в школах',
		'Подвоз школьников',
		'Запись в детский сад',
	].map((s) => any('Образование', s, 'education')),
	// Здравоохранение
	...['Здравоохранение', 'Медицина'].map((c) => any(c, null, 'health')),
	...[
		'Поликлиники и больницы',
		'Запись к врачу',
		'Лекарственное обеспечение',
		'Скорая помощь',
		'Фельдшерско-акушерские пункты',
		'Доступность медицинской помощи',
	].map((s) => any('Здравоохранение', s, 'health')),
	// Социальная защита
	...[
		'Социальная защита',
		'Социальное обслуживание',
		'Социальная поддержка',
		'Социальная сфера',
	].map((c) => any(c, null, 'social')),
	...[
		'Пособия и выплаты',
		'Льготы',
		'Помощь пожилым людям',
		'Многодетные семьи',
		'Люди с инвалидностью',
		'Субсидии на оплату ЖКУ',
		'Социальная поддержка',
		'Помощь участникам СВО и их семьям',
	].map((s) => any('Социальная защита', s, 'social')),
	any('Социальная сфера', 'Культура и спорт', 'culture_sport'),
	any('Социальная сфера', 'Прочее'),
	// Культура и спорт
	...[
		'Культура',
		'Спорт',
		'Культура и спорт',
		'Физическая культура и спорт',
		'Молодёжная политика',
	].map((c) => any(c, null, 'culture_sport')),
	...['Дома культуры', 'Библиотеки', 'Спортивные объекты', 'Спортивные секции', 'Мероприятия'].map(
		(s) => any('Культура и спорт', s, 'culture_sport'),
	),
	// Животные
	...['Безнадзорные животные', 'Животные', 'Обращение с животными'].map((c) =>
		any(c, null, 'animals'),
	),
	// Торговля, связь, безопасность, жильё
	...['Торговля', 'Потребительский рынок', 'Торговля и услуги'].map((c) => any(c, null, 'trade')),
	...[
		'Связь',
		'Связь и интернет',
		'Мобильная связь и интернет',
		'Почта',
		'Связь и телевидение',
	].map((c) => any(c, null, 'communication')),
	...[
		'Безопасность',
		'Общественная безопасность',
		'Пожарная безопасность',
		'Чрезвычайные ситуации',
		'ГО и ЧС',
	].map((c) => any(c, null, 'safety')),
	...[
		'Жильё',
		'Жилищные вопросы',
		'Переселение из аварийного жилья',
		'Улучшение жилищных условий',
	].map((c) => any(c, null, 'housing')),
	// ИМ's flat categories that name a utility (ЦУР's operators often pick the narrow one).
	any('Электроснабжение', null, 'electricity'),
	...['Водоснабжение', 'Водоснабжение и водоотведение', 'Канализация'].map((c) =>
		any(c, null, 'water'),
	),
	...['Отопление', 'Теплоснабжение'].map((c) => any(c, null, 'heating')),
	...['Управляющие компании', 'Капитальный ремонт', 'Газоснабжение'].map((c) =>
		any(c, null, 'utilities'),
	),
	// Экология: the subcategory decides where it names one of our topics; otherwise the text.
	any('Экология', null),
	any('Экология', 'Несанкционированные свалки', 'waste'),
	any('Экология', 'Вырубка деревьев', 'improvement'),
	// «Прочее»: the text decides.
	...['Прочее', 'Другое', 'Иное'].map((c) => any(c, null)),
	// ПОС-only names (subcategories ПОС shows under its own wording).
	pos('ЖКХ', 'Содержание и ремонт жилья', 'utilities'),
	pos('Благоустройство', 'Ремонт и содержание дворов', 'improvement'),
];

/** A compiled table: lookups by source, category and subcategory. */
export interface CategoryMap {
	lookup(
		source: unknown,
		category: SourceCategory | null | undefined,
	): CategoryDecision | undefined;
	size: number;
}

const key = (source: string, category: string, sub: string) => `${source}|${category}|${sub}`;

/**
 * Compiles rules; later rules override earlier ones with the same source, category and subcategory (node rows and
 * the sheet tab come after the default). `mode: 'replace'` drops the default.
 */
export function compileCategoryMap(
	extra: CategoryRule[] = [],
	mode: 'extend' | 'replace' = 'extend',
): CategoryMap {
	const rules = new Map<string, CategoryRule>();
	for (const rule of [...(mode === 'replace' ? [] : DEFAULT_CATEGORY_RULES), ...extra]) {
		rules.set(
			key(rule.source ?? '', normalizeCategoryName(rule.category), normalizeCategoryName(rule.sub)),
			rule,
		);
	}
	const find = (source: string, category: string, sub: string) =>
		rules.get(key(source, category, sub)) ??
		(source ? rules.get(key('', category, sub)) : undefined);
	return {
		size: rules.size,
		lookup(rawSource, sc) {
			if (!sc || typeof sc !== 'object') return undefined;
			const source = rawSource === 'pos' || rawSource === 'im' ? rawSource : '';
			const c = normalizeCategoryName(sc.name);
			const s = normalizeCategoryName(sc.sub);
			if (!c && !s) return undefined;
			// The narrowest first: the pair, a subcategory row of any category, the subcategory as a category of its
			// own (ИМ's «Отопление»), then the whole category.
			const rule =
				(s && (find(source, c, s) ?? find(source, '', s) ?? find(source, s, ''))) ||
				(c ? find(source, c, '') : undefined);
			if (!rule) return undefined;
			const names = [sc.name, sc.sub]
				.map((v) => (v === null || v === undefined ? '' : String(v).trim()))
				.filter(Boolean);
			return {
				topics: rule.topics,
				label: `категория ${SOURCE_LABELS[source] ?? 'источника'}: ${names.join(' / ')}`,
				rule,
			};
		},
	};
}

/**
 * The record's category: `sourceCategory` as the normalizers keep it, else the `category` text of older records
 * and exports («Дороги / Ямы на дорогах», «ЖКХ > Отопление»).
 */
export function categoryOf(record: Record<string, unknown>): SourceCategory | null {
	const sc = record.sourceCategory as SourceCategory | null | undefined;
	if (sc && typeof sc === 'object' && (sc.name || sc.sub)) return sc;
	return parseCategoryText(record.category);
}

export function parseCategoryText(value: unknown): SourceCategory | null {
	if (typeof value !== 'string' || !value.trim()) return null;
	const [name, ...rest] = value
		.split(/\s*(?:\/|>|→|»|\|)\s*/)
		.map((p) => p.trim())
		.filter(Boolean);
	if (!name) return null;
	return { name, sub: rest.length ? rest.join(' / ') : null };
}

const SOURCE_WORDS: Record<string, 'pos' | 'im' | ''> = {
	pos: 'pos',
	пос: 'pos',
	госуслуги: 'pos',
	im: 'im',
	им: 'im',
	'инцидент менеджмент': 'im',
	любой: '',
	все: '',
	'': '',
};

/**
 * Rows of a sheet tab (or the node's rows): «Источник» (ПОС, ИМ or empty for any), «Категория», «Подкатегория»,
 * «Тема» (id or label; several through commas narrow the choice; empty or «решает текст» — the text decides).
 */
export function parseCategoryRows(rows: Array<Record<string, unknown>>): CategoryRule[] {
	const out: CategoryRule[] = [];
	rows.forEach((row, i) => {
		const line = `Категории, строка ${i + 2}`;
		const sourceText = normalizeCategoryName(row['Источник'] ?? row.source);
		const category = String(row['Категория'] ?? row.category ?? '').trim();
		const sub = String(row['Подкатегория'] ?? row.sub ?? row.subcategory ?? '').trim();
		const topicText = String(row['Тема'] ?? row.topic ?? '').trim();
		if (!category && !sub && !topicText && !sourceText) return;
		if (!category && !sub)
			throw new Error(
				`${line}: не указаны ни категория, ни подкатегория (столбцы «Категория», «Подкатегория»)`,
			);
		if (!(sourceText in SOURCE_WORDS))
			throw new Error(
				`${line}: источник «${String(row['Источник'] ?? row.source)}» — ожидается ПОС, ИМ или пусто`,
			);
		const topics: string[] = [];
		if (topicText && !/^(решает текст|текст|—|-)$/i.test(topicText)) {
			for (const part of topicText
				.split(/[,;|]/)
				.map((p) => p.trim())
				.filter(Boolean)) {
				const topic = resolveTopic(part);
				if (!topic)
					throw new Error(
						`${line}: тема «${part}» не найдена (ожидается одна из: ${TOPIC_IDS.join(', ')} или её название)`,
					);
				topics.push(topic);
			}
		}
		out.push({
			source: SOURCE_WORDS[sourceText],
			category: category || null,
			sub: sub || null,
			topics,
		});
	});
	return out;
}
