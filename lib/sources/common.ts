import { AppealValidationError } from '../appeal';

/** Reads a dotted path (`applicant.surname`, `history.0.status`) from a source record. */
export function getPath(record: unknown, path: string): unknown {
	let value: unknown = record;
	for (const key of path.split('.')) {
		if (value === null || value === undefined || typeof value !== 'object') return undefined;
		value = (value as Record<string, unknown>)[key];
	}
	return value;
}

/** A source record that cannot become an appeal: names the source, the record and the source's field. */
/** An answer the administration published in the appeal's own thread (a reply to the comment). */
export interface ThreadAnswer {
	/** ISO 8601 with offset. */
	at: string;
	text: string;
}

/** Fields of an appeal answered in its thread: answered, with the answer's time and text (first reaction too). */
export function answeredFields(answer: ThreadAnswer | undefined): {
	status?: 'answered';
	answeredAt?: string;
	answerText?: string;
	firstReactionAt?: string;
} {
	if (!answer) return {};
	return {
		status: 'answered',
		answeredAt: answer.at,
		answerText: answer.text,
		firstReactionAt: answer.at,
	};
}

export class SourceRecordError extends AppealValidationError {
	constructor(source: string, externalId: string, field: string, message: string) {
		super(`${source}:${externalId}`, [{ path: `raw.${field}`, message }]);
		this.name = 'SourceRecordError';
	}
	get field(): string {
		return this.problems[0].path;
	}
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const ISO_LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/**
 * A source date-time as ISO 8601 with an offset. Local times without an offset are taken in the office's zone
 * offset given (`+03:00` for Moscow time); Unix seconds are accepted (VK, OK, Telegram).
 */
export function toIsoDateTime(value: unknown, defaultOffset = '+03:00'): string | undefined {
	if (typeof value === 'number') return unixSecondsToIso(value, defaultOffset);
	if (typeof value !== 'string') return undefined;
	// Seconds are optional in ISO 8601 but required by the appeal schema: «09:15+03:00» → «09:15:00+03:00».
	const text = value.trim().replace(/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(?=$|Z|[+-])/, '$1:00');
	if (ISO_WITH_OFFSET.test(text) && isRealDateTime(text)) return text.replace(/(\.\d{3})\d+/, '$1');
	if (ISO_LOCAL.test(text) && isRealDateTime(`${text}${defaultOffset}`))
		return `${text}${defaultOffset}`;
	return undefined;
}

/**
 * A date-time that exists: Date.parse rolls «2026-02-31» over to March and accepts «24:00», while the appeal schema
 * refuses both — such a source date must be an error naming the source's field, not the appeal's.
 */
export function isRealDateTime(iso: string): boolean {
	if (Number.isNaN(Date.parse(iso))) return false;
	const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(iso);
	if (!m) return false;
	const [year, month, day, hour, minute, second] = m.slice(1).map((x) => Number(x ?? 0));
	const daysInMonth = [
		31,
		year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28,
		31,
		30,
		31,
		30,
		31,
		31,
		30,
		31,
		30,
		31,
	][month - 1];
	return (
		month >= 1 &&
		month <= 12 &&
		day >= 1 &&
		day <= daysInMonth &&
		hour <= 23 &&
		minute <= 59 &&
		second <= 59
	);
}

/**
 * Unix seconds → ISO 8601, or undefined when they are not a moment between 1970 and 9999: `new Date(1e23)` makes
 * toISOString throw a RangeError that names no record and no field, and a five-digit year is not ISO 8601.
 */
export function unixSecondsToIso(value: unknown, offset = '+03:00'): string | undefined {
	if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value >= 253402200000)
		return undefined;
	return unixToIso(value, offset);
}

/** Unix seconds → ISO 8601 in a fixed offset (`+03:00`). */
export function unixToIso(seconds: number, offset = '+03:00'): string {
	const sign = offset.startsWith('-') ? -1 : 1;
	const [h, m] = offset.slice(1).split(':').map(Number);
	const shifted = new Date(seconds * 1000 + sign * (h * 60 + m) * 60000);
	return `${shifted.toISOString().slice(0, 19)}${offset}`;
}

export function requireDate(source: string, id: string, record: unknown, field: string): string {
	const raw = getPath(record, field);
	const iso = toIsoDateTime(raw);
	if (!iso) {
		throw new SourceRecordError(
			source,
			id,
			field,
			`ожидается дата и время (ISO 8601), получено ${JSON.stringify(raw)}`,
		);
	}
	return iso;
}

export function optionalDate(record: unknown, field: string): string | null {
	return toIsoDateTime(getPath(record, field)) ?? null;
}

export function text(value: unknown): string | null {
	if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
	if (typeof value === 'number') return String(value);
	return null;
}

/** «Фамилия Имя Отчество» from parts, skipping empty ones; null when all are empty. */
export function fullName(...parts: unknown[]): string | null {
	const name = parts.map(text).filter(Boolean).join(' ');
	return name || null;
}

/** Ratings 1..5 (ПОС, ИМ) → satisfaction (one rule for the whole package, in lib/satisfaction). */
export { fromRating as satisfactionFromRating } from '../satisfaction';

/** A date filter typed in a node (ISO or n8n's date picker) as ISO 8601; empty → undefined, unreadable → as typed. */
export const isoFilter = (value: string | undefined): string | undefined =>
	value ? (toIsoDateTime(value) ?? value) : undefined;
