/**
 * Wall-clock fields of epoch milliseconds, and ISO text both ways, for the deadline clock (why: zoneClock.ts). The
 * parsers live here with the digit and month helpers they share: one module keeps the hot calls local.
 */

/** Local calendar fields of a moment (what luxon keeps in `DateTime.c`). */
export interface LocalFields {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
	millisecond: number;
}

const DAY_MS = 86_400_000;
/** ECMAScript TimeClip limit: beyond it a Date is invalid. */
export const MAX_EPOCH_MS = 8.64e15;

/** The last civil date computed: most calls in a row fall on the same day. */
let memoDays = NaN;
let memoYear = 0;
let memoMonth = 0;
let memoDay = 0;

/** Civil date of a day number (days since 1970-01-01), H. Hinnant's algorithm: proleptic Gregorian, any year. */
function civilOfDays(days: number): void {
	const z = days + 719_468;
	const era = Math.floor(z / 146_097);
	const doe = z - era * 146_097;
	const yoe = Math.floor(
		(doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
	);
	const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
	const mp = Math.floor((5 * doy + 2) / 153);
	memoMonth = mp < 10 ? mp + 3 : mp - 9;
	memoYear = yoe + era * 400 + (memoMonth <= 2 ? 1 : 0);
	memoDay = doy - Math.floor((153 * mp + 2) / 5) + 1;
	memoDays = days;
}

/**
 * The fields `new Date(t)` reports through its UTC getters (t = epoch ms with the offset already added),
 * or null when Date would be invalid. Like Date, a fractional t is truncated toward zero.
 */
export function fieldsOfLocalMs(t: number): LocalFields | null {
	if (!(t >= -MAX_EPOCH_MS && t <= MAX_EPOCH_MS)) return null;
	const ms = Math.trunc(t);
	const days = Math.floor(ms / DAY_MS);
	let rest = ms - days * DAY_MS;
	const hour = Math.floor(rest / 3_600_000);
	rest -= hour * 3_600_000;
	const minute = Math.floor(rest / 60_000);
	rest -= minute * 60_000;
	const second = Math.floor(rest / 1000);
	if (days !== memoDays) civilOfDays(days);
	return {
		year: memoYear,
		month: memoMonth,
		day: memoDay,
		hour,
		minute,
		second,
		millisecond: rest - second * 1000,
	};
}

const CUM_DAYS = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
	return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
	return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
}

/** The number written by two ASCII digits at i, or -1. */
function twoDigits(s: string, i: number): number {
	const a = s.charCodeAt(i) - 48;
	const b = s.charCodeAt(i + 1) - 48;
	return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** Days from 1970-01-01 to 1 January of a year (proleptic Gregorian). */
function daysToYear(year: number): number {
	const y = year - 1;
	return 365 * (year - 1970) + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) - 477;
}

/**
 * luxon's objToLocalTS: the fields read as if they were UTC. Whole-number fields with a year from 100 to 9999
 * and a month 1–12 (all the deadline code produces) are summed directly, as Date.UTC would; anything else goes
 * to Date.UTC itself, with luxon's fix for its years 0–99 quirk.
 */
export function localMsOf(
	year: number,
	month: number,
	day: number,
	hour: number,
	minute: number,
	second: number,
	millisecond: number,
): number {
	if (
		year >= 100 &&
		year <= 9999 &&
		month >= 1 &&
		month <= 12 &&
		Number.isInteger(year) &&
		Number.isInteger(month) &&
		Number.isInteger(day) &&
		Number.isInteger(hour) &&
		Number.isInteger(minute) &&
		Number.isInteger(second) &&
		Number.isInteger(millisecond)
	) {
		const days =
			daysToYear(year) + CUM_DAYS[month - 1] + (month > 2 && isLeapYear(year) ? 1 : 0) + day - 1;
		const t = days * DAY_MS + hour * 3_600_000 + minute * 60_000 + second * 1000 + millisecond;
		if (t >= -MAX_EPOCH_MS && t <= MAX_EPOCH_MS) return t;
	}
	let t = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
	if (year < 100 && year >= 0) {
		const d = new Date(t);
		d.setUTCFullYear(year, month - 1, day);
		t = +d;
	}
	return t;
}

/** luxon's padStart (a minus sign goes before the zeros); the common widths without padStart. */
function pad(n: number, width = 2): string {
	if (width === 2 && n >= 0 && n < 100 && Number.isInteger(n)) return n < 10 ? '0' + n : '' + n;
	if (width === 4 && n >= 1000 && n <= 9999 && Number.isInteger(n)) return '' + n;
	return n < 0 ? '-' + String(-n).padStart(width, '0') : String(n).padStart(width, '0');
}

/** `DateTime#toISODate()`: years outside 0–9999 get six digits and a sign, as luxon writes them. */
export function isoDateOf(f: LocalFields): string {
	const long = f.year > 9999 || f.year < 0;
	return (
		(long && f.year >= 0 ? '+' : '') +
		pad(f.year, long ? 6 : 4) +
		'-' +
		pad(f.month) +
		'-' +
		pad(f.day)
	);
}

