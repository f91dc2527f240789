import type { DateTime } from 'luxon';
import { unknownYearWarning, type ProductionCalendar } from '../calendar';
import { computeDeadline, DeadlineInputError, parseInstant } from './compute';
import { selectPolicy, type DeadlinePolicy } from './policy';
import {
	DEADLINE_STATUS_LABELS,
	DEFAULT_DUE_SOON,
	evaluateDeadline,
	type DeadlineStatus,
	type DueSoonThresholds,
} from './status';

export interface DeadlineOptions {
	policies: readonly DeadlinePolicy[];
	calendar: ProductionCalendar;
	now: DateTime;
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
