import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import type { ExportField, ExportMapping } from '../../lib/sources/exports';
import { mapItems } from '../shared/items';
import { optionSubtitle } from '../shared/actions';
import { EXPORT_INPUTS, INPUTS, isNormalizeInput, normalizeItem } from './inputs';

const FIELD_OPTIONS: Array<{ name: string; value: ExportField }> = [
	{ name: 'Адрес', value: 'address' },
	{ name: 'Вид (сообщение / 59-ФЗ)', value: 'kind' },
	{ name: 'Дата ответа', value: 'answeredAt' },
	{ name: 'Дата поступления', value: 'createdAt' },
	{ name: 'Электронная почта заявителя', value: 'email' },
	{ name: 'Заявитель', value: 'author' },
	{ name: 'Исполнитель', value: 'responsible' },
	{ name: 'Категория', value: 'category' },
	{ name: 'Номер', value: 'id' },
	{ name: 'Подкатегория', value: 'subcategory' },
	{ name: 'Оценка', value: 'rating' },
	{ name: 'Поселение', value: 'settlement' },
	{ name: 'Ссылка на публикацию', value: 'postUrl' },
	{ name: 'Срок', value: 'deadline' },
	{ name: 'Статус', value: 'status' },
	{ name: 'Телефон заявителя', value: 'phone' },
	{ name: 'Текст', value: 'text' },
	{ name: 'Текст ответа', value: 'answerText' },
];

export class Normalize implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'МЦУ: Нормализация',
		name: 'normalize',
		icon: { light: 'file:normalize.svg', dark: 'file:normalize.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: optionSubtitle('input', Object.fromEntries(Object.entries(INPUTS).map(([value, input]) => [value, input.subtitle]))),
		description:
			'Превращает выгрузки кабинетов ПОС и ИМ (XLSX/CSV), обновления Telegram и MAX, события VK в обращения единого формата',
		defaults: { name: 'МЦУ: Нормализация' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{
				displayName: 'Что на входе',
				name: 'input',
				type: 'options',
				options: Object.entries(INPUTS).map(([value, input]) => ({ name: input.label, value })),
				default: 'posExport',
			},
			{
				displayName: 'Столбцы выгрузки',
				name: 'mapping',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Указать столбец',
				default: {},
				description: 'Только если названия столбцов в вашей выгрузке отличаются от стандартных (см. README).',
				displayOptions: { show: { input: EXPORT_INPUTS } },
				options: [
					{
						displayName: 'Столбец',
						name: 'column',
						values: [
							{ displayName: 'Заголовок в файле', name: 'header', type: 'string', default: '' },
							{ displayName: 'Поле', name: 'field', type: 'options', options: FIELD_OPTIONS, default: 'text' },
						],
					},
				],
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const input = this.getNodeParameter('input', 0) as string;
		if (!isNormalizeInput(input)) throw new NodeOperationError(this.getNode(), `Неизвестный вход «${input}»`);
		const columns = ((this.getNodeParameter('mapping', 0, {}) as IDataObject).column ?? []) as Array<{ field: ExportField; header: string }>;
		const mapping: ExportMapping = Object.fromEntries(columns.filter((c) => c.header?.trim()).map((c) => [c.field, c.header.trim()]));
		return [mapItems(this, (json) => normalizeItem(input, json, mapping))];
	}
}
