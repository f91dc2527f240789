import { NodeOperationError, type IDataObject } from 'n8n-workflow';
import { ROUTING_TABLE_COLUMNS as C } from '../../../lib/routing';
import { Routing } from '../../../nodes/Routing/Routing.node';
import { configuredOutputs, routingProperties } from '../../../nodes/Routing/description';
import { executeContext } from '../../helpers/executeContext';

const appeals: IDataObject[] = [
	{ id: 'pos:1', source: 'pos', kind: 'message', topic: 'roads', text: 'Ямы во дворе', flags: [] },
	{
		id: 'vk:2',
		source: 'vk',
		kind: 'comment',
		topic: 'water',
		text: 'Нет воды',
		flags: ['escalation'],
	},
	{
		id: 'vk:3',
		source: 'vk',
		kind: 'comment',
		topic: 'culture_sport',
		text: 'Когда откроют каток?',
		flags: [],
	},
	// Corrected in the register to a department no rule assigns.
	{
		id: 'ok:4',
		source: 'ok',
		kind: 'comment',
		topic: 'roads',
		text: 'Снова ямы',
		flags: [],
		department: 'Отдел дорог',
		corrections: { department: 'Отдел ЖКХ' },
	},
];
const rules = [
	{ name: 'Конфликты', flags: ['escalation'], responsible: 'Координатор', telegramChatId: '1001' },
	{
		name: 'Дороги',
		topics: ['roads'],
		department: 'Отдел дорог',
		email: 'roads@example.org',
		deadlineDays: 5,
	},
];
const run = (parameters: Record<string, unknown>, items = appeals, continueOnFail = false) =>
	new Routing().execute.call(
		executeContext('МЦУ: Маршрутизация', items, { parameters, continueOnFail }),
	);
const ids = (output: Array<{ json: IDataObject }>) => output.map((i) => i.json.id ?? i.json.error);

describe('«МЦУ: Маршрутизация» node', () => {
	it('rules in the node: one output per rule, then «Не распределено»; each copy paired with its item', async () => {
		const outputs = await run({ mode: 'rules', rules: { rule: rules } });
		expect(outputs.map(ids)).toEqual([['vk:2'], ['pos:1'], ['vk:3', 'ok:4']]);
		expect(outputs[1][0]).toEqual({
			json: {
				...appeals[0],
				department: 'Отдел дорог',
				responsible: null,
				routing: {
					rule: 'Дороги',
					why: ['тема: roads'],
					contact: { telegramChatId: null, maxChatId: null, email: 'roads@example.org' },
					deadline: { unit: 'working_days', amount: 5 },
				},
			},
			pairedItem: { item: 0 },
		});
		expect(outputs[2].map((i) => i.pairedItem)).toEqual([{ item: 2 }, { item: 3 }]);
		expect(outputs[2][0].json.routing).toEqual({ rule: null, why: ['ни одно правило не подошло'] });
		// The correction wins: its department is set, and what the rules decided is kept for the register.
		expect(outputs[2][1].json).toMatchObject({
			department: 'Отдел ЖКХ',
			corrections: { department: 'Отдел ЖКХ', computed: { department: 'Отдел дорог' } },
			routing: {
				rule: null,
				why: [
					'подразделение исправлено координатором: Отдел ЖКХ',
					'правила с этим подразделением нет',
				],
			},
		});
	});

	it('«все подходящие»: a copy in every matching output', async () => {
		const both = [{ ...appeals[1], topic: 'roads' }];
		const outputs = await run({ mode: 'rules', matchMode: 'all', rules: { rule: rules } }, both);
		expect(outputs.map(ids)).toEqual([['vk:2'], ['vk:2'], []]);
		expect(outputs.flat().map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	it('rules from a table: «Распределено» and «Не распределено»; a corrected department counts as distributed', async () => {
		const table = [{ [C.name]: 'Дороги', [C.topics]: 'roads', [C.department]: 'Отдел дорог' }];
		const outputs = await run({ mode: 'table', table: JSON.stringify(table) });
		expect(outputs.map(ids)).toEqual([
			['pos:1', 'ok:4'],
			['vk:2', 'vk:3'],
		]);
	});

	it('rules that cannot be read stop the run with a NodeOperationError', async () => {
		await expect(run({ mode: 'table', table: '{"not": "rows"}' })).rejects.toThrow(
			NodeOperationError,
		);
		await expect(
			run({ mode: 'table', table: [{ [C.name]: 'Без подразделения', [C.topics]: 'roads' }] }),
		).rejects.toThrow('укажите подразделение или ответственного');
	});

	it('a failing item becomes an error item on «Не распределено» with continue-on-fail, else stops the run', async () => {
		// A getter that throws stands for any failure while routing one item.
		const broken: IDataObject = { id: 'pos:9', source: 'pos' };
		Object.defineProperty(broken, 'topic', {
			enumerable: true,
			get: () => {
				throw new Error('поле не читается');
			},
		});
		const items = [appeals[0], broken];
		const outputs = await run({ mode: 'rules', rules: { rule: rules } }, items, true);
		expect(outputs.map(ids)).toEqual([[], ['pos:1'], ['поле не читается']]);
		expect(outputs[2][0].pairedItem).toEqual({ item: 1 });
		await expect(run({ mode: 'rules', rules: { rule: rules } }, items)).rejects.toThrow(
			NodeOperationError,
		);
	});

	it('a rule shows its fields in reading order and its name as the card title', () => {
		const collection = routingProperties.find((p) => p.name === 'rules')!;
		const values = (collection.options![0] as { values: Array<{ name: string }> }).values.map(
			(v) => v.name,
		);
		expect(values).toEqual([
			'name',
			'topics',
			'settlements',
			'sources',
			'kinds',
			'flags',
			'keywords',
			'department',
			'responsible',
			'telegramChatId',
			'maxChatId',
			'email',
			'deadlineDays',
		]);
		expect(collection.typeOptions?.fixedCollection?.itemTitle).toBe(
			'={{ $collection.item.value.name }}',
		);
	});

	it('the outputs the canvas draws match the rules', () => {
		expect(
			configuredOutputs({ mode: 'rules', rules: { rule: [{ name: 'Дороги' }, {}] } }).map(
				(o) => o.displayName,
			),
		).toEqual(['Дороги', 'Правило 2', 'Не распределено']);
		expect(configuredOutputs({ mode: 'table' }).map((o) => o.displayName)).toEqual([
			'Распределено',
			'Не распределено',
		]);
	});
});
