import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { applySatisfaction, recognizeSatisfaction } from '../../../lib/satisfaction';
import { asNodeError, errorItem } from '../../shared/items';

export const description: INodeProperties[] = [
	{
		displayName: 'Ответ заявителя',
		name: 'reply',
		type: 'string',
		default: '={{ $json.reply }}',
		description: 'Текст ответа гражданина на вопрос «Проблема решена?»',
		displayOptions: { show: { operation: ['recognize'] } },
	},
];

/** The assessment in each reply; outputs «Удовлетворён / не ясно» and «Не удовлетворён». */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[][]> {
	const fine: INodeExecutionData[] = [];
	const unhappy: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			const recognized = recognizeSatisfaction(String(this.getNodeParameter('reply', i, '') ?? ''));
			const updated = applySatisfaction(
				items[i].json as { status?: string; flags?: string[] },
				recognized.value,
			) as IDataObject;
			updated.satisfactionEvidence = recognized.evidence;
			(recognized.value === 'unsatisfied' ? unhappy : fine).push({
				json: updated,
				pairedItem: { item: i },
			});
		} catch (error) {
			if (!this.continueOnFail()) throw asNodeError(this.getNode(), error, i);
			unhappy.push(errorItem(error as Error, items[i].json, i));
		}
	}
	return [fine, unhappy];
}
