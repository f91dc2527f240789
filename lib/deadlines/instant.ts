import { DateTime } from 'luxon';
import { fieldsOfLocalMs, isoDateTimeOf, parseIsoDateTime } from './localTime';

/** A date-time the deadline code cannot read; names the field. */
export class DeadlineInputError extends Error {
	constructor(
		readonly field: string,
		readonly value: unknown,
	) {
		super(
			`Поле ${field}: ожидается дата и время ISO 8601 со смещением (например 2026-05-08T10:00:00+03:00), получено ${JSON.stringify(value)}`,
		);
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
		const fast = parseIsoDateTime(value);
		if (fast) return fast;
	}
	if (typeof value !== 'string' || !ISO_WITH_OFFSET.test(value))
		throw new DeadlineInputError(field, value);
	const dt = DateTime.fromISO(value, { setZone: true });
	if (!dt.isValid) throw new DeadlineInputError(field, value);
	return { ms: dt.toMillis(), offset: dt.offset };
}

/** The date-time written back (seconds always, milliseconds when not 0) in its own offset. */
export function formatInstant(instant: Instant): string {
	return isoDateTimeOf(
		fieldsOfLocalMs(instant.ms + instant.offset * 60 * 1000)!,
		instant.offset,
		true,
	);
}
