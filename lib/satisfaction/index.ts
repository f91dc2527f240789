import { compilePhrase, findPhrase, stems } from '../text/russian';

/**
 * Satisfaction: ratings from ПОС and ИМ (1..5), and for social channels the reply to a follow-up question,
 * recognized as satisfied / unsatisfied. An unsatisfied reply reopens the appeal (see `reopenOnUnsatisfied`).
 */
export type SatisfactionValue = 'satisfied' | 'unsatisfied' | 'unknown';

export const FOLLOW_UP_QUESTION =
	'Здравствуйте! Это МЦУ Дедовичского района. По вашему обращению дан ответ. Проблема решена? Ответьте, пожалуйста: «да» или «нет» (или оценкой от 1 до 5).';

const NEGATIVE = [
	'нет',
	'не решена',
	'не решили',
	'ничего не сделано',
	'ничего не сделали',
	'ничего не изменилось',
	'всё так же',
	'все так же',
	'как были',
	'как было',
	'до сих пор',
	'не устраивает',
	'отписка',
	'обман',
	'враньё',
	'не сделали',
	'опять',
].map(compilePhrase);
const POSITIVE = [
	'да',
	'спасибо',
	'благодарю',
	'решена',
	'решили',
	'сделали',
	'починили',
	'отремонтировали',
	'убрали',
	'вывезли',
	'всё хорошо',
	'все хорошо',
	'устраивает',
	'отлично',
	'молодцы',
].map(compilePhrase);

/** ПОС/ИМ ratings: 4–5 satisfied, 1–2 unsatisfied, 3 (and anything else) unknown. */
export function fromRating(rating: unknown): SatisfactionValue {
	const n = Number(rating);
	if (!Number.isFinite(n) || n < 1 || n > 5) return 'unknown';
	return n >= 4 ? 'satisfied' : n <= 2 ? 'unsatisfied' : 'unknown';
}

export function recognizeSatisfaction(reply: string): {
	value: SatisfactionValue;
	evidence: string[];
} {
	const text = (reply ?? '').trim();
	if (!text) return { value: 'unknown', evidence: [] };
	const digit = /^\s*([1-5])\s*(?:[.!)]|из 5|\/5)?\s*$/.exec(text);
	if (digit) return { value: fromRating(digit[1]), evidence: [digit[1]] };
	// A question («а когда починят?») is a new request, not an assessment, unless it opens with a plain yes or no.
	if (text.includes('?') && !/^(да|нет)(?![а-яё])/iu.test(text))
		return { value: 'unknown', evidence: [] };
	const thumbsUp = /👍|😊|🙂|❤️|👏/u.test(text);
	const thumbsDown = /👎|😡|😠|🤬|😞/u.test(text);
	const textStems = stems(text);
	const negative = NEGATIVE.filter((p) => findPhrase(textStems, p) >= 0).map((p) => p.phrase);
	// «не решили» contains «решили»: a positive word inside a matched negative phrase does not count.
	const positive = POSITIVE.filter(
		(p) => findPhrase(textStems, p) >= 0 && !negative.some((n) => n.endsWith(p.phrase)),
	).map((p) => p.phrase);
	const neg = negative.length + (thumbsDown ? 1 : 0);
	const pos = positive.length + (thumbsUp ? 1 : 0);
	if (neg > 0 && neg >= pos)
		return { value: 'unsatisfied', evidence: [...negative, ...(thumbsDown ? ['👎'] : [])] };
	if (pos > 0) return { value: 'satisfied', evidence: [...positive, ...(thumbsUp ? ['👍'] : [])] };
	return { value: 'unknown', evidence: [] };
}

/** An unsatisfied citizen reopens the appeal and raises a flag; anything else leaves it as it is. */
export function applySatisfaction<T extends { status?: string; flags?: string[] }>(
	appeal: T,
	value: SatisfactionValue,
): T & { satisfaction: SatisfactionValue } {
	if (value !== 'unsatisfied') return { ...appeal, satisfaction: value };
	return {
		...appeal,
		satisfaction: value,
		status: 'in_progress',
		flags: [...new Set([...(appeal.flags ?? []), 'unsatisfied', 'reopened'])],
	};
}
