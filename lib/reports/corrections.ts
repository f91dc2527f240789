import { APPEAL_TYPES, type AppealType } from '../appeal/types';
import { DEFAULT_GAZETTEER, type GazetteerEntry } from '../classify/gazetteer';
import { TOPICS, UNDEFINED_TOPIC, topicInfo, topicLabel } from '../topics';

/**
 * The coordinator's corrections in the register: staff columns next to the computed ones. The package writes their
 * headers once and never their values; the next run reads them back and they win over the classifier and the rules.
 */
export interface Correction {
	/** Topic id (lib/topics). */
	topic?: string;
	/** Department as the coordinator wrote it (canonical spelling when a list of departments is known). */
	department?: string;
	/** Settlement id of the gazetteer, with its name. */
	settlement?: string;
	settlementName?: string;
	appealType?: AppealType;
}

/** What the record looked like before the corrections were applied (for the register's computed columns). */
export interface CorrectionsOnRecord extends Correction {
	computed?: {
		topic?: string | null;
		department?: string | null;
		settlement?: string | null;
		settlementName?: string | null;
		appealType?: string | null;
	};
}

export const CORRECTION_HEADERS = {
	topic: 'Тема (исправлено)',
	department: 'Подразделение (исправлено)',
	settlement: 'Поселение (исправлено)',
	appealType: 'Вид (исправлено)',
} as const;

export const APPEAL_TYPE_LABELS: Record<AppealType, string> = {
	complaint: 'Жалоба',
	application: 'Заявление',
	proposal: 'Предложение',
	question: 'Вопрос',
	gratitude: 'Благодарность',
};

export interface CorrectionOptions {
	/** Known departments (for example the routing rules' ones): a correction is matched to one of them, case aside. */
	departments?: string[];
	/** Settlements a correction may name (default: the district's gazetteer). */
	gazetteer?: GazetteerEntry[];
	/** Header of the key column (default «ID»). */
	idHeader?: string;
}

export interface CorrectionsRead {
	corrections: Map<string, Correction>;
	/** Values that were not understood and were ignored, each naming the row, the appeal and the column. */
	warnings: string[];
}

/** Lower case, «ё» as «е», single spaces: how a person's spelling is compared. */
const norm = (v: unknown) =>
	String(v ?? '')
		.trim()
		.toLowerCase()
		.replace(/ё/g, 'е')
		.replace(/\s+/g, ' ');

const topicByName = new Map<string, string>([
	...TOPICS.flatMap((t) => [
		[norm(t.id), t.id] as [string, string],
		[norm(t.label), t.id] as [string, string],
	]),
	[norm(topicLabel(UNDEFINED_TOPIC)), UNDEFINED_TOPIC],
	[UNDEFINED_TOPIC, UNDEFINED_TOPIC],
]);

const typeByName = new Map<string, AppealType>(
	APPEAL_TYPES.flatMap((t) => [
		[norm(t), t] as [string, AppealType],
		[norm(APPEAL_TYPE_LABELS[t]), t] as [string, AppealType],
	]),
);

/** A topic id from its label or id as a person or the register wrote it; undefined when unknown. */
export const topicFromName = (value: unknown): string | undefined => topicByName.get(norm(value));

/** An appeal type from its label or id; undefined when unknown. */
export const appealTypeFromName = (value: unknown): AppealType | undefined =>
	typeByName.get(norm(value));

/** A settlement of the gazetteer from its name, alias or id; undefined when unknown. */
export function settlementFromName(
	value: unknown,
	gazetteer: GazetteerEntry[] = DEFAULT_GAZETTEER,
): GazetteerEntry | undefined {
	return settlementIndex(gazetteer).get(norm(value));
}

function settlementIndex(gazetteer: GazetteerEntry[]): Map<string, GazetteerEntry> {
	const index = new Map<string, GazetteerEntry>();
	for (const entry of gazetteer) {
		for (const name of [entry.id, entry.name, ...entry.aliases])
			if (!index.has(norm(name))) index.set(norm(name), entry);
	}
	return index;
}

type Row = Array<unknown> | Record<string, unknown>;

/**
 * Corrections from the register tab: either the grid (first row the header, as Sheets returns values) or rows as
 * objects keyed by the header (as n8n's Google Sheets node gives them). Topics by label or id, appeal types by label
 * or id, settlements by name, alias or id, departments as written (or matched to `options.departments`). A row
 * without corrections is skipped; an unknown value is ignored with a warning; the first row of a repeated ID wins
 * (the register updates only that one).
 */
