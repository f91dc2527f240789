/**
 * The epoch-millisecond deadline code must give exactly what the luxon DateTime code gave. Every public
 * deadline function is run on the same seeded random inputs against the frozen copy of the old code
 * (test/helpers/deadlinesReference.ts); results, thrown errors, -0 and NaN included, must be identical.
 */
import { isDeepStrictEqual } from 'node:util';
import { DateTime, Duration, Info } from 'luxon';
import { BUILTIN_YEARS, ProductionCalendar } from '../../../lib/calendar';
import {
	DEFAULT_POLICIES,
	addPeriod,
	addWorkingHours,
	applyDeadline,
	computeDeadline,
	evaluateDeadline,
	mergePolicies,
	workingMinutesBetween,
	type DeadlinePolicy,
	type DeadlineResult,
	type DeadlineUnit,
	type DueSoonThresholds,
} from '../../../lib/deadlines';
import { parseInstant, formatInstant } from '../../../lib/deadlines/instant';
import { durationMillis, fieldsOfLocalMs, localMsOf } from '../../../lib/deadlines/localTime';
import { clockFor } from '../../../lib/deadlines/zoneClock';
import * as ref from '../../helpers/deadlinesReference';
import { createRng } from '../../../sandbox/core/rng';

const random = createRng(20251125);
const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
const chance = (p: number) => random() < p;
/** MCU_DEADLINE_SWEEP=5 runs five times the cases (the recorded proof in bench/deadlines.md). */
const SCALE = Number(process.env.MCU_DEADLINE_SWEEP ?? 1);

/** Moscow (no DST), Berlin (DST at 01:00 UTC), Havana (fall-back at midnight: 00:xx happens twice), Santiago
 * (spring-forward at midnight: no 00:00), a half-hour zone with DST, a fixed-offset zone, and an invalid name. */
const ZONES = ['Europe/Moscow', 'Europe/Berlin', 'America/Havana', 'America/Santiago', 'America/St_Johns', 'Asia/Kolkata', 'UTC', 'UTC+3'];
const MAIN_ZONES = ['Europe/Moscow', 'Europe/Moscow', 'Europe/Moscow', 'Europe/Berlin', 'America/Havana', 'America/Santiago', 'UTC'];

const H = 3_600_000;
const FROM = Date.UTC(2025, 0, 1) - 3 * H;
const TO = Date.UTC(2027, 0, 1);

/** Moments where the calendar or the clock does something: holidays, shortened days, DST switches. */
const SPECIAL_DAYS: string[] = [];
for (const y of BUILTIN_YEARS) for (const d of y.days) SPECIAL_DAYS.push(`${y.year}-${d.date}`);
SPECIAL_DAYS.push('2024-12-31', '2025-12-31', '2026-12-31', '2027-01-01', '2026-01-12', '2025-12-29');
const TRANSITIONS: number[] = [];
for (const zone of ZONES) {
	const z = Info.normalizeZone(zone);
	if (!z.isValid) continue;
	let prev = z.offset(FROM);
	for (let t = FROM; t < TO; t += 15 * 60_000) {
		const o = z.offset(t);
		if (o !== prev) TRANSITIONS.push(t);
		prev = o;
	}
}

