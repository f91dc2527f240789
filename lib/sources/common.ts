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
export function answeredFields(answer: ThreadAnswer | undefined): { status?: 'answered'; answeredAt?: string; answerText?: string; firstReactionAt?: string } {
	if (!answer) return {};
	return { status: 'answered', answeredAt: answer.at, answerText: answer.text, firstReactionAt: answer.at };
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
	if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
		return unixToIso(value, defaultOffset);
	}
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	if (ISO_WITH_OFFSET.test(text) && !Number.isNaN(Date.parse(text))) return text.replace(/(\.\d{3})\d+/, '$1');
	if (ISO_LOCAL.test(text) && !Number.isNaN(Date.parse(`${text}${defaultOffset}`))) return `${text}${defaultOffset}`;
	return undefined;
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
		throw new SourceRecordError(source, id, field, `ожидается дата и время (ISO 8601), получено ${JSON.stringify(raw)}`);
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
