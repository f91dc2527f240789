/**
 * The deadline clock: local time in a policy's time zone on epoch milliseconds. It is the one implementation under
 * every deadline function (computeDeadline, addPeriod, working time, evaluateDeadline, applyDeadline).
 *
 * Why a clock of its own instead of luxon DateTime: counting one appeal took a DateTime per step, ≈ 300 µs, most of
 * it Intl asked for the zone's offset on every operation. Here the offset is asked once per UTC day and memoized
 * (a day that changes offset keeps its exact switch moment, so DST zones stay right), and moments are plain
 * numbers: ≈ 7–9 µs of CPU per appeal for deadline, status and time left (bench/deadlines.md).
 *
 * Each operation follows luxon 3's own algorithm (named on each method: tsToObj, objToLocalTS, fixOffset, startOf,
 * endOf, plus, diff, toISO), float for float, so results are the DateTime results to the millisecond: DST gaps and
 * repeated hours, fractional working minutes, invalid zones (NaN) and thrown errors included. That was proven on
 * 100,000+ seeded cases against the DateTime implementation before it was deleted (bench/deadlines.md). luxon stays
 * at the edge: the zone database (zone names, offsets) and the rare strings the hand parsers leave to it.
 */
import { DateTime, Duration, Info, Settings, type Zone } from 'luxon';
import {
	durationMillis,
	fieldsOfLocalMs,
	isoDateOf,
	isoDateTimeOf,
	localMsOf,
	MAX_EPOCH_MS,
	parsePlainDate,
	type LocalFields,
} from './localTime';

const DAY_MS = 86_400_000;

/** Offsets of one UTC day: `before` until `switchAt` (epoch ms), `after` from it on. */
interface DayOffsets {
	before: number;
	after: number;
	switchAt: number;
}

/** Local time in one zone. An invalid moment is NaN, as an invalid DateTime is; its date is null. */
export class ZoneClock {
	readonly valid: boolean;
	/** luxon writes `Z` instead of `+00:00` only for fixed-offset zones. */
	readonly universal: boolean;
	private readonly fixed: number | null;
	private readonly days = new Map<number, DayOffsets | null>();
	private lastDay = NaN;
	private lastKnown: DayOffsets | null = null;

	constructor(
		private readonly zone: Zone,
		/** false for zones whose offsets may change under us (the system zone follows process.env.TZ). */
		private readonly cacheable: boolean,
	) {
		this.valid = zone.isValid;
		this.universal = zone.isUniversal;
		this.fixed = zone.isUniversal && zone.isValid ? zone.offset(0) : null;
	}

	/** The zone's offset in minutes at a moment, as `zone.offset(ts)` gives it. */
	offset(ts: number): number {
		if (this.fixed !== null) return this.fixed;
		if (!this.valid) return NaN;
		if (!this.cacheable) return this.zone.offset(ts);
		const t = Math.trunc(ts); // `new Date(ts)` truncates too
		if (!(t >= -MAX_EPOCH_MS && t <= MAX_EPOCH_MS)) return NaN;
		const day = Math.floor(t / DAY_MS);
		let known: DayOffsets | null | undefined;
		// Consecutive calls mostly ask about the same day: skip the map then.
		if (day === this.lastDay) known = this.lastKnown;
		else {
			known = this.days.get(day);
			if (known === undefined) known = this.learnDay(day);
			this.lastDay = day;
			this.lastKnown = known;
		}
		if (known === null) return this.zone.offset(ts);
		return t < known.switchAt ? known.before : known.after;
	}

