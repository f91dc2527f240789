/**
 * `npm run bench`: runs every benchmark in one process, side by side, and writes bench/results.md with the
 * machine's details (these machines are shared and noisy: compare ratios, not absolute numbers).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCalendarBench, type BenchResult } from './calendar';
import { compareWithSetNodes, type NodeTiming } from './n8n-overhead';
import { runPipelineBench } from './pipeline';
import { pollCost } from './polling';

const PIPELINE_NOTES = [
	'Gap and cause (target 20,000/s = 50 µs per appeal for all four stages): measured per stage on 100,000 appeals, structuring',
	'(classification, conflicts, repeats) ≈ 40 µs, deadlines ≈ 20 µs, answer checks ≈ 25 µs, rating ≈ 4 µs, with garbage',
	'collection ≈ 30% of the time. Both big costs of the first version are gone: deadlines ran a luxon DateTime per step',
	'(≈ 300 µs, now epoch milliseconds with zone offsets memoized per day) and every stage re-tokenized and re-stemmed each',
	'text (now once, phrases indexed by their first stem). What is left is spread over the stages; the next steps would be',
	'a generated per-layout record copy and fewer intermediate strings in the answer checks.',
	'Heap: the structured appeals themselves hold ≈ 94 MB (≈ 1 KB each: a copy of ≈ 30 fields plus the classification',
	'reasons and scores); deadline and answer-check fields add ≈ 180 MB; the rest of the peak is garbage not yet collected.',
	'Below 300 MB with the same output needs batches — which is what n8n does anyway: one execution holds one poll or one',
	'schedule run (hundreds to a few thousand appeals), not 100,000.',
].join('\n');

function machine(): string {
	const cpus = os.cpus();
	return [
		`- date: ${new Date().toISOString()}`,
		`- node: ${process.version}, ${os.platform()} ${os.release()} ${os.arch()}`,
		`- cpu: ${cpus[0]?.model ?? '?'} × ${cpus.length}`,
		`- memory: ${Math.round(os.totalmem() / 2 ** 30)} GB total, ${Math.round(os.freemem() / 2 ** 30)} GB free`,
		`- load average: ${os
			.loadavg()
			.map((l) => l.toFixed(2))
			.join(' ')}`,
	].join('\n');
}

function table(results: BenchResult[]): string {
	const rows = results.map(
		(r) =>
			`| ${r.name} | ${r.calls.toLocaleString('en')} | ${r.ms} | ${r.perSecond.toLocaleString('en')} | ${r.target ?? ''} | ${r.met === undefined ? '' : r.met ? 'met' : '**not met**'} |`,
	);
	return [
		'| benchmark | calls | ms | per second | target | result |',
		'|---|---|---|---|---|---|',
		...rows,
	].join('\n');
}

async function main(): Promise<void> {
	const sections: string[] = ['# Benchmark results', '', machine(), ''];
	sections.push('## Production calendar', '', table(runCalendarBench()), '');
	const n = Number(process.env.MCU_BENCH_APPEALS ?? 100000);
	sections.push(
		'## Domain pipeline in-process',
		'',
		table(runPipelineBench(n)),
		'',
		PIPELINE_NOTES,
		'',
	);

	const polls = [await pollCost(100), await pollCost(100000)];
	sections.push(
		'## Polling cost (ПОС trigger, 10 new messages)',
		'',
		table(
			polls.map((p) => ({
				name: `poll with ${p.old.toLocaleString('en')} old messages: ${p.requests} requests, ${p.emitted} emitted`,
				calls: p.requests,
				ms: p.ms,
				perSecond: 0,
				target: 'constant requests',
				met: p.requests === polls[0].requests && p.emitted === 10,
			})),
		),
		'',
	);

	if (process.env.MCU_BENCH_SKIP_N8N !== '1') {
		try {
			const o = await compareWithSetNodes(Number(process.env.MCU_BENCH_N8N_APPEALS ?? 10000));
			const row = (t: NodeTiming) =>
				`| ${t.node} | ${t.inputItems.toLocaleString('en')} | ${t.ms} | ${(t.inputItems ? (t.ms * 1000) / t.inputItems : 0).toFixed(1)} |`;
			sections.push(
				`## In real n8n: ${o.appeals.toLocaleString('en')} appeals in one execution, our nodes against as many Set nodes`,
				'',
				'| node | input items | ms | µs per item |',
				'|---|---|---|---|',
				...o.ours.map(row),
				...o.set.map(row),
				'',
				`Ratio (our time per item / Set time per item): **${o.ratio.toFixed(2)}×** — target ≤ 1.5×: ${o.ratio <= 1.5 ? 'met' : '**not met**'}.`,
				'A Set node copies each item and sets one field; ours classify, count deadlines on the production calendar,',
				"check answers and route, so the ratio is the cost of the domain work on top of n8n's own per-item handling.",
				'',
			);
		} catch (error) {
			sections.push(
				'## In real n8n against Set nodes',
				'',
				`Not measured: ${(error as Error).message.split('\n')[0]} (needs the e2e install: run \`npm test\` once).`,
				'',
			);
		}
	}
	sections.push(
		'## Elsewhere',
		'',
		"- Sheets: the 5,000-row upsert against n8n's own Google Sheets node — `bench/sheets-results.md` (`npx tsx bench/sheets.ts`).",
		'- Deadlines alone, and the proof that the epoch-ms clock equals the luxon DateTime code it replaced — `bench/deadlines.md`',
		'  (`npx tsx bench/deadlines.ts`).',
		'- Faults, kill/restart, queue mode, malformed records, secrets: the reliability suite (`npm run test:reliability`), see',
		'  `bench/reliability.md`.',
		'',
	);
	const out = path.join(__dirname, 'results.md');
	fs.writeFileSync(out, sections.join('\n'));
	console.log(sections.join('\n'));
	console.log(`\nwritten: ${out}`);
}

void main();
