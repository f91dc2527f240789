import type { INodeProperties } from 'n8n-workflow';

/** The community events both VK triggers listen to. */
export const VK_EVENTS_PROPERTY: INodeProperties = {
	displayName: 'События',
	name: 'events',
	type: 'multiOptions',
	options: [
		{ name: 'Комментарии На Стене', value: 'wall_reply_new' },
		{ name: 'Личные Сообщения Сообществу', value: 'message_new' },
		{ name: 'Новые Записи На Стене', value: 'wall_post_new' },
	],
	default: ['wall_reply_new', 'message_new'],
};
