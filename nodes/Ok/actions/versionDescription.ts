import { actionNodeDescription } from '../../shared/actions';
import { resources } from './router';

/**
 * What the service does in the package. n8n's nodes panel merges «… Trigger» into this node and shows the trigger's
 * description for both, so the trigger uses this one too: it must not hide the actions.
 */
export const OK_DESCRIPTION =
	'Комментарии в обсуждениях группы администрации как обращения; ответ в обсуждении';

export const versionDescription = actionNodeDescription(
	{
		displayName: 'МЦУ: Одноклассники',
		name: 'ok',
		description: OK_DESCRIPTION,
		credentials: [{ name: 'mcuOkApi', required: true, testedBy: 'mcuOkCredentialTest' }],
	},
	resources,
);
