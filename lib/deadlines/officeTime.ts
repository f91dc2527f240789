/** Working time in a policy's zone: office hours of the production calendar's working days, on the deadline clock. */
import type { ProductionCalendar } from '../calendar';
import { msOf, type Moment } from './instant';
import type { DeadlinePolicy, DeadlineUnit, OfficeHours } from './policy';
import { clockFor, type ZoneClock } from './zoneClock';

function minutesOf(hhmm: string): number {
	const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
	if (!m) throw new Error(`Часы работы: ожидается ЧЧ:ММ, получено «${hhmm}»`);
	return Number(m[1]) * 60 + Number(m[2]);
}

/** The last office hours read; policies share them, so the regex runs once per configuration. */
let lastHours: { start: unknown; end: unknown; startMin: number; endMin: number } | undefined;

/** [start, end] minutes of the office day; a malformed one throws, naming it (start first). */
function officeBounds(hours: OfficeHours): { startMin: number; endMin: number } {
	const last = lastHours;
	if (last !== undefined && last.start === hours.start && last.end === hours.end) return last;
	const startMin = minutesOf(hours.start);
	const endMin = minutesOf(hours.end);
	lastHours = { start: hours.start, end: hours.end, startMin, endMin };
	return lastHours;
}

/** Office minutes of a local day: [start, end) from midnight, or null on a day off. */
function officeWindow(
	clock: ZoneClock,
	day: number,
	hours: OfficeHours,
	calendar: ProductionCalendar,
): [number, number] | null {
	const iso = clock.isoDate(day) as string;
	if (!calendar.isWorkingDay(iso)) return null;
	const { startMin: start, endMin } = officeBounds(hours);
	let end = endMin;
	if (calendar.isShortenedDay(iso)) end -= hours.shortenedByMinutes;
	return end > start ? [start, end] : null;
}

function minuteOfDay(clock: ZoneClock, ms: number): number {
	const f = clock.fields(ms);
	// An invalid moment has NaN fields in luxon.
	return f ? f.hour * 60 + f.minute + f.second / 60 : NaN;
}

/** Adds working time (office hours of working days) to a moment; epoch ms. */
export function addWorkingHours(
	from: Moment,
	hours: number,
	policy: DeadlinePolicy,
	calendar: ProductionCalendar,
): number {
	return addWorkingHoursIn(clockFor(policy.timeZone), msOf(from), hours, policy, calendar);
}

function addWorkingHoursIn(
	clock: ZoneClock,
	from: number,
	hours: number,
	policy: DeadlinePolicy,
	calendar: ProductionCalendar,
): number {
	let remaining = hours * 60;
	let cursor = clock.valid ? from : NaN;
	for (let guard = 0; guard < 5000; guard++) {
		const window = officeWindow(clock, cursor, policy.officeHours, calendar);
		const now = minuteOfDay(clock, cursor);
		if (window && now < window[1]) {
			const begin = Math.max(now, window[0]);
			const available = window[1] - begin;
			if (remaining <= available) {
				return clock.plus(clock.startOfDay(cursor), 0, begin + remaining, 0);
			}
			remaining -= available;
		}
		cursor = clock.startOfDay(clock.plus(cursor, 1, 0, 0));
	}
	throw new Error('Срок в рабочих часах не помещается в 5000 дней');
}

/**
 * Working minutes between two moments (negative when b is before a), counting office hours only. Constant time
 * whatever the span: the two partial days are counted directly, the days between from the calendar's prefix sums.
 */
export function workingMinutesBetween(
	a: Moment,
	b: Moment,
	policy: DeadlinePolicy,
	calendar: ProductionCalendar,
): number {
	return workingMinutesIn(clockFor(policy.timeZone), msOf(a), msOf(b), policy, calendar);
}

/** workingMinutesBetween in a policy's clock (per-appeal callers already hold it). */
export function workingMinutesIn(
	clock: ZoneClock,
	a: number,
	b: number,
	policy: DeadlinePolicy,
	calendar: ProductionCalendar,
): number {
	if (b < a) return -workingMinutesIn(clock, b, a, policy, calendar);
	const from = clock.valid ? a : NaN;
	const to = clock.valid ? b : NaN;
	const clamp = (day: number, lo: number, hi: number) => {
		const window = officeWindow(clock, day, policy.officeHours, calendar);
		if (!window) return 0;
		return Math.max(0, Math.min(window[1], hi) - Math.max(window[0], lo));
	};
	if (clock.sameDay(from, to))
		return Math.round(clamp(from, minuteOfDay(clock, from), minuteOfDay(clock, to)));
	let total = clamp(from, minuteOfDay(clock, from), 24 * 60) + clamp(to, 0, minuteOfDay(clock, to));
	const firstFull = clock.isoDate(from) as string;
	const lastFull = clock.isoDate(clock.plus(to, -1, 0, 0)) as string;
	if (lastFull > firstFull) {
		// Working days strictly between the two dates: (from, to − 1 day].
		const days = calendar.workingDaysBetween(firstFull, lastFull);
		const shortened = calendar.shortenedDaysBetween(firstFull, lastFull);
		const { startMin, endMin } = officeBounds(policy.officeHours);
		const full = endMin - startMin;
		total += days * full - shortened * policy.officeHours.shortenedByMinutes;
	}
	return Math.round(total);
}

/** Adds an amount in a unit to a start moment; day units give the end (23:59:59) of the resulting local day. */
export function addPeriod(
	start: Moment,
	unit: DeadlineUnit,
	amount: number,
	policy: DeadlinePolicy,
	calendar: ProductionCalendar,
): number {
	return addPeriodIn(clockFor(policy.timeZone), msOf(start), unit, amount, policy, calendar);
}

/** addPeriod in a policy's clock (per-appeal callers already hold it). */
export function addPeriodIn(
	clock: ZoneClock,
	start: number,
	unit: DeadlineUnit,
	amount: number,
	policy: DeadlinePolicy,
	calendar: ProductionCalendar,
): number {
	const local = clock.valid ? start : NaN;
	if (unit === 'working_hours') return addWorkingHoursIn(clock, local, amount, policy, calendar);
	const startDate = clock.isoDate(local) as string;
	let date: string;
	if (unit === 'working_days') {
		date = calendar.addWorkingDays(startDate, amount);
	} else {
		date = clock.isoDate(clock.plus(local, amount, 0, 0)) as string;
		if (policy.dayOff !== 'keep') date = calendar.nearestWorkingDay(date, policy.dayOff);
	}
	return clock.endOfDate(date);
}
