import { DateTime } from 'luxon';
import type { ProductionCalendar } from '../calendar';
import type { DeadlinePolicy, DeadlineUnit, OfficeHours } from './policy';

/** A date-time the deadline code cannot read; names the field. */
export class DeadlineInputError extends Error {
	constructor(readonly field: string, readonly value: unknown) {
		super(`Поле ${field}: ожидается дата и время ISO 8601 со смещением (например 2026-05-08T10:00:00+03:00), получено ${JSON.stringify(value)}`);
		this.name = 'DeadlineInputError';
	}
}

/** Parses an ISO 8601 date-time that carries an offset (or Z). */
export function parseInstant(value: unknown, field: string): DateTime {
	if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value)) {
		throw new DeadlineInputError(field, value);
	}
	const dt = DateTime.fromISO(value, { setZone: true });
	if (!dt.isValid) throw new DeadlineInputError(field, value);
	return dt;
}

function minutesOf(hhmm: string): number {
	const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
	if (!m) throw new Error(`Часы работы: ожидается ЧЧ:ММ, получено «${hhmm}»`);
	return Number(m[1]) * 60 + Number(m[2]);
}

/** Office minutes of a local day: [start, end) from midnight, or null on a day off. */
function officeWindow(day: DateTime, hours: OfficeHours, calendar: ProductionCalendar): [number, number] | null {
	const iso = day.toISODate()!;
	if (!calendar.isWorkingDay(iso)) return null;
	const start = minutesOf(hours.start);
	let end = minutesOf(hours.end);
	if (calendar.isShortenedDay(iso)) end -= hours.shortenedByMinutes;
	return end > start ? [start, end] : null;
}

function minuteOfDay(dt: DateTime): number {
	return dt.hour * 60 + dt.minute + dt.second / 60;
}

/** Adds working time (office hours of working days) to a moment. */
export function addWorkingHours(from: DateTime, hours: number, policy: DeadlinePolicy, calendar: ProductionCalendar): DateTime {
	let remaining = hours * 60;
	let cursor = from.setZone(policy.timeZone);
	for (let guard = 0; guard < 5000; guard++) {
		const window = officeWindow(cursor, policy.officeHours, calendar);
		const now = minuteOfDay(cursor);
		if (window && now < window[1]) {
			const begin = Math.max(now, window[0]);
			const available = window[1] - begin;
			if (remaining <= available) {
				return cursor.startOf('day').plus({ minutes: begin + remaining });
			}
			remaining -= available;
		}
		cursor = cursor.plus({ days: 1 }).startOf('day');
	}
	throw new Error('Срок в рабочих часах не помещается в 5000 дней');
}

/**
 * Working minutes between two moments (negative when b is before a), counting office hours only. Constant time
 * whatever the span: the two partial days are counted directly, the days between from the calendar's prefix sums.
 */
export function workingMinutesBetween(a: DateTime, b: DateTime, policy: DeadlinePolicy, calendar: ProductionCalendar): number {
	if (b < a) return -workingMinutesBetween(b, a, policy, calendar);
	const from = a.setZone(policy.timeZone);
	const to = b.setZone(policy.timeZone);
	const clamp = (day: DateTime, lo: number, hi: number) => {
		const window = officeWindow(day, policy.officeHours, calendar);
		if (!window) return 0;
		return Math.max(0, Math.min(window[1], hi) - Math.max(window[0], lo));
	};
	if (from.hasSame(to, 'day')) return Math.round(clamp(from, minuteOfDay(from), minuteOfDay(to)));
	let total = clamp(from, minuteOfDay(from), 24 * 60) + clamp(to, 0, minuteOfDay(to));
	const firstFull = from.toISODate()!;
	const lastFull = to.minus({ days: 1 }).toISODate()!;
	if (lastFull > firstFull) {
		// Working days strictly between the two dates: (from, to − 1 day].
		const days = calendar.workingDaysBetween(firstFull, lastFull);
		const shortened = calendar.shortenedDaysBetween(firstFull, lastFull);
		const full = minutesOf(policy.officeHours.end) - minutesOf(policy.officeHours.start);
		total += days * full - shortened * policy.officeHours.shortenedByMinutes;
	}
	return Math.round(total);
}

function endOfDay(isoDate: string, zone: string): DateTime {
	return DateTime.fromISO(isoDate, { zone }).endOf('day').set({ millisecond: 0 });
}

/** Adds an amount in a unit to a start moment; day units give the end of the resulting local day. */
export function addPeriod(
	start: DateTime,
	unit: DeadlineUnit,
	amount: number,
	policy: DeadlinePolicy,
	calendar: ProductionCalendar,
): DateTime {
	const local = start.setZone(policy.timeZone);
	if (unit === 'working_hours') return addWorkingHours(local, amount, policy, calendar);
	const startDate = local.toISODate()!;
	let date: string;
	if (unit === 'working_days') {
		date = calendar.addWorkingDays(startDate, amount);
	} else {
		date = local.plus({ days: amount }).toISODate()!;
		if (policy.dayOff !== 'keep') date = calendar.nearestWorkingDay(date, policy.dayOff);
	}
	return endOfDay(date, policy.timeZone);
}

export interface DeadlineInput {
	receivedAt?: unknown;
	registeredAt?: unknown;
}

export interface ComputedDeadline {
	/** ISO 8601 with the policy zone's offset. */
	deadline: string;
	/** The latest a permitted extension can move it to; null when the policy allows none. */
	maxExtendedDeadline: string | null;
	countedFrom: string;
	policyId: string;
}

/** The deadline of an appeal under a policy. Counts from registration (or receipt, as the policy says). */
export function computeDeadline(input: DeadlineInput, policy: DeadlinePolicy, calendar: ProductionCalendar): ComputedDeadline {
	const field = policy.countFrom === 'registeredAt' && input.registeredAt ? 'registeredAt' : 'receivedAt';
	const start = parseInstant(input[field], field);
	const deadline = addPeriod(start, policy.unit, policy.amount, policy, calendar);
	const maxExtended = policy.extension
		? addPeriod(deadline, policy.extension.unit, policy.extension.amount, policy, calendar)
		: null;
	return {
		deadline: deadline.toISO({ suppressMilliseconds: true })!,
		maxExtendedDeadline: maxExtended ? maxExtended.toISO({ suppressMilliseconds: true })! : null,
		countedFrom: field,
		policyId: policy.id,
	};
}
