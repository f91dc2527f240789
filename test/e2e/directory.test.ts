import { startSandbox, type Sandbox } from '../../sandbox';
import { errorsWorkflow, weeklyWorkflow, SPREADSHEET_ID } from '../../scripts/workflows';
import { DIRECTORY_SHEET } from '../../lib/reports';
import { N8nInstance } from '../helpers/n8n';
import { sandboxCredentials } from '../helpers/sandboxCredentials';
import { testPrivateKey } from '../helpers/serviceAccount';

type WfNode = {
	id?: string;
	name: string;
	type: string;
	typeVersion: number;
	position?: [number, number];
	parameters: Record<string, unknown>;
};
type Wf = {
	id: string;
	name: string;
	nodes: WfNode[];
	connections: Record<
		string,
		{ main: Array<Array<{ node: string; type: string; index: number }>> }
	>;
};

/**
 * Issue 17: the weekly message and the error alerts go to the people of the tab «Справочник» in the spreadsheet the
 * Google credential names, not to chat ids written into the workflows.
 */
describe('recipients from «Справочник» in real n8n', () => {
	let sandbox: Sandbox;
	const n8n = new N8nInstance('directory');

	beforeAll(async () => {
		sandbox = await startSandbox({ ports: 'random' });
		await n8n.importCredentials(sandboxCredentials(sandbox, testPrivateKey()));
		// `n8n execute` starts from a manual trigger only: the Monday schedule becomes one.
		const weekly = weeklyWorkflow() as unknown as Wf;
		Object.assign(weekly.nodes.find((n) => n.name === 'По понедельникам')!, {
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			parameters: {},
		});
		await n8n.importWorkflow(weekly as unknown as Record<string, unknown>);
		// The error workflow as n8n would start it, with a failed execution's data instead of the Error Trigger.
		const errors = errorsWorkflow() as unknown as Wf;
		const trigger = errors.nodes.find((n) => n.name === 'Ошибка процесса')!;
		Object.assign(trigger, {
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			parameters: {},
		});
		errors.nodes.push({
			id: 'b0000000-0000-4000-8000-000000000001',
			name: 'Сбой',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			position: [-260, 200],
			parameters: {
				jsCode:
					"return [{ json: { workflow: { id: 'McuIntake', name: 'МЦУ: Приём и контроль обращений' }, execution: { lastNodeExecuted: 'ПОС', error: { message: 'ПОС не ответил' } } } }];",
			},
		});
		errors.connections['Ошибка процесса'] = { main: [[{ node: 'Сбой', type: 'main', index: 0 }]] };
		errors.connections['Сбой'] = { main: [[{ node: 'Текст', type: 'main', index: 0 }]] };
		await n8n.importWorkflow(errors as unknown as Record<string, unknown>);
	});
	afterAll(async () => {
		await sandbox.close();
		n8n.cleanup();
	});

	it('the weekly message goes to the coordinator and the curator of the tab, and only to them', async () => {
		const run = await n8n.execute('McuWeekly');
		expect(run.error).toBeUndefined();
		expect(run.items('Справочник')).toHaveLength(21);
		const sent = sandbox.telegram.sentMessages();
		expect(sent.map((m) => String(m.chat.id)).sort()).toEqual(['7001', '7002']);
		// The link is the spreadsheet «Справочник» was read from: the credential's, not one written into the workflow.
		for (const m of sent)
			expect(m.text).toBe(
				`Еженедельные отчёты МЦУ обновлены: реестр, просроченные, ошибки в ответах, рейтинг подразделений и поселений, сводка, таблица ССТУ.\nhttps://docs.google.com/spreadsheets/d/${SPREADSHEET_ID}/edit`,
			);
	});

	it('a changed tab changes the recipients: the error alert goes to the technical specialist the tab names now', async () => {
		const before = sandbox.telegram.sentMessages().length;
		const tab = sandbox.sheets
			.get(SPREADSHEET_ID)!
			.sheets.find((s) => s.properties.title === DIRECTORY_SHEET)!;
		const row = tab.cells.findIndex((r) => r[1]?.v === 'Технический специалист');
		tab.cells[row][3] = { v: '7777' };
		const run = await n8n.execute('McuErrors');
		expect(run.error).toBeUndefined();
		const sent = sandbox.telegram.sentMessages().slice(before);
		expect(sent.map((m) => [String(m.chat.id), m.text])).toEqual([
			[
				'7777',
				'Сбой процесса «МЦУ: Приём и контроль обращений»\nузел: ПОС\nошибка: ПОС не ответил',
			],
		]);
	});
});
