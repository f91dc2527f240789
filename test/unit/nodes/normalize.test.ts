import { NodeOperationError, type IDataObject } from 'n8n-workflow';
import { Normalize } from '../../../nodes/Normalize/Normalize.node';
import { INPUTS, type NormalizeInput } from '../../../nodes/Normalize/inputs';
import { executeContext } from '../../helpers/executeContext';

// One small hand-written record per input: each input must reach its own normalizer.
const RECORDS: Record<NormalizeInput, { record: IDataObject; id: string; parameters?: Record<string, unknown> }> = {
	posExport: { record: { 'Номер сообщения': 71, 'Дата создания': '02.10.2026 10:00', 'Текст сообщения': 'Лужа у школы' }, id: 'pos:71' },
	imExport: {
		record: { '№': 'A7', Когда: '03.10.2026 11:30', Описание: 'Не убран снег' },
		id: 'im:A7',
		parameters: { mapping: { column: [{ field: 'id', header: '№' }, { field: 'createdAt', header: ' Когда ' }, { field: 'text', header: 'Описание' }, { field: 'address', header: '' }] } },
	},
	posApi: { record: { id: 81, description: 'Сломана скамейка', createdAt: '2026-10-01T09:15:00+03:00', status: 'MODERATION_NEW', history: [] }, id: 'pos:81' },
	imApi: { record: { id: 'INC-9', createdAt: '2026-11-02T14:10:00+03:00', status: 'in_work', text: 'Нет света во дворе' }, id: 'im:INC-9' },
	max: {
		record: {
			update_type: 'message_created',
			timestamp: 1795000000000,
			message: {
				sender: { user_id: 5, first_name: 'Ольга', is_bot: false },
				recipient: { chat_id: 900, chat_type: 'dialog', user_id: 1 },
				timestamp: 1795000000000,
				body: { mid: 'mid.x1', seq: 1, text: 'Не вывезли мусор', attachments: null },
			},
		},
		id: 'max:mid.x1',
	},
	telegram: { record: { update_id: 3, message: { message_id: 11, date: 1790000000, text: 'Протекает крыша', chat: { id: 42, type: 'private' }, from: { id: 42, first_name: 'Анна' } } }, id: 'telegram:42_11' },
	vkEvent: { record: { type: 'message_new', object: { message: { id: 9, from_id: 501, peer_id: 501, date: 1790000000, text: 'Когда починят фонарь?' } } }, id: 'vk:msg501_9' },
};

const run = (input: string, records: IDataObject[], parameters: Record<string, unknown> = {}, continueOnFail = false) =>
	new Normalize().execute.call(executeContext('МЦУ: Нормализация', records, { parameters: { input, ...parameters }, continueOnFail }));

describe('«МЦУ: Нормализация» node', () => {
	it.each(Object.keys(INPUTS) as NormalizeInput[])('%s: the record becomes an appeal of its source, paired with its item', async (input) => {
		const { record, id, parameters } = RECORDS[input];
		const [[item]] = await run(input, [record], parameters);
		expect(item.json.id).toBe(id);
		expect(item.json.source).toBe(id.split(':')[0]);
		expect(item.pairedItem).toEqual({ item: 0 });
	});

	it('a record a normalizer rejects stops the run, or becomes an error item with continue-on-fail', async () => {
		const good = RECORDS.posExport.record;
		const bad = { 'Номер сообщения': 72, 'Дата создания': 'вчера', 'Текст сообщения': 'Текст' };
		await expect(run('posExport', [good, bad])).rejects.toThrow(NodeOperationError);
		const [items] = await run('posExport', [good, bad], {}, true);
		expect(items.map((i) => [i.json.id ?? 'error', i.pairedItem])).toEqual([
			['pos:71', { item: 0 }],
			['error', { item: 1 }],
		]);
		expect(items[1].json.error).toEqual(expect.stringContaining('Дата создания'));
	});

	it('an unknown input is a NodeOperationError, not a silent guess', async () => {
		await expect(run('okComment', [RECORDS.posExport.record])).rejects.toThrow('Неизвестный вход «okComment»');
	});
});
