/**
 * FROZEN REFERENCE — do not edit it, and never import it from lib/ or nodes/.
 *
 * A verbatim copy of the luxon-based deadline functions as they were before the epoch-millisecond fast path
 * (lib/deadlines/compute.ts, status.ts, apply.ts). Used only by test/unit/deadlines/fastPath.test.ts to prove
 * that the fast functions give exactly the same results. Only the imports differ (types, policy selection,
 * labels and the input error class come from lib/, which the fast path did not change).
 */
import { DateTime } from 'luxon';
import { unknownYearWarning, type ProductionCalendar } from '../../lib/calendar';
import { DeadlineInputError } from '../../lib/deadlines/instant';
import { selectPolicy, type DeadlinePolicy, type DeadlineUnit, type OfficeHours } from '../../lib/deadlines/policy';
import {
	DEADLINE_STATUS_LABELS,
	DEFAULT_DUE_SOON,
	type DeadlineEvaluation,
	type DeadlineStatus,
	type DueSoonThresholds,
} from '../../lib/deadlines/status';
import type { DeadlineOptions as Options, DeadlineResult } from '../../lib/deadlines/apply';

type DeadlineOptions = Omit<Options, 'now'> & { now: DateTime };

// ---- lib/deadlines/compute.ts ----

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

// ---- lib/deadlines/status.ts ----

export function plural(n: number, one: string, few: string, many: string): string {
	const abs = Math.abs(n) % 100;
	const last = abs % 10;
	if (abs > 10 && abs < 20) return many;
	if (last === 1) return one;
	if (last >= 2 && last <= 4) return few;
	return many;
}

function amountText(policy: DeadlinePolicy, days: number, hours: number): string {
	if (policy.unit === 'working_hours') {
		const h = Math.abs(hours);
		const shown = Number.isInteger(h) ? h : Number(h.toFixed(1));
		return `${shown} ${Number.isInteger(shown) ? plural(shown, 'рабочий час', 'рабочих часа', 'рабочих часов') : 'рабочих часа'}`;
	}
	const d = Math.abs(days);
	return `${d} ${plural(d, 'рабочий день', 'рабочих дня', 'рабочих дней')}`;
}

/** Where an appeal stands against its deadline at a moment (or at its answer, once answered). */
export function evaluateDeadline(
	input: { deadline: string; extendedDeadline?: string | null; answeredAt?: string | null },
	now: DateTime,
	policy: DeadlinePolicy,
	calendar: ProductionCalendar,
	thresholds: DueSoonThresholds = DEFAULT_DUE_SOON,
): DeadlineEvaluation {
	const useExtended = !!input.extendedDeadline;
	const deadline = parseInstant(useExtended ? input.extendedDeadline : input.deadline, useExtended ? 'extendedDeadline' : 'deadline');
	const answeredAt = input.answeredAt ? parseInstant(input.answeredAt, 'answeredAt') : null;
	const at = (answeredAt ?? now).setZone(policy.timeZone);
	const due = deadline.setZone(policy.timeZone);
	const workingDaysLeft = calendar.workingDaysBetween(at.toISODate()!, due.toISODate()!);
	const workingHoursLeft = Math.round(workingMinutesBetween(at, due, policy, calendar) / 6) / 10;
	const calendarDaysLeft = Math.round(due.startOf('day').diff(at.startOf('day'), 'days').days);
	const late = at > due;
	let status: DeadlineStatus;
	let text: string;
	if (answeredAt) {
		status = late ? 'answered_late' : 'answered_on_time';
		text = late
			? `ответ дан с опозданием на ${amountText(policy, lateDays(workingDaysLeft), workingHoursLeft)}`
			: 'ответ дан в срок';
	} else if (late) {
		status = 'overdue';
		text = `просрочено на ${amountText(policy, lateDays(workingDaysLeft), workingHoursLeft)}`;
	} else {
		const soon =
			policy.unit === 'working_hours'
				? workingHoursLeft <= thresholds.workingHours
				: workingDaysLeft <= thresholds.workingDays;
		status = soon ? 'due_soon' : 'on_time';
		text = workingDaysLeft === 0 && policy.unit !== 'working_hours' ? 'срок истекает сегодня' : `осталось ${amountText(policy, workingDaysLeft, workingHoursLeft)}`;
	}
	return {
		status,
		effectiveDeadline: due.toISO({ suppressMilliseconds: true })!,
		workingDaysLeft,
		workingHoursLeft,
		calendarDaysLeft,
		text,
	};
}

