import type { IDataObject } from 'n8n-workflow';
import type { Appeal } from '../../lib/appeal';
import { normalizeExportRow, type ExportMapping } from '../../lib/sources/exports';
import { normalizeIm } from '../../lib/sources/im';
import { normalizeMax } from '../../lib/sources/max';
import { normalizePos } from '../../lib/sources/pos';
import { normalizeTelegram } from '../../lib/sources/telegram';
import { normalizeVkEvent } from '../../lib/sources/vk';

/** What can come in, by the value of the node's «Что на входе» (`input`). */
export const INPUTS = {
	posExport: { label: 'Выгрузка кабинета ПОС (строки таблицы)', subtitle: 'выгрузка ПОС' },
	imExport: { label: 'Выгрузка кабинета ИМ (строки таблицы)', subtitle: 'выгрузка ИМ' },
	posApi: { label: 'Запись API ПОС', subtitle: 'запись API ПОС' },
	imApi: { label: 'Запись API ИМ', subtitle: 'запись API ИМ' },
	max: { label: 'Обновление MAX (Bot API)', subtitle: 'обновление MAX' },
	telegram: { label: 'Обновление Telegram (Telegram Trigger)', subtitle: 'обновление Telegram' },
	vkEvent: { label: 'Событие ВКонтакте (Callback / Long Poll)', subtitle: 'событие ВКонтакте' },
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
	vkEvent: (json) => normalizeVkEvent({ type: textOf(json.type), object: json.object, event_id: textOf(json.event_id) }),
};

const textOf = (v: unknown) => (typeof v === 'string' ? v : undefined);

export const isNormalizeInput = (value: string): value is NormalizeInput => Object.prototype.hasOwnProperty.call(INPUTS, value);

/** The record as an appeal, in the shape n8n items carry (an Appeal's own extension fields are `unknown` to TypeScript). */
export function normalizeItem(input: NormalizeInput, json: IDataObject, mapping: ExportMapping): IDataObject {
	return NORMALIZERS[input](json, mapping) as unknown as IDataObject;
}
