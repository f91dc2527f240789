/**
 * The deadline clock's building blocks (lib/deadlines/zoneClock.ts, localTime.ts, instant.ts) follow luxon and Date:
 * each is run on seeded random inputs against luxon or Date itself — DST zones, midnight switches, fractional
 * durations, invalid zones and odd strings included — and must give exactly the same, NaN and -0 included.
 */
import { isDeepStrictEqual } from 'node:util';
import { DateTime, Duration, Info } from 'luxon';
import { parseInstant, formatInstant } from '../../../lib/deadlines/instant';
import { durationMillis, fieldsOfLocalMs, localMsOf } from '../../../lib/deadlines/localTime';
import { clockFor } from '../../../lib/deadlines/zoneClock';
import { createRng } from '../../../sandbox/core/rng';

const random = createRng(20251125);
const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
const chance = (p: number) => random() < p;

/** Moscow (no DST), Berlin (DST at 01:00 UTC), Havana (fall-back at midnight: 00:xx happens twice), Santiago
 * (spring-forward at midnight: no 00:00), a half-hour zone with DST, fixed-offset zones. */
const ZONES = [
	'Europe/Moscow',
	'Europe/Berlin',
	'America/Havana',
	'America/Santiago',
	'America/St_Johns',
	'Asia/Kolkata',
	'UTC',
	'UTC+3',
];

const H = 3_600_000;
const FROM = Date.UTC(2025, 0, 1) - 3 * H;
const TO = Date.UTC(2027, 0, 1);

const TRANSITIONS: number[] = [];
for (const zone of ZONES) {
	const z = Info.normalizeZone(zone);
	let prev = z.offset(FROM);
	for (let t = FROM; t < TO; t += 15 * 60_000) {
		const o = z.offset(t);
		if (o !== prev) TRANSITIONS.push(t);
		prev = o;
	}
}

