import { readRouted } from '../appeal/routed';
import type { Routed } from '../appeal/types';
import { unknownYearWarning, type ProductionCalendar } from '../calendar';
import { DeadlineInputError, formatInstant, msOf, parseInstant, type Moment } from './instant';
import { addPeriodIn } from './officeTime';
import { selectPolicy, type DeadlinePolicy } from './policy';
import {
	DEADLINE_STATUS_LABELS,
	DEFAULT_DUE_SOON,
	evaluateDeadline,
	type DeadlineStatus,
	type DueSoonThresholds,
} from './status';
import { clockFor } from './zoneClock';

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
export function computeDeadline(
	input: DeadlineInput,
	policy: DeadlinePolicy,
	calendar: ProductionCalendar,
): ComputedDeadline {
	const field =
		policy.countFrom === 'registeredAt' && input.registeredAt ? 'registeredAt' : 'receivedAt';
	const start = parseInstant(input[field], field).ms;
	const clock = clockFor(policy.timeZone);
	const deadline = addPeriodIn(clock, start, policy.unit, policy.amount, policy, calendar);
	const maxExtended = policy.extension
		? addPeriodIn(clock, deadline, policy.extension.unit, policy.extension.amount, policy, calendar)
		: null;
	return {
		deadline: clock.format(deadline)!,
		maxExtendedDeadline: maxExtended !== null ? clock.format(maxExtended)! : null,
		countedFrom: field,
		policyId: policy.id,
	};
}

export interface DeadlineOptions {
	policies: readonly DeadlinePolicy[];
	calendar: ProductionCalendar;
	/** Epoch ms or a luxon DateTime. */
	now: Moment;
	/** `keep`: a deadline the source already set is used as is; `recompute`: always count by the policy. */
	sourceDeadline: 'keep' | 'recompute';
	dueSoon?: DueSoonThresholds;
}

export interface DeadlineResult {
	deadline: string;
	deadlineStatus: DeadlineStatus;
	deadlineInfo: {
		policy: string;
		policyTitle: string;
		/** Where the deadline came from: the source's own, or counted by the policy. */
		basis: 'source' | 'policy';
		unit: DeadlinePolicy['unit'];
		amount: number;
		countedFrom: string | null;
		maxExtendedDeadline: string | null;
		effectiveDeadline: string;
		statusLabel: string;
		workingDaysLeft: number;
		workingHoursLeft: number;
		calendarDaysLeft: number;
		text: string;
		evaluatedAt: string;
		warnings: string[];
	};
}

function requireText(record: Record<string, unknown>, field: string): string {
	const value = record[field];
	if (typeof value !== 'string' || value.trim() === '') {
		throw new DeadlineInputError(field, value);
	}
	return value;
}

/** Deadline, status and time left of one appeal record (any object with the appeal's fields). */
export function applyDeadline(
	record: Record<string, unknown>,
	options: DeadlineOptions,
): DeadlineResult {
	const source = requireText(record, 'source');
	const kind = requireText(record, 'kind');
	const policy = withRoutingOverride(
		selectPolicy(options.policies, source, kind),
		readRouted(record.routing),
	);
	let deadline: string;
	let maxExtendedDeadline: string | null = null;
	let countedFrom: string | null = null;
	let basis: 'source' | 'policy';
	if (options.sourceDeadline === 'keep' && record.deadline) {
		deadline = formatInstant(parseInstant(record.deadline, 'deadline'));
		basis = 'source';
	} else {
		const computed = computeDeadline(record, policy, options.calendar);
		deadline = computed.deadline;
		maxExtendedDeadline = computed.maxExtendedDeadline;
		countedFrom = computed.countedFrom;
		basis = 'policy';
	}
	const nowMs = msOf(options.now);
	const evaluation = evaluateDeadline(
		{
			deadline,
			extendedDeadline: (record.extendedDeadline as string | null | undefined) ?? null,
			answeredAt: (record.answeredAt as string | null | undefined) ?? null,
		},
		nowMs,
		policy,
		options.calendar,
		options.dueSoon ?? DEFAULT_DUE_SOON,
	);
	const clock = clockFor(policy.timeZone);
	const nowLocal = clock.fields(nowMs);
	const years = new Set([Number(deadline.slice(0, 4)), nowLocal ? nowLocal.year : NaN]);
	const warnings = [...years]
		.filter((y) => !options.calendar.isYearKnown(y))
		.map(unknownYearWarning);
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
			evaluatedAt: clock.format(nowMs)!,
			warnings,
		},
	};
}

/** A routing rule may set its own deadline («МЦУ: Маршрутизация» → `routing.deadline`); it beats the policy. */
function withRoutingOverride(policy: DeadlinePolicy, routing: Routed | undefined): DeadlinePolicy {
	const override = routing?.deadline;
	if (!override) return policy;
	const rule = routing.rule ?? 'маршрутизация';
	return {
		...policy,
		id: `${policy.id}+routing`,
		title: `Срок по правилу «${rule}»`,
		unit: override.unit,
		amount: override.amount,
		dayOff: override.unit === 'calendar_days' ? policy.dayOff : 'keep',
		basis: `Правило маршрутизации «${rule}»`,
	};
}
