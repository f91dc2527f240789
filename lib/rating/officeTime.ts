import { DateTime } from 'luxon';
import type { ProductionCalendar } from '../calendar';
import { DEFAULT_POLICIES, selectPolicy, workingMinutesBetween } from '../deadlines';

/**
 * Speed is measured in the office's working time: the production calendar and the office hours of the policy every
 * ИМ incident uses (9:00–18:00 Moscow time), whatever the appeal's own source.
 */
export function officeWorkingMinutes(
	calendar: ProductionCalendar,
): (from: string, to: string) => number {
	const policy = selectPolicy(DEFAULT_POLICIES, 'im', 'incident');
	return (from, to) =>
		workingMinutesBetween(
			DateTime.fromISO(from, { setZone: true }),
			DateTime.fromISO(to, { setZone: true }),
			policy,
			calendar,
		);
}
