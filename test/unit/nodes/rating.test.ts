import { NodeOperationError, type IDataObject } from 'n8n-workflow';
import { Rating } from '../../../nodes/Rating/Rating.node';
import { visibleFields } from '../../helpers/actions';
import { executeContext } from '../../helpers/executeContext';

const october = { from: '2026-10-01T00:00:00+03:00', to: '2026-10-31T23:59:59+03:00' };
const appeal = (id: string, extra: IDataObject = {}): IDataObject => ({
	id,
	source: 'pos',
	receivedAt: '2026-10-05T10:00:00+03:00',
	department: 'Отдел дорог',
	topic: 'roads',
	flags: [],
	...extra,
});
// Three appeals and one error item from upstream: the error item is not counted, but every row is paired with all four.
const input = [
	appeal('pos:1', { answeredAt: '2026-10-05T12:00:00+03:00' }),
	appeal('pos:2'),
	appeal('pos:3', { department: 'Отдел культуры' }),
	{ error: 'upstream' },
];
const allPaired = [0, 1, 2, 3].map((item) => ({ item }));
const run = (parameters: Record<string, unknown>, continueOnFail = false) =>
	new Rating().execute.call(executeContext('МЦУ: Рейтинг', input, { parameters, continueOnFail }));

describe('«МЦУ: Рейтинг и сводка» node', () => {
	it('rating: one row per department, paired with every input item', async () => {
		const [rows] = await run({
			operation: 'rating',
			...october,
			groupBy: 'department',
			options: { now: '2026-11-01T12:00:00+03:00' },
		});
		expect(rows.map((r) => [r.json.Подразделение, r.json.Поступило, r.json.Место])).toEqual([
			['Отдел дорог', 2, 1],
			['Отдел культуры', 1, '—'],
		]);
		for (const row of rows) expect(row.pairedItem).toEqual(allPaired);
	});

	it('rating: weights and minimum volume come from the options', async () => {
		const [rows] = await run({
			operation: 'rating',
			...october,
			groupBy: 'department',
			options: {
				now: '2026-11-01T12:00:00+03:00',
				minVolume: 1,
				onTime: 0,
				speed: 0,
				reaction: 0,
				quality: 0,
				satisfaction: 0,
				repeats: 100,
			},
		});
		expect(rows.map((r) => [r.json.Подразделение, r.json.Балл, r.json['В рейтинге']])).toEqual([
			['Отдел дорог', 100, 'да'],
			['Отдел культуры', 100, 'да'],
		]);
	});

	it('summary: totals, topics and settlements of the period', async () => {
		const [rows] = await run({ operation: 'summary', ...october });
		expect(rows[0].json).toEqual({
			Раздел: 'Итого',
			Показатель: 'Обращений за период',
			Значение: 3,
			'Прошлый период': 0,
			Рост: '',
		});
		expect(rows.filter((r) => r.json.Раздел === 'Темы').map((r) => r.json.Значение)).toEqual([3]);
		expect(rows[0].pairedItem).toEqual(allPaired);
	});

	it('sstu: the month table', async () => {
		const [rows] = await run({ operation: 'sstu', month: '2026-10' });
		expect(rows[0].json).toEqual({
			Раздел: 'Всего',
			Показатель: 'Поступило обращений',
			Значение: 3,
		});
		expect(rows[0].pairedItem).toEqual(allPaired);
	});

	it('a bad parameter stops the run with a NodeOperationError naming it', async () => {
		await expect(run({ operation: 'sstu', month: 'октябрь' })).rejects.toThrow(NodeOperationError);
		await expect(run({ operation: 'summary', from: 'вчера', to: october.to })).rejects.toThrow(
			'Начало периода: не дата — «вчера»',
		);
		await expect(run({ operation: 'chart' })).rejects.toThrow('Неизвестная операция «chart»');
	});

	it('with continue-on-fail the error is one item paired with every input item', async () => {
		const [rows] = await run({ operation: 'sstu', month: 'октябрь' }, true);
		expect(rows).toEqual([
			{ json: { error: 'Месяц: ожидается ГГГГ-ММ, получено «октябрь»' }, pairedItem: allPaired },
		]);
	});

	it('each operation shows exactly its own fields', () => {
		const properties = new Rating().description.properties;
		expect(visibleFields(properties, { operation: 'rating' })).toEqual([
			'from',
			'to',
			'groupBy',
			'options',
		]);
		expect(visibleFields(properties, { operation: 'summary' })).toEqual(['from', 'to']);
		expect(visibleFields(properties, { operation: 'sstu' })).toEqual(['month']);
	});
});
