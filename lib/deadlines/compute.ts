import { DateTime } from 'luxon';
import type { ProductionCalendar } from '../calendar';
import { DeadlineInputError, parseInstantMs } from './instant';
import { addPeriodMs, addWorkingHoursMs, workingMinutesBetweenMs } from './officeTime';
import type { DeadlinePolicy, DeadlineUnit } from './policy';
import { clockFor } from './zoneClock';

export { DeadlineInputError };

/** Parses an ISO 8601 date-time that carries an offset (or Z). */
export function parseInstant(value: unknown, field: string): DateTime {
	if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value)) {
		throw new DeadlineInputError(field, value);
	}
	const dt = DateTime.fromISO(value, { setZone: true });
	if (!dt.isValid) throw new DeadlineInputError(field, value);
	return dt;
}

/**
 * A moment as a DateTime in the policy's zone (the DateTime-facing functions below wrap the ms core); `like`
 * passes on its locale settings, as a DateTime derived from it would carry them.
 */
function inZone(ms: number, timeZone: string, like?: DateTime): DateTime {
	return DateTime.fromMillis(ms, {
		zone: timeZone,
		locale: like?.locale ?? undefined,
		numberingSystem: like?.numberingSystem ?? undefined,
		outputCalendar: like?.outputCalendar ?? undefined,
	});
}

/** Adds working time (office hours of working days) to a moment. */
export function addWorkingHours(from: DateTime, hours: number, policy: DeadlinePolicy, calendar: ProductionCalendar): DateTime {
	const ms = addWorkingHoursMs(clockFor(policy.timeZone), from.toMillis(), hours, policy, calendar);
	return inZone(ms, policy.timeZone, from);
}

/**
 * Working minutes between two moments (negative when b is before a), counting office hours only. Constant time
 * whatever the span: the two partial days are counted directly, the days between from the calendar's prefix sums.
 */
export function workingMinutesBetween(a: DateTime, b: DateTime, policy: DeadlinePolicy, calendar: ProductionCalendar): number {
	return workingMinutesBetweenMs(clockFor(policy.timeZone), a.toMillis(), b.toMillis(), policy, calendar);
}

/** Adds an amount in a unit to a start moment; day units give the end of the resulting local day. */
export function addPeriod(
	start: DateTime,
	unit: DeadlineUnit,
	amount: number,
	policy: DeadlinePolicy,
	calendar: ProductionCalendar,
): DateTime {
	const ms = addPeriodMs(clockFor(policy.timeZone), start.toMillis(), unit, amount, policy, calendar);
	// Day units end on a fresh DateTime (default locale); working hours derive from the start.
	return inZone(ms, policy.timeZone, unit === 'working_hours' ? start : undefined);
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
	const start = parseInstantMs(input[field], field).ms;
	const clock = clockFor(policy.timeZone);
	const deadline = addPeriodMs(clock, start, policy.unit, policy.amount, policy, calendar);
	const maxExtended = policy.extension
		? addPeriodMs(clock, deadline, policy.extension.unit, policy.extension.amount, policy, calendar)
		: null;
	return {
		deadline: clock.format(deadline)!,
		maxExtendedDeadline: maxExtended !== null ? clock.format(maxExtended)! : null,
		countedFrom: field,
		policyId: policy.id,
	};
}