/** Late on the deadline day itself after its end still counts as one day behind. */
function lateDays(workingDaysLeft: number): number {
	return Math.max(1, Math.abs(workingDaysLeft));
}

// ---- lib/deadlines/apply.ts ----

function requireText(record: Record<string, unknown>, field: string): string {
	const value = record[field];
	if (typeof value !== 'string' || value.trim() === '') {
		throw new DeadlineInputError(field, value);
	}
	return value;
}

/** Deadline, status and time left of one appeal record (any object with the appeal's fields). */
export function applyDeadline(record: Record<string, unknown>, options: DeadlineOptions): DeadlineResult {
	const source = requireText(record, 'source');
	const kind = requireText(record, 'kind');
	const policy = withRoutingOverride(selectPolicy(options.policies, source, kind), record.routing);
	let deadline: string;
	let maxExtendedDeadline: string | null = null;
	let countedFrom: string | null = null;
	let basis: 'source' | 'policy';
	if (options.sourceDeadline === 'keep' && record.deadline) {
		deadline = parseInstant(record.deadline, 'deadline').toISO({ suppressMilliseconds: true })!;
		basis = 'source';
	} else {
		const computed = computeDeadline(record, policy, options.calendar);
		deadline = computed.deadline;
		maxExtendedDeadline = computed.maxExtendedDeadline;
		countedFrom = computed.countedFrom;
		basis = 'policy';
	}
	const evaluation = evaluateDeadline(
		{
			deadline,
			extendedDeadline: (record.extendedDeadline as string | null | undefined) ?? null,
			answeredAt: (record.answeredAt as string | null | undefined) ?? null,
		},
		options.now,
		policy,
		options.calendar,
		options.dueSoon ?? DEFAULT_DUE_SOON,
	);
	const years = new Set([Number(deadline.slice(0, 4)), options.now.setZone(policy.timeZone).year]);
	const warnings = [...years].filter((y) => !options.calendar.isYearKnown(y)).map(unknownYearWarning);
	return {
		deadline,
		deadlineStatus: evaluation.status,
		deadlineInfo: {
			policy: policy.id,
			policyTitle: policy.title,
			basis,
			unit: policy.unit,
			amount: policy.amount,
			countedFrom,
			maxExtendedDeadline,
			effectiveDeadline: evaluation.effectiveDeadline,
			statusLabel: DEADLINE_STATUS_LABELS[evaluation.status],
			workingDaysLeft: evaluation.workingDaysLeft,
			workingHoursLeft: evaluation.workingHoursLeft,
			calendarDaysLeft: evaluation.calendarDaysLeft,
			text: evaluation.text,
			evaluatedAt: options.now.setZone(policy.timeZone).toISO({ suppressMilliseconds: true })!,
			warnings,
		},
	};
}

/** A routing rule may set its own deadline («МЦУ: Маршрутизация» → `routing.deadline`); it beats the policy. */
function withRoutingOverride(policy: DeadlinePolicy, routing: unknown): DeadlinePolicy {
	const override = (routing as { deadline?: { unit?: string; amount?: number } } | undefined)?.deadline;
	if (!override || !override.amount || !override.unit) return policy;
	const rule = (routing as { rule?: string }).rule ?? 'маршрутизация';
	return {
		...policy,
		id: `${policy.id}+routing`,
		title: `Срок по правилу «${rule}»`,
		unit: override.unit as DeadlinePolicy['unit'],
		amount: override.amount,
		dayOff: override.unit === 'calendar_days' ? policy.dayOff : 'keep',
		basis: `Правило маршрутизации «${rule}»`,
	};
}
