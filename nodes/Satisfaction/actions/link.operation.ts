import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { linkReplies } from '../../../lib/satisfaction/followUp';
import { followUpInput } from './common';
import { itemJson } from '../../shared/appealJson';

export const description: INodeProperties[] = [
	{
		displayName: 'Ждать ответа, дней',
		name: 'expireDays',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 7,
		description:
			'Вопрос без ответа дольше этого срока снимается; следующее сообщение автора — новое обращение',
		displayOptions: { show: { operation: ['link'] } },
	},
];

/** Links the authors' replies to the questions asked; outputs «Обращения» and «Оценки заявителей». */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[][]> {
	const { state, appeals, passThrough, paired, save } = followUpInput(this, items);
	const linked = linkReplies(appeals, state, {
		now: new Date(),
		expireDays: this.getNodeParameter('expireDays', 0, 7) as number,
	});
	save();
	// Items that are not appeals (error items of the sources) go on untouched: nothing is lost here.
	const out: INodeExecutionData[] = [
		...linked.appeals.map((a) => ({ json: itemJson(a), pairedItem: paired(a.id) })),
		...passThrough,
	];
	const replies = linked.replies.map((r) => ({
		json: itemJson(r),
		pairedItem: paired(r.replyId),
	}));
	return [out, replies];
}
