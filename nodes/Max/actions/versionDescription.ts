import { NodeConnectionTypes, type INodeTypeDescription } from 'n8n-workflow';
import { actionProperties, actionSubtitle } from '../../shared/actions';
import { resources } from './router';

export const versionDescription: INodeTypeDescription = {
	displayName: 'МЦУ: MAX',
	name: 'max',
	icon: 'file:max.svg',
	group: ['input'],
	version: 1,
	subtitle: actionSubtitle(resources),
	description: 'Сообщения официальному боту в MAX и в чатах, где он администратор, как обращения; ответы от имени бота',
	defaults: { name: 'МЦУ: MAX' },
	usableAsTool: true,
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: 'mcuMaxApi', required: true }],
	properties: actionProperties(resources),
};
