import { NodeOperationError, type IDataObject } from 'n8n-workflow';
import { Reminders } from '../../../nodes/Reminders/Reminders.node';
import { executeContext } from '../../helpers/executeContext';

const appeal = (
	id: string,
	status: string,
	daysLeft: number,
	extra: IDataObject = {},
): IDataObject => ({
	id,
	text: `Обращение ${id}`,
	deadline: '2026-11-20T23:59:59+03:00',
	deadlineStatus: status,
	deadlineInfo: { workingDaysLeft: daysLeft },
	department: 'Отдел ЖКХ',
	responsible: 'Иванова А. А.',
	...extra,
});
const input = [
	appeal('pos:1', 'due_soon', 2),
	{ error: 'upstream' },
	appeal('pos:2', 'overdue', -2),
	appeal('pos:3', 'on_time', 9),
];
const parameters = {
	heads: {
		head: [
			{ department: ' Отдел ЖКХ ', name: ' Петров П. П. ', telegramChatId: '200' },
			{ department: '', name: 'Без отдела' },
		],
	},
	people: {
		person: [{ name: 'Иванова А. А.', telegramChatId: '100', email: ' ivanova@example.org ' }],
	},
	coordinator: { contact: { name: 'Координатор', telegramChatId: '300' } },
	options: { now: '2026-11-25T10:00:00+03:00' },
};
const run = (
	params: Record<string, unknown>,
	extra: { continueOnFail?: boolean; mode?: 'manual' | 'trigger'; staticData?: IDataObject } = {},
) =>
	new Reminders().execute.call(
		executeContext('МЦУ: Напоминания', input, { parameters: params, ...extra }),
	);

describe('«МЦУ: Напоминания» node', () => {
	it('one digest per recipient and level, with trimmed contacts, paired with its appeals', async () => {
		const [digests] = await run(parameters);
		expect(
			digests.map((d) => [
				d.json.level,
				d.json.recipient,
				d.json.telegramChatId,
				d.json.email,
				d.json.appealIds,
				d.pairedItem,
			]),
		).toEqual([
			[
				'responsible',
				'Иванова А. А.',
				'100',
				'ivanova@example.org',
				['pos:1', 'pos:2'],
				[{ item: 0 }, { item: 2 }],
			],
			['head', 'Петров П. П.', '200', null, ['pos:2'], [{ item: 2 }]],
		]);
		expect(digests.map((d) => d.json.digestKey)).toEqual([
			'responsible|Иванова А. А.|2026-11-25',
			'head|Петров П. П.|2026-11-25',
		]);
	});

	it('escalation days come from the options', async () => {
		const [digests] = await run({
			...parameters,
			options: { ...parameters.options, headAfter: 5, coordinatorAfter: 2 },
		});
		expect(digests.map((d) => [d.json.level, d.json.recipient])).toEqual([
			['responsible', 'Иванова А. А.'],
			['coordinator', 'Координатор'],
		]);
	});

	it('remembers what it sent today, except in manual test runs', async () => {
		const staticData: IDataObject = {};
		expect((await run(parameters, { mode: 'manual', staticData }))[0]).toHaveLength(2);
		expect(staticData.sent).toBeUndefined();
		expect((await run(parameters, { staticData }))[0]).toHaveLength(2);
		expect((await run(parameters, { staticData }))[0]).toEqual([]);
	});

	it('a bad «Момент расчёта» stops the run, or is one error item with continue-on-fail', async () => {
		const bad = { ...parameters, options: { now: 'завтра' } };
		await expect(run(bad)).rejects.toThrow(NodeOperationError);
		const [items] = await run(bad, { continueOnFail: true });
		expect(items).toEqual([
			{
				json: { error: '«Момент расчёта»: не дата ISO 8601 — «завтра»' },
				pairedItem: [0, 1, 2, 3].map((item) => ({ item })),
			},
		]);
	});

	it('the settings read in the order of escalation', () => {
		const options = new Reminders().description.properties.find((p) => p.name === 'options')!
			.options as Array<{ name: string }>;
		expect(options.slice(0, 5).map((o) => o.name)).toEqual([
			'headAfter',
			'coordinatorAfter',
			'curatorAfter',
			'workingTimeOnly',
			'now',
		]);
	});
});
