import {
	NodeConnectionTypes,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import type { Appeal } from '../../lib/appeal';
import { FOLLOW_UP_QUESTION, applySatisfaction, recognizeSatisfaction } from '../../lib/satisfaction';
import { emptyFollowUpState, linkReplies, selectForFollowUp, type FollowUpChannel, type FollowUpState } from '../../lib/satisfaction/followUp';
import { asNodeError, errorItem } from '../shared/items';

const CHANNELS: Array<{ name: string; value: FollowUpChannel }> = [
	{ name: 'ВКонтакте: Ответ на комментарий', value: 'vk_comment' },
	{ name: 'ВКонтакте: Личное сообщение', value: 'vk_message' },
	{ name: 'Одноклассники: Ответ в обсуждении', value: 'ok_comment' },
	{ name: 'Telegram: Сообщение боту', value: 'telegram_message' },
	{ name: 'MAX: Сообщение боту', value: 'max_message' },
];

/** Outputs by operation: linking splits appeals from the citizens' assessments. */
const outputsFor = (operation: string) =>
	operation === 'link'
		? [{ type: 'main', displayName: 'Обращения' }, { type: 'main', displayName: 'Оценки заявителей' }]
		: operation === 'recognize'
			? [{ type: 'main', displayName: 'Удовлетворён / не ясно' }, { type: 'main', displayName: 'Не удовлетворён' }]
			: [{ type: 'main', displayName: 'Спросить' }];

/** Static-data key shared by the «ask» and «link» nodes of one workflow. */
const STATE_KEY = 'mcuSatisfactionFollowUp';

const isAppeal = (json: IDataObject): boolean =>
	typeof json.id === 'string' && typeof json.source === 'string' && typeof json.receivedAt === 'string' && typeof json.text === 'string' && !json.error;

export class Satisfaction implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'МЦУ: Оценка заявителей',
		name: 'satisfaction',
		icon: { light: 'file:satisfaction.svg', dark: 'file:satisfaction.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"]}}',
		description: 'Вопрос «Проблема решена?» автору из соцсетей, привязка его ответа к обращению, повторное открытие при недовольстве',
		defaults: { name: 'МЦУ: Оценка заявителей' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: `={{(${outputsFor.toString()})($parameter.operation)}}`,
		properties: [
			{
				displayName: 'Операция',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Выбрать, кого спросить', value: 'ask', action: 'Выбрать авторов для вопроса об оценке' },
					{ name: 'Привязать ответы заявителей', value: 'link', action: 'Привязать ответы заявителей к обращениям' },
					{ name: 'Распознать оценку', value: 'recognize', action: 'Распознать оценку в тексте' },
				],
				default: 'link',
			},
			{
				displayName: 'Узлы «Выбрать, кого спросить» и «Привязать ответы» должны стоять в одном процессе: вопросы, ожидающие ответа, хранятся в его статических данных',
				name: 'notice',
				type: 'notice',
				default: '',
				displayOptions: { show: { operation: ['ask', 'link'] } },
			},
			{
				displayName: 'Текст вопроса',
				name: 'question',
				type: 'string',
				typeOptions: { rows: 3 },
				default: FOLLOW_UP_QUESTION,
				displayOptions: { show: { operation: ['ask'] } },
			},
			{
				displayName: 'Каналы',
				name: 'channels',
				type: 'multiOptions',
				options: CHANNELS,
				default: ['vk_comment', 'vk_message', 'ok_comment', 'telegram_message', 'max_message'],
				displayOptions: { show: { operation: ['ask'] } },
			},
			{
				displayName: 'Спрашивать через, часов после ответа',
				name: 'delayHours',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 24,
				description: 'Работы по ответу должны стать заметны, прежде чем спрашивать',
				displayOptions: { show: { operation: ['ask'] } },
			},
			{
				displayName: 'Не спрашивать об ответах старше, дней',
				name: 'maxAgeDays',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 14,
				displayOptions: { show: { operation: ['ask'] } },
			},
			{
				displayName: 'Ждать ответа, дней',
				name: 'expireDays',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 7,
				description: 'Вопрос без ответа дольше этого срока снимается; следующее сообщение автора — новое обращение',
				displayOptions: { show: { operation: ['link'] } },
			},
			{
				displayName: 'Ответ заявителя',
				name: 'reply',
				type: 'string',
				default: '={{ $json.reply }}',
				description: 'Текст ответа гражданина на вопрос «Проблема решена?»',
				displayOptions: { show: { operation: ['recognize'] } },
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const operation = this.getNodeParameter('operation', 0) as string;
		if (operation === 'recognize') return recognize(this);
		const items = this.getInputData();
		const staticData = this.getWorkflowStaticData('global');
		const state = (staticData[STATE_KEY] as FollowUpState | undefined) ?? emptyFollowUpState();
		const appeals: Appeal[] = [];
		const appealItem: number[] = [];
		const passThrough: INodeExecutionData[] = [];
		items.forEach((item, i) => {
			if (isAppeal(item.json)) {
				appeals.push(item.json as unknown as Appeal);
				appealItem.push(i);
			} else passThrough.push({ json: item.json, pairedItem: { item: i } });
		});
		const pairedOf = new Map(appeals.map((a, k) => [a.id, appealItem[k]]));
		const paired = (id: string) => ({ item: pairedOf.get(id) ?? 0 });
		const now = new Date();
		if (operation === 'ask') {
			const question = this.getNodeParameter('question', 0, FOLLOW_UP_QUESTION) as string;
			const selected = selectForFollowUp(appeals, state, {
				now,
				delayHours: this.getNodeParameter('delayHours', 0, 24) as number,
				maxAgeDays: this.getNodeParameter('maxAgeDays', 0, 14) as number,
				channels: this.getNodeParameter('channels', 0, []) as FollowUpChannel[],
			});
			staticData[STATE_KEY] = state;
			return [selected.map(({ appeal, channel }) => ({ json: { ...(appeal as unknown as IDataObject), followUpChannel: channel, followUpQuestion: question }, pairedItem: paired(appeal.id) }))];
		}
		const linked = linkReplies(appeals, state, { now, expireDays: this.getNodeParameter('expireDays', 0, 7) as number });
		staticData[STATE_KEY] = state;
		// Items that are not appeals (error items of the sources) go on untouched: nothing is lost here.
		const out: INodeExecutionData[] = [...linked.appeals.map((a) => ({ json: a as unknown as IDataObject, pairedItem: paired(a.id) })), ...passThrough];
		const replies = linked.replies.map((r) => ({ json: r as unknown as IDataObject, pairedItem: paired(r.replyId) }));
		return [out, replies];
	}
}

function recognize(ctx: IExecuteFunctions): INodeExecutionData[][] {
	const items = ctx.getInputData();
	const fine: INodeExecutionData[] = [];
	const unhappy: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			const recognized = recognizeSatisfaction(String(ctx.getNodeParameter('reply', i, '') ?? ''));
			const updated = applySatisfaction(items[i].json as { status?: string; flags?: string[] }, recognized.value) as IDataObject;
			updated.satisfactionEvidence = recognized.evidence;
			(recognized.value === 'unsatisfied' ? unhappy : fine).push({ json: updated, pairedItem: { item: i } });
		} catch (error) {
			if (!ctx.continueOnFail()) throw asNodeError(ctx.getNode(), error, i);
			unhappy.push(errorItem(error as Error, items[i].json, i));
		}
	}
	return [fine, unhappy];
}
