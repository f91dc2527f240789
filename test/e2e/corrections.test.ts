import type { INode } from 'n8n-workflow';
import { SANDBOX_CREDENTIALS, startSandbox, type Sandbox } from '../../sandbox';
import { intakeWorkflow, remindersWorkflow, SPREADSHEET_ID } from '../../scripts/workflows';
import { createClassifier } from '../../lib/classify';
import { CORRECTION_HEADERS, a1, columnLetter } from '../../lib/reports';
import { topicLabel } from '../../lib/topics';
import { openSheets } from '../../nodes/ReportSheets/transport';
import { DISTRICT_DIRECTORY } from '../../sandbox/seed/directory';
import {
	HISTORY_HEADERS,
	HISTORY_SHEET,
	generateHistory,
	historyGrid,
	pasteTab,
} from '../../sandbox/seed/history';
import { fetchContext } from '../helpers/httpContext';
import { N8nInstance } from '../helpers/n8n';
import { sandboxCredentials } from '../helpers/sandboxCredentials';
import { testPrivateKey } from '../helpers/serviceAccount';

type Item = Record<string, unknown>;
type RuleParam = { name: string; topics: string[]; department: string };

/**
 * The coordinator's corrections in real n8n: after the first intake run a coordinator writes a corrected topic for one
 * appeal and a corrected department for another into the register (through the Sheets API, as the browser does);
 * the next run keeps both cells, structures and routes the appeals by them — the branch, the department and, in the
 * reminders workflow that reads the register, the reminder to that department's responsible in «Справочник» follow — while the register's
 * computed columns still show what the package decided. The intake routes an appeal again when its source reports it
 * again: the corrected appeals are VK and OK comments, which every run re-reads (ПОС and ИМ: when they change).
 */
