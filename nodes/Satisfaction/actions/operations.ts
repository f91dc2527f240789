import type { INodeProperties } from 'n8n-workflow';
import * as ask from './ask.operation';
import * as link from './link.operation';
import * as recognize from './recognize.operation';

/** The node's operations by the value of its `operation` parameter (the role of Sheets v2's `<Resource>.resource.ts`). */
export const operations = { ask, link, recognize };

/** Outputs by operation: linking splits appeals from the citizens' assessments. Sent to the editor as an expression. */
export const outputsFor = (operation: string) =>
	operation === 'link'
		? [
				{ type: 'main', displayName: 'Обращения' },
				{ type: 'main', displayName: 'Оценки заявителей' },
			]
		: operation === 'recognize'
			? [
					{ type: 'main', displayName: 'Удовлетворён / не ясно' },
					{ type: 'main', displayName: 'Не удовлетворён' },
				]
			: [{ type: 'main', displayName: 'Спросить' }];

export const descriptions: INodeProperties[] = [
	{
		displayName: 'Операция',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Выбрать, кого спросить',
				value: 'ask',
				action: 'Выбрать авторов для вопроса об оценке',
			},
			{
				name: 'Привязать ответы заявителей',
				value: 'link',
				action: 'Привязать ответы заявителей к обращениям',
			},
			{ name: 'Распознать оценку', value: 'recognize', action: 'Распознать оценку в тексте' },
		],
		default: 'link',
	},
	{
		displayName:
			'Узлы «Выбрать, кого спросить» и «Привязать ответы» должны стоять в одном процессе: вопросы, ожидающие ответа, хранятся в его статических данных',
		name: 'notice',
		type: 'notice',
		default: '',
		displayOptions: { show: { operation: ['ask', 'link'] } },
	},
	...ask.description,
	...link.description,
	...recognize.description,
];
