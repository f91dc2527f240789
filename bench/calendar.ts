/**
 * Production calendar speed: a million calls of each exported function (target: addWorkingDays × 1e6 < 1 s).
 * Run: npx tsx bench/calendar.ts
 */
import { ProductionCalendar } from '../lib/calendar';

export interface BenchResult {
	name: string;
	calls: number;
	ms: number;
	perSecond: number;
	target?: string;
	met?: boolean;
}

export function runCalendarBench(): BenchResult[] {
	const cal = new ProductionCalendar();
	const dates: string[] = [];
	for (
		let d = new Date('2025-01-01T00:00:00Z');
		d.getUTCFullYear() < 2027;
		d.setUTCDate(d.getUTCDate() + 1)
	) {
		dates.push(d.toISOString().slice(0, 10));
	}
	const N = 1_000_000;
	const results: BenchResult[] = [];
	const time = (
		name: string,
		fn: (i: number) => unknown,
		target?: { ms: number; text: string },
	) => {
		for (let i = 0; i < 10000; i++) fn(i); // warm-up
		const t0 = process.hrtime.bigint();
		let sink = 0;
		for (let i = 0; i < N; i++) sink += fn(i) ? 1 : 0;
		const ms = Number(process.hrtime.bigint() - t0) / 1e6;
		if (sink < 0) console.log(sink);
		results.push({
			name,
			calls: N,
			ms: Math.round(ms),
			perSecond: Math.round((N / ms) * 1000),
			target: target?.text,
			met: target ? ms < target.ms : undefined,
		});
	};
	time('addWorkingDays(date, 1..60)', (i) => cal.addWorkingDays(dates[i % 365], 1 + (i % 60)), {
		ms: 1000,
		text: '1e6 calls < 1 s',
	});
	time('isWorkingDay(date)', (i) => cal.isWorkingDay(dates[i % dates.length]));
	time('workingDaysBetween(a, b)', (i) =>
		cal.workingDaysBetween(dates[i % 365], dates[(i * 7) % dates.length]),
	);
	return results;
}

if (require.main === module) {
	for (const r of runCalendarBench())
		console.log(
			`${r.name}: ${r.calls} calls in ${r.ms} ms (${r.perSecond}/s)${r.target ? ` — target ${r.target}: ${r.met ? 'met' : 'NOT met'}` : ''}`,
		);
}
