import fs from 'node:fs';
import path from 'node:path';
import { N8nInstance } from '../helpers/n8n';
import { ROOT } from '../helpers/paths';

/** The shipped deadlines workflow, run by a real n8n with the packed package installed as a community package. */
describe('workflow «МЦУ: Проверка сроков» in real n8n', () => {
	const n8n = new N8nInstance('deadlines');
	afterAll(() => n8n.cleanup());

	it('computes deadlines across the May 2026 holidays and routes the bad record to the error output', async () => {
		const workflow = JSON.parse(
			fs.readFileSync(path.join(ROOT, 'workflows/deadlines-demo.json'), 'utf8'),
		);
		const id = await n8n.importWorkflow(workflow);
		const run = await n8n.execute(id);
		expect(run.error).toBeUndefined();

		const ok = run.items('МЦУ: Сроки', 0);
		const byId = Object.fromEntries(ok.map((item) => [item.id, item]));
		expect(Object.keys(byId).sort()).toEqual([
			'im:77812',
			'pos:100501',
			'pos:100777',
			'vk:-2026_4410',
		]);

		// 10 April + 30 days = Sunday 10 May, inside the 9–11 May days off → Friday 8 May; at 12 May it is overdue.
		expect(byId['pos:100501']).toMatchObject({
			deadline: '2026-05-08T23:59:59+03:00',
			deadlineStatus: 'overdue',
			deadlineInfo: expect.objectContaining({
				policy: 'fz59',
				workingDaysLeft: -1,
				text: 'просрочено на 1 рабочий день',
			}),
		});
		// 8 working hours from Friday 8 May 16:00 (a shortened day ending at 17:00) → Tuesday 12 May 16:00.
		expect(byId['im:77812']).toMatchObject({
			deadline: '2026-05-12T16:00:00+03:00',
			deadlineStatus: 'on_time',
			deadlineInfo: expect.objectContaining({ workingHoursLeft: 6 }),
		});
		// One working day after Thursday 30 April is Monday 4 May; answered that day.
		expect(byId['vk:-2026_4410']).toMatchObject({
			deadline: '2026-05-04T23:59:59+03:00',
			deadlineStatus: 'answered_on_time',
		});
		expect(byId['pos:100777']).toMatchObject({
			deadline: '2026-05-20T23:59:59+03:00',
			deadlineStatus: 'on_time',
			deadlineInfo: expect.objectContaining({ workingDaysLeft: 6 }),
		});
		// The original fields pass through untouched.
		expect(byId['pos:100777'].text).toBe('Не горят фонари в пос. Дедовичи');

		const errors = run.items('МЦУ: Сроки', 1);
		expect(errors).toHaveLength(1);
		// The bad record travels on whole, with the reason and the field named.
		expect(errors[0]).toMatchObject({
			id: 'pos:100999',
			registeredAt: '10.05.2026',
			details: {
				record: 'pos:100999',
				fields: [expect.objectContaining({ path: 'registeredAt' })],
			},
		});
		expect(String(errors[0].error)).toMatch(/registeredAt.*10\.05\.2026/);
		expect(run.items('Записи с ошибками')).toHaveLength(1);
	});

	it('without continue-on-fail, stops the run naming the record and the field', async () => {
		const workflow = JSON.parse(
			fs.readFileSync(path.join(ROOT, 'workflows/deadlines-demo.json'), 'utf8'),
		);
		workflow.id = 'McuDeadlinesStop';
		for (const node of workflow.nodes) if (node.name === 'МЦУ: Сроки') delete node.onError;
		const run = await n8n.execute(await n8n.importWorkflow(workflow));
		expect(run.error?.message).toMatch(/registeredAt/);
		expect(JSON.stringify(run.error)).toContain('pos:100999');
		expect(run.error?.node?.name).toBe('МЦУ: Сроки');
	});
});