/** The offset suffix of `toISO()`: `Z` only for a fixed-offset (universal) zone at offset 0. */
export function offsetSuffix(offset: number, universal: boolean): string {
	if (universal && offset === 0) return 'Z';
	return offset < 0
		? '-' + pad(Math.trunc(-offset / 60)) + ':' + pad(Math.trunc(-offset % 60))
		: '+' + pad(Math.trunc(offset / 60)) + ':' + pad(Math.trunc(offset % 60));
}

/** `DateTime#toISO({ suppressMilliseconds: true })` of a moment with these local fields. */
export function isoDateTimeOf(f: LocalFields, offset: number, universal: boolean): string {
	return (
		isoDateOf(f) +
		'T' +
		pad(f.hour) +
		':' +
		pad(f.minute) +
		':' +
		pad(f.second) +
		(f.millisecond !== 0 ? '.' + pad(f.millisecond, 3) : '') +
		offsetSuffix(offset, universal)
	);
}

/**
 * The milliseconds luxon's `plus` adds for the sub-day part of a duration: it builds a Duration of the
 * fractional days, the minutes and the milliseconds and takes `.as('milliseconds')`. That conversion keeps the
 * integer part and re-adds the rest as `(own * 1000 - i * 1000) / 1000`, which is not always `own`; copied
 * exactly so fractional working minutes land on the same millisecond.
 */
export function durationMillis(dayFraction: number, minutes: number, milliseconds: number): number {
	const own = 0 + DAY_MS * dayFraction + 60_000 * minutes + milliseconds;
	const whole = Math.trunc(own);
	const rest = (own * 1000 - whole * 1000) / 1000;
	const total = rest !== 0 ? whole + rest : whole;
	// Duration getters answer `value || 0`.
	return total || 0;
}

/** `YYYY-MM-DDTHH:MM[:SS[.f{1,9}]](Z|±HH[:]MM)` with every field in range, else null (the caller falls back). */
export function parseIsoDateTime(s: string): { ms: number; offset: number } | null {
	const len = s.length;
	if (
		len < 17 ||
		s.charCodeAt(4) !== 45 ||
		s.charCodeAt(7) !== 45 ||
		s.charCodeAt(10) !== 84 ||
		s.charCodeAt(13) !== 58
	)
		return null;
	const c = twoDigits(s, 0);
	const y = twoDigits(s, 2);
	const month = twoDigits(s, 5);
	const day = twoDigits(s, 8);
	const hour = twoDigits(s, 11);
	const minute = twoDigits(s, 14);
	if (
		c < 10 ||
		y < 0 ||
		month < 1 ||
		month > 12 ||
		day < 1 ||
		hour < 0 ||
		hour > 23 ||
		minute < 0 ||
		minute > 59
	)
		return null;
	const year = c * 100 + y;
	if (day > daysInMonth(year, month)) return null;
	let i = 16;
	let second = 0;
	let millisecond = 0;
	if (s.charCodeAt(i) === 58) {
		second = twoDigits(s, i + 1);
		if (second < 0 || second > 59) return null;
		i += 3;
		if (s.charCodeAt(i) === 46) {
			const from = i + 1;
			let to = from;
			while (to < len && s.charCodeAt(to) >= 48 && s.charCodeAt(to) <= 57) to++;
			if (to === from || to - from > 9) return null;
			// luxon's parseMillis, for the same rounding.
			millisecond = Math.floor(parseFloat('0.' + s.slice(from, to)) * 1000);
			i = to;
		}
	}
	let offset: number;
	const sign = s.charCodeAt(i);
	if (sign === 90 && i + 1 === len) {
		offset = 0;
	} else if (sign === 43 || sign === 45) {
		const oh = twoDigits(s, i + 1);
		const colon = s.charCodeAt(i + 3) === 58 ? 1 : 0;
		const om = twoDigits(s, i + 3 + colon);
		if (i + 5 + colon !== len || oh < 0 || oh > 23 || om < 0 || om > 59) return null;
		offset = sign === 45 ? -(oh * 60 + om) : oh * 60 + om;
		// luxon reads -00:00 as UTC (offset 0, written Z).
		if (offset === 0) offset = 0;
	} else {
		return null;
	}
	return {
		ms: localMsOf(year, month, day, hour, minute, second, millisecond) - offset * 60 * 1000,
		offset,
	};
}

/** [year, month, day] of a valid `YYYY-MM-DD` with a year from 100 on, else null. */
export function parsePlainDate(s: string | null): [number, number, number] | null {
	if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45)
		return null;
	const c = twoDigits(s, 0);
	const y = twoDigits(s, 2);
	const month = twoDigits(s, 5);
	const day = twoDigits(s, 8);
	if (c < 1 || y < 0 || month < 1 || month > 12 || day < 1) return null;
	const year = c * 100 + y;
	if (day > daysInMonth(year, month)) return null;
	return [year, month, day];
}
