import * as fs from 'node:fs';
import * as path from 'node:path';
import { shippedWorkflows, workflowFileText } from '../../../scripts/workflows';

const DIR = path.join(__dirname, '../../../workflows');

// What users import is what the generator builds: a hand edit of workflows/*.json, or a generator change not
// regenerated (npx tsx scripts/workflows.ts), fails here.
describe("shipped workflows are the generator's output", () => {
	const generated = shippedWorkflows();

	it('the same set of files', () => {
		expect(Object.keys(generated).sort()).toEqual([
			'deadlines-demo.json',
			'errors.json',
			'intake.json',
			'reminders.json',
			'reports.json',
			'weekly.json',
		]);
		const files = fs
			.readdirSync(DIR)
			.filter((f) => f.endsWith('.json'))
			.sort();
		expect(files).toEqual(Object.keys(generated).sort());
	});

	it.each(Object.keys(generated))('%s byte for byte', (file) => {
		expect(fs.readFileSync(path.join(DIR, file), 'utf8')).toBe(workflowFileText(generated[file]));
	});

	it('node ids are unique across the workflows, and names within each', () => {
		const nodes = Object.values(generated).flatMap(
			(wf) => wf.nodes as Array<{ id: string; name: string }>,
		);
		expect(new Set(nodes.map((n) => n.id)).size).toBe(nodes.length);
		for (const wf of Object.values(generated)) {
			const names = (wf.nodes as Array<{ name: string }>).map((n) => n.name);
			expect(new Set(names).size).toBe(names.length);
		}
	});

	it('every connection joins nodes of its own workflow', () => {
		for (const wf of Object.values(generated)) {
			const names = new Set((wf.nodes as Array<{ name: string }>).map((n) => n.name));
			const connections = wf.connections as Record<
				string,
				{ main: Array<Array<{ node: string }>> }
			>;
			for (const [from, { main }] of Object.entries(connections)) {
				expect([from, names.has(from)]).toEqual([from, true]);
				for (const to of main.flat())
					expect([to.node, names.has(to.node)]).toEqual([to.node, true]);
			}
		}
	});
});
