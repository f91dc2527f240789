import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import {
	DEFAULT_DISABLED,
	QUALITY_MESSAGES,
	answerInputOf,
	checkAnswer,
	otherAnswerOf,
	type OtherAnswer,
	type QualityCode,
} from '../../../lib/quality';
import { asNodeError, errorItem, itemParameter } from '../../shared/items';
import { itemJson } from '../../shared/appealJson';

type CheckOptions = {
	minLength?: number;
	disabled?: QualityCode[];
	enabled?: QualityCode[];
	asErrors?: QualityCode[];
	asWarnings?: QualityCode[];
};

/** Every check as an option, by its Russian name. */
const checkOptions = () =>
	(Object.entries(QUALITY_MESSAGES) as Array<[QualityCode, string]>)
		.map(([value, name]) => ({ name, value }))
		.sort((a, b) => a.name.localeCompare(b.name));

export const description: INodeProperties[] = [
	{
		displayName: 'Настройки проверки',
		name: 'options',
		type: 'collection',
		placeholder: 'Добавить настройку',
		default: {},
		displayOptions: { show: { operation: ['check'] } },
		options: [
			{
				displayName: 'Включить проверки',
				name: 'enabled',
				type: 'multiOptions',
				description:
					'Проверки, выключенные по умолчанию из-за низкой точности на реальных ответах: «не о предмете обращения», «ссылки на нормы без разъяснения»',
				options: checkOptions().filter(({ value }) => DEFAULT_DISABLED.includes(value)),
				default: [],
			},
			{
				displayName: 'Минимальная длина ответа',
				name: 'minLength',
				type: 'number',
				default: 80,
				description:
					'Ответ короче (по существу, без приветствия) — «слишком короткий», если не называет действие и его предмет',
			},
			{
				displayName: 'Не проверять',
				name: 'disabled',
				type: 'multiOptions',
				options: checkOptions(),
				default: [],
			},
			{
				displayName: 'Считать замечаниями',
				name: 'asWarnings',
				type: 'multiOptions',
				description:
					'Ошибки, которые только показываются в отчёте и не отправляют ответ на доработку',
				options: checkOptions(),
				default: [],
			},
			{
				displayName: 'Считать ошибками',
				name: 'asErrors',
				type: 'multiOptions',
				description:
					'Замечания, которые тоже отправляют ответ на доработку (по умолчанию ошибки — только проверки с точностью ≥ 85%)',
				options: checkOptions(),
				default: [],
			},
		],
	},
];

/** Checks each answer; outputs «В порядке» and «На доработку». */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[][]> {
	const ok: INodeExecutionData[] = [];
	const attention: INodeExecutionData[] = [];
	const others = items.map((i) => otherAnswerOf(i.json)).filter((o): o is OtherAnswer => !!o);
	const optionsOf = itemParameter<CheckOptions>(this, 'options', {});
	for (let i = 0; i < items.length; i++) {
		const json = items[i].json;
		// Nothing to check while no answer is given (the deadline control watches those); an «answered» appeal
		// with an empty text is checked and fails as empty.
		const noAnswerYet =
			!String(json.answerText ?? '').trim() &&
			!['answered', 'closed'].includes(String(json.status));
		if (noAnswerYet || json.error) {
			ok.push({ json, pairedItem: { item: i } });
			continue;
		}
		try {
			const options = optionsOf(i);
			const result = checkAnswer(answerInputOf(json, others), {
				minLength: options.minLength,
				disabled: options.disabled,
				enabled: options.enabled,
				severity: Object.fromEntries([
					...(options.asWarnings ?? []).map((code) => [code, 'warning' as const]),
					...(options.asErrors ?? []).map((code) => [code, 'error' as const]),
				]),
			});
			(result.ok ? ok : attention).push({
				json: { ...json, answerCheck: itemJson(result) },
				pairedItem: { item: i },
			});
		} catch (error) {
			if (!this.continueOnFail()) throw asNodeError(this.getNode(), error, i);
			attention.push(errorItem(error as Error, json, i));
		}
	}
	return [ok, attention];
}
