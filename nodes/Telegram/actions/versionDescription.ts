import { NodeConnectionTypes, type INodeTypeDescription } from 'n8n-workflow';
import { actionProperties, actionSubtitle } from '../../shared/actions';
import { resources } from './router';

export const versionDescription: INodeTypeDescription = {
	displayName: 'МЦУ: Telegram',
	name: 'telegram',
	icon: 'file:telegram.svg',
	group: ['input'],
	version: 1,
	subtitle: actionSubtitle(resources),
	description: 'Сообщения официальному боту и комментарии в обсуждениях канала как обращения; ответы от имени бота',
	defaults: { name: 'МЦУ: Telegram' },
	usableAsTool: true,
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: 'mcuTelegramApi', required: true }],
	properties: actionProperties(resources),
};
