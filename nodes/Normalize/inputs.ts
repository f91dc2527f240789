import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import type { Appeal } from '../../lib/appeal';
import {
	normalizeExportRow,
	type ExportField,
	type ExportMapping,
} from '../../lib/sources/exports';
import { normalizeIm } from '../../lib/sources/im';
import { normalizeMax } from '../../lib/sources/max';
import { normalizePos } from '../../lib/sources/pos';
import { normalizeTelegram } from '../../lib/sources/telegram';
import { normalizeVkEvent } from '../../lib/sources/vk';
import { mapItems } from '../shared/items';
import { itemJson } from '../shared/appealJson';

/**
 * What can come in, by the value of the node's «Что на входе» (`input` in version 1, `operation` since version 2);
 * `action` names it in the nodes panel (version 2).
 */
export const INPUTS = {
	posExport: {
		label: 'Выгрузка кабинета ПОС (строки таблицы)',
		subtitle: 'выгрузка ПОС',
		action: 'Нормализовать выгрузку ПОС',
	},
	imExport: {
		label: 'Выгрузка кабинета ИМ (строки таблицы)',
		subtitle: 'выгрузка ИМ',
		action: 'Нормализовать выгрузку ИМ',
	},
	posApi: {
		label: 'Запись API ПОС',
		subtitle: 'запись API ПОС',
		action: 'Нормализовать запись API ПОС',
	},
	imApi: {
		label: 'Запись API ИМ',
		subtitle: 'запись API ИМ',
		action: 'Нормализовать запись API ИМ',
	},
	max: {
		label: 'Обновление MAX (Bot API)',
		subtitle: 'обновление MAX',
		action: 'Нормализовать обновление MAX',
	},
	telegram: {
		label: 'Обновление Telegram (Telegram Trigger)',
		subtitle: 'обновление Telegram',
		action: 'Нормализовать обновление Telegram',
	},
	vkEvent: {
		label: 'Событие ВКонтакте (Callback / Long Poll)',
		subtitle: 'событие ВКонтакте',
		action: 'Нормализовать событие ВКонтакте',
	},
} as const;

export type NormalizeInput = keyof typeof INPUTS;

/** Inputs whose rows may name their columns differently (the «Столбцы выгрузки» mapping applies). */
export const EXPORT_INPUTS: NormalizeInput[] = ['posExport', 'imExport'];

type Normalizer = (json: IDataObject, mapping: ExportMapping) => Appeal;

const NORMALIZERS: Record<NormalizeInput, Normalizer> = {
	posExport: (json, mapping) => normalizeExportRow(json, 'pos', mapping),
	imExport: (json, mapping) => normalizeExportRow(json, 'im', mapping),
	posApi: (json) => normalizePos(json),
	imApi: (json) => normalizeIm(json),
	max: (json) => normalizeMax(json),
	telegram: (json) => normalizeTelegram(json),
	vkEvent: (json) =>
		normalizeVkEvent({
			type: textOf(json.type),
			object: json.object,
			event_id: textOf(json.event_id),
		}),
};

const textOf = (v: unknown) => (typeof v === 'string' ? v : undefined);

export const isNormalizeInput = (value: string): value is NormalizeInput =>
	Object.prototype.hasOwnProperty.call(INPUTS, value);

/** The record as an appeal, in the shape n8n items carry (an Appeal's own extension fields are `unknown` to TypeScript). */
export function normalizeItem(
	input: NormalizeInput,
	json: IDataObject,
	mapping: ExportMapping,
): IDataObject {
	return itemJson(NORMALIZERS[input](json, mapping));
}

/** The canvas subtitle of each input, by its value. */
export const INPUT_SUBTITLES: Record<string, string> = Object.fromEntries(
	Object.entries(INPUTS).map(([value, input]) => [value, input.subtitle]),
);

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

/** «Столбцы выгрузки»: the export's own column names, for the export inputs (each version shows it for them). */
export const MAPPING_PROPERTY: INodeProperties = {
	displayName: 'Столбцы выгрузки',
	name: 'mapping',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Указать столбец',
	default: {},
	description:
		'Только если названия столбцов в вашей выгрузке отличаются от стандартных (см. README).',
	options: [
		{
			displayName: 'Столбец',
			name: 'column',
			values: [
				{ displayName: 'Заголовок в файле', name: 'header', type: 'string', default: '' },
				{
					displayName: 'Поле',
					name: 'field',
					type: 'options',
					options: FIELD_OPTIONS,
					default: 'text',
				},
			],
		},
	],
};

/** Every input item as an appeal of `input` (the node's run, whichever version chose the input). */
export function normalizeInputItems(
	ctx: IExecuteFunctions,
	input: NormalizeInput,
): INodeExecutionData[][] {
	const columns = ((ctx.getNodeParameter('mapping', 0, {}) as IDataObject).column ?? []) as Array<{
		field: ExportField;
		header: string;
	}>;
	const mapping: ExportMapping = Object.fromEntries(
		columns.filter((c) => c.header?.trim()).map((c) => [c.field, c.header.trim()]),
	);
	return [mapItems(ctx, (json) => normalizeItem(input, json, mapping))];
}
