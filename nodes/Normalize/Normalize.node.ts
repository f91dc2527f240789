import {
	NodeConnectionTypes,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { normalizeExportRow, type ExportField, type ExportMapping } from '../../lib/sources/exports';
import { normalizeIm } from '../../lib/sources/im';
import { normalizePos } from '../../lib/sources/pos';
import { normalizeMax } from '../../lib/sources/max';
import { normalizeTelegram } from '../../lib/sources/telegram';
import { normalizeVkEvent } from '../../lib/sources/vk';
import { mapItems } from '../shared/items';

const FIELD_OPTIONS: Array<{ name: string; value: ExportField }> = [
	{ name: 'Адрес', value: 'address' },
	{ name: 'Вид (сообщение / 59-ФЗ)', value: 'kind' },
	{ name: 'Дата ответа', value: 'answeredAt' },
	{ name: 'Дата поступления', value: 'createdAt' },
	{ name: 'E-Mail заявителя', value: 'email' },
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
		icon: 'file:normalize.svg',
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["input"]}}',
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
				options: [
					{ name: 'Выгрузка кабинета ИМ (строки таблицы)', value: 'imExport' },
					{ name: 'Выгрузка кабинета ПОС (строки таблицы)', value: 'posExport' },
					{ name: 'Запись API ИМ', value: 'imApi' },
					{ name: 'Запись API ПОС', value: 'posApi' },
					{ name: 'Обновление MAX (Bot API)', value: 'max' },
					{ name: 'Обновление Telegram (Telegram Trigger)', value: 'telegram' },
					{ name: 'Событие ВКонтакте (Callback / Long Poll)', value: 'vkEvent' },
				],
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
				displayOptions: { show: { input: ['posExport', 'imExport'] } },
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
		const columns = ((this.getNodeParameter('mapping', 0, {}) as IDataObject).column ?? []) as Array<{ field: ExportField; header: string }>;
		const mapping: ExportMapping = Object.fromEntries(columns.filter((c) => c.header?.trim()).map((c) => [c.field, c.header.trim()]));
		return [
			mapItems(this, (json) => {
				switch (input) {
					case 'posExport':
						return normalizeExportRow(json, 'pos', mapping) as unknown as IDataObject;
					case 'imExport':
						return normalizeExportRow(json, 'im', mapping) as unknown as IDataObject;
					case 'posApi':
						return normalizePos(json) as unknown as IDataObject;
					case 'imApi':
						return normalizeIm(json) as unknown as IDataObject;
					case 'max':
						return normalizeMax(json) as unknown as IDataObject;
					case 'telegram':
						return normalizeTelegram(json) as unknown as IDataObject;
					default:
						return normalizeVkEvent(json as { type?: string; object?: unknown }) as unknown as IDataObject;
				}
			}),
		];
	}
}
