import type { Appeal } from '../appeal';
import type { GazetteerEntry } from '../classify/gazetteer';
import { answerCheckFromText } from './answerCheckCell';
import {
	applyCorrection,
	appealTypeFromName,
	readCorrections,
	settlementFromName,
	topicFromName,
} from './corrections';
import {
	DEADLINE_STATUS_LABELS_RU,
	KIND_LABELS,
	REGISTER_COLUMNS,
	SATISFACTION_LABELS,
	SOURCE_LABELS,
	STATUS_LABELS,
	fromSheetDateTime,
} from './register';
import type { Cell } from './upsert';

/**
 * The register as the hand-off between workflows: the intake writes it, reminders, overdue and reports read it back.
 * Each row becomes an appeal again — labels to codes, dates to ISO 8601, the coordinator's corrections applied (they
 * win, as in the intake). Personal data stays as the register holds it (masked in a shared register), so the appeal
 * is marked `personalDataRemoved`: written back, it never overwrites those cells.
 */
export interface RegisterReadOptions {
	/** The district's UTC offset: register dates are local time (default Moscow, +03:00). */
	offset?: string;
	/** Known departments (the routing rules' ones) a department correction is matched to. */
	departments?: string[];
	gazetteer?: GazetteerEntry[];
}

const reverse = (labels: Record<string, string>) =>
	new Map(Object.entries(labels).map(([code, label]) => [label, code]));
const SOURCES = reverse(SOURCE_LABELS);
const KINDS = reverse(KIND_LABELS);
const STATUSES = reverse(STATUS_LABELS);
const DEADLINE_STATUSES = reverse(DEADLINE_STATUS_LABELS_RU);
const SATISFACTION = reverse(SATISFACTION_LABELS);

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());
const orNull = (v: unknown) => text(v) || null;

export function appealsFromRegister(
	grid: Cell[][],
	options: RegisterReadOptions = {},
): { appeals: Appeal[]; warnings: string[] } {
	if (!grid.length) return { appeals: [], warnings: [] };
	const header = grid[0].map(text);
	const column = new Map(REGISTER_COLUMNS.map((c) => [c.key, header.indexOf(c.header)]));
	const { corrections, warnings } = readCorrections(grid, {
		departments: options.departments,
		gazetteer: options.gazetteer,
	});
	const appeals: Appeal[] = [];
	const seen = new Set<string>();
	grid.slice(1).forEach((row, i) => {
		const cell = (key: string) => {
			const at = column.get(key) ?? -1;
			return at >= 0 ? row[at] : undefined;
		};
		const id = text(cell('id'));
		// The register updates the first row of an ID; a repeated one (pasted by hand) is not a second appeal.
		if (!id || seen.has(id)) return;
		seen.add(id);
		const date = (key: string) => fromSheetDateTime(cell(key), options.offset);
		const place = settlementFromName(cell('settlement'), options.gazetteer);
		const source = SOURCES.get(text(cell('source'))) ?? text(cell('source'));
		const appeal = {
			id,
			source,
			externalId: id.startsWith(`${source}:`) ? id.slice(source.length + 1) : id,
			url: orNull(cell('url')),
			receivedAt: date('receivedAt') ?? '',
			registeredAt: date('registeredAt'),
			kind: KINDS.get(text(cell('kind'))) ?? text(cell('kind')),
			author: { name: orNull(cell('author')), contact: orNull(cell('contact')) },
			text: text(cell('text')),
			address: orNull(cell('address')),
			settlement: place?.id ?? orNull(cell('settlement')),
			settlementName: place?.name ?? orNull(cell('settlement')),
			category: null,
			topic: topicFromName(cell('topic')) ?? null,
			totkCode: orNull(cell('totkCode')),
			appealType: appealTypeFromName(cell('appealType')) ?? null,
			department: orNull(cell('department')),
			responsible: orNull(cell('responsible')),
			status: STATUSES.get(text(cell('status'))) ?? (text(cell('status')) || 'new'),
			deadline: date('deadline'),
			extendedDeadline: null,
			deadlineStatus: DEADLINE_STATUSES.get(text(cell('deadlineStatus'))) ?? null,
			...(text(cell('timeLeft')) ? { deadlineInfo: { text: text(cell('timeLeft')) } } : {}),
			answeredAt: date('answeredAt'),
			answerText: orNull(cell('answerText')),
			satisfaction: SATISFACTION.get(text(cell('satisfaction'))) ?? 'unknown',
			flags: text(cell('flags'))
				.split(/\s*,\s*/)
				.filter(Boolean),
			raw: null,
			personalDataRemoved: true,
			registerRow: i + 2,
		} as Appeal;
		// The answer check's verdict, for reminders (rework), the answer-errors tab and the ratings.
		const answerCheck = answerCheckFromText(cell('answerCheck'));
		if (answerCheck) (appeal as { answerCheck?: unknown }).answerCheck = answerCheck;
		const correction = corrections.get(id);
		const corrected = applyCorrection(appeal, correction);
		// «МЦУ: Маршрутизация» applies a department correction in the intake; read back, it is applied here, and the
		// register's computed department stays the computed one if the appeal is written back.
		if (correction?.department && corrected.corrections) {
			corrected.department = correction.department;
			corrected.corrections = {
				...corrected.corrections,
				computed: { ...corrected.corrections.computed, department: appeal.department },
			};
		}
		appeals.push(corrected);
	});
	return { appeals, warnings };
}
