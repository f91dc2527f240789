import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { ANSWER_FIELDS, answerInMax } from '../../answer';
import type { MaxCredentials } from '../../transport';

export const option = {
	name: 'Отправить',
	value: 'send',
	action: 'Отправить сообщение пользователю или в чат',
};

export const description: INodeProperties[] = [
	{
		displayName: 'Кому',
		name: 'recipient',
		type: 'options',
		options: [
			{ name: 'Пользователю (личное сообщение)', value: 'user' },
			{ name: 'В чат', value: 'chat' },
		],
		default: 'user',
	},
	{
		displayName: 'ID пользователя',
		name: 'userId',
		type: 'string',
		required: true,
		default: '={{ $json.author?.id }}',
		displayOptions: { show: { recipient: ['user'] } },
	},
	{
		displayName: 'ID чата',
		name: 'chatId',
		type: 'string',
		required: true,
		default: '={{ $json.maxChatId ?? $json.raw?.message?.recipient?.chat_id }}',
		displayOptions: { show: { recipient: ['chat'] } },
	},
	...ANSWER_FIELDS,
];

export async function execute(
	this: IExecuteFunctions,
	c: MaxCredentials,
): Promise<INodeExecutionData[][]> {
	return answerInMax(this, c, 'send');
}
