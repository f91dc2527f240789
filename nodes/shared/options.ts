import type { INodePropertyOptions } from 'n8n-workflow';

/** Option lists shared by several nodes (labels in Russian, values are the appeal record's codes). */
export const SOURCE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Любой источник', value: '*' },
	{ name: 'ПОС (Госуслуги. Решаем вместе)', value: 'pos' },
	{ name: 'Инцидент-менеджмент', value: 'im' },
	{ name: 'ВКонтакте', value: 'vk' },
	{ name: 'Одноклассники', value: 'ok' },
	{ name: 'Telegram', value: 'telegram' },
	{ name: 'MAX', value: 'max' },
	{ name: 'Официальные аккаунты', value: 'official' },
	{ name: 'Импорт', value: 'import' },
];

export const KIND_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Любой вид', value: '*' },
	{ name: 'Сообщение', value: 'message' },
	{ name: 'Обращение по 59-ФЗ', value: 'appeal59' },
	{ name: 'Инцидент', value: 'incident' },
	{ name: 'Комментарий', value: 'comment' },
	{ name: 'Личное сообщение', value: 'direct_message' },
];
