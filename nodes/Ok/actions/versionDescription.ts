import { NodeConnectionTypes, type INodeTypeDescription } from 'n8n-workflow';
import { actionProperties, actionSubtitle } from '../../shared/actions';
import { resources } from './router';

export const versionDescription: INodeTypeDescription = {
	displayName: 'МЦУ: Одноклассники',
	name: 'ok',
	icon: 'file:ok.svg',
	group: ['input'],
	version: 1,
	subtitle: actionSubtitle(resources),
	description: 'Комментарии в обсуждениях группы администрации как обращения; ответ в обсуждении',
	defaults: { name: 'МЦУ: Одноклассники' },
	usableAsTool: true,
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: 'mcuOkApi', required: true, testedBy: 'mcuOkCredentialTest' }],
	properties: actionProperties(resources),
};
