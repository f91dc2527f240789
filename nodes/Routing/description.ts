import type { INodeProperties } from 'n8n-workflow';
import { TOPICS } from '../../lib/topics';
import { KIND_OPTIONS, SOURCE_OPTIONS } from '../shared/options';

/**
 * Outputs follow the rules, like n8n's Switch: one output per rule plus «Не распределено». This function is
 * sent to the editor as an expression, so it must stay plain, self-contained JavaScript.
 */
export const configuredOutputs = (parameters: {
	mode?: string;
	rules?: { rule?: Array<{ name?: string }> };
}) => {
	if (parameters.mode === 'table') {
		return [
			{ type: 'main', displayName: 'Распределено' },
			{ type: 'main', displayName: 'Не распределено' },
		];
	}
	const rules = (parameters.rules && parameters.rules.rule) || [];
	const outputs = rules.map((rule, index) => ({
		type: 'main',
		displayName: rule.name || 'Правило ' + (index + 1),
	}));
	outputs.push({ type: 'main', displayName: 'Не распределено' });
	return outputs;
};

export const FLAG_OPTIONS = [
	{ name: 'Анонимное', value: 'anonymous' },
	{ name: 'Враждебный тон', value: 'hostile' },
	{ name: 'Намерение жаловаться выше', value: 'escalation' },
	{ name: 'Нецензурная лексика', value: 'obscene' },
	{ name: 'Недоволен и пишет снова', value: 'unsatisfied_again' },
	{ name: 'Повторное без ответа', value: 'repeat_no_answer' },
	{ name: 'Повторное обращение', value: 'repeat' },
	{ name: 'Угроза', value: 'threat' },
];

/**
 * A rule's fields in the order a coordinator reads a rule: its name, the conditions (what, where, from where,
 * which kind, which signs, which words), then who gets it and how to reach them, then its own deadline. n8n shows
 * a fixedCollection's values as declared, so this order is the one on screen.
 */
const ruleValues: INodeProperties[] = [
	{
		displayName: 'Название (выход)',
		name: 'name',
		type: 'string',
		default: '',
		description: 'Имя выхода на схеме и в реестре',
	},
	{
		displayName: 'Темы',
		name: 'topics',
		type: 'multiOptions',
		options: TOPICS.map((t) => ({ name: t.label, value: t.id })),
		default: [],
	},
	{
		displayName: 'Поселения',
		name: 'settlements',
		type: 'string',
		default: '',
		placeholder: 'Дедовичи, Пожеревицкая волость',
		description: 'Через запятую: название или код поселения',
	},
	{
		displayName: 'Источники',
		name: 'sources',
		type: 'multiOptions',
		options: SOURCE_OPTIONS.filter((o) => o.value !== '*'),
		default: [],
	},
	{
		displayName: 'Виды',
		name: 'kinds',
		type: 'multiOptions',
		options: KIND_OPTIONS.filter((o) => o.value !== '*'),
		default: [],
	},
	{
		displayName: 'Признаки',
		name: 'flags',
		type: 'multiOptions',
		options: FLAG_OPTIONS,
		default: [],
	},
	{
		displayName: 'Ключевые слова',
		name: 'keywords',
		type: 'string',
		default: '',
		placeholder: 'яма, грейдер, ямочный ремонт',
		description: 'Через запятую; слова находятся в любой форме («яма» — «ямы», «ямами»)',
	},
	{ displayName: 'Подразделение', name: 'department', type: 'string', default: '' },
	{ displayName: 'Ответственный', name: 'responsible', type: 'string', default: '' },
	{
		displayName: 'Telegram (ID чата)',
		name: 'telegramChatId',
		type: 'string',
		default: '',
		description: 'Куда слать уведомления и напоминания ответственному',
	},
	{
		displayName: 'MAX (ID чата)',
		name: 'maxChatId',
		type: 'string',
		default: '',
		description: 'Чат или диалог ответственного в MAX для напоминаний',
	},
	{
		displayName: 'Электронная почта',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
	},
	{
		displayName: 'Срок (рабочих дней)',
		name: 'deadlineDays',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Свой срок для обращений по этому правилу; 0 — по общим правилам сроков',
	},
];

export const routingProperties: INodeProperties[] = [
	{
		displayName: 'Откуда правила',
		name: 'mode',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Правила в этом узле',
				value: 'rules',
				description: 'По выходу на каждое правило — ветки видны на схеме',
			},
			{
				name: 'Таблица (например, лист Google Таблицы)',
				value: 'table',
				description:
					'Строки с заголовками «Правило», «Темы», «Поселения», «Ключевые слова», «Подразделение»…',
			},
		],
		default: 'rules',
	},
	{
		displayName: 'Правила',
		name: 'rules',
		type: 'fixedCollection',
		// Each rule's card is titled by its name (empty name: n8n's «Правило N», the same as the output's name).
		typeOptions: {
			multipleValues: true,
			sortable: true,
			fixedCollection: { itemTitle: '={{ $collection.item.value.name }}' },
		},
		placeholder: 'Добавить правило',
		default: {},
		description: 'Проверяются сверху вниз. Пустое условие подходит к любому обращению.',
		displayOptions: { show: { mode: ['rules'] } },
		options: [{ displayName: 'Правило', name: 'rule', values: ruleValues }],
	},
	{
		displayName: 'Строки таблицы правил',
		name: 'table',
		type: 'json',
		default: "={{ $('Правила маршрутизации').all().map(item => item.json) }}",
		description:
			'Массив строк таблицы (JSON), например из узла Google Sheets, читающего лист «Правила маршрутизации»',
		displayOptions: { show: { mode: ['table'] } },
	},
	{
		displayName: 'Если подходит несколько правил',
		name: 'matchMode',
		type: 'options',
		options: [
			{ name: 'Первое подходящее', value: 'first' },
			{ name: 'Все подходящие (копия в каждый выход)', value: 'all' },
		],
		default: 'first',
	},
];
