import {
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import type { PosCredentials } from '../../transport';
import { POS_ID_FIELD, executePosAction } from '../common';

export const option = {
	name: 'Отправить ответ',
	value: 'sendResponse',
	action: 'Отправить ответ заявителю',
};

export const description: INodeProperties[] = [
	POS_ID_FIELD,
	{
		displayName: 'Тип ответа',
		name: 'answerType',
		type: 'options',
		options: [
			{ name: 'Разъяснено', value: 'EXPLAINED' },
			{ name: 'Поддержано, меры приняты', value: 'SUPPORTED' },
			{ name: 'Не поддержано', value: 'NOT_SUPPORTED' },
			{ name: 'Промежуточный ответ', value: 'INTERMEDIATE' },
		],
		default: 'EXPLAINED',
	},
	{
		displayName: 'Текст ответа',
		name: 'answerText',
		type: 'string',
		typeOptions: { rows: 6 },
		required: true,
		default: '',
	},
];

export async function execute(
	this: IExecuteFunctions,
	c: PosCredentials,
): Promise<INodeExecutionData[][]> {
	return executePosAction(this, c, 'sendResponse', 'response', (i) => {
		const comment = (this.getNodeParameter('answerText', i) as string).trim();
		if (!comment)
			throw new NodeOperationError(this.getNode(), 'Пустой текст ответа', { itemIndex: i });
		return { answerType: this.getNodeParameter('answerType', i) as string, comment };
	});
}
