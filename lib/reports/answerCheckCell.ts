import { QUALITY_HINTS, QUALITY_MESSAGES, type QualityCode } from '../quality';
import { maskText } from './masking';

/**
 * The register's «Проверка ответа» cell: the verdict of «МЦУ: Контроль ответов» in words a coordinator reads, and
 * what reminders, the answer-errors tab and the ratings read back (`answerCheckFromText`), since the intake sees an
 * answer only in the run that brings it. Layout:
 *   first line — «Без замечаний» | «Принят с замечаниями» | «На доработку: <причина>; <причина>» (errors only);
 *   then a line per finding — «Ошибка: <причина> — «<предложение>» — <подтверждение>» (or «Замечание: …»).
 * The quoted sentence and evidence come from the answer: masked like the answer text when the register is masked.
 */
export interface CheckedAnswer {
	ok?: boolean;
	errors?: Array<{
		code?: string;
		message?: string;
		severity?: string;
		evidence?: string[];
		sentence?: string;
		hint?: string;
	}>;
}

export const ANSWER_CHECK_VERDICTS = {
	ok: 'Без замечаний',
	okWithWarnings: 'Принят с замечаниями',
	rework: 'На доработку',
} as const;
const SEVERITY_LABELS = { error: 'Ошибка', warning: 'Замечание' } as const;
const SEPARATOR = ' — ';

export function answerCheckText(check: unknown, masked: boolean): string {
	if (!check || typeof check !== 'object') return '';
	const { ok, errors = [] } = check as CheckedAnswer;
	if (typeof ok !== 'boolean') return '';
	const mask = (t: string) => (masked ? maskText(t) : t);
	const reasons = errors.filter((e) => e.severity !== 'warning').map((e) => e.message ?? '');
	const verdict = !ok
		? `${ANSWER_CHECK_VERDICTS.rework}: ${reasons.join('; ')}`
		: errors.length
			? ANSWER_CHECK_VERDICTS.okWithWarnings
			: ANSWER_CHECK_VERDICTS.ok;
	const details = errors.map((e) => {
		const evidence = (e.evidence ?? []).filter(Boolean).join('; ');
		const parts = [
			e.sentence ? `«${mask(oneLine(e.sentence))}»` : '',
			evidence ? mask(oneLine(evidence)) : '',
		].filter(Boolean);
		return [
			`${e.severity === 'warning' ? SEVERITY_LABELS.warning : SEVERITY_LABELS.error}: ${e.message ?? ''}`,
			...parts,
		].join(SEPARATOR);
	});
	return [verdict, ...details].join('\n');
}

const oneLine = (t: string) => t.replace(/\s*\n\s*/g, ' ');

const CODE_BY_MESSAGE = new Map(
	Object.entries(QUALITY_MESSAGES).map(([code, message]) => [message, code as QualityCode]),
);
// Longest first: a message that begins another one must not cut it short.
const MESSAGES = [...CODE_BY_MESSAGE.keys()].sort((a, b) => b.length - a.length);

interface ReadError {
	code: string;
	message: string;
	severity: 'error' | 'warning';
	evidence: string[];
	sentence?: string;
	hint: string;
}

/** The cell back into an answer check (`{ ok, errors }`); an empty or unreadable cell → undefined (not checked). */
export function answerCheckFromText(
	text: unknown,
): { ok: boolean; errors: ReadError[] } | undefined {
	const lines = String(text ?? '')
		.split('\n')
		.map((l) => l.trim())
		.filter(Boolean);
	if (!lines.length) return undefined;
	const [verdict, ...rest] = lines;
	const rework = verdict.startsWith(ANSWER_CHECK_VERDICTS.rework);
	if (
		!rework &&
		verdict !== ANSWER_CHECK_VERDICTS.ok &&
		verdict !== ANSWER_CHECK_VERDICTS.okWithWarnings
	)
		return undefined;
	const errors: ReadError[] = [];
	for (const line of rest) {
		const m = /^(Ошибка|Замечание): (.*)$/.exec(line);
		if (!m) continue;
		const [message, detail] = splitFinding(m[2]);
		errors.push(finding(message, m[1] === SEVERITY_LABELS.warning ? 'warning' : 'error', detail));
	}
	// A verdict without its detail lines (cut by hand): the reasons of its first line are the errors.
	if (rework && !errors.some((e) => e.severity === 'error')) {
		const reasons = verdict.slice(ANSWER_CHECK_VERDICTS.rework.length).replace(/^:\s*/, '');
		for (const reason of splitReasons(reasons)) errors.push(finding(reason, 'error', ''));
	}
	return { ok: !rework, errors };
}

function finding(message: string, severity: 'error' | 'warning', detail: string): ReadError {
	const code = CODE_BY_MESSAGE.get(message);
	const error: ReadError = {
		code: code ?? 'other',
		message,
		severity,
		evidence: [],
		hint: code ? QUALITY_HINTS[code] : '',
	};
	let rest = detail;
	if (rest.startsWith('«')) {
		const close = closingQuote(rest);
		if (close > 0 && (close === rest.length - 1 || rest.startsWith(SEPARATOR, close + 1))) {
			error.sentence = rest.slice(1, close);
			rest = rest.slice(Math.min(rest.length, close + 1 + SEPARATOR.length));
		}
	}
	if (rest) error.evidence = rest.split('; ');
	return error;
}

/** Where the «…» opening the text closes, quotes inside it balanced; -1 when it does not. */
function closingQuote(text: string): number {
	let depth = 0;
	for (let i = 0; i < text.length; i++) {
		if (text[i] === '«') depth++;
		else if (text[i] === '»' && --depth === 0) return i;
	}
	return -1;
}

/** «<message> — <detail>»: a known message is matched whole (messages hold «:» and dashes of their own). */
function splitFinding(text: string): [string, string] {
	const known = MESSAGES.find((m) => text === m || text.startsWith(`${m}${SEPARATOR}`));
	if (known) return [known, text.slice(known.length + SEPARATOR.length)];
	const at = text.indexOf(SEPARATOR);
	return at >= 0 ? [text.slice(0, at), text.slice(at + SEPARATOR.length)] : [text, ''];
}

function splitReasons(text: string): string[] {
	const out: string[] = [];
	let rest = text.trim();
	while (rest) {
		const known = MESSAGES.find((m) => rest === m || rest.startsWith(`${m}; `));
		const reason = known ?? rest.split('; ')[0];
		if (reason) out.push(reason);
		rest = rest.slice(reason.length).replace(/^;\s*/, '');
	}
	return out;
}
