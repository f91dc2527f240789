import { DateTime } from 'luxon';
import { daysInMonth, fieldsOfLocalMs, isoDateTimeOf, localMsOf, twoDigits } from './localTime';

/** A date-time the deadline code cannot read; names the field. */
export class DeadlineInputError extends Error {
	constructor(readonly field: string, readonly value: unknown) {
		super(`Поле ${field}: ожидается дата и время ISO 8601 со смещением (например 2026-05-08T10:00:00+03:00), получено ${JSON.stringify(value)}`);
		this.name = 'DeadlineInputError';
	}
}

/** A parsed date-time: epoch ms and the offset (minutes) written in the string. */
export interface Instant {
	ms: number;
	offset: number;
}

/** A moment as the deadline functions take it: epoch milliseconds, or a luxon DateTime (anything with toMillis). */
export type Moment = number | { toMillis(): number };

export function msOf(moment: Moment): number {
	return typeof moment === 'number' ? moment : moment.toMillis();
}

/** What the deadline fields accept: ISO 8601 with seconds optional and an offset or Z (unchanged contract). */
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Reads an ISO 8601 date-time with an offset into epoch ms. Ordinary strings are parsed by hand; anything unusual
 * (hour 24, out-of-range fields, long fractions, years before 1000, odd offsets) is left to luxon to accept or refuse.
 */
export function parseInstant(value: unknown, field: string): Instant {
	if (typeof value === 'string') {
		const fast = parseCommon(value);
		if (fast) return fast;
	}
	if (typeof value !== 'string' || !ISO_WITH_OFFSET.test(value)) throw new DeadlineInputError(field, value);
	const dt = DateTime.fromISO(value, { setZone: true });
	if (!dt.isValid) throw new DeadlineInputError(field, value);
	return { ms: dt.toMillis(), offset: dt.offset };
}

/** The date-time written back (seconds always, milliseconds when not 0) in its own offset. */
export function formatInstant(instant: Instant): string {
	return isoDateTimeOf(fieldsOfLocalMs(instant.ms + instant.offset * 60 * 1000)!, instant.offset, true);
}

/** `YYYY-MM-DDTHH:MM[:SS[.f{1,9}]](Z|±HH[:]MM)` with every field in range, else null (the caller falls back). */
function parseCommon(s: string): Instant | null {
	const len = s.length;
	if (len < 17 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58) return null;
	const c = twoDigits(s, 0);
	const y = twoDigits(s, 2);
	const month = twoDigits(s, 5);
	const day = twoDigits(s, 8);
	const hour = twoDigits(s, 11);
	const minute = twoDigits(s, 14);
	if (c < 10 || y < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59) return null;
	const year = c * 100 + y;
	if (day > daysInMonth(year, month)) return null;
	let i = 16;
	let second = 0;
	let millisecond = 0;
	if (s.charCodeAt(i) === 58) {
		second = twoDigits(s, i + 1);
		if (second < 0 || second > 59) return null;
		i += 3;
		if (s.charCodeAt(i) === 46) {
			const from = i + 1;
			let to = from;
			while (to < len && s.charCodeAt(to) >= 48 && s.charCodeAt(to) <= 57) to++;
			if (to === from || to - from > 9) return null;
			// luxon's parseMillis, for the same rounding.
			millisecond = Math.floor(parseFloat('0.' + s.slice(from, to)) * 1000);
			i = to;
		}
	}
	let offset: number;
	const sign = s.charCodeAt(i);
	if (sign === 90 && i + 1 === len) {
		offset = 0;
	} else if (sign === 43 || sign === 45) {
		const oh = twoDigits(s, i + 1);
		const colon = s.charCodeAt(i + 3) === 58 ? 1 : 0;
		const om = twoDigits(s, i + 3 + colon);
		if (i + 5 + colon !== len || oh < 0 || oh > 23 || om < 0 || om > 59) return null;
		offset = sign === 45 ? -(oh * 60 + om) : oh * 60 + om;
		// luxon reads -00:00 as UTC (offset 0, written Z).
		if (offset === 0) offset = 0;
	} else {
		return null;
	}
	return { ms: localMsOf(year, month, day, hour, minute, second, millisecond) - offset * 60 * 1000, offset };
}
