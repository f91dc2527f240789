import { actionNodeDescription } from '../../shared/actions';
import { resources } from './router';

export const versionDescription = actionNodeDescription(
	{
		displayName: 'МЦУ: Telegram',
		name: 'telegram',
		description:
			'Сообщения официальному боту и комментарии в обсуждениях канала как обращения; ответы от имени бота',
		credentials: [{ name: 'mcuTelegramApi', required: true }],
	},
	resources,
);
