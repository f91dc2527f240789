/**
 * The category trees the sandbox's ПОС and ИМ hold, and which category a seeded appeal carries. ПОС shows the
 * citizen its public tree (category → subcategory) and the citizen picks one — now and then a wrong one, or
 * «Прочее»; the ЦУР operator sets an ИМ incident's category, and leaves some incidents without one. The topic ids
 * here are the sandbox's ground truth, not what the package reads (it has its own table, lib/classify/category).
 */
export interface SandboxSubject {
	id: number;
	name: string;
	subsubjects: Array<{ id: number; name: string; topic: string | null }>;
}

/** ПОС, region 60: the categories of «Решаем вместе» the district's messages use, with typical subcategories. */
export const POS_TREE: SandboxSubject[] = [
	{
		id: 101,
		name: 'Дороги',
		subsubjects: [
			{ id: 1011, name: 'Ямы на дорогах', topic: 'roads' },
			{ id: 1012, name: 'Содержание дорог зимой', topic: 'roads' },
			{ id: 1013, name: 'Тротуары', topic: 'roads' },
			{ id: 1014, name: 'Ремонт дорог', topic: 'roads' },
		],
	},
	{
		id: 102,
		name: 'ЖКХ',
		subsubjects: [
			{ id: 1021, name: 'Отопление', topic: 'heating' },
			{ id: 1022, name: 'Водоснабжение', topic: 'water' },
			{ id: 1023, name: 'Электроснабжение', topic: 'electricity' },
			{ id: 1024, name: 'Управляющие компании', topic: 'utilities' },
			{ id: 1025, name: 'Капитальный ремонт', topic: 'utilities' },
			{ id: 1026, name: 'Водоотведение', topic: 'water' },
			{ id: 1027, name: 'Аварийное жильё', topic: 'housing' },
		],
	},
	{
		id: 103,
		name: 'Благоустройство',
		subsubjects: [
			{ id: 1031, name: 'Дворовые территории', topic: 'improvement' },
			{ id: 1032, name: 'Уличное освещение', topic: 'lighting' },
			{ id: 1033, name: 'Безнадзорные животные', topic: 'animals' },
			{ id: 1034, name: 'Детские площадки', topic: 'improvement' },
			{ id: 1035, name: 'Озеленение', topic: 'improvement' },
		],
	},
	{
		id: 104,
		name: 'Мусор',
		subsubjects: [
			{ id: 1041, name: 'Вывоз ТКО', topic: 'waste' },
			{ id: 1042, name: 'Контейнерные площадки', topic: 'waste' },
			{ id: 1043, name: 'Несанкционированные свалки', topic: 'waste' },
		],
	},
	{
		id: 105,
		name: 'Общественный транспорт',
		subsubjects: [
			{ id: 1051, name: 'Расписание и маршруты', topic: 'transport' },
			{ id: 1052, name: 'Остановки', topic: 'transport' },
		],
	},
	{
		id: 106,
		name: 'Образование',
		subsubjects: [
			{ id: 1061, name: 'Школы', topic: 'education' },
			{ id: 1062, name: 'Детские сады', topic: 'education' },
		],
	},
	{
		id: 107,
		name: 'Здравоохранение',
		subsubjects: [
			{ id: 1071, name: 'Поликлиники и больницы', topic: 'health' },
			{ id: 1072, name: 'Лекарственное обеспечение', topic: 'health' },
			{ id: 1073, name: 'Фельдшерско-акушерские пункты', topic: 'health' },
		],
	},
	{
		id: 108,
		name: 'Социальная защита',
		subsubjects: [
			{ id: 1081, name: 'Пособия и выплаты', topic: 'social' },
			{ id: 1082, name: 'Помощь пожилым людям', topic: 'social' },
		],
	},
	{
		id: 109,
		name: 'Культура и спорт',
		subsubjects: [
			{ id: 1091, name: 'Дома культуры', topic: 'culture_sport' },
			{ id: 1092, name: 'Спортивные объекты', topic: 'culture_sport' },
		],
	},
	{
		id: 110,
		name: 'Связь и интернет',
		subsubjects: [
			{ id: 1101, name: 'Мобильная связь', topic: 'communication' },
			{ id: 1102, name: 'Почта', topic: 'communication' },
		],
	},
	{
		id: 111,
		name: 'Торговля',
		subsubjects: [{ id: 1111, name: 'Работа магазинов', topic: 'trade' }],
	},
	{
		id: 112,
		name: 'Безопасность',
		subsubjects: [{ id: 1121, name: 'Пожарная безопасность', topic: 'safety' }],
	},
	{
		id: 113,
		name: 'Жилищные вопросы',
		subsubjects: [{ id: 1131, name: 'Очередь на жильё', topic: 'housing' }],
	},
	{ id: 114, name: 'Прочее', subsubjects: [{ id: 1141, name: 'Другое', topic: null }] },
];

/** ИМ: the flat categories ЦУР operators set on incidents. */
export const IM_CATEGORIES: Record<string, string> = {
	roads: 'Дороги',
	transport: 'Общественный транспорт',
	heating: 'Отопление',
	water: 'Водоснабжение',
	electricity: 'Электроснабжение',
	utilities: 'Управляющие компании',
	waste: 'Мусор',
	lighting: 'Уличное освещение',
	improvement: 'Благоустройство',
	housing: 'Жилищные вопросы',
	education: 'Образование',
	health: 'Здравоохранение',
	social: 'Социальная защита',
	culture_sport: 'Культура и спорт',
	animals: 'Безнадзорные животные',
	trade: 'Торговля',
	safety: 'Безопасность',
	communication: 'Связь',
};

export interface ChosenCategory {
	subject: SandboxSubject;
	sub: SandboxSubject['subsubjects'][number];
	/** The citizen picked a category of another topic (the text still says the truth). */
	wrong: boolean;
}

/**
 * The ПОС category of a seeded message (deterministic by its sequence number): the subcategory of its topic; one in
 * 40 a wrong one (another subject), one in 150 «Прочее».
 */
export function posCategoryFor(seq: number, topic: string): ChosenCategory {
	const other = POS_TREE[POS_TREE.length - 1];
	if (seq % 150 === 7) return { subject: other, sub: other.subsubjects[0], wrong: false };
	const fitting = POS_TREE.flatMap((s) =>
		s.subsubjects.filter((x) => x.topic === topic).map((sub) => ({ subject: s, sub })),
	);
	if (seq % 40 === 3 || fitting.length === 0) {
		const wrong = POS_TREE.slice(0, -1).flatMap((s) =>
			s.subsubjects.filter((x) => x.topic !== topic).map((sub) => ({ subject: s, sub })),
		);
		const pick = wrong[(seq * 7) % wrong.length];
		return { ...pick, wrong: true };
	}
	return { ...fitting[(seq * 13) % fitting.length], wrong: false };
}

/** The ИМ category of a seeded incident: the operator's category of its topic; one in 12 left without one. */
export function imCategoryFor(seq: number, topic: string): string | null {
	if (seq % 12 === 5) return null;
	return IM_CATEGORIES[topic] ?? null;
}
