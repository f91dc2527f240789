import type { INodeProperties } from 'n8n-workflow';

/** The community events both VK triggers listen to. */
export const VK_EVENTS_PROPERTY: INodeProperties = {
	displayName: 'События',
	name: 'events',
	type: 'multiOptions',
	options: [
		{ name: 'Комментарии на стене', value: 'wall_reply_new' },
		{ name: 'Личные сообщения сообществу', value: 'message_new' },
		{ name: 'Новые записи на стене', value: 'wall_post_new' },
	],
	default: ['wall_reply_new', 'message_new'],
};
