import type { Appeal } from '../appeal';
import { maskText } from './masking';
import { REGISTER_COLUMNS, sheetDateTime, type ReportColumn } from './register';

/** One row per error found in an answer: the «ошибки при подготовке ответов» report. */
export interface AnswerErrorRow {
	appeal: Appeal;
	error: {
		code: string;
		message: string;
		evidence: string[];
		severity: string;
		sentence?: string;
		hint?: string;
	};
}

const byKey = (key: string) =>
	REGISTER_COLUMNS.find((c) => c.key === key)! as unknown as ReportColumn<Appeal>;
const ofAppeal = (column: ReportColumn<Appeal>): ReportColumn<AnswerErrorRow> => ({
	...column,
	value: (r, masked) => column.value(r.appeal, masked),
});

export const ANSWER_ERROR_COLUMNS: ReportColumn<AnswerErrorRow>[] = [
	ofAppeal(byKey('id')),
	ofAppeal(byKey('department')),
	ofAppeal(byKey('responsible')),
	{
		key: 'severity',
		header: 'Важность',
		value: (r) => (r.error.severity === 'error' ? 'Ошибка' : 'Замечание'),
		width: 110,
		choices: ['Ошибка', 'Замечание'],
	},
	{ key: 'error', header: 'Что не так', value: (r) => r.error.message, width: 320 },
	// The triggering sentence and evidence quote the answer: masked like the answer text itself (they leaked names and phones).
	{
		key: 'evidence',
		header: 'Подтверждение',
		value: (r, masked) => evidenceText(r.error, masked),
		width: 320,
	},
	{
		key: 'answeredAt',
		header: 'Дата ответа',
		value: (r) => sheetDateTime(r.appeal.answeredAt),
		width: 140,
		format: 'datetime',
	},
	ofAppeal(byKey('answerText')),
	ofAppeal(byKey('url')),
];

export function answerErrorRows(appeals: Appeal[]): AnswerErrorRow[] {
	const rows: AnswerErrorRow[] = [];
	for (const appeal of appeals) {
		const errors =
			(appeal.answerCheck as { errors?: AnswerErrorRow['error'][] } | undefined)?.errors ?? [];
		for (const error of errors) rows.push({ appeal, error });
	}
	return rows;
}

/** The sentence that triggered the check, its evidence and what a good answer would add; masked when the report masks personal data. */
export function evidenceText(error: AnswerErrorRow['error'], masked: boolean): string {
	const parts = [
		error.sentence ? `«${error.sentence}»` : '',
		error.evidence.join('; '),
		error.hint ? `Что добавить: ${error.hint}` : '',
	].filter(Boolean);
	const text = parts.join(' — ');
	return masked ? maskText(text) : text;
}
