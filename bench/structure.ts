/**
 * Structuring throughput (structureBatch: classification with the model, conflicts, repeats) on 10,000 corpus
 * records, as in scripts/eval-real.ts, with the stages apart. CPU time (process.cpuUsage) and wall time.
 * Run: npx tsx bench/structure.ts [--corpus <path>] [--rounds 3]
 */
import { loadavg } from 'node:os';
import { createClassifier, structureBatch, trainTextModel } from '../lib/classify';
import { loadCorpus, structureRecords } from '../scripts/eval-real';

const cpu = () => {
	const u = process.cpuUsage();
	return (u.user + u.system) / 1000;
};
const argValue = (name: string) => {
	const i = process.argv.indexOf(name);
	return i >= 0 ? process.argv[i + 1] : undefined;
};

const data = loadCorpus();
const model = trainTextModel(
	data.slice(0, 30_000).map((x) => ({ text: x.text, topic: x.accepted[0], accepted: x.accepted })),
);
const classifier = createClassifier({ model });
const records = structureRecords(data);
structureBatch(records.slice(0, 1000), { classifier });
const rounds = Number(argValue('--rounds') ?? 3);
const cases: Array<[string, { conflicts?: boolean; repeats?: boolean }]> = [
	['full', {}],
	['no repeats', { repeats: false }],
	['no conflicts, no repeats', { conflicts: false, repeats: false }],
];
for (const [name, opts] of cases) {
	let best = Infinity;
	let bestWall = Infinity;
	for (let r = 0; r < rounds; r++) {
		const t = process.hrtime.bigint();
		const c = cpu();
		structureBatch(records, { classifier, ...opts });
		best = Math.min(best, cpu() - c);
		bestWall = Math.min(bestWall, Number(process.hrtime.bigint() - t) / 1e6);
	}
	console.log(
		`${name}: ${Math.round((records.length / best) * 1000)} per CPU s, ${Math.round((records.length / bestWall) * 1000)}/s wall (best of ${rounds}, load ${loadavg()[0].toFixed(1)})`,
	);
}
