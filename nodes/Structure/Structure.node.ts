import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { createClassifier, parseDictionaryRows, structureBatch, type TopicDictionary } from '../../lib/classify';
import { TOPICS } from '../../lib/topics';
import { errorItem } from '../shared/items';

export class Structure implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'МЦУ: Структурирование',
		name: 'structure',
		icon: 'file:structure.svg',
		group: ['transform'],
		version: 1,
		subtitle: 'тема, ТОТК, поселение, конфликты, повторы',
		description:
			'Тема и код ТОТК, вид обращения, поселение и адрес — с объяснением; признаки конфликта; повторы, дубли и очаги проблем',
		defaults: { name: 'МЦУ: Структурирование' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Обращения', 'На ручную разметку'],
		properties: [
			{
				displayName: 'Свои Слова Тем',
				name: 'terms',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Добавить слова',
				default: {},
				description: 'Дополняют встроенный словарь (слова находятся в любой форме)',
				options: [
					{
						displayName: 'Тема',
						name: 'topic',
						values: [
							{ displayName: 'Слова', name: 'words', type: 'string', default: '', placeholder: 'гравийка, отсыпка:3', description: 'Через запятую; «:3» — вес слова (1–4)' },
							{ displayName: 'Тема', name: 'topic', type: 'options', options: TOPICS.map((t) => ({ name: t.label, value: t.id })), default: 'roads' },
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
						displayName: 'Искать Конфликты',
						name: 'conflicts',
						type: 'boolean',
						default: true,
						description: 'Whether to flag obscene or hostile language, threats, intent to complain higher, repeated follow-ups',
					},
					{
						displayName: 'Искать Повторы И Очаги',
						name: 'repeats',
						type: 'boolean',
						default: true,
						description: 'Whether to link repeats and duplicates within the batch and find clusters of one problem',
					},
					{
						displayName: 'Минимальный Вес Темы',
						name: 'minScore',
						type: 'number',
						default: 3,
						description: 'Ниже — тема «не определено» и обращение уходит на ручную разметку',
					},
					{
						displayName: 'Окно Повторов (Дней)',
						name: 'windowDays',
						type: 'number',
						default: 30,
					},
					{
						displayName: 'Словарь Из Таблицы',
						name: 'dictionaryMode',
						type: 'options',
						options: [
							{ name: 'Дополняет Встроенный', value: 'extend' },
							{ name: 'Заменяет Встроенный', value: 'replace' },
						],
						default: 'extend',
					},
					{
						displayName: 'Словарь Из Таблицы (Строки)',
						name: 'dictionaryRows',
						type: 'json',
						default: '[]',
						description: 'Строки листа со столбцами «Тема» и «Слова», например из узла Google Sheets',
					},
				],
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const options = this.getNodeParameter('options', 0, {}) as IDataObject;
		let classifier;
		try {
			const dictionary: TopicDictionary = {};
			for (const row of ((this.getNodeParameter('terms', 0, {}) as IDataObject).topic ?? []) as Array<{ topic: string; words: string }>) {
				Object.assign(dictionary, mergeInto(dictionary, parseDictionaryRows([{ Тема: row.topic, Слова: row.words }])));
			}
			const rawRows = options.dictionaryRows ?? [];
			const rows = typeof rawRows === 'string' ? (JSON.parse(rawRows || '[]') as unknown) : rawRows;
			if (!Array.isArray(rows)) throw new NodeOperationError(this.getNode(), 'Словарь из таблицы: ожидается массив строк');
			Object.assign(dictionary, mergeInto(dictionary, parseDictionaryRows(rows as Array<Record<string, unknown>>)));
			classifier = createClassifier({
				dictionary,
				mode: (options.dictionaryMode as 'extend' | 'replace') ?? 'extend',
				minScore: (options.minScore as number | undefined) ?? 3,
			});
		} catch (error) {
			throw new NodeOperationError(this.getNode(), error as Error, { description: 'Словарь тем не прочитан' });
		}
		const good: Array<{ record: IDataObject; index: number }> = [];
		const bad: INodeExecutionData[] = [];
		items.forEach((item, index) => {
			if (typeof item.json.text !== 'string' || typeof item.json.id !== 'string') {
				const error = Object.assign(new Error(`Запись без ${typeof item.json.id !== 'string' ? 'id' : 'текста'}: нечего структурировать`), {
					field: typeof item.json.id !== 'string' ? 'id' : 'text',
				});
				if (!this.continueOnFail()) throw new NodeOperationError(this.getNode(), error, { itemIndex: index });
				bad.push(errorItem(error, item.json, index));
				return;
			}
			good.push({ record: item.json, index });
		});
		const structured = structureBatch(good.map((g) => g.record), {
			classifier,
			conflicts: options.conflicts !== false,
			repeats: options.repeats !== false,
			windowDays: (options.windowDays as number | undefined) ?? 30,
		});
		const main: INodeExecutionData[] = [];
		const review: INodeExecutionData[] = [...bad];
		structured.forEach((json, i) => {
			const target = (json.classification as { needsReview?: boolean }).needsReview ? review : main;
			target.push({ json: json as IDataObject, pairedItem: { item: good[i].index } });
		});
		return [main, review];
	}
}

function mergeInto(target: TopicDictionary, extra: TopicDictionary): TopicDictionary {
	const out: TopicDictionary = { ...target };
	for (const [topic, terms] of Object.entries(extra)) out[topic] = [...(out[topic] ?? []), ...terms];
	return out;
}
