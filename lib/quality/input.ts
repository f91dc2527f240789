import type { AnswerHistoryEntry, AnswerInput } from './index';
import type { OtherAnswer } from './template';

/** The fields of an appeal record (lib/appeal) the answer check reads; the rest is ignored. */
export interface AnswerRecord {
	id?: unknown;
	text?: unknown;
	answerText?: unknown;
	answeredAt?: unknown;
	deadline?: unknown;
	extendedDeadline?: unknown;
	responsible?: unknown;
	department?: unknown;
	/** Who published the answer, when the source names it (portals answer under an organisation). */
	organization?: unknown;
	category?: unknown;
	topic?: unknown;
	address?: unknown;
	/** The source marks the current answer intermediate. */
	answerIntermediate?: unknown;
	/** Earlier answers: `[{ at, text, intermediate? }]`. */
	answerHistory?: unknown;
	raw?: unknown;
	[key: string]: unknown;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);

/** The organisation that signs: the record's own field, ПОС's `organizationInfo.name`, then the routed department. */
function organizationOf(r: AnswerRecord): string | null {
	const raw = r.raw && typeof r.raw === 'object' ? (r.raw as Record<string, unknown>) : null;
	const info =
		raw?.organizationInfo && typeof raw.organizationInfo === 'object'
			? (raw.organizationInfo as Record<string, unknown>).name
			: null;
	return str(r.organization) ?? str(info) ?? str(r.department);
}

function historyOf(value: unknown): AnswerHistoryEntry[] {
	if (!Array.isArray(value)) return [];
	const out: AnswerHistoryEntry[] = [];
	for (const h of value) {
		if (!h || typeof h !== 'object') continue;
		const e = h as Record<string, unknown>;
		const at = str(e.at);
		const text = str(e.text);
		if (at && text) out.push({ at, text, intermediate: e.intermediate === true });
	}
	return out;
}

/** The check's input from an appeal record, as the node and the evaluation build it (one mapping, not two). */
export function answerInputOf(r: AnswerRecord, otherAnswers?: OtherAnswer[]): AnswerInput {
	return {
		appealId: String(r.id ?? ''),
		appealText: String(r.text ?? ''),
		answerText: typeof r.answerText === 'string' ? r.answerText : null,
		answeredAt: str(r.answeredAt),
		deadline: str(r.extendedDeadline) ?? str(r.deadline),
		responsible: str(r.responsible),
		organization: organizationOf(r),
		category: str(r.category),
		topic: str(r.topic),
		address: str(r.address),
		intermediate: r.answerIntermediate === true,
		history: historyOf(r.answerHistory),
		otherAnswers,
	};
}

/** Another answer of the batch, for the template check. */
export function otherAnswerOf(r: AnswerRecord): OtherAnswer | null {
	if (typeof r.answerText !== 'string') return null;
	return {
		appealId: String(r.id ?? ''),
		appealText: String(r.text ?? ''),
		answerText: r.answerText,
		category: str(r.category),
		topic: str(r.topic),
	};
}
