import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { isoFilter, toIsoDateTime } from '../../../../lib/sources/common';
import { listFields } from '../../../shared/listFields';
import { readChangedSince } from '../../../shared/stagedCursor';
import { posListMessages, type PosCredentials } from '../../transport';
import { executePos } from '../common';

export const option = {
	name: 'Получить много',
	value: 'getMany',
	action: 'Получить список сообщений',
};

export const description: INodeProperties[] = [
	...listFields('сообщения', 'Первый запуск читает с даты «Изменены после».'),
	{
		displayName: 'Фильтры',
		name: 'filters',
		type: 'collection',
		placeholder: 'Добавить фильтр',
		default: {},
		options: [
			{
				displayName: 'Изменены после',
				name: 'updatedFrom',
				type: 'dateTime',
				default: '',
			},
			{
				displayName: 'Статусы',
				name: 'status',
				type: 'multiOptions',
				options: [
					{ name: 'Взято в работу', value: 'TAKE_TO_WORK' },
					{ name: 'Назначен исполнитель', value: 'SET_EXECUTOR' },
					{ name: 'Новое (модерация)', value: 'MODERATION_NEW' },
					{ name: 'Ответ отправлен', value: 'SEND_RESPONSE' },
					{ name: 'Отклонено модерацией', value: 'MODERATION_DECLINE' },
					{ name: 'Отложено', value: 'POSTPONE' },
					{ name: 'Перенаправлено вышестоящей', value: 'FORWARD_TO_PARENT' },
					{ name: 'Перенаправлено подведомственной', value: 'FORWARD_TO_SUBORDINATE' },
					{ name: 'Прошло модерацию', value: 'MODERATION_ACCEPT' },
				],
				default: [],
			},
		],
	},
];

interface Filters {
	updatedFrom?: string;
	status?: string[];
}

export async function execute(
	this: IExecuteFunctions,
	c: PosCredentials,
): Promise<INodeExecutionData[][]> {
	if (this.getNodeParameter('onlyChanged', 0, false) === true) {
		// One read per run (not per input item): the cursor belongs to the node.
		const filters = this.getNodeParameter('filters', 0, {}) as Filters;
		return readChangedSince(
			this,
			{
				fetch: async (from) =>
					posListMessages(this, c, { updatedFrom: from, status: filters.status }) as Promise<
						IDataObject[]
					>,
				stamp: (record) => ({
					id: String(record.posId ?? record.id ?? ''),
					at: toIsoDateTime(record.updatedAt) ?? toIsoDateTime(record.createdAt),
				}),
				firstFrom: isoFilter(filters.updatedFrom),
			},
			(records) =>
				executePos(this, c, async (i) => ({ records: i === 0 ? records : [], normalize: true })),
		);
	}
	return executePos(this, c, async (i) => {
		const filters = this.getNodeParameter('filters', i, {}) as Filters;
		const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
		const limit = returnAll ? undefined : (this.getNodeParameter('limit', i, 50) as number);
		return {
			records: await posListMessages(this, c, {
				updatedFrom: isoFilter(filters.updatedFrom),
				status: filters.status,
				limit,
			}),
			normalize: true,
		};
	});
}
