import { NodeConnectionTypes, type INodeTypeDescription } from 'n8n-workflow';
import { actionProperties, actionSubtitle } from '../../shared/actions';
import { resources } from './router';

export const versionDescription: INodeTypeDescription = {
	displayName: 'МЦУ: ВКонтакте',
	name: 'vk',
	icon: 'file:vk.svg',
	group: ['input'],
	version: 1,
	subtitle: actionSubtitle(resources),
	description: 'Стена и комментарии сообщества, упоминания, сообщения: чтение как обращения, ответы от имени сообщества',
	defaults: { name: 'МЦУ: ВКонтакте' },
	usableAsTool: true,
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: 'mcuVkApi', required: true }],
	properties: actionProperties(resources),
};
