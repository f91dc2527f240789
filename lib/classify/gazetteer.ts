/**
 * Places of the district for finding the settlement and the address in a text. The default is Дедовичский район
 * (городское поселение and волости with their villages and streets); pass your own for another district.
 */
export interface GazetteerEntry {
	id: string;
	name: string;
	/** Other names and stems people write: «Дедовичи», «Дедовичах», «райцентр». */
	aliases: string[];
	villages: string[];
	streets: string[];
}

/** The streets of п. Дедовичи; the sandbox's seed settles its appeals on the same ones. */
export const DEDOVICHI_STREETS: string[] = [
	'Советская',
	'Октябрьская',
	'Ленина',
	'Юбилейная',
	'Энергетиков',
	'Лесная',
	'Пушкина',
	'Гагарина',
	'Мира',
	'Комсомольская',
	'Школьная',
	'Железнодорожная',
	'Суворова',
	'Красноармейская',
];

export const DEFAULT_GAZETTEER: GazetteerEntry[] = [
	{
		id: 'dedovichi',
		name: 'Дедовичи',
		aliases: ['Дедовичи', 'п. Дедовичи', 'посёлок Дедовичи', 'райцентр'],
		villages: [],
		streets: DEDOVICHI_STREETS,
	},
	{
		id: 'vyazye',
		name: 'Вязьевская волость',
		aliases: ['Вязьевская волость', 'Вязьевской волости'],
		villages: ['Вязье', 'Дубровно', 'Ясски', 'Хохловы Горки'],
		streets: ['Центральная', 'Садовая', 'Заречная'],
	},
	{
		id: 'pozherevitsy',
		name: 'Пожеревицкая волость',
		aliases: ['Пожеревицкая волость', 'Пожеревицкой волости'],
		villages: ['Пожеревицы', 'Крутец', 'Сосонка', 'Большие Горки'],
		streets: ['Новая', 'Полевая', 'Озёрная'],
	},
	{
		id: 'shelon',
		name: 'Шелонская волость',
		aliases: ['Шелонская волость', 'Шелонской волости'],
		villages: ['Красные Луки', 'Береза', 'Сорокино', 'Шелонь'],
		streets: ['Речная', 'Молодёжная', 'Береговая'],
	},
];
