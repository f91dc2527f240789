import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { makeAppeal, type Appeal } from '../../../lib/appeal';
import { Satisfaction } from '../../../nodes/Satisfaction/Satisfaction.node';

// «МЦУ: Оценка заявителей» through its router: «ask» and «link» share the workflow's static data, «recognize» splits
// replies by the assessment, and an operation the node does not have stops the run.
function context(
	operation: string,
	items: INodeExecutionData[],
	staticData: IDataObject,
	parameters: IDataObject = {},
): IExecuteFunctions {
	const node = {
		id: 's',
		name: 'МЦУ: Оценка заявителей',
		type: 'n8n-nodes-mcu.satisfaction',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	return {
		getInputData: () => items,
		getNodeParameter: (name: string, item: number, fallback?: unknown) =>
			name === 'operation'
				? operation
				: name === 'reply'
					? items[item].json.reply
					: name in parameters
						? parameters[name]
						: fallback,
		getWorkflowStaticData: () => staticData,
		continueOnFail: () => false,
		getNode: () => node,
		helpers: {},
	} as unknown as IExecuteFunctions;
}

const json = (appeal: Appeal) => ({ json: appeal as unknown as IDataObject });
const answered = makeAppeal(
	{
		source: 'vk',
		externalId: '1',
		kind: 'comment',
		receivedAt: '2026-11-10T10:00:00+03:00',
		text: 'Яма у дома 5',
		raw: { id: 1 },
	},
	{
		author: { name: 'Иван', id: '100' },
		status: 'answered',
		answeredAt: '2026-11-18T10:00:00+03:00',
		answerText: 'Яму засыпали',
	},
);
const errorItem = { json: { error: 'ВКонтакте не ответил', details: { record: 'vk:2' } } };

describe('«МЦУ: Оценка заявителей» operations', () => {
	it('«ask» picks the answered author; «link» of the same workflow takes the reply off the appeals and reopens the appeal', async () => {
		const staticData: IDataObject = {};
		const asking = {
			delayHours: 0,
			maxAgeDays: 3650,
			channels: ['vk_comment'],
			question: 'Проблема решена?',
		};
		const [asked] = await new Satisfaction().execute.call(
			context('ask', [errorItem, json(answered)], staticData, asking),
		);
		expect(
			asked.map((i) => [i.json.id, i.json.followUpChannel, i.json.followUpQuestion, i.pairedItem]),
		).toEqual([['vk:1', 'vk_comment', 'Проблема решена?', { item: 1 }]]);

		// The reply comes after the question was asked.
		const later = new Date(Date.now() + 60_000).toISOString();
		const reply = makeAppeal(
			{
				source: 'vk',
				externalId: '9',
				kind: 'comment',
				receivedAt: later,
				text: 'Нет, ничего не сделали',
				raw: { id: 9 },
			},
			{ author: { name: 'Иван', id: '100' } },
		);
		const [appeals, replies] = await new Satisfaction().execute.call(
			context('link', [json(answered), errorItem, json(reply)], staticData, { expireDays: 7 }),
		);
		expect(
			appeals.map((i) => [
				i.json.id ?? i.json.error,
				i.json.status,
				i.json.satisfaction,
				i.pairedItem,
			]),
		).toEqual([
			['vk:1', 'in_progress', 'unsatisfied', { item: 0 }],
			['ВКонтакте не ответил', undefined, undefined, { item: 1 }],
		]);
		expect(
			replies.map((i) => [
				i.json.appealId,
				i.json.replyId,
				i.json.value,
				i.json.reopened,
				i.pairedItem,
			]),
		).toEqual([['vk:1', 'vk:9', 'unsatisfied', true, { item: 2 }]]);

		// The reply is consumed: read again, it is neither linked twice nor an appeal.
		const [again, noReplies] = await new Satisfaction().execute.call(
			context('link', [json(answered), json(reply)], staticData, { expireDays: 7 }),
		);
		expect(again.map((i) => [i.json.id, i.json.status])).toEqual([['vk:1', 'in_progress']]);
		expect(noReplies).toEqual([]);
	});

	it('«recognize» sends an unsatisfied reply to the second output and reopens its appeal', async () => {
		const items = [
			{ json: { id: 'a', status: 'answered', reply: 'Да, спасибо, всё сделали' } },
			{ json: { id: 'b', status: 'answered', reply: 'Нет, не решили' } },
		];
		const [fine, unhappy] = await new Satisfaction().execute.call(context('recognize', items, {}));
		expect(fine.map((i) => [i.json.id, i.json.satisfaction, i.json.status, i.pairedItem])).toEqual([
			['a', 'satisfied', 'answered', { item: 0 }],
		]);
		expect(
			unhappy.map((i) => [i.json.id, i.json.satisfaction, i.json.status, i.pairedItem]),
		).toEqual([['b', 'unsatisfied', 'in_progress', { item: 1 }]]);
		expect(unhappy[0].json.satisfactionEvidence).toContain('нет');
	});

	it('an operation the node does not have stops the run', async () => {
		await expect(
			new Satisfaction().execute.call(context('rate', [json(answered)], {})),
		).rejects.toThrow('Неизвестная операция «rate»');
	});
});
