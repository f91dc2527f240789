/**
 * The domain pipeline in-process (structuring + deadlines + answer checks + rating) on N appeals from the seeded
 * district, against the floor of touching the data (JSON parse + stringify of the same appeals). Target: ≥ 20,000
 * appeals per second on one core and < 300 MB heap for 100,000.
 */
import { DateTime } from 'luxon';
import { makeAppeal, type Appeal } from '../lib/appeal';
import { ProductionCalendar } from '../lib/calendar';
import { createClassifier, structureBatch } from '../lib/classify';
import { DEFAULT_POLICIES, applyDeadline } from '../lib/deadlines';
import { checkAnswer } from '../lib/quality';
import { computeRating } from '../lib/rating';
import { generateDistrict } from '../sandbox/seed/district';
import type { BenchResult } from './calendar';

type DistrictAppeal = ReturnType<typeof generateDistrict>['appeals'][number];

/** A generated district's appeal as the sources hand it over, under the id and time given. */
export function appealOf(a: DistrictAppeal, externalId: string, receivedAt: string): Appeal {
	return makeAppeal(
		{
			source: a.channel,
			externalId,
			kind: a.kind === 'post' ? 'message' : a.kind,
			receivedAt,
			text: a.text,
			raw: {},
		},
		{
			author: a.author
				? { name: `${a.author.surname} ${a.author.name}`, contact: a.author.phone }
				: { name: null, anonymous: true },
			answeredAt: a.answer?.at ?? null,
			answerText: a.answer?.text ?? null,
			address: a.address ?? null,
		},
	);
}

/** `n` appeals from the district's own ones, repeated a minute later each round (unique ids). */
export function appealsFromDistrict(n: number): Appeal[] {
	const district = generateDistrict();
	const out: Appeal[] = [];
	for (let i = 0; i < n; i++) {
		const a = district.appeals[i % district.appeals.length];
		const shift = Math.floor(i / district.appeals.length) * 60000;
		out.push(appealOf(a, `${a.seq}-${i}`, new Date(Date.parse(a.createdAt) + shift).toISOString()));
	}
	return out;
}

/** `n` appeals from as many different districts (seeds 1, 2, …) as it takes: texts, authors and times differ. */
export function distinctAppeals(n: number): Appeal[] {
	const out: Appeal[] = [];
	for (let seed = 1; out.length < n; seed++) {
		for (const a of generateDistrict(seed).appeals) {
			if (out.length >= n) break;
			out.push(appealOf(a, `${seed}-${a.seq}`, a.createdAt));
		}
	}
	return out;
}

export function runPipelineBench(n = 100_000): BenchResult[] {
	const appeals = appealsFromDistrict(n);
	const floorStart = process.hrtime.bigint();
	JSON.parse(JSON.stringify(appeals));
	const floorMs = Number(process.hrtime.bigint() - floorStart) / 1e6;

	global.gc?.();
	const heapBefore = process.memoryUsage().heapUsed;
	const t0 = process.hrtime.bigint();
	const classifier = createClassifier();
	const calendar = new ProductionCalendar();
	const now = DateTime.fromISO('2026-11-25T10:00:00+03:00', { setZone: true });
	const structured = structureBatch(appeals as unknown as Array<Record<string, unknown>>, {
		classifier,
	});
	let peak = process.memoryUsage().heapUsed;
	for (const a of structured) {
		Object.assign(
			a,
			applyDeadline(a, { policies: DEFAULT_POLICIES, calendar, now, sourceDeadline: 'recompute' }),
		);
		if (a.answerText)
			a.answerCheck = checkAnswer({
				appealText: String(a.text),
				answerText: a.answerText as string,
				answeredAt: a.answeredAt as string,
				deadline: a.deadline as string,
			});
	}
	peak = Math.max(peak, process.memoryUsage().heapUsed);
	computeRating(structured as never, {
		period: { from: '2026-08-01T00:00:00+03:00', to: '2026-11-30T00:00:00+03:00' },
		groupBy: 'settlement',
		now: now.toISO()!,
	});
	const ms = Number(process.hrtime.bigint() - t0) / 1e6;
	peak = Math.max(peak, process.memoryUsage().heapUsed);
	const heapMb = Math.round((peak - heapBefore) / 2 ** 20);
	return [
		{
			name: `pipeline: structure + deadlines + answer checks + rating, ${n} appeals`,
			calls: n,
			ms: Math.round(ms),
			perSecond: Math.round((n / ms) * 1000),
			target: '≥ 20,000/s',
			met: (n / ms) * 1000 >= 20000,
		},
		{
			name: `floor: JSON parse + stringify of the same appeals (pipeline is ${(ms / floorMs).toFixed(1)}× the floor)`,
			calls: n,
			ms: Math.round(floorMs),
			perSecond: Math.round((n / floorMs) * 1000),
		},
		{
			name: `heap growth during the pipeline: ${heapMb} MB`,
			calls: n,
			ms: 0,
			perSecond: 0,
			target: '< 300 MB',
			met: heapMb < 300,
		},
	];
}

if (require.main === module) {
	for (const r of runPipelineBench(Number(process.argv[2] ?? 100000)))
		console.log(
			`${r.name}: ${r.ms} ms, ${r.perSecond}/s${r.target ? ` — target ${r.target}: ${r.met ? 'met' : 'NOT met'}` : ''}`,
		);
}
