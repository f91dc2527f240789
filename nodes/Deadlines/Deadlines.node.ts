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
import {
	DEFAULT_POLICIES,
	applyDeadline,
	mergePolicies,
	type DayOffRule,
	type DeadlineUnit,
	type PolicyOverride,
} from '../../lib/deadlines';
import { CALENDAR_OPTION_PROPERTIES, loadCalendar } from '../shared/calendar';
import { mapItems } from '../shared/items';
import { KIND_OPTIONS, SOURCE_OPTIONS } from '../shared/options';

interface RuleParameter {
	source: PolicyOverride['source'];
	kind: PolicyOverride['kind'];
	unit: DeadlineUnit;
	amount: number;
	extensionDays: number;
	dayOff: DayOffRule;
}

export class Deadlines implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'МЦУ: Сроки',
		name: 'deadlines',
		usableAsTool: true,
		icon: { light: 'file:deadlines.svg', dark: 'file:deadlines.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["sourceDeadline"] === "recompute" ? "пересчёт сроков" : "сроки и статусы"}}',
		description: 'Срок ответа, статус (в срок, истекает, просрочено) и остаток времени по каждому обращению',
		defaults: { name: 'МЦУ: Сроки' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{
				displayName: 'Момент расчёта',
				name: 'now',
				type: 'string',
				default: '',
				placeholder: '2026-05-06T10:00:00+03:00',
				description: 'На какой момент считать статус. Пусто — текущее время.',
			},
			{
				displayName: 'Срок из источника',
				name: 'sourceDeadline',
				type: 'options',
				options: [
					{
						name: 'Использовать, если есть',
						value: 'keep',
						description: 'Срок, который прислал ПОС или ИМ, считается главным',
					},
					{
						name: 'Всегда пересчитывать',
						value: 'recompute',
						description: 'Срок считается по правилам ниже, даже если источник прислал свой',
					},
				],
				default: 'keep',
			},
			{
				displayName: 'Свои правила сроков',
				name: 'rules',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Добавить правило',
				default: {},
				description:
					'Заменяют правила по умолчанию (59-ФЗ: 30 дней; ПОС: 30 дней; ИМ: 8 рабочих часов; соцсети: 1 рабочий день) для выбранного источника и вида',
				options: [
					{
						displayName: 'Правило',
						name: 'rule',
						values: [
							{ displayName: 'Вид', name: 'kind', type: 'options', options: KIND_OPTIONS, default: '*' },
							{
								displayName: 'Единица',
								name: 'unit',
								type: 'options',
								options: [
									{ name: 'Календарные дни', value: 'calendar_days' },
									{ name: 'Рабочие дни', value: 'working_days' },
									{ name: 'Рабочие часы', value: 'working_hours' },
								],
								default: 'calendar_days',
							},
							{
								displayName: 'Если срок выпал на выходной',
								name: 'dayOff',
								type: 'options',
								options: [
									{ name: 'Предыдущий рабочий день', value: 'previous' },
									{ name: 'Следующий рабочий день', value: 'next' },
									{ name: 'Не переносить', value: 'keep' },
								],
								default: 'previous',
							},
							{ displayName: 'Источник', name: 'source', type: 'options', options: SOURCE_OPTIONS, default: 'pos' },
							{
								displayName: 'Продление (календарных дней)',
								name: 'extensionDays',
								type: 'number',
								typeOptions: { minValue: 0 },
								default: 0,
								description: 'Насколько срок можно продлить; 0 — продление не предусмотрено',
							},
							{ displayName: 'Срок', name: 'amount', type: 'number', typeOptions: { minValue: 1 }, default: 30 },
						],
					},
				],
			},
			{
				displayName: 'Настройки',
				name: 'options',
				type: 'collection',
				placeholder: 'Добавить настройку',
				default: {},
				options: [
					{
						displayName: '«Истекает» за (рабочих дней)',
						name: 'dueSoonDays',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 3,
						description: 'Для сроков в днях: статус «срок истекает», когда осталось столько рабочих дней или меньше',
					},
					{
						displayName: '«Истекает» за (рабочих часов)',
						name: 'dueSoonHours',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 2,
						description: 'Для сроков в часах: статус «срок истекает», когда осталось столько рабочих часов или меньше',
					},
					...CALENDAR_OPTION_PROPERTIES,
					{
						displayName: 'Конец рабочего дня',
						name: 'officeEnd',
						type: 'string',
						default: '18:00',
					},
					{
						displayName: 'Начало рабочего дня',
						name: 'officeStart',
						type: 'string',
						default: '09:00',
					},
					{
						displayName: 'Часовой пояс',
						name: 'timeZone',
						type: 'string',
						default: 'Europe/Moscow',
						description: 'Часовой пояс администрации (Псковская область — Europe/Moscow)',
					},
				],
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const options = this.getNodeParameter('options', 0, {}) as IDataObject;
		const nowParam = (this.getNodeParameter('now', 0, '') as string).trim();
		const now = nowParam ? DateTime.fromISO(nowParam, { setZone: true }) : DateTime.now();
		if (!now.isValid) {
			throw new NodeOperationError(this.getNode(), `«Момент расчёта»: не дата ISO 8601 — «${nowParam}»`);
		}
		let calendar;
		try {
			calendar = await loadCalendar(this, options);
		} catch (error) {
			throw new NodeOperationError(this.getNode(), error as Error, { description: 'Не удалось загрузить производственный календарь из настроек узла' });
		}
		const rules = ((this.getNodeParameter('rules', 0, {}) as IDataObject).rule ?? []) as RuleParameter[];
		const common = {
			officeHours: {
				start: (options.officeStart as string) || '09:00',
				end: (options.officeEnd as string) || '18:00',
				shortenedByMinutes: 60,
			},
			timeZone: (options.timeZone as string) || 'Europe/Moscow',
		};
		const base = DEFAULT_POLICIES.map((p) => ({ ...p, ...common }));
		const policies = mergePolicies(
			base,
			rules.map((r) => ({
				source: r.source,
				kind: r.kind,
				unit: r.unit,
				amount: r.amount,
				dayOff: r.dayOff,
				extension: r.extensionDays > 0 ? { unit: 'calendar_days' as const, amount: r.extensionDays } : null,
				basis: 'Правило, заданное в узле «МЦУ: Сроки»',
			})),
		);
		const sourceDeadline = this.getNodeParameter('sourceDeadline', 0, 'keep') as 'keep' | 'recompute';
		const dueSoon = {
			workingDays: (options.dueSoonDays as number | undefined) ?? 3,
			workingHours: (options.dueSoonHours as number | undefined) ?? 2,
		};
		const out = mapItems(this, (json) => {
			const result = applyDeadline(json, { policies, calendar, now, sourceDeadline, dueSoon });
			return { ...json, ...result } as unknown as IDataObject;
		});
		return [out];
	}
}
