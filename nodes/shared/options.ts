import type { INodePropertyOptions } from 'n8n-workflow';

/** Option lists shared by several nodes (labels in Russian, values are the appeal record's codes). */
export const SOURCE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Любой Источник', value: '*' },
	{ name: 'ПОС (Госуслуги. Решаем Вместе)', value: 'pos' },
	{ name: 'Инцидент-Менеджмент', value: 'im' },
	{ name: 'ВКонтакте', value: 'vk' },
	{ name: 'Одноклассники', value: 'ok' },
	{ name: 'Telegram', value: 'telegram' },
	{ name: 'MAX', value: 'max' },
	{ name: 'Официальные Аккаунты', value: 'official' },
	{ name: 'Импорт', value: 'import' },
];

export const KIND_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Любой Вид', value: '*' },
	{ name: 'Сообщение', value: 'message' },
	{ name: 'Обращение По 59-ФЗ', value: 'appeal59' },
	{ name: 'Инцидент', value: 'incident' },
	{ name: 'Комментарий', value: 'comment' },
	{ name: 'Личное Сообщение', value: 'direct_message' },
];
