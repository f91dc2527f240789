import { N8nInstance } from '../helpers/n8n';

/** «МЦУ: Маршрутизация» in real n8n: one output per rule (as the canvas shows) plus «Не распределено». */
describe('routing node in real n8n', () => {
	const n8n = new N8nInstance('routing');
	afterAll(() => n8n.cleanup());

	const appeals = [
		{
			id: 'pos:1',
			source: 'pos',
			kind: 'message',
			topic: 'roads',
			settlement: 'dedovichi',
			text: 'Ямы на ул. Советской',
			flags: [],
			receivedAt: '2026-11-16T10:00:00+03:00',
		},
		{
			id: 'vk:2',
			source: 'vk',
			kind: 'comment',
			topic: 'water',
			settlement: 'dedovichi',
			text: 'Нет воды третий день',
			flags: [],
			receivedAt: '2026-11-16T10:00:00+03:00',
		},
		{
			id: 'vk:3',
			source: 'vk',
			kind: 'comment',
			topic: 'water',
			settlement: 'pozherevitsy',
			text: 'Колонка сломана',
			flags: [],
			receivedAt: '2026-11-16T10:00:00+03:00',
		},
		{
			id: 'ok:4',
			source: 'ok',
			kind: 'comment',
			topic: 'undefined',
			settlement: null,
			text: 'Когда грейдер пройдёт по дороге на Вязье?',
			flags: [],
			receivedAt: '2026-11-16T10:00:00+03:00',
		},
		{
			id: 'tg:5',
			source: 'telegram',
			kind: 'direct_message',
			topic: 'culture_sport',
			settlement: null,
			text: 'Напишу в прокуратуру!',
			flags: ['escalation'],
			receivedAt: '2026-11-16T10:00:00+03:00',
		},
		{
			id: 'tg:6',
			source: 'telegram',
			kind: 'direct_message',
			topic: 'culture_sport',
			settlement: null,
			text: 'Когда откроют каток?',
			flags: [],
			receivedAt: '2026-11-16T10:00:00+03:00',
		},
	];

	const workflow = {
		id: 'McuRoutingE2E',
		name: 'e2e routing',
		nodes: [
			{
				id: 'a1',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'a2',
				name: 'Appeals',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [200, 0],
				parameters: { jsCode: `return ${JSON.stringify(appeals)}.map((json) => ({ json }));` },
			},
			{
				id: 'a3',
				name: 'Routing',
				type: 'n8n-nodes-mcu.routing',
				typeVersion: 1,
				position: [400, 0],
				parameters: {
					mode: 'rules',
					matchMode: 'first',
					rules: {
						rule: [
							{
								name: 'Конфликты',
								flags: ['escalation', 'obscene'],
								responsible: 'Координатор МЦУ',
								telegramChatId: '1001',
							},
							{
								name: 'Дороги',
								topics: ['roads'],
								keywords: '',
								department: 'Отдел дорожного хозяйства',
								deadlineDays: 5,
							},
							{
								name: 'Вода в Дедовичах',
								topics: ['water'],
								settlements: 'dedovichi',
								department: 'МУП «Водоканал»',
							},
							{
								name: 'Дороги по словам',
								keywords: 'грейдер, яма',
								department: 'Отдел дорожного хозяйства',
							},
						],
					},
				},
			},
			{
				id: 'a4',
				name: 'Deadlines',
				type: 'n8n-nodes-mcu.deadlines',
				typeVersion: 1,
				position: [600, 0],
				parameters: { now: '2026-11-20T10:00:00+03:00' },
			},
		],
		connections: {
			Start: { main: [[{ node: 'Appeals', type: 'main', index: 0 }]] },
			Appeals: { main: [[{ node: 'Routing', type: 'main', index: 0 }]] },
			Routing: { main: [[], [{ node: 'Deadlines', type: 'main', index: 0 }], [], [], []] },
		},
		settings: { executionOrder: 'v1' },
	};

	it("sends each appeal to its rule's branch and the rest to «Не распределено»", async () => {
		const run = await n8n.execute(await n8n.importWorkflow(workflow));
		expect(run.error).toBeUndefined();
		const ids = (output: number) => run.items('Routing', output).map((i) => i.id);
		expect(ids(0)).toEqual(['tg:5']);
		expect(ids(1)).toEqual(['pos:1']);
		expect(ids(2)).toEqual(['vk:2']);
		expect(ids(3)).toEqual(['ok:4']);
		expect(ids(4)).toEqual(['vk:3', 'tg:6']);
		expect(run.items('Routing', 1)[0]).toMatchObject({
			department: 'Отдел дорожного хозяйства',
			routing: {
				rule: 'Дороги',
				why: ['тема: roads'],
				deadline: { unit: 'working_days', amount: 5 },
			},
		});
		expect(run.items('Routing', 0)[0]).toMatchObject({
			responsible: 'Координатор МЦУ',
			routing: { contact: { telegramChatId: '1001' } },
		});
		expect(run.items('Routing', 3)[0].routing).toMatchObject({ why: ['слово: грейдер'] });
		// The rule's own deadline reaches «МЦУ: Сроки» downstream: 5 working days from Monday 16 November.
		expect(run.items('Deadlines')[0]).toMatchObject({
			id: 'pos:1',
			deadline: '2026-11-23T23:59:59+03:00',
			deadlineStatus: 'due_soon',
		});
	});
});
