import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { ANSWER_FIELDS, answerInMax } from '../../answer';
import type { MaxCredentials } from '../../transport';

export const option = {
	name: 'Ответить в чате',
	value: 'reply',
	action: 'Ответить на сообщение в чате',
};

export const description: INodeProperties[] = [
	{
		displayName: 'ID чата',
		name: 'chatId',
		type: 'string',
		required: true,
		default: '={{ $json.raw?.message?.recipient?.chat_id }}',
	},
	{
		displayName: 'ID сообщения, на которое отвечаем',
		name: 'replyTo',
		type: 'string',
		required: true,
		default: '={{ $json.raw?.message?.body?.mid ?? $json.externalId }}',
	},
	...ANSWER_FIELDS,
];

export async function execute(
	this: IExecuteFunctions,
	c: MaxCredentials,
): Promise<INodeExecutionData[][]> {
	return answerInMax(this, c, 'reply');
}
