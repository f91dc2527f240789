import type { Appeal } from '../appeal';
import { REGISTER_COLUMNS, type ReportColumn } from './register';

const pick = (keys: string[]) => keys.map((k) => REGISTER_COLUMNS.find((c) => c.key === k)!);

/** «Просроченные и истекающие»: what needs attention now, worst first. */
export const OVERDUE_COLUMNS: ReportColumn[] = pick([
	'id',
	'deadlineStatus',
	'timeLeft',
	'deadline',
	'department',
	'responsible',
	'source',
	'receivedAt',
	'topic',
	'settlement',
	'text',
	'url',
]);

export function overdueRows(appeals: Appeal[]): Appeal[] {
	const rank = (a: Appeal) => (a.deadlineStatus === 'overdue' ? 0 : 1);
	const left = (a: Appeal) =>
		Number((a.deadlineInfo as { workingHoursLeft?: number } | undefined)?.workingHoursLeft ?? 0);
	return appeals
		.filter((a) => a.deadlineStatus === 'overdue' || a.deadlineStatus === 'due_soon')
		.sort((a, b) => rank(a) - rank(b) || left(a) - left(b) || a.id.localeCompare(b.id));
}
