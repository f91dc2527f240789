import { actionNodeDescription } from '../../shared/actions';
import { resources } from './router';

/**
 * What the service does in the package. n8n's nodes panel merges «… Trigger» into this node and shows the trigger's
 * description for both, so the trigger uses this one too: it must not hide the actions.
 */
export const MAX_DESCRIPTION =
	'Сообщения официальному боту в MAX и в чатах, где он администратор, как обращения; ответы от имени бота';

export const versionDescription = actionNodeDescription(
	{
		displayName: 'МЦУ: MAX',
		name: 'max',
		description: MAX_DESCRIPTION,
		credentials: [{ name: 'mcuMaxApi', required: true }],
	},
	resources,
);
