import { createHash } from 'node:crypto';
import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { vkCall, type VkCredentials } from '../../transport';
import { MESSAGE_FIELD, executeVk } from '../common';

export const option = { name: 'Отправить', value: 'send', action: 'Отправить сообщение автору' };

export const description: INodeProperties[] = [
	{
		displayName: 'ID пользователя',
		name: 'userId',
		type: 'string',
		required: true,
		default: '={{ $json.author.id }}',
	},
	{
		displayName: 'ID обращения',
		name: 'appealId',
		type: 'string',
		default: '={{ $json.id }}',
		description:
			'Вместе с назначением даёт ключ отправки (random_id): повтор той же отправки ВКонтакте не продублирует, а вопрос по другому обращению уйдёт, даже если текст тот же',
	},
	{
		displayName: 'Назначение',
		name: 'purpose',
		type: 'string',
		default: "={{ $json.followUpQuestion ? 'followUp' : 'message' }}",
		description:
			'Зачем пишем по этому обращению (вопрос о решении, ответ…): разные назначения — разные сообщения',
	},
	MESSAGE_FIELD,
];

export async function execute(
	this: IExecuteFunctions,
	c: VkCredentials,
): Promise<INodeExecutionData[][]> {
	return executeVk(this, c, async (i) => {
		const message = (this.getNodeParameter('message', i) as string).trim();
		const userId = String(this.getNodeParameter('userId', i));
		if (!message)
			throw new NodeOperationError(this.getNode(), 'Пустой текст сообщения', { itemIndex: i });
		// random_id makes a retried send idempotent on VK's side; it names the appeal and the purpose, not the text,
		// so the same question about another appeal is a new message. Without an appeal: this execution and item.
		const appealId = String(this.getNodeParameter('appealId', i, '') ?? '').trim();
		const purpose = String(this.getNodeParameter('purpose', i, '') ?? '').trim() || 'message';
		const randomId = vkRandomId(
			c.groupId,
			userId,
			appealId ? `${appealId}|${purpose}` : `${this.getExecutionId()}|${i}|${purpose}`,
		);
		const id = await vkCall<number>(this, c, 'messages.send', {
			user_id: userId,
			message,
			random_id: randomId,
		});
		return { records: [{ messageId: id, ok: true } as IDataObject], normalize: false };
	});
}

/** A positive int32 (VK's random_id range) from the community, the recipient and what the message is for. */
export function vkRandomId(groupId: number, userId: string, key: string): number {
	return (
		createHash('sha256').update(`${groupId}|${userId}|${key}`).digest().readUInt32BE(0) %
			2147483647 || 1
	);
}
