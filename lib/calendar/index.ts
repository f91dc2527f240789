import { ProductionCalendar } from './calendar';

export * from './types';
export { BUILTIN_YEARS, FIXED_HOLIDAYS } from './builtin';
export {
	ProductionCalendar,
	unknownYearWarning,
	type CalendarOptions,
	type DayInfo,
} from './calendar';
export { parseXmlCalendar, toXmlCalendar, CalendarFormatError } from './xmlcalendar';
export { parseDateList, type DateListRow } from './dateList';
export { CalendarDateError, parseIsoDate, doyToIso } from './dates';

/**
 * The shared default calendar (built-in years). A year it does not know is noted once in
 * `defaultCalendar.warnings` (a library prints nothing itself; build a `ProductionCalendar({ onWarning })` to log);
 * load more with `defaultCalendar.setYear(parseXmlCalendar(xml))`.
 */
export const defaultCalendar = new ProductionCalendar();

/** Is the date (`YYYY-MM-DD`, or the date part of an ISO date-time) a working day? */
export function isWorkingDay(isoDate: string): boolean {
	return defaultCalendar.isWorkingDay(isoDate);
}

/** The n-th working day after the date (day 1 = the first working day after it), as `YYYY-MM-DD`. */
export function addWorkingDays(isoDate: string, n: number): string {
	return defaultCalendar.addWorkingDays(isoDate, n);
}

/** Working days in (a, b]; negative when b is before a. */
export function workingDaysBetween(a: string, b: string): number {
	return defaultCalendar.workingDaysBetween(a, b);
}