function randomMoment(): number {
	const r = random();
	if (r < 0.15) return pick(TRANSITIONS) + int(-3 * 60, 3 * 60) * 60_000 + pick([0, 0, int(0, 59_999)]);
	if (r < 0.4) {
		const day = Date.parse(pick(SPECIAL_DAYS) + 'T00:00:00Z');
		return day + int(-6, 30) * H + pick([0, 30, 59, int(0, 59)]) * 60_000 + pick([0, 0, int(0, 59) * 1000, int(0, 59_999)]);
	}
	if (r < 0.45) return Date.UTC(pick([2024, 2027]), int(0, 11), int(1, 28), int(0, 23), int(0, 59), int(0, 59));
	const ms = FROM + Math.floor(random() * (TO - FROM));
	// Mostly whole minutes or seconds, as real appeals have; sometimes milliseconds.
	return chance(0.5) ? ms - (ms % 60_000) : chance(0.6) ? ms - (ms % 1000) : ms;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The moment written in ISO 8601 with an offset, in one of the shapes the sources send. */
function isoOf(ms: number): string {
	const offset = pick([180, 180, 180, 0, 0, 60, 120, -300, 330, -210, 0]);
	const local = new Date(ms + offset * 60_000);
	const base = local.toISOString().slice(0, 16);
	const seconds = local.getUTCSeconds();
	const millis = local.getUTCMilliseconds();
	let time = base;
	const shape = random();
	if (shape < 0.25 && seconds === 0 && millis === 0) time = base;
	else if (shape < 0.6) time = `${base}:${pad(seconds)}`;
	else if (shape < 0.85) time = `${base}:${pad(seconds)}.${pad(millis, 3)}`;
	else time = `${base}:${pad(seconds)}.${pick([String(millis).padStart(3, '0').slice(0, 1), pad(millis, 3) + '456', pad(millis, 3) + '999999'])}`;
	let suffix: string;
	if (offset === 0) suffix = pick(['Z', 'Z', '+00:00', '-00:00', '+0000']);
	else {
		const a = Math.abs(offset);
		const colon = chance(0.85) ? ':' : '';
		suffix = `${offset < 0 ? '-' : '+'}${pad(Math.floor(a / 60))}${colon}${pad(a % 60)}`;
	}
	return time + suffix;
}

const ODD_STRINGS: unknown[] = [
	'2026-05-01T24:00:00+03:00', '2026-02-30T10:00:00+03:00', '2026-13-01T00:00:00+03:00', '2026-05-01T10:00:60+03:00',
	'2026-05-01T10:00:00', '2026-05-01T10:00:00z', '24.11.2026', 'вчера', '', ' ', 42, {}, true,
	'2026-05-01T10:00:00.1234567890123+03:00', '2026-05-01T10:00+14:00', '2026-05-01T10:00:00+99:99', '0999-05-01T10:00:00Z',
	'2026-05-01T10:00:00.+03:00', '2026-05-01 10:00:00+03:00', '2026-05-01T10:00:00+03', '1850-06-01T10:00:00+03:00',
	'2026-05-01T10:00:00.000000000000000000000000000001Z',
];

function randomDateField(p = 0.97): unknown {
	return chance(p) ? isoOf(randomMoment()) : pick(ODD_STRINGS);
}

const OFFICE_HOURS = [
	{ start: '09:00', end: '18:00', shortenedByMinutes: 60 },
	{ start: '08:30', end: '17:15', shortenedByMinutes: 60 },
	{ start: '00:00', end: '23:59', shortenedByMinutes: 0 },
	{ start: '10:00', end: '10:30', shortenedByMinutes: 60 },
	{ start: '9:00', end: '18:00', shortenedByMinutes: 45 },
];
const UNITS: DeadlineUnit[] = ['calendar_days', 'working_days', 'working_hours'];

/** A policy of every shape the code supports: each unit, day-off rule, count-from, extension, zone, hours. */
function randomPolicy(): DeadlinePolicy {
	const base = pick(DEFAULT_POLICIES);
	const unit = chance(0.5) ? base.unit : pick(UNITS);
	const amount =
		unit === 'working_days' ? pick([1, 1, 3, 5, 10, 30, 0, -2]) : pick([1, 3, 8, 30, 30, 0, 1.5, 2.25, 7.75, -1, 60, 250]);
	const extension = chance(0.3)
		? null
		: { unit: pick(UNITS), amount: pick([30, 30, 1, 5, 4, 2.5]) as number };
	if (extension && extension.unit === 'working_days') extension.amount = Math.round(extension.amount);
	return {
		...base,
		unit,
		amount,
		extension,
		dayOff: pick(['previous', 'next', 'keep'] as const),
		countFrom: pick(['registeredAt', 'receivedAt'] as const),
		officeHours: chance(0.7) ? OFFICE_HOURS[0] : pick(OFFICE_HOURS),
		timeZone: chance(0.9) ? pick(MAIN_ZONES) : pick([...ZONES, 'Foo/Bar']),
	};
}

function randomNow(): DateTime {
	if (chance(0.01)) return DateTime.invalid('test');
	return DateTime.fromMillis(randomMoment(), { zone: pick(['Europe/Moscow', 'utc', 'Europe/Berlin', 'UTC+3']) });
}

/** Runs a function and describes what came out: the value, or the error's class and message. */
function outcome<T>(fn: () => T, describe: (value: T) => unknown = (v) => v): unknown {
	try {
		return { value: describe(fn()) };
	} catch (error) {
		const e = error as Error;
		return { error: e?.constructor?.name, message: e?.message };
	}
}

const millis = (d: DateTime) => d.toMillis();

/** Collects mismatches; the test shows the first few with their inputs. */
function compare(label: string, input: unknown, expected: unknown, actual: unknown, into: unknown[]): void {
	if (!isDeepStrictEqual(expected, actual)) into.push({ label, input, expected, actual });
}

const calendar = new ProductionCalendar();
const POLICY_SETS = Array.from({ length: 40 }, () => {
	const zone = pick(MAIN_ZONES);
	const hours = chance(0.8) ? OFFICE_HOURS[0] : pick(OFFICE_HOURS);
	const base = DEFAULT_POLICIES.map((p) => ({ ...p, timeZone: zone, officeHours: hours }));
	return chance(0.5)
		? base
		: mergePolicies(base, [
				{ source: 'pos', kind: 'message', unit: pick(UNITS), amount: pick([1, 10, 30]), dayOff: pick(['previous', 'next', 'keep'] as const) },
				{ source: 'telegram', kind: 'direct_message', unit: 'working_hours', amount: pick([2, 4, 8]), extension: { unit: 'working_hours', amount: 4 } },
				{ source: 'vk', kind: 'comment', unit: 'working_days', amount: pick([1, 2]), extension: { unit: 'calendar_days', amount: 3 } },
			]);
});
const SOURCES = ['pos', 'pos', 'im', 'vk', 'ok', 'telegram', 'max', 'official', 'import'];
const KINDS = ['message', 'appeal59', 'incident', 'incident', 'comment', 'direct_message'];

describe('fast deadline path = the luxon reference', () => {
	it('applyDeadline: 24,000 random appeals', () => {
		const mismatches: unknown[] = [];
		const seen = new Set<string>();
		for (let i = 0; i < 24_000 * SCALE; i++) {
			// Half the cases are one appeal's life: registration, answer and «now» days after receipt, so every
			// status (due soon too) and short working-hour spans come up; the rest are independent moments.
			const t0 = randomMoment();
			const later = (maxDays: number) => (chance(0.5) ? isoOf(t0 + Math.floor(random() * maxDays * 24 * H)) : randomDateField());
			const record: Record<string, unknown> = {
				id: `t:${i}`,
				source: chance(0.995) ? pick(SOURCES) : pick([undefined, '', 7]),
				kind: pick(KINDS),
				receivedAt: chance(0.97) ? isoOf(t0) : pick(ODD_STRINGS),
				registeredAt: chance(0.5) ? later(3) : pick([null, undefined, '']),
				deadline: chance(0.3) ? later(40) : null,
				extendedDeadline: chance(0.15) ? later(70) : null,
				answeredAt: chance(0.5) ? later(45) : null,
			};
			if (chance(0.1)) {
				record.routing = { rule: 'Дороги', deadline: { unit: pick(UNITS), amount: pick([1, 2, 5, 8, 1.5]) } };
			}
			const options = {
				policies: pick(POLICY_SETS),
				calendar,
				now: chance(0.5) ? DateTime.fromMillis(t0 + Math.floor(random() * 45 * 24 * H), { zone: 'Europe/Moscow' }) : randomNow(),
				sourceDeadline: pick(['keep', 'recompute'] as const),
				dueSoon: chance(0.8) ? undefined : ({ workingDays: int(0, 5), workingHours: int(0, 8) } as DueSoonThresholds),
			};
			const expected = outcome(() => ref.applyDeadline(record, options)) as { value?: DeadlineResult };
			if (expected.value) seen.add(`${expected.value.deadlineStatus} ${expected.value.deadlineInfo.unit}`);
			// The clock takes `now` as a DateTime or as epoch ms alike.
			const actual = outcome(() => applyDeadline(record, chance(0.5) ? options : { ...options, now: options.now.toMillis() }));
			compare('applyDeadline', { record, ...options, now: options.now.toISO(), policies: undefined }, expected, actual, mismatches);
		}
		expect(mismatches.slice(0, 3)).toEqual([]);
		// The inputs must reach every status under every unit, or the comparison proves little.
		expect(seen.size).toBe(15);
	}, 300_000 * SCALE);

	it('computeDeadline: 8,000 random policies and start moments', () => {
		const mismatches: unknown[] = [];
		for (let i = 0; i < 8_000 * SCALE; i++) {
			const policy = randomPolicy();
			const input = { receivedAt: randomDateField(0.99), registeredAt: chance(0.7) ? randomDateField(0.99) : null };
			compare('computeDeadline', { input, policy }, outcome(() => ref.computeDeadline(input, policy, calendar)), outcome(() => computeDeadline(input, policy, calendar)), mismatches);
		}
		expect(mismatches.slice(0, 3)).toEqual([]);
	}, 300_000 * SCALE);

	it('evaluateDeadline: 8,000 random deadlines, extensions, answers and moments', () => {
		const mismatches: unknown[] = [];
		for (let i = 0; i < 8_000 * SCALE; i++) {
			const policy = randomPolicy();
			// Half the moments fall within days of the deadline, where the hour and day counts are small.
			const t0 = randomMoment();
			const near = () => (chance(0.5) ? isoOf(t0 + Math.floor((random() - 0.6) * 10 * 24 * H)) : (randomDateField(0.99) as string));
			const input = {
				deadline: isoOf(t0),
				extendedDeadline: chance(0.2) ? near() : null,
				answeredAt: chance(0.4) ? near() : null,
			};
			const now = chance(0.5) ? DateTime.fromMillis(t0 + Math.floor((random() - 0.6) * 10 * 24 * H), { zone: pick(ZONES) }) : randomNow();
			const thresholds = chance(0.5) ? undefined : { workingDays: int(0, 5), workingHours: int(0, 8) };
			compare('evaluateDeadline', { input, now: now.toISO(), policy }, outcome(() => ref.evaluateDeadline(input, now, policy, calendar, thresholds)), outcome(() => evaluateDeadline(input, chance(0.5) ? now : now.toMillis(), policy, calendar, thresholds)), mismatches);
		}
		expect(mismatches.slice(0, 3)).toEqual([]);
	}, 300_000 * SCALE);

	it('addPeriod, addWorkingHours, workingMinutesBetween (DateTime in, epoch ms out): 8,000 cases', () => {
		const mismatches: unknown[] = [];
		for (let i = 0; i < 8_000 * SCALE; i++) {
			const policy = randomPolicy();
			const a = DateTime.fromMillis(randomMoment(), { zone: pick(ZONES), locale: pick(['ru', 'en-US', undefined]) });
			const b = chance(0.02) ? DateTime.invalid('test') : DateTime.fromISO(isoOf(randomMoment()), { setZone: true });
			const unit = pick(UNITS);
			const amount = unit === 'working_days' ? int(-3, 40) : pick([1, 8, 30, 1.5, 0.1, 17.25, -2, 0]);
			const input = { a: a.toISO(), b: b.toISO(), unit, amount, policy };
			compare('addPeriod', input, outcome(() => ref.addPeriod(a, unit, amount, policy, calendar), millis), outcome(() => addPeriod(a, unit, amount, policy, calendar)), mismatches);
			if (unit === 'working_hours') {
				compare('addWorkingHours', input, outcome(() => ref.addWorkingHours(a, amount, policy, calendar), millis), outcome(() => addWorkingHours(a, amount, policy, calendar)), mismatches);
			}
			compare('workingMinutesBetween', input, outcome(() => ref.workingMinutesBetween(a, b, policy, calendar)), outcome(() => workingMinutesBetween(a, b, policy, calendar)), mismatches);
		}
		expect(mismatches.slice(0, 3)).toEqual([]);
	}, 300_000 * SCALE);

	it('odd amounts and office hours fail the same way', () => {
		const mismatches: unknown[] = [];
		const start = DateTime.fromISO('2026-05-08T16:00:00+03:00', { setZone: true });
		for (const amount of [NaN, Infinity, -Infinity, '3' as unknown as number, true as unknown as number, '' as unknown as number, null as unknown as number, undefined as unknown as number]) {
			for (const unit of UNITS) {
				const policy = { ...DEFAULT_POLICIES[0], unit, amount };
				compare('addPeriod', { amount, unit }, outcome(() => ref.addPeriod(start, unit, amount, policy, calendar), millis), outcome(() => addPeriod(start, unit, amount, policy, calendar)), mismatches);
			}
		}
		for (const officeHours of [{ start: '9', end: '18:00', shortenedByMinutes: 60 }, { start: '09:00', end: 'x', shortenedByMinutes: 60 }, { start: 'a', end: 'b', shortenedByMinutes: 60 }]) {
			const policy = { ...DEFAULT_POLICIES[0], unit: 'working_hours' as const, amount: 8, officeHours };
			for (const [a, b] of [['2026-05-08T16:00:00+03:00', '2026-05-20T10:00:00+03:00'], ['2026-05-09T16:00:00+03:00', '2026-05-09T18:00:00+03:00']]) {
				const da = DateTime.fromISO(a, { setZone: true });
				const db = DateTime.fromISO(b, { setZone: true });
				compare('workingMinutesBetween', { a, b, officeHours }, outcome(() => ref.workingMinutesBetween(da, db, policy, calendar)), outcome(() => workingMinutesBetween(da, db, policy, calendar)), mismatches);
				compare('computeDeadline', { a, officeHours }, outcome(() => ref.computeDeadline({ receivedAt: a }, policy, calendar)), outcome(() => computeDeadline({ receivedAt: a }, policy, calendar)), mismatches);
			}
		}
		expect(mismatches).toEqual([]);
	});
});

describe('building blocks match luxon', () => {
	it('parses date-times as luxon does, or refuses the same ones', () => {
		const mismatches: unknown[] = [];
		for (let i = 0; i < 20_000; i++) {
			const s = i < ODD_STRINGS.length ? ODD_STRINGS[i] : isoOf(randomMoment());
			const expected = outcome(() => ref.parseInstant(s, 'x'), (d) => ({ ms: d.toMillis(), offset: d.offset, iso: d.toISO({ suppressMilliseconds: true }) }));
			const actual = outcome(() => parseInstant(s, 'x'), (p) => ({ ms: p.ms, offset: p.offset, iso: formatInstant(p) }));
			compare('parse', s, expected, actual, mismatches);
		}
		expect(mismatches.slice(0, 3)).toEqual([]);
	});

	it('reads local fields as Date does, fractional and negative moments included', () => {
		const mismatches: unknown[] = [];
		for (let i = 0; i < 20_000; i++) {
			const t = pick([
				() => (random() - 0.5) * 2e13,
				() => (random() - 0.5) * 1.7e16,
				() => Math.round((random() - 0.5) * 2e12) + pick([0.5, -0.5, 0.999, 1e-7]),
				() => FROM + random() * (TO - FROM),
			])();
			const d = new Date(t);
			const expected = Number.isNaN(+d)
				? null
				: { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), millisecond: d.getUTCMilliseconds() };
			compare('fields', t, expected, fieldsOfLocalMs(t), mismatches);
		}
		expect(mismatches.slice(0, 3)).toEqual([]);
	});

	it("reads local fields back to milliseconds as luxon's objToLocalTS (Date.UTC) does", () => {
		const luxonObjToLocalTS = (y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number) => {
			let t = Date.UTC(y, mo - 1, d, h, mi, s, ms);
			if (y < 100 && y >= 0) {
				const date = new Date(t);
				date.setUTCFullYear(y, mo - 1, d);
				t = +date;
			}
			return t;
		};
		const mismatches: unknown[] = [];
		for (let i = 0; i < 20_000; i++) {
			const args = [
				pick([() => int(2024, 2027), () => int(100, 9999), () => int(-300, 120), () => int(9990, 300_000)])(),
				pick([() => int(1, 12), () => int(-3, 15)])(),
				pick([() => int(1, 28), () => int(-40, 80), () => int(1, 31)])(),
				pick([() => int(0, 23), () => int(0, 23), () => int(-5, 30)])(),
				int(0, 59),
				int(0, 59),
				pick([0, 0, int(0, 999), 0.5, -1]),
			] as const;
			compare('localMs', args, luxonObjToLocalTS(...args), localMsOf(...args), mismatches);
		}
		expect(mismatches.slice(0, 3)).toEqual([]);
	});

	it("converts sub-day durations to milliseconds as luxon's plus does", () => {
		const mismatches: unknown[] = [];
		for (let i = 0; i < 20_000; i++) {
			const days = pick([0, 0, 0.5, 0.25, random(), -random()]);
			const minutes = pick([() => int(0, 1440), () => int(0, 1440) + int(0, 59) / 60, () => random() * 3000, () => -random() * 600])();
			const expected = Duration.fromObject({ years: 0, quarters: 0, months: 0, weeks: 0, days, hours: 0, minutes, seconds: 0, milliseconds: 0 }).as('milliseconds');
			compare('duration', { days, minutes }, expected, durationMillis(days, minutes, 0), mismatches);
		}
		expect(mismatches.slice(0, 3)).toEqual([]);
	});

	it('memoized zone offsets equal the zone’s own, across DST switches', () => {
		const mismatches: unknown[] = [];
		for (const name of [...ZONES, 'Europe/London', 'Australia/Lord_Howe', 'Foo/Bar']) {
			const zone = Info.normalizeZone(name);
			const clock = clockFor(name);
			for (let i = 0; i < 3000; i++) {
				const t = chance(0.5) ? pick(TRANSITIONS) + int(-7200, 7200) * 1000 + pick([0, -1, 1, 999, int(0, 999)]) : randomMoment();
				compare(`offset ${name}`, t, zone.offset(t), clock.offset(t), mismatches);
			}
		}
		expect(mismatches.slice(0, 3)).toEqual([]);
	});
});
