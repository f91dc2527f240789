import type { INode } from 'n8n-workflow';
import { SANDBOX_CREDENTIALS, startSandbox, type Sandbox } from '../../sandbox';
import { CREDENTIALS, intakeWorkflow, SPREADSHEET_ID } from '../../scripts/workflows';
import { CORRECTION_HEADERS, a1, columnLetter } from '../../lib/reports';
import { topicLabel } from '../../lib/topics';
import { openSheets } from '../../nodes/ReportSheets/transport';
import { fetchContext } from '../helpers/httpContext';
import { N8nInstance } from '../helpers/n8n';
import { sandboxCredentials } from '../helpers/sandboxCredentials';
import { testPrivateKey } from '../helpers/serviceAccount';

type Item = Record<string, unknown>;
type RuleParam = { name: string; topics: string[]; department: string; responsible: string };

/**
 * The coordinator's corrections in real n8n: after the first intake run a coordinator writes a corrected topic for one
 * appeal and a corrected department for another into the register (through the Sheets API, as the browser does);
 * the next run keeps both cells, structures and routes the appeals by them — the branch, the department, the
 * responsible and the reminder follow — while the register's computed columns still show what the package decided.
 */
describe('coordinator corrections in the register survive runs and change the routing', () => {
	let sandbox: Sandbox;
	const n8n = new N8nInstance('corrections');
	const TAB = 'Реестр обращений';
	let rules: RuleParam[];
	let first: Awaited<ReturnType<N8nInstance['execute']>>;
	let second: Awaited<ReturnType<N8nInstance['execute']>>;
	let topicFixed: Item;
	let departmentFixed: Item;
	const register = () => sandbox.sheets.values(SPREADSHEET_ID, TAB);
	const cell = (id: unknown, header: string) => {
		const grid = register();
		return grid.find((r) => r[grid[0].indexOf('ID')] === id)?.[grid[0].indexOf(header)];
	};
	const branchOf = (run: typeof first, id: unknown) => {
		for (let i = 0; i <= rules.length; i++) if (run.items('МЦУ: Маршрутизация', i).some((x) => x.id === id)) return i;
		return -1;
	};

	beforeAll(async () => {
		sandbox = await startSandbox({ ports: 'random', fastDelivery: true });
		await n8n.importCredentials(sandboxCredentials(sandbox, testPrivateKey()));
		const workflow = intakeWorkflow();
		for (const node of workflow.nodes as Array<{ name: string; parameters: Record<string, unknown>; credentials?: unknown }>) {
			if (node.name === 'МЦУ: Напоминания') node.parameters.options = { workingTimeOnly: false };
			// Structuring reads the register's corrections (no history tab in this district).
			if (node.name === 'МЦУ: Структурирование') {
				Object.assign(node.parameters, { learnFromSheets: true, spreadsheetId: SPREADSHEET_ID, historySheet: '', registerSheet: TAB });
				node.credentials = { mcuGoogleServiceAccountApi: CREDENTIALS.mcuGoogleServiceAccountApi };
			}
			if (node.name === 'МЦУ: Маршрутизация') rules = (node.parameters.rules as { rule: RuleParam[] }).rule;
		}
		await n8n.importWorkflow(workflow);
		first = await n8n.execute('McuIntake');
		expect(first.error).toBeUndefined();

		const roads = rules.findIndex((r) => r.topics.includes('roads'));
		const water = rules.findIndex((r) => r.topics.includes('water'));
		const improvement = rules.findIndex((r) => r.department === 'Отдел благоустройства');
		topicFixed = first.items('МЦУ: Маршрутизация', roads).find((x) => x.topic === 'roads')!;
		departmentFixed = first
			.items('МЦУ: Сроки')
			.find((x) => x.deadlineStatus === 'overdue' && x.department && x.department !== rules[improvement].department && x.id !== topicFixed.id)!;
		expect([topicFixed, departmentFixed].every(Boolean)).toBe(true);
		expect(branchOf(first, topicFixed.id)).not.toBe(water);
		expect(branchOf(first, departmentFixed.id)).not.toBe(improvement);

		// The coordinator types into the correction columns, the way the browser writes (USER_ENTERED, one cell each).
		const account = { email: SANDBOX_CREDENTIALS.sheets.email, privateKey: testPrivateKey(), tokenUri: `${sandbox.urls.sheets}/token`, sheetsUrl: `${sandbox.urls.sheets}/` };
		const node: INode = { id: 'c', name: 'coordinator', type: 'browser', typeVersion: 1, position: [0, 0], parameters: {} };
		const { api } = await openSheets(account, fetchContext().helpers.httpRequest, node);
		const grid = register();
		const at = (id: unknown, header: string) => a1(TAB, `${columnLetter(grid[0].indexOf(header))}${grid.findIndex((r) => r[grid[0].indexOf('ID')] === id) + 1}`);
		await api.spreadsheets.values.batchUpdate({
			spreadsheetId: SPREADSHEET_ID,
			requestBody: {
				valueInputOption: 'USER_ENTERED',
				data: [
					{ range: at(topicFixed.id, CORRECTION_HEADERS.topic), values: [[topicLabel('water')]] },
					{ range: at(departmentFixed.id, CORRECTION_HEADERS.department), values: [[rules[improvement].department]] },
				],
			},
		});
		second = await n8n.execute('McuIntake');
		expect(second.error).toBeUndefined();
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
		const filled = Object.values(CORRECTION_HEADERS).flatMap((h) => grid.slice(1).filter((r) => (r[grid[0].indexOf(h)] ?? '') !== '').map((r) => [r[0], h]));
		expect(filled).toEqual(
			expect.arrayContaining([
				[topicFixed.id, CORRECTION_HEADERS.topic],
				[departmentFixed.id, CORRECTION_HEADERS.department],
			]),
		);
		expect(filled).toHaveLength(2);
	});

	it('a corrected topic: structured as corrected and routed to that topic\'s branch', () => {
		const structured = second.items('Размеченные').find((x) => x.id === topicFixed.id)!;
		expect(structured).toMatchObject({ topic: 'water', corrections: { topic: 'water', computed: { topic: 'roads' } } });
		const water = rules.findIndex((r) => r.topics.includes('water'));
		expect(branchOf(second, topicFixed.id)).toBe(water);
		expect(second.items('МЦУ: Маршрутизация', water).find((x) => x.id === topicFixed.id)).toMatchObject({ department: rules[water].department, responsible: rules[water].responsible });
	});

	it('a corrected department: its branch, responsible, deadline record and reminder follow', () => {
		const improvement = rules.findIndex((r) => r.department === 'Отдел благоустройства');
		expect(branchOf(second, departmentFixed.id)).toBe(improvement);
		const routed = second.items('МЦУ: Сроки').find((x) => x.id === departmentFixed.id)!;
		expect(routed).toMatchObject({
			department: 'Отдел благоустройства',
			responsible: rules[improvement].responsible,
			deadlineStatus: 'overdue',
			routing: { rule: rules[improvement].name, why: ['подразделение исправлено координатором: Отдел благоустройства'] },
			corrections: { department: 'Отдел благоустройства', computed: { department: departmentFixed.department } },
		});
		const digest = second.items('МЦУ: Напоминания').find((d) => d.level === 'responsible' && (d.appealIds as string[]).includes(String(departmentFixed.id)));
		expect(digest?.recipient).toBe(rules[improvement].responsible);
	});
});
