/**
 * Deadline speed alone: applyDeadline (deadline + status + time left) on N appeals of the seeded district, each
 * recomputed by its policy, best of 5 runs in CPU time (the machines are shared: wall time follows the neighbours'
 * load more than ours); the digest of every result tells two versions' outputs apart.
 * Run: npx tsx bench/deadlines.ts [N]
 */
import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import { ProductionCalendar } from '../lib/calendar';
import { DEFAULT_POLICIES, applyDeadline } from '../lib/deadlines';
import type { BenchResult } from './calendar';
import { appealsFromDistrict } from './pipeline';

export function runDeadlineBench(n = 100_000): BenchResult[] {
	const appeals = appealsFromDistrict(n) as unknown as Array<Record<string, unknown>>;
	const calendar = new ProductionCalendar();
	const now = DateTime.fromISO('2026-11-25T10:00:00+03:00', { setZone: true });
	const options = {
		policies: DEFAULT_POLICIES,
		calendar,
		now,
		sourceDeadline: 'recompute' as const,
	};
	const digest = createHash('sha256');
	for (const a of appeals) digest.update(JSON.stringify(applyDeadline(a, options)));
	let best = Infinity;
	let sink = 0;
	for (let run = 0; run < 5; run++) {
		const t0 = process.cpuUsage();
		for (const a of appeals) sink += applyDeadline(a, options).deadlineInfo.workingDaysLeft;
		const used = process.cpuUsage(t0);
		best = Math.min(best, (used.user + used.system) / 1000);
	}
	if (Number.isNaN(sink)) console.log(sink);
	const sha = digest.digest('hex').slice(0, 16);
	return [
		{
			name: `applyDeadline, ${n} appeals (best of 5): ${((best * 1000) / n).toFixed(2)} µs CPU per appeal, results sha256 ${sha}`,
			calls: n,
			ms: Math.round(best),
			perSecond: Math.round((n / best) * 1000),
		},
	];
}

if (require.main === module) {
	for (const r of runDeadlineBench(Number(process.argv[2] ?? 100000)))
		console.log(`${r.name}: ${r.ms} ms, ${r.perSecond}/s`);
}