export function readCorrections(
	input: Cell[][] | Array<Record<string, unknown>>,
	options: CorrectionOptions = {},
): CorrectionsRead {
	const idHeader = options.idHeader ?? 'ID';
	const warnings: string[] = [];
	const corrections = new Map<string, Correction>();
	if (!Array.isArray(input) || input.length === 0) return { corrections, warnings };
	const isGrid = Array.isArray(input[0]);
	let rows: Row[];
	let get: (row: Row, header: string) => unknown;
	let firstRow: number;
	if (isGrid) {
		const header = (input[0] as unknown[]).map(norm);
		const at = (h: string) => header.indexOf(norm(h));
		const columns = new Map<string, number>(
			[idHeader, ...Object.values(CORRECTION_HEADERS)].map((h) => [h, at(h)]),
		);
		get = (row, h) => {
			const i = columns.get(h) ?? -1;
			return i >= 0 ? (row as unknown[])[i] : undefined;
		};
		rows = input.slice(1) as Row[];
		firstRow = 2;
	} else {
		// Keys as typed in the sheet: match them the same forgiving way as grid headers.
		const keyOf = new Map<string, string>();
		get = (row, h) => {
			const r = row as Record<string, unknown>;
			if (h in r) return r[h];
			const wanted = norm(h);
			let key = keyOf.get(wanted);
			if (key === undefined || !(key in r)) {
				key = Object.keys(r).find((k) => norm(k) === wanted);
				if (key !== undefined) keyOf.set(wanted, key);
			}
			return key === undefined ? undefined : r[key];
		};
		rows = input as Row[];
		firstRow = 2;
	}
	const places = settlementIndex(options.gazetteer ?? DEFAULT_GAZETTEER);
	const departments = options.departments?.length
		? new Map(options.departments.map((d) => [norm(d), d.trim()]))
		: undefined;
	const seen = new Set<string>();
	rows.forEach((row, i) => {
		if (!row || typeof row !== 'object') return;
		// n8n's Google Sheets node gives each row its sheet row number.
		const given = isGrid ? NaN : Number((row as Record<string, unknown>).row_number);
		const rowNumber = Number.isInteger(given) && given > 0 ? given : firstRow + i;
		const id = String(get(row, idHeader) ?? '').trim();
		const raw = {
			topic: get(row, CORRECTION_HEADERS.topic),
			department: get(row, CORRECTION_HEADERS.department),
			settlement: get(row, CORRECTION_HEADERS.settlement),
			appealType: get(row, CORRECTION_HEADERS.appealType),
		};
		const filled = (Object.keys(raw) as Array<keyof typeof raw>).filter((k) => norm(raw[k]) !== '');
		if (!filled.length) return;
		const where = (column: string) =>
			`Реестр, строка ${rowNumber}${id ? ` (${id})` : ''}, столбец «${column}»`;
		if (!id) {
			warnings.push(
				`${where(CORRECTION_HEADERS[filled[0]])}: нет ID обращения — исправление пропущено`,
			);
			return;
		}
		if (seen.has(id)) {
			warnings.push(
				`${where(CORRECTION_HEADERS[filled[0]])}: ID повторяется, действует первая строка с ним`,
			);
			return;
		}
		seen.add(id);
		const correction: Correction = {};
		for (const field of filled) {
			const value = String(raw[field]).trim();
			const key = norm(value);
			if (field === 'topic') {
				const topic = topicByName.get(key);
				if (topic) correction.topic = topic;
				else
					warnings.push(
						`${where(CORRECTION_HEADERS.topic)}: нет такой темы «${value}» — не учтено`,
					);
			} else if (field === 'appealType') {
				const type = typeByName.get(key);
				if (type) correction.appealType = type;
				else
					warnings.push(
						`${where(CORRECTION_HEADERS.appealType)}: вид «${value}» не из списка (${Object.values(APPEAL_TYPE_LABELS).join(', ')}) — не учтено`,
					);
			} else if (field === 'settlement') {
				const place = places.get(key);
				if (place) {
					correction.settlement = place.id;
					correction.settlementName = place.name;
				} else
					warnings.push(
						`${where(CORRECTION_HEADERS.settlement)}: нет такого поселения «${value}» — не учтено`,
					);
			} else {
				const department = departments ? departments.get(key) : value.replace(/\s+/g, ' ');
				if (department) correction.department = department;
				else
					warnings.push(
						`${where(CORRECTION_HEADERS.department)}: нет такого подразделения «${value}» — не учтено`,
					);
			}
		}
		if (Object.keys(correction).length) corrections.set(id, correction);
	});
	return { corrections, warnings };
}

type Cell = string | number | boolean | null | undefined;

/**
 * The record with a correction applied: topic (with its label and ТОТК code), appeal type and settlement replaced,
 * `corrections` kept on the record with the values they replaced (`computed`), so the register shows both. The
 * department is applied by «МЦУ: Маршрутизация», which reads `corrections.department`.
 */
export function applyCorrection<T extends Record<string, unknown>>(
	record: T,
	correction: Correction | undefined,
): T & { corrections?: CorrectionsOnRecord } {
	if (!correction || !Object.keys(correction).length) return record;
	const previous = record.corrections as CorrectionsOnRecord | undefined;
	// On a record corrected before (a re-run over its own output), the first computed values stay the computed ones.
	const computed = previous?.computed ?? {
		topic: (record.topic as string | null | undefined) ?? null,
		settlement: (record.settlement as string | null | undefined) ?? null,
		settlementName: (record.settlementName as string | null | undefined) ?? null,
		appealType: (record.appealType as string | null | undefined) ?? null,
	};
	const out: Record<string, unknown> = { ...record };
	if (correction.topic) {
		out.topic = correction.topic;
		out.topicTitle = topicLabel(correction.topic);
		out.totkCode = topicInfo(correction.topic)?.totkCode ?? null;
	}
	if (correction.appealType) out.appealType = correction.appealType;
	if (correction.settlement) {
		out.settlement = correction.settlement;
		out.settlementName = correction.settlementName ?? correction.settlement;
	}
	out.corrections = { ...correction, computed } satisfies CorrectionsOnRecord;
	return out as T & { corrections: CorrectionsOnRecord };
}

/** A field's computed value (what the package decided), whether or not a correction replaced it on the record. */
export function computedValue(
	record: Record<string, unknown>,
	field: keyof NonNullable<CorrectionsOnRecord['computed']>,
): unknown {
	const computed = (record.corrections as CorrectionsOnRecord | undefined)?.computed;
	return computed && field in computed ? computed[field] : record[field];
}
