import type { INodeProperties } from 'n8n-workflow';

/**
 * «Вернуть все», «Не больше» and «Только изменённые с прошлого запуска» of a source's list operation (ПОС, ИМ): the
 * staged cursor (shared/stagedCursor.ts) reads what changed since the last run, so the limit fields hide then.
 * `records` names what is read («сообщения»), `firstRun` says where the first run starts.
 */
export function listFields(records: string, firstRun: string): INodeProperties[] {
	return [
		{
			displayName: 'Вернуть все',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Вернуть все найденные записи или не больше заданного числа',
			displayOptions: { hide: { onlyChanged: [true] } },
		},
		{
			displayName: 'Не больше',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Наибольшее число записей в ответе',
			displayOptions: { show: { returnAll: [false] }, hide: { onlyChanged: [true] } },
		},
		{
			displayName: 'Только изменённые с прошлого запуска',
			name: 'onlyChanged',
			type: 'boolean',
			default: false,
			description: `Вернуть только ${records}, новые или изменённые после прошлого запуска этого процесса (по времени изменения, с перекрытием 5 минут, каждое изменение один раз). ${firstRun} Запуск с ошибкой не сдвигает позицию: следующий прочитает те же ${records} снова.`,
		},
	];
}
