import type { ProductionCalendar } from '../calendar';
import { msOf, parseInstant, type Moment } from './instant';
import { workingMinutesIn } from './officeTime';
import type { DeadlinePolicy } from './policy';
import { clockFor } from './zoneClock';

export const DEADLINE_STATUSES = [
	'on_time',
	'due_soon',
	'overdue',
	'answered_on_time',
	'answered_late',
] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

export const DEADLINE_STATUS_LABELS: Record<DeadlineStatus, string> = {
	on_time: 'в срок',
	due_soon: 'срок истекает',
	overdue: 'просрочено',
	answered_on_time: 'ответ дан в срок',
	answered_late: 'ответ дан с нарушением срока',
};

export interface DueSoonThresholds {
	/** For day-based deadlines: due soon when this many working days or fewer are left (default 3). */
	workingDays: number;
	/** For hour-based deadlines: due soon when this many working hours or fewer are left (default 2). */
	workingHours: number;
}

export const DEFAULT_DUE_SOON: DueSoonThresholds = { workingDays: 3, workingHours: 2 };

export interface DeadlineEvaluation {
	status: DeadlineStatus;
	/** The deadline in force: the extended one when there is one. */
	effectiveDeadline: string;
	/** Working days from now (or the answer) to the deadline; negative = overdue by that many. */
	workingDaysLeft: number;
	/** Working hours (office hours) from now (or the answer) to the deadline, one decimal; negative = overdue. */
	workingHoursLeft: number;
	calendarDaysLeft: number;
	/** A short Russian phrase for people: «осталось 3 рабочих дня», «просрочено на 2 рабочих часа». */
	text: string;
}

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
	now: Moment,
	policy: DeadlinePolicy,
	calendar: ProductionCalendar,
	thresholds: DueSoonThresholds = DEFAULT_DUE_SOON,
): DeadlineEvaluation {
	const useExtended = !!input.extendedDeadline;
	const deadline = parseInstant(
		useExtended ? input.extendedDeadline : input.deadline,
		useExtended ? 'extendedDeadline' : 'deadline',
	);
	const answeredAt = input.answeredAt ? parseInstant(input.answeredAt, 'answeredAt') : null;
	const clock = clockFor(policy.timeZone);
	// Moving into an invalid zone gives an invalid moment, as DateTime#setZone does.
	const at = clock.valid ? (answeredAt ? answeredAt.ms : msOf(now)) : NaN;
	const due = clock.valid ? deadline.ms : NaN;
	const workingDaysLeft = calendar.workingDaysBetween(
		clock.isoDate(at) as string,
		clock.isoDate(due) as string,
	);
	const workingHoursLeft = Math.round(workingMinutesIn(clock, at, due, policy, calendar) / 6) / 10;
	const calendarDaysLeft = Math.round(clock.diffDays(clock.startOfDay(due), clock.startOfDay(at)));
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
		text =
			workingDaysLeft === 0 && policy.unit !== 'working_hours'
				? 'срок истекает сегодня'
				: `осталось ${amountText(policy, workingDaysLeft, workingHoursLeft)}`;
	}
	return {
		status,
		effectiveDeadline: clock.format(due)!,
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
