/** Fast ISO-date helpers for the calendar: no Date objects on the hot path. */

const CUM_DAYS = [
	[0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365],
	[0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366],
];

export function isLeapYear(year: number): boolean {
	return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInYear(year: number): number {
	return isLeapYear(year) ? 366 : 365;
}

export class CalendarDateError extends Error {
	constructor(readonly value: unknown) {
		super(`Ожидалась дата в формате ГГГГ-ММ-ДД (ISO 8601), получено: ${JSON.stringify(value)}`);
		this.name = 'CalendarDateError';
	}
}

const ZERO = 48;
function digit(s: string, i: number): number {
	const d = s.charCodeAt(i) - ZERO;
	return d >= 0 && d <= 9 ? d : -1;
}

/**
 * Parses the date part of `YYYY-MM-DD…` (a full ISO date-time is accepted: its own local date is used,
 * as written, without shifting time zones). Returns [year, day-of-year (0-based)].
 */
export function parseIsoDate(iso: string): [number, number] {
	if (
		typeof iso !== 'string' ||
		iso.length < 10 ||
		iso.charCodeAt(4) !== 45 ||
		iso.charCodeAt(7) !== 45
	) {
		throw new CalendarDateError(iso);
	}
	const y0 = digit(iso, 0),
		y1 = digit(iso, 1),
		y2 = digit(iso, 2),
		y3 = digit(iso, 3);
	const m0 = digit(iso, 5),
		m1 = digit(iso, 6),
		d0 = digit(iso, 8),
		d1 = digit(iso, 9);
	if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) throw new CalendarDateError(iso);
	const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
	const month = m0 * 10 + m1;
	const day = d0 * 10 + d1;
	if (month < 1 || month > 12 || day < 1) throw new CalendarDateError(iso);
	const cum = CUM_DAYS[isLeapYear(year) ? 1 : 0];
	if (day > cum[month] - cum[month - 1]) throw new CalendarDateError(iso);
	return [year, cum[month - 1] + day - 1];
}

/** `MM-DD` (or `MM.DD`) → day of year (0-based), or -1 when it is not a date of that year. */
export function monthDayToDoy(year: number, monthDay: string): number {
	const m = /^(\d{2})[-.](\d{2})$/.exec(monthDay);
	if (!m) return -1;
	const month = Number(m[1]);
	const day = Number(m[2]);
	const cum = CUM_DAYS[isLeapYear(year) ? 1 : 0];
	if (month < 1 || month > 12 || day < 1 || day > cum[month] - cum[month - 1]) return -1;
	return cum[month - 1] + day - 1;
}

function pad2(n: number): string {
	return n < 10 ? `0${n}` : String(n);
}

export function doyToIso(year: number, doy: number): string {
	const cum = CUM_DAYS[isLeapYear(year) ? 1 : 0];
	let month = 1;
	while (doy >= cum[month]) month++;
	return `${year}-${pad2(month)}-${pad2(doy - cum[month - 1] + 1)}`;
}

/** Day of week of 1 January (0 = Sunday … 6 = Saturday), Gregorian calendar. */
export function weekdayOfJan1(year: number): number {
	const y = year - 1;
	return (1 + 5 * (y % 4) + 4 * (y % 100) + 6 * (y % 400)) % 7;
}
