import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { FOLLOW_UP_QUESTION } from '../../../lib/satisfaction';
import { selectForFollowUp, type FollowUpChannel } from '../../../lib/satisfaction/followUp';
import { followUpInput } from './common';
import { itemJson } from '../../shared/appealJson';

const CHANNELS: Array<{ name: string; value: FollowUpChannel }> = [
	{ name: 'ВКонтакте: Ответ на комментарий', value: 'vk_comment' },
	{ name: 'ВКонтакте: Личное сообщение', value: 'vk_message' },
	{ name: 'Одноклассники: Ответ в обсуждении', value: 'ok_comment' },
	{ name: 'Telegram: Сообщение боту', value: 'telegram_message' },
	{ name: 'MAX: Сообщение боту', value: 'max_message' },
];

const displayOptions = { show: { operation: ['ask'] } };

export const description: INodeProperties[] = [
	{
		displayName: 'Текст вопроса',
		name: 'question',
		type: 'string',
		typeOptions: { rows: 3 },
		default: FOLLOW_UP_QUESTION,
		displayOptions,
	},
	{
		displayName: 'Каналы',
		name: 'channels',
		type: 'multiOptions',
		options: CHANNELS,
		default: ['vk_comment', 'vk_message', 'ok_comment', 'telegram_message', 'max_message'],
		displayOptions,
	},
	{
		displayName: 'Спрашивать через, часов после ответа',
		name: 'delayHours',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 24,
		description: 'Работы по ответу должны стать заметны, прежде чем спрашивать',
		displayOptions,
	},
	{
		displayName: 'Не спрашивать об ответах старше, дней',
		name: 'maxAgeDays',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 14,
		displayOptions,
	},
];

/** Answered appeals whose authors get «Проблема решена?», each with the channel to ask in; output «Спросить». */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[][]> {
	const { state, appeals, paired, save } = followUpInput(this, items);
	const question = this.getNodeParameter('question', 0, FOLLOW_UP_QUESTION) as string;
	const selected = selectForFollowUp(appeals, state, {
		now: new Date(),
		delayHours: this.getNodeParameter('delayHours', 0, 24) as number,
		maxAgeDays: this.getNodeParameter('maxAgeDays', 0, 14) as number,
		channels: this.getNodeParameter('channels', 0, []) as FollowUpChannel[],
	});
	save();
	return [
		selected.map(({ appeal, channel }) => ({
			json: {
				...itemJson(appeal),
				followUpChannel: channel,
				followUpQuestion: question,
			},
			pairedItem: paired(appeal.id),
		})),
	];
}