/** Mostly ordinary moments, often hours around a DST switch. */
function randomMoment(): number {
	if (chance(0.3))
		return pick(TRANSITIONS) + int(-26 * 60, 26 * 60) * 60_000 + pick([0, 0, int(0, 59_999)]);
	const ms = FROM + Math.floor(random() * (TO - FROM));
	return chance(0.5) ? ms - (ms % 60_000) : ms;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The moment written in ISO 8601 with an offset, in one of the shapes the sources send. */
function isoOf(ms: number): string {
	const offset = pick([180, 180, 0, 0, 60, -300, 330, -210]);
	const local = new Date(ms + offset * 60_000);
	const base = local.toISOString().slice(0, 16);
	const seconds = pad(local.getUTCSeconds());
	const millis = pad(local.getUTCMilliseconds(), 3);
	const time = pick([
		base,
		`${base}:${seconds}`,
		`${base}:${seconds}.${millis}`,
		`${base}:${seconds}.${millis.slice(0, 1)}`,
		`${base}:${seconds}.${millis}999999`,
	]);
	if (offset === 0) return time + pick(['Z', '+00:00', '-00:00', '+0000']);
	const a = Math.abs(offset);
	return `${time}${offset < 0 ? '-' : '+'}${pad(Math.floor(a / 60))}${chance(0.8) ? ':' : ''}${pad(a % 60)}`;
}

const ODD_STRINGS: unknown[] = [
	'2026-05-01T24:00:00+03:00',
	'2026-02-30T10:00:00+03:00',
	'2026-13-01T00:00:00+03:00',
	'2026-05-01T10:00:60+03:00',
	'2026-05-01T10:00:00',
	'2026-05-01T10:00:00z',
	'24.11.2026',
	'вчера',
	'',
	' ',
	42,
	{},
	true,
	null,
	'2026-05-01T10:00:00.1234567890123+03:00',
	'2026-05-01T10:00+14:00',
	'2026-05-01T10:00:00+99:99',
	'0999-05-01T10:00:00Z',
	'2026-05-01T10:00:00.+03:00',
	'2026-05-01 10:00:00+03:00',
	'2026-05-01T10:00:00+03',
	'1850-06-01T10:00:00+03:00',
	'2024-02-29T10:00:00+03:00',
	'2025-02-29T10:00:00+03:00',
];

/** Runs a function and describes what came out: the value, or the error's class and message. */
function outcome<T>(fn: () => T, describe: (value: T) => unknown = (v) => v): unknown {
	try {
		return { value: describe(fn()) };
	} catch (error) {
		const e = error as Error;
		return { error: e?.constructor?.name, message: e?.message };
	}
}

/** Collects mismatches; the test shows the first few with their inputs. */
function compare(
	label: string,
	input: unknown,
	expected: unknown,
	actual: unknown,
	into: unknown[],
): void {
	if (!isDeepStrictEqual(expected, actual)) into.push({ label, input, expected, actual });
}

describe('the deadline clock follows luxon and Date', () => {
	it('parses date-times as luxon does, or refuses the same ones', () => {
		// The deadline fields' contract: ISO 8601 with an offset, read by luxon.
		const luxonParse = (value: unknown) => {
			if (
				typeof value !== 'string' ||
				!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value)
			)
				throw new Error('refused');
			const dt = DateTime.fromISO(value, { setZone: true });
			if (!dt.isValid) throw new Error('refused');
			return {
				ms: dt.toMillis(),
				offset: dt.offset,
				iso: dt.toISO({ suppressMilliseconds: true }),
			};
		};
		const mismatches: unknown[] = [];
		for (let i = 0; i < 20_000; i++) {
			const s = i < ODD_STRINGS.length ? ODD_STRINGS[i] : isoOf(randomMoment());
			const expected = outcome(
				() => luxonParse(s),
				(v) => v,
			);
			const actual = outcome(
				() => parseInstant(s, 'x'),
				(p) => ({ ms: p.ms, offset: p.offset, iso: formatInstant(p) }),
			);
			// Both refuse, or both read the same moment, offset and text.
			compare(
				'parse',
				s,
				'error' in (expected as object) ? 'refused' : expected,
				'error' in (actual as object) ? 'refused' : actual,
				mismatches,
			);
		}
		expect(mismatches.slice(0, 3)).toEqual([]);
		expect(() => parseInstant('вчера', 'registeredAt')).toThrow(
			'Поле registeredAt: ожидается дата и время ISO 8601 со смещением',
		);
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
				: {
						year: d.getUTCFullYear(),
						month: d.getUTCMonth() + 1,
						day: d.getUTCDate(),
						hour: d.getUTCHours(),
						minute: d.getUTCMinutes(),
						second: d.getUTCSeconds(),
						millisecond: d.getUTCMilliseconds(),
					};
			compare('fields', t, expected, fieldsOfLocalMs(t), mismatches);
		}
		expect(mismatches.slice(0, 3)).toEqual([]);
	});

	it("reads local fields back to milliseconds as luxon's objToLocalTS (Date.UTC) does", () => {
		const luxonObjToLocalTS = (
			y: number,
			mo: number,
			d: number,
			h: number,
			mi: number,
			s: number,
			ms: number,
		) => {
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
				pick([
					() => int(2024, 2027),
					() => int(100, 9999),
					() => int(-300, 120),
					() => int(9990, 300_000),
				])(),
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
			const minutes = pick([
				() => int(0, 1440),
				() => int(0, 1440) + int(0, 59) / 60,
				() => random() * 3000,
				() => -random() * 600,
			])();
			const expected = Duration.fromObject({
				years: 0,
				quarters: 0,
				months: 0,
				weeks: 0,
				days,
				hours: 0,
				minutes,
				seconds: 0,
				milliseconds: 0,
			}).as('milliseconds');
			compare(
				'duration',
				{ days, minutes },
				expected,
				durationMillis(days, minutes, 0),
				mismatches,
			);
		}
		expect(mismatches.slice(0, 3)).toEqual([]);
	});

	it('memoized zone offsets equal the zone’s own, across DST switches', () => {
		const mismatches: unknown[] = [];
		for (const name of [...ZONES, 'Europe/London', 'Australia/Lord_Howe', 'Foo/Bar']) {
			const zone = Info.normalizeZone(name);
			const clock = clockFor(name);
			for (let i = 0; i < 3000; i++) {
				const t = chance(0.5)
					? pick(TRANSITIONS) + int(-7200, 7200) * 1000 + pick([0, -1, 1, 999, int(0, 999)])
					: randomMoment();
				compare(`offset ${name}`, t, zone.offset(t), clock.offset(t), mismatches);
			}
		}
		expect(mismatches.slice(0, 3)).toEqual([]);
	});

	it('day arithmetic equals DateTime’s: startOf, endOf, plus, diff, hasSame, toISO, a date’s last second', () => {
		const mismatches: unknown[] = [];
		for (let i = 0; i < 5_000; i++) {
			const zone = pick([...ZONES, 'Foo/Bar']);
			const clock = clockFor(zone);
			const a = randomMoment();
			const b = chance(0.5) ? a + int(-3 * 24, 3 * 24) * H + int(0, 59) * 60_000 : randomMoment();
			const da = DateTime.fromMillis(a, { zone });
			const db = DateTime.fromMillis(b, { zone });
			const days = pick([0, 1, -1, 30, int(-40, 40), 0.5, random() * 3]);
			const minutes = pick([0, 0, int(0, 1440), random() * 600]);
			const input = { zone, a, b, days, minutes };
			compare(
				'toISO',
				input,
				da.toISO({ suppressMilliseconds: true }),
				clock.format(a),
				mismatches,
			);
			compare('toISODate', input, da.toISODate(), clock.isoDate(a), mismatches);
			compare('startOf', input, da.startOf('day').toMillis(), clock.startOfDay(a), mismatches);
			compare('endOf', input, da.endOf('day').toMillis(), clock.endOfDay(a), mismatches);
			compare(
				'plus',
				input,
				da.plus({ days, minutes }).toMillis(),
				clock.plus(a, days, minutes, 0),
				mismatches,
			);
			compare('hasSame', input, da.hasSame(db, 'day'), clock.sameDay(a, b), mismatches);
			// As evaluateDeadline counts calendar days: between the starts of two local days.
			compare(
				'diff',
				input,
				db.startOf('day').diff(da.startOf('day'), 'days').days,
				clock.diffDays(clock.startOfDay(b), clock.startOfDay(a)),
				mismatches,
			);
			if (da.isValid)
				compare(
					'diff (any moments)',
					input,
					da.diff(db, 'days').days,
					clock.diffDays(a, b),
					mismatches,
				);
			const date = db.toISODate();
			compare(
				'endOfDate',
				input,
				DateTime.fromISO(date as string, { zone })
					.endOf('day')
					.set({ millisecond: 0 })
					.toMillis(),
				clock.endOfDate(date),
				mismatches,
			);
		}
		expect(mismatches.slice(0, 3)).toEqual([]);
	});
});
