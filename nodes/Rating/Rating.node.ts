import { DateTime } from 'luxon';
import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { DEFAULT_POLICIES, selectPolicy, workingMinutesBetween } from '../../lib/deadlines';
import { DEFAULT_WEIGHTS, computeRating, sstuMonthlyTable, summarize, type RatingAppeal, type RatingWeights } from '../../lib/rating';
import { CALENDAR_OPTION_PROPERTIES, loadCalendar } from '../shared/calendar';

const GROUP_TITLES: Record<string, string> = { department: 'Подразделение', organization: 'Организация', settlement: 'Поселение' };
const pct = (x: number | null) => (x === null ? '' : Math.round(x * 100));

export class Rating implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'МЦУ: Рейтинг и сводка',
		name: 'rating',
		icon: 'file:rating.svg',
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"]}}',
		description: 'Рейтинг подразделений, организаций и поселений; сводный анализ за период; таблица в форме ССТУ',
		defaults: { name: 'МЦУ: Рейтинг' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{
				displayName: 'Что построить',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Рейтинг', value: 'rating', action: 'Построить рейтинг' },
					{ name: 'Сводка за период', value: 'summary', action: 'Построить сводку' },
					{ name: 'Таблица ССТУ за месяц', value: 'sstu', action: 'Построить таблицу ССТУ' },
				],
				default: 'rating',
			},
			{
				displayName: 'Начало периода',
				name: 'from',
				type: 'string',
				default: "={{ $now.minus({ months: 1 }).startOf('month').toISO() }}",
				displayOptions: { show: { operation: ['rating', 'summary'] } },
			},
			{
				displayName: 'Конец периода',
				name: 'to',
				type: 'string',
				default: "={{ $now.minus({ months: 1 }).endOf('month').toISO() }}",
				displayOptions: { show: { operation: ['rating', 'summary'] } },
			},
			{
				displayName: 'Месяц (ГГГГ-ММ)',
				name: 'month',
				type: 'string',
				default: "={{ $now.minus({ months: 1 }).toFormat('yyyy-MM') }}",
				displayOptions: { show: { operation: ['sstu'] } },
			},
			{
				displayName: 'Кого оценивать',
				name: 'groupBy',
				type: 'options',
				options: [
					{ name: 'Подразделения', value: 'department' },
					{ name: 'Муниципальные организации', value: 'organization' },
					{ name: 'Поселения', value: 'settlement' },
				],
				default: 'department',
				displayOptions: { show: { operation: ['rating'] } },
			},
			{
				displayName: 'Настройки',
				name: 'options',
				type: 'collection',
				placeholder: 'Добавить настройку',
				default: {},
				displayOptions: { show: { operation: ['rating'] } },
				options: [
					...CALENDAR_OPTION_PROPERTIES,
					// Literal defaults (the linter wants them): the same as DEFAULT_WEIGHTS in lib/rating.
					{ displayName: 'Вес: Без повторов', name: 'repeats', type: 'number', default: 10 },
					{ displayName: 'Вес: В срок', name: 'onTime', type: 'number', default: 30 },
					{ displayName: 'Вес: Качество ответов', name: 'quality', type: 'number', default: 15 },
					{ displayName: 'Вес: Первая реакция', name: 'reaction', type: 'number', default: 10 },
					{ displayName: 'Вес: Скорость ответа', name: 'speed', type: 'number', default: 20 },
					{ displayName: 'Вес: Удовлетворённость', name: 'satisfaction', type: 'number', default: 15 },
					{
						displayName: 'Минимум обращений для места в рейтинге',
						name: 'minVolume',
						type: 'number',
						default: 2,
						description: 'С меньшим числом обращений участник показывается, но места не получает (практика ЦУР: от 2 в месяц)',
					},
					{ displayName: 'Момент расчёта', name: 'now', type: 'string', default: '', description: 'Пусто — текущее время' },
				],
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const appeals = items.map((i) => i.json as unknown as RatingAppeal).filter((a) => typeof a.receivedAt === 'string');
		const operation = this.getNodeParameter('operation', 0) as string;
		const paired = items.map((_, i) => ({ item: i }));
		const out = (rows: IDataObject[]) => [rows.map((json) => ({ json, pairedItem: paired }))];
		if (operation === 'sstu') {
			const month = String(this.getNodeParameter('month', 0));
			if (!/^\d{4}-\d{2}$/.test(month)) throw new NodeOperationError(this.getNode(), `Месяц: ожидается ГГГГ-ММ, получено «${month}»`);
			return out(sstuMonthlyTable(appeals, month) as unknown as IDataObject[]);
		}
		const period = { from: String(this.getNodeParameter('from', 0)), to: String(this.getNodeParameter('to', 0)) };
		for (const [name, value] of Object.entries(period)) {
			if (Number.isNaN(Date.parse(value))) throw new NodeOperationError(this.getNode(), `${name === 'from' ? 'Начало' : 'Конец'} периода: не дата — «${value}»`);
		}
		const length = Date.parse(period.to) - Date.parse(period.from);
		const previousPeriod = { from: new Date(Date.parse(period.from) - length - 1000).toISOString(), to: new Date(Date.parse(period.from) - 1000).toISOString() };
		if (operation === 'summary') {
			const s = summarize(appeals, period, previousPeriod);
			const rows: IDataObject[] = [
				{ Раздел: 'Итого', Показатель: 'Обращений за период', Значение: s.total, 'Прошлый период': s.previousTotal, Рост: '' },
				{ Раздел: 'Итого', Показатель: 'Конфликтных', Значение: s.conflicts, 'Прошлый период': '', Рост: '' },
				{ Раздел: 'Итого', Показатель: 'Повторных и дублей', Значение: s.repeated, 'Прошлый период': '', Рост: '' },
				...s.topics.slice(0, 10).map((t) => ({ Раздел: 'Темы', Показатель: t.label, Значение: t.count, 'Прошлый период': t.previous, Рост: t.growth === null ? 'новое' : `${Math.round(t.growth * 100)}%` })),
				...s.settlements.slice(0, 10).map((t) => ({ Раздел: 'Поселения', Показатель: t.label, Значение: t.count, 'Прошлый период': t.previous, Рост: t.growth === null ? 'новое' : `${Math.round(t.growth * 100)}%` })),
			];
			return out(rows);
		}
		const options = this.getNodeParameter('options', 0, {}) as IDataObject;
		const calendar = await loadCalendar(this, options);
		const policy = selectPolicy(DEFAULT_POLICIES, 'im', 'incident');
		const groupBy = this.getNodeParameter('groupBy', 0) as 'department' | 'organization' | 'settlement';
		const weights: Partial<RatingWeights> = {};
		for (const k of Object.keys(DEFAULT_WEIGHTS) as Array<keyof RatingWeights>) if (typeof options[k] === 'number') weights[k] = options[k] as number;
		const now = String(options.now || DateTime.now().toISO());
		const result = computeRating(appeals, {
			period,
			previousPeriod,
			groupBy,
			weights,
			minVolume: (options.minVolume as number | undefined) ?? 2,
			now,
			// Speed in working hours of the office (calendar and 9:00–18:00).
			workingMinutes: (from, to) =>
				workingMinutesBetween(DateTime.fromISO(from, { setZone: true }), DateTime.fromISO(to, { setZone: true }), policy, calendar),
		});
		return out(
			result.rows.map((r) => ({
				Место: r.rank ?? '—',
				[GROUP_TITLES[groupBy]]: r.name,
				Поступило: r.received,
				Отвечено: r.answered,
				'В срок, %': pct(r.answeredOnTimeShare),
				'Первая реакция (медиана), раб. ч': r.medianFirstReactionHours ?? '',
				'Ответ (медиана), раб. ч': r.medianAnswerHours ?? '',
				'Ответ (90%), раб. ч': r.p90AnswerHours ?? '',
				'Просрочено сейчас': r.overdueNow,
				'Ошибок на ответ': r.qualityErrorsPerAnswer ?? '',
				'Удовлетворены, %': pct(r.satisfiedShare),
				'Повторные, %': pct(r.repeatedShare),
				Балл: r.score,
				'Изменение балла': r.change ? r.change.score : '',
				'Изменение места': r.change?.rank ?? '',
				'В рейтинге': r.ranked ? 'да' : `нет (меньше ${result.minVolume} обращений)`,
			})),
		);
	}
}
