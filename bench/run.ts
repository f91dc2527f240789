/**
 * `npm run bench`: runs every benchmark in one process, side by side, and writes bench/results.md with the
 * machine's details (these machines are shared and noisy: compare ratios, not absolute numbers).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCalendarBench, type BenchResult } from './calendar';

function machine(): string {
	const cpus = os.cpus();
	return [
		`- date: ${new Date().toISOString()}`,
		`- node: ${process.version}, ${os.platform()} ${os.release()} ${os.arch()}`,
		`- cpu: ${cpus[0]?.model ?? '?'} × ${cpus.length}`,
		`- memory: ${Math.round(os.totalmem() / 2 ** 30)} GB total, ${Math.round(os.freemem() / 2 ** 30)} GB free`,
		`- load average: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`,
	].join('\n');
}

function table(results: BenchResult[]): string {
	const rows = results.map((r) => `| ${r.name} | ${r.calls.toLocaleString('en')} | ${r.ms} | ${r.perSecond.toLocaleString('en')} | ${r.target ?? ''} | ${r.met === undefined ? '' : r.met ? 'met' : '**not met**'} |`);
	return ['| benchmark | calls | ms | per second | target | result |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

async function main(): Promise<void> {
	const sections: string[] = ['# Benchmark results', '', machine(), ''];
	sections.push('## Production calendar', '', table(runCalendarBench()), '');
	const out = path.join(__dirname, 'results.md');
	fs.writeFileSync(out, sections.join('\n'));
	console.log(sections.join('\n'));
	console.log(`\nwritten: ${out}`);
}

void main();