	/** One offset for the whole day, or one switch found by bisection (offsets change on whole seconds). */
	private learnDay(day: number): DayOffsets | null {
		if (this.days.size > 100_000) {
			this.days.clear();
			this.lastDay = NaN;
		}
		const start = day * DAY_MS;
		const end = start + DAY_MS - 1;
		const a = this.zone.offset(start);
		const m = this.zone.offset(start + DAY_MS / 2);
		const b = this.zone.offset(end);
		let known: DayOffsets | null = null;
		if (Number.isNaN(a) || Number.isNaN(m) || Number.isNaN(b)) {
			known = null;
		} else if (a === m && m === b) {
			known = { before: a, after: a, switchAt: Infinity };
		} else if (a === m || m === b) {
			let lo = start / 1000; // offset a
			let hi = Math.floor((a === m ? end : start + DAY_MS / 2) / 1000); // offset ≠ a
			while (hi - lo > 1) {
				const mid = Math.floor((lo + hi) / 2);
				if (this.zone.offset(mid * 1000) === a) lo = mid;
				else hi = mid;
			}
			const after = this.zone.offset(hi * 1000);
			// Two switches in one day (never seen in tzdata) are left to the zone itself.
			known = after === b ? { before: a, after, switchAt: hi * 1000 } : null;
		}
		this.days.set(day, known);
		return known;
	}

	/** Local fields of a moment (luxon's tsToObj with the zone's offset), null when invalid. */
	fields(ts: number): LocalFields | null {
		return fieldsOfLocalMs(ts + this.offset(ts) * 60 * 1000);
	}

	/** `toISODate()`: null for an invalid moment. */
	isoDate(ts: number): string | null {
		const f = this.fields(ts);
		return f ? isoDateOf(f) : null;
	}

	/** `toISO({ suppressMilliseconds: true })`: null for an invalid moment. */
	format(ts: number): string | null {
		const o = this.offset(ts);
		const f = fieldsOfLocalMs(ts + o * 60 * 1000);
		return f ? isoDateTimeOf(f, o, this.universal) : null;
	}

	/** luxon's fixOffset: the epoch ms of a local time, `guess` deciding ambiguous (fall-back) times. */
	fixOffset(localMs: number, guess: number): number {
		let utcGuess = localMs - guess * 60 * 1000;
		const o2 = this.offset(utcGuess);
		if (guess === o2) return utcGuess;
		utcGuess -= (o2 - guess) * 60 * 1000;
		const o3 = this.offset(utcGuess);
		if (o2 === o3) return utcGuess;
		// A local time in a DST gap: luxon moves it forward by the gap.
		return localMs - Math.min(o2, o3) * 60 * 1000;
	}

	/** `startOf('day')`. */
	startOfDay(ts: number): number {
		const o = this.offset(ts);
		const f = fieldsOfLocalMs(ts + o * 60 * 1000);
		if (!f) return NaN;
		return this.fixOffset(localMsOf(f.year, f.month, f.day, 0, 0, 0, 0), o);
	}

	/** `endOf('day')`: start of the next local day minus 1 ms. */
	endOfDay(ts: number): number {
		return this.plus(this.startOfDay(this.plus(ts, 1, 0, 0)), 0, 0, -1);
	}

	/** `hasSame(other, 'day')` of two moments in this zone. */
	sameDay(ts: number, other: number): boolean {
		if (Number.isNaN(ts)) return false;
		return this.startOfDay(ts) <= other && other <= this.endOfDay(ts);
	}

	/**
	 * `plus({ days, minutes, milliseconds })`: whole days move the local date (DST-aware), the rest is added to
	 * the epoch. `days` and `minutes` are checked as luxon checks them (a bad value throws luxon's own error).
	 */
	plus(ts: number, days: number, minutes: number, milliseconds: number): number {
		const o = this.offset(ts);
		const f = fieldsOfLocalMs(ts + o * 60 * 1000);
		if (!f) return NaN;
		const d = durationNumber(days, 'days');
		const m = durationNumber(minutes, 'minutes');
		const whole = Math.trunc(d);
		let t = this.fixOffset(
			localMsOf(f.year, f.month, f.day + whole, f.hour, f.minute, f.second, f.millisecond),
			o,
		);
		const add = durationMillis(d - whole, m, milliseconds);
		if (add !== 0) t += add;
		return t;
	}

