/**
 * Thematic blocks (тематические блоки) used across classification, routing, reports and the sandbox.
 * ТОТК codes: the раздел/тематика prefixes follow ../shared/domain.md §5; the full 4-group codes marked
 * `totkVerified: false` are our best reading of the classifier and must be checked by the coordinator
 * against the current edition (they can be replaced from the structuring node's parameters).
 */
export interface TopicInfo {
	id: string;
	label: string;
	totkCode: string;
	totkVerified: boolean;
}

export const UNDEFINED_TOPIC = 'undefined';

export const TOPICS: readonly TopicInfo[] = [
	{ id: 'roads', label: 'Дороги и тротуары', totkCode: '0003.0008.0086.0574', totkVerified: false },
	{
		id: 'transport',
		label: 'Общественный транспорт',
		totkCode: '0003.0008.0085.0561',
		totkVerified: false,
	},
	{ id: 'heating', label: 'Отопление', totkCode: '0005.0005.0056.1154', totkVerified: false },
	{
		id: 'water',
		label: 'Водоснабжение и водоотведение',
		totkCode: '0005.0005.0056.1153',
		totkVerified: false,
	},
	{
		id: 'electricity',
		label: 'Электроснабжение',
		totkCode: '0005.0005.0056.1157',
		totkVerified: false,
	},
	{
		id: 'utilities',
		label: 'Управление домами и капремонт',
		totkCode: '0005.0005.0055.1130',
		totkVerified: false,
	},
	{
		id: 'waste',
		label: 'Вывоз мусора (ТКО)',
		totkCode: '0005.0005.0056.1161',
		totkVerified: false,
	},
	{
		id: 'lighting',
		label: 'Уличное освещение',
		totkCode: '0003.0009.0097.0686',
		totkVerified: false,
	},
	{
		id: 'improvement',
		label: 'Благоустройство дворов и территорий',
		totkCode: '0003.0009.0097.0689',
		totkVerified: true,
	},
	{
		id: 'housing',
		label: 'Жильё и переселение',
		totkCode: '0005.0005.0054.1122',
		totkVerified: false,
	},
	{ id: 'education', label: 'Образование', totkCode: '0002.0013.0141.0000', totkVerified: false },
	{ id: 'health', label: 'Здравоохранение', totkCode: '0002.0014.0143.0000', totkVerified: false },
	{
		id: 'social',
		label: 'Социальная поддержка',
		totkCode: '0002.0007.0071.0000',
		totkVerified: false,
	},
	{
		id: 'culture_sport',
		label: 'Культура и спорт',
		totkCode: '0002.0012.0136.0000',
		totkVerified: false,
	},
	{
		id: 'animals',
		label: 'Безнадзорные животные',
		totkCode: '0003.0009.0097.0690',
		totkVerified: false,
	},
	{ id: 'trade', label: 'Торговля и услуги', totkCode: '0003.0010.0104.0000', totkVerified: false },
	{
		id: 'safety',
		label: 'Безопасность и ЧС',
		totkCode: '0004.0016.0163.0000',
		totkVerified: false,
	},
	{
		id: 'communication',
		label: 'Связь и интернет',
		totkCode: '0003.0008.0087.0000',
		totkVerified: false,
	},
];

export const TOPIC_IDS = TOPICS.map((t) => t.id);

const byId = new Map(TOPICS.map((t) => [t.id, t]));

export function topicLabel(id: string | null | undefined): string {
	if (!id || id === UNDEFINED_TOPIC) return 'не определено';
	return byId.get(id)?.label ?? id;
}

export function topicInfo(id: string): TopicInfo | undefined {
	return byId.get(id);
}