describe('coordinator corrections in the register survive runs and change the routing', () => {
	let sandbox: Sandbox;
	const n8n = new N8nInstance('corrections');
	const TAB = 'Реестр обращений';
	let rules: RuleParam[];
	let first: Awaited<ReturnType<N8nInstance['execute']>>;
	let second: Awaited<ReturnType<N8nInstance['execute']>>;
	let reminders: Awaited<ReturnType<N8nInstance['execute']>>;
	const reRead = (x: Item) => x.source === 'vk' || x.source === 'ok';
	let topicFixed: Item;
	let departmentFixed: Item;
	let account: { email: string; privateKey: string; tokenUri: string; sheetsUrl: string };
	const register = () => sandbox.sheets.values(SPREADSHEET_ID, TAB);
	const cell = (id: unknown, header: string) => {
		const grid = register();
		return grid.find((r) => r[grid[0].indexOf('ID')] === id)?.[grid[0].indexOf(header)];
	};
	const branchOf = (run: typeof first, id: unknown) => {
		for (let i = 0; i <= rules.length; i++)
			if (run.items('МЦУ: Маршрутизация', i).some((x) => x.id === id)) return i;
		return -1;
	};

	beforeAll(async () => {
		sandbox = await startSandbox({ ports: 'random', fastDelivery: true });
		await n8n.importCredentials(sandboxCredentials(sandbox, testPrivateKey()));
		const workflow = intakeWorkflow();
		for (const node of workflow.nodes) {
			// Structuring reads the register's corrections; the history tab is named but pasted only before the third run.
			if (node.name === 'МЦУ: Структурирование') {
				// The spreadsheet is the credential's «Таблица МЦУ», as shipped.
				Object.assign(node.parameters, {
					learnFromSheets: true,
					historySheet: HISTORY_SHEET,
					registerSheet: TAB,
				});
			}
			if (node.name === 'МЦУ: Маршрутизация')
				rules = (node.parameters.rules as { rule: RuleParam[] }).rule;
		}
		await n8n.importWorkflow(workflow);
		const remind = remindersWorkflow();
		for (const node of remind.nodes)
			if (node.name === 'МЦУ: Напоминания') node.parameters.options = { workingTimeOnly: false };
		await n8n.importWorkflow(remind);
		first = await n8n.execute('McuIntake');
		expect(first.error).toBeUndefined();

		const roads = rules.findIndex((r) => r.topics.includes('roads'));
		const water = rules.findIndex((r) => r.topics.includes('water'));
		const improvement = rules.findIndex((r) => r.department === 'Отдел благоустройства');
		topicFixed = first
			.items('МЦУ: Маршрутизация', roads)
			.find((x) => x.topic === 'roads' && reRead(x))!;
		departmentFixed = first
			.items('МЦУ: Сроки')
			.find(
				(x) =>
					x.deadlineStatus === 'overdue' &&
					reRead(x) &&
					x.department &&
					x.department !== rules[improvement].department &&
					x.id !== topicFixed?.id,
			)!;
		expect([topicFixed, departmentFixed].every(Boolean)).toBe(true);
		expect(branchOf(first, topicFixed.id)).not.toBe(water);
		expect(branchOf(first, departmentFixed.id)).not.toBe(improvement);

		// The coordinator types into the correction columns, the way the browser writes (USER_ENTERED, one cell each).
		account = {
			email: SANDBOX_CREDENTIALS.sheets.email,
			privateKey: testPrivateKey(),
			tokenUri: `${sandbox.urls.sheets}/token`,
			sheetsUrl: `${sandbox.urls.sheets}/`,
		};
		const node: INode = {
			id: 'c',
			name: 'coordinator',
			type: 'browser',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		};
		const { api } = await openSheets(account, fetchContext().helpers.httpRequest, node);
		const grid = register();
		const at = (id: unknown, header: string) =>
			a1(
				TAB,
				`${columnLetter(grid[0].indexOf(header))}${grid.findIndex((r) => r[grid[0].indexOf('ID')] === id) + 1}`,
			);
		await api.spreadsheets.values.batchUpdate({
			spreadsheetId: SPREADSHEET_ID,
			requestBody: {
				valueInputOption: 'USER_ENTERED',
				data: [
					{ range: at(topicFixed.id, CORRECTION_HEADERS.topic), values: [[topicLabel('water')]] },
					{
						range: at(departmentFixed.id, CORRECTION_HEADERS.department),
						values: [[rules[improvement].department]],
					},
				],
			},
		});
		second = await n8n.execute('McuIntake');
		expect(second.error).toBeUndefined();
		reminders = await n8n.execute('McuReminders');
		expect(reminders.error).toBeUndefined();
	});
	afterAll(async () => {
		await sandbox.close();
		n8n.cleanup();
	});

	it('the corrections stay in the register after the run, next to the computed values', () => {
		expect(cell(topicFixed.id, CORRECTION_HEADERS.topic)).toBe(topicLabel('water'));
		expect(cell(topicFixed.id, 'Тема')).toBe(topicLabel('roads'));
		expect(cell(departmentFixed.id, CORRECTION_HEADERS.department)).toBe('Отдел благоустройства');
		expect(cell(departmentFixed.id, 'Подразделение')).toBe(departmentFixed.department);
		// Nothing else in the correction columns: the runs never write there.
		const grid = register();
		const filled = Object.values(CORRECTION_HEADERS).flatMap((h) =>
			grid
				.slice(1)
				.filter((r) => (r[grid[0].indexOf(h)] ?? '') !== '')
				.map((r) => [r[0], h]),
		);
		expect(filled).toEqual(
			expect.arrayContaining([
				[topicFixed.id, CORRECTION_HEADERS.topic],
				[departmentFixed.id, CORRECTION_HEADERS.department],
			]),
		);
		expect(filled).toHaveLength(2);
	});

	it("a corrected topic: structured as corrected and routed to that topic's branch", () => {
		const structured = second.items('Размеченные').find((x) => x.id === topicFixed.id)!;
		expect(structured).toMatchObject({
			topic: 'water',
			corrections: { topic: 'water', computed: { topic: 'roads' } },
		});
		const water = rules.findIndex((r) => r.topics.includes('water'));
		expect(branchOf(second, topicFixed.id)).toBe(water);
		const routed = second.items('МЦУ: Маршрутизация', water).find((x) => x.id === topicFixed.id)!;
		// The rules name departments only: nobody is made responsible.
		expect([routed.department, routed.responsible ?? '']).toEqual([rules[water].department, '']);
	});

	it('a corrected department: its branch, deadline record and reminder (to its responsible in «Справочник») follow', () => {
		const improvement = rules.findIndex((r) => r.department === 'Отдел благоустройства');
		expect(branchOf(second, departmentFixed.id)).toBe(improvement);
		const routed = second.items('МЦУ: Сроки').find((x) => x.id === departmentFixed.id)!;
		expect(routed).toMatchObject({
			department: 'Отдел благоустройства',
			deadlineStatus: 'overdue',
			routing: {
				rule: rules[improvement].name,
				why: ['подразделение исправлено координатором: Отдел благоустройства'],
			},
			corrections: {
				department: 'Отдел благоустройства',
				computed: { department: departmentFixed.department },
			},
		});
		expect(routed.responsible ?? '').toBe('');
		// The reminders workflow reads the register the second run wrote: the corrected department's «Ответственный»
		// in «Справочник», and nobody else at that level.
		const [, , name, telegram] = DISTRICT_DIRECTORY.find(
			([department, role]) => department === 'Отдел благоустройства' && role === 'Ответственный',
		)!;
		const digests = reminders
			.items('МЦУ: Напоминания')
			.filter(
				(d) =>
					d.level === 'responsible' &&
					(d.appealIds as string[]).includes(String(departmentFixed.id)),
			);
		expect(digests.map((d) => [d.recipient, String(d.telegramChatId)])).toEqual([[name, telegram]]);
	});

	/**
	 * The learned model in real n8n: the coordinator pastes the district's history into «История» — the seeded ПОС/ИМ
	 * export (topics from its categories) and rows of text and topic written in words the default dictionary does not
	 * hold. New VK comments in those words are then decided by the model, explained by the words, and routed by it.
	 */
	describe('a model trained on the «История» tab decides texts the dictionary cannot', () => {
		const LEAD = [
			'Добрый день.',
			'Здравствуйте!',
			'Пишу от соседей по улице.',
			'Обращаюсь уже не первый раз.',
		];
		const CLOSE = ['Разберитесь, пожалуйста.', 'Сколько можно ждать?'];
		// Hand-written: the water cart, the boiler house and the after-school group, in several forms each.
		const OWN: Record<string, string[]> = {
			water: [
				'Водовоз опять не приехал',
				'Водовоза ждём с самого утра',
				'Водовозка не появлялась всю неделю',
				'Водовоз заезжает раз в месяц',
				'Бидоны стоят пустые, водовоза нет',
			],
			heating: [
				'Кочегарка опять встала',
				'В кочегарке третий день тишина',
				'Кочегар на смену не вышел',
				'Кочегарку так и не запустили',
				'Кочегарка работает через раз',
			],
			education: [
				'Продлёнку опять закрыли',
				'В продлёнке нет мест',
				'Продлёнка работает только до обеда',
				'Продлёнку перевели в другое здание',
				'Записаться в продлёнку не получилось',
			],
		};
		const PROBES = [
			{
				topic: 'water',
				word: /водовоз/,
				text: 'Водовоз к нам на Заречную не приезжает уже неделю, бидоны пустые',
			},
			{ topic: 'heating', word: /кочегарк/, text: 'Кочегарка молчит третий день, сидим в куртках' },
			{ topic: 'education', word: /продл[её]нк/, text: 'Продлёнку закрыли, малышей деть некуда' },
		];
		const PROBE_WORD = new RegExp(PROBES.map((p) => p.word.source).join('|'), 'i');
		let third: typeof first;
		let probes: Item[];

		beforeAll(async () => {
			const rows = Object.entries(OWN).flatMap(([topic, keys]) =>
				keys.flatMap((k) =>
					LEAD.flatMap((l) =>
						CLOSE.map((c) => ['', '', '', '', '', `${l} ${k}. ${c}`, topicLabel(topic)]),
					),
				),
			);
			const grid = historyGrid(generateHistory()).map((r, i) => [...r, i === 0 ? 'Тема' : '']);
			expect(grid[0]).toEqual([...HISTORY_HEADERS, 'Тема']);
			const node: INode = {
				id: 'c',
				name: 'coordinator',
				type: 'browser',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			};
			await pasteTab(
				await openSheets(account, fetchContext().helpers.httpRequest, node),
				SPREADSHEET_ID,
				HISTORY_SHEET,
				[...grid, ...rows],
			);

			const post = second
				.items('Размеченные')
				.find((x) => x.source === 'vk' && (x.raw as { post_id?: number })?.post_id);
			PROBES.forEach((p, i) =>
				sandbox.vk.citizenComment(
					Number((post!.raw as { post_id: number }).post_id),
					577300001 + i,
					p.text,
				),
			);
			third = await n8n.execute('McuIntake');
			expect(third.error).toBeUndefined();
			probes = PROBES.map((p) => {
				const found = third.items('Размеченные').filter((x) => x.text === p.text);
				expect(found).toHaveLength(1);
				return found[0];
			});
		});

		it('the dictionary alone leaves the probe texts undecided', () => {
			const dictionary = createClassifier();
			for (const p of PROBES)
				expect(dictionary.classify(p.text)).toMatchObject({ decidedBy: null, needsReview: true });
		});

		it('the model decides each probe, names its word, the register shows the topic and routing follows it', () => {
			PROBES.forEach((p, i) => {
				const classification = probes[i].classification as {
					decidedBy: string;
					needsReview: boolean;
					why: { topic: string[] };
				};
				expect(classification).toMatchObject({ decidedBy: 'model', needsReview: false });
				expect(probes[i].topic).toBe(p.topic);
				expect(classification.why.topic[0]).toMatch(/^модель: /);
				expect(classification.why.topic[0]).toMatch(p.word);
				expect(cell(probes[i].id, 'Тема')).toBe(topicLabel(p.topic));
				const branch = rules.findIndex((r) => r.topics.includes(p.topic));
				expect(branchOf(third, probes[i].id)).toBe(branch);
				expect(
					third.items('МЦУ: Маршрутизация', branch).find((x) => x.id === probes[i].id),
				).toMatchObject({ department: rules[branch].department });
			});
			// Exactly the probes are decided for their hand-written words: the seeded appeals never use them.
			const byProbeWords = third
				.items('Размеченные')
				.filter((x) =>
					((x.classification as { why?: { topic?: string[] } } | undefined)?.why?.topic ?? []).some(
						(w) => PROBE_WORD.test(w),
					),
				)
				.map((x) => x.id);
			expect(byProbeWords.sort()).toEqual(probes.map((x) => x.id).sort());
		});
	});
});