	/**
	 * `endOf('day').set({ millisecond: 0 })` of the day `DateTime.fromISO(isoDate, { zone })`, i.e. 23:59:59
	 * local. Only plain `YYYY-MM-DD` takes the fast way; anything else goes to luxon.
	 */
	endOfDate(isoDate: string | null): number {
		const ymd = parsePlainDate(isoDate);
		if (!ymd || !this.valid) return slowEndOfDate(isoDate, this.zone);
		// fromObject guesses the offset from the current moment, as luxon does.
		const start = this.fixOffset(
			localMsOf(ymd[0], ymd[1], ymd[2], 0, 0, 0, 0),
			this.offset(Settings.now()),
		);
		const last = this.endOfDay(start);
		const o = this.offset(last);
		const f = fieldsOfLocalMs(last + o * 60 * 1000);
		if (!f) return NaN;
		return this.fixOffset(localMsOf(f.year, f.month, f.day, f.hour, f.minute, f.second, 0), o);
	}

	/**
	 * `self.diff(other, 'days').days` (both in this zone), following luxon's diff: whole local days, then the
	 * remainder as a fraction of the next day, so DST days and gaps round the same way.
	 */
	diffDays(self: number, other: number): number {
		if (Number.isNaN(self) || Number.isNaN(other)) return NaN;
		const otherIsLater = other > self;
		const a = otherIsLater ? self : other;
		const b = otherIsLater ? other : self;
		let days = Math.floor((utcDayStart(this.fields(b)!) - utcDayStart(this.fields(a)!)) / DAY_MS);
		let highWater = this.plus(a, days, 0, 0);
		let cursor: number;
		let cursorIsHighWater = false;
		if (highWater > b) {
			days--;
			cursor = this.plus(a, days, 0, 0);
			if (cursor > b) {
				highWater = cursor;
				days--;
				cursor = this.plus(a, days, 0, 0);
			}
		} else {
			cursor = highWater;
			cursorIsHighWater = true;
		}
		const remaining = b - cursor;
		if (highWater < b) {
			highWater = this.plus(cursor, 1, 0, 0);
			cursorIsHighWater = false;
		}
		if (!cursorIsHighWater) days = days + remaining / (highWater - cursor);
		const value = otherIsLater ? (days === 0 ? 0 : -days) : days;
		return value || 0;
	}
}

function utcDayStart(f: LocalFields): number {
	return localMsOf(f.year, f.month, f.day, 0, 0, 0, 0);
}

/** luxon's asNumber check on a duration value: booleans, '' and non-finite numbers throw luxon's error. */
function durationNumber(value: number, unit: 'days' | 'minutes'): number {
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (value === undefined || value === null) return 0; // luxon skips a missing unit
	const n = Number(value);
	if (typeof value === 'boolean' || (value as unknown) === '' || !Number.isFinite(n)) {
		Duration.fromObject({ [unit]: value }); // throws InvalidArgumentError, word for word
	}
	return n;
}

function slowEndOfDate(isoDate: string | null, zone: Zone): number {
	return DateTime.fromISO(isoDate as string, { zone })
		.endOf('day')
		.set({ millisecond: 0 })
		.toMillis();
}

const clocks = new Map<string, ZoneClock>();

/** The clock of a policy's time zone (a name luxon understands); one per name, kept for the process. */
export function clockFor(timeZone: string): ZoneClock {
	let clock = clocks.get(timeZone);
	if (clock) return clock;
	const zone = Info.normalizeZone(timeZone);
	// The system/default zone can change at run time (process.env.TZ, Settings.defaultZone): never memoized.
	const stable =
		typeof timeZone === 'string' &&
		zone.type !== 'system' &&
		!/^(default|local|system)$/i.test(timeZone);
	clock = new ZoneClock(zone, stable);
	if (stable) clocks.set(timeZone, clock);
	return clock;
}
