import { actionNodeDescription } from '../../shared/actions';
import { resources } from './router';

/**
 * What the service does in the package. n8n's nodes panel merges «… Trigger» into this node and shows the trigger's
 * description for both, so the trigger uses this one too: it must not hide the actions.
 */
export const VK_DESCRIPTION =
	'Стена и комментарии сообщества, упоминания, сообщения: чтение как обращения, ответы от имени сообщества';

export const versionDescription = actionNodeDescription(
	{
		displayName: 'МЦУ: ВКонтакте',
		name: 'vk',
		description: VK_DESCRIPTION,
		credentials: [{ name: 'mcuVkApi', required: true }],
	},
	resources,
);
