import {
	NodeOperationError,
	type IDataObject,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { Normalize } from '../../../nodes/Normalize/Normalize.node';
import { INPUTS, type NormalizeInput } from '../../../nodes/Normalize/inputs';
import { visibleFields } from '../../helpers/actions';
import { executeContext } from '../../helpers/executeContext';

// One small hand-written record per input: each input must reach its own normalizer.
const RECORDS: Record<
	NormalizeInput,
	{ record: IDataObject; id: string; parameters?: Record<string, unknown> }
> = {
	posExport: {
		record: {
			'Номер сообщения': 71,
			'Дата создания': '02.10.2026 10:00',
			'Текст сообщения': 'Лужа у школы',
		},
		id: 'pos:71',
	},
	imExport: {
		record: { '№': 'A7', Когда: '03.10.2026 11:30', Описание: 'Не убран снег' },
		id: 'im:A7',
		parameters: {
			mapping: {
				column: [
					{ field: 'id', header: '№' },
					{ field: 'createdAt', header: ' Когда ' },
					{ field: 'text', header: 'Описание' },
					{ field: 'address', header: '' },
				],
			},
		},
	},
	posApi: {
		record: {
			id: 81,
			description: 'Сломана скамейка',
			createdAt: '2026-10-01T09:15:00+03:00',
			status: 'MODERATION_NEW',
			history: [],
		},
		id: 'pos:81',
	},
	imApi: {
		record: {
			id: 'INC-9',
			createdAt: '2026-11-02T14:10:00+03:00',
			status: 'in_work',
			text: 'Нет света во дворе',
		},
		id: 'im:INC-9',
	},
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
	telegram: {
		record: {
			update_id: 3,
			message: {
				message_id: 11,
				date: 1790000000,
				text: 'Протекает крыша',
				chat: { id: 42, type: 'private' },
				from: { id: 42, first_name: 'Анна' },
			},
		},
		id: 'telegram:42_11',
	},
	vkEvent: {
		record: {
			type: 'message_new',
			object: {
				message: {
					id: 9,
					from_id: 501,
					peer_id: 501,
					date: 1790000000,
					text: 'Когда починят фонарь?',
				},
			},
		},
		id: 'vk:msg501_9',
	},
};

const execute = (
	version: number,
	records: IDataObject[],
	parameters: Record<string, unknown>,
	continueOnFail: boolean,
) =>
	new Normalize()
		.getNodeType(version)
		.execute!.call(
			executeContext('МЦУ: Нормализация', records, { parameters, continueOnFail }),
		) as Promise<INodeExecutionData[][]>;

/** Version 2 (the default): the input is the node's `operation`. */
/** The fields version 2 shows for each of its operations. */
const visibleInputs = (properties: INodeProperties[]) =>
	Object.fromEntries(
		Object.keys(INPUTS).map((operation) => [operation, visibleFields(properties, { operation })]),
	);

const run = (
	input: string,
	records: IDataObject[],
	parameters: Record<string, unknown> = {},
	continueOnFail = false,
) => execute(2, records, { operation: input, ...parameters }, continueOnFail);

/** Version 1, as workflows saved before version 2 have it: the input is the parameter `input`. */
const runV1 = (
	input: string,
	records: IDataObject[],
	parameters: Record<string, unknown> = {},
	continueOnFail = false,
) => execute(1, records, { input, ...parameters }, continueOnFail);

describe('«МЦУ: Нормализация» node', () => {
	it.each(Object.keys(INPUTS) as NormalizeInput[])(
		'%s: the record becomes an appeal of its source, paired with its item',
		async (input) => {
			const { record, id, parameters } = RECORDS[input];
			const [[item]] = await run(input, [record], parameters);
			expect(item.json.id).toBe(id);
			expect(item.json.source).toBe(id.split(':')[0]);
			expect(item.pairedItem).toEqual({ item: 0 });
		},
	);

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
		await expect(run('okComment', [RECORDS.posExport.record])).rejects.toThrow(
			'Неизвестная операция «okComment»',
		);
		await expect(runV1('okComment', [RECORDS.posExport.record])).rejects.toThrow(
			'Неизвестный вход «okComment»',
		);
	});

	it('a node saved with version 1 (parameter `input`) still normalizes every input as version 2 does', async () => {
		for (const input of Object.keys(INPUTS) as NormalizeInput[]) {
			const { record, parameters } = RECORDS[input];
			const [v1] = await runV1(input, [record], parameters);
			const [v2] = await run(input, [record], parameters);
			expect(v1).toEqual(v2);
		}
		// Version 1 reads `input`, not `operation`; version 2 the other way round.
		const [[pos]] = await runV1('posApi', [RECORDS.posApi.record], { operation: 'imApi' });
		expect(pos.json.id).toBe('pos:81');
		const [[im]] = await run('imApi', [RECORDS.imApi.record], { input: 'posApi' });
		expect(im.json.id).toBe('im:INC-9');
	});

	it('new nodes get version 2; version 1 keeps its `input` selector and its mapping field for the exports', () => {
		const node = new Normalize();
		expect(node.description.defaultVersion).toBe(2);
		expect(node.getNodeType().description.version).toBe(2);
		const selectors = (version: number) =>
			node
				.getNodeType(version)
				.description.properties.filter((p) => p.type === 'options')
				.map((p) => p.name);
		expect(selectors(1)).toEqual(['input']);
		expect(selectors(2)).toEqual(['operation']);
		const v1Mapping = node.getNodeType(1).description.properties.find((p) => p.name === 'mapping')!;
		expect(v1Mapping.displayOptions).toEqual({ show: { input: ['posExport', 'imExport'] } });
		const v2Inputs = visibleInputs(node.getNodeType(2).description.properties);
		expect(v2Inputs).toEqual({
			posExport: ['mapping'],
			imExport: ['mapping'],
			posApi: [],
			imApi: [],
			max: [],
			telegram: [],
			vkEvent: [],
		});
	});
});
