import type { Period, RatingOptions, RatingRow, summarize } from './index';

/**
 * The rating and the summary as the sheet shows them: Russian column headers, percentages, «—» for no place.
 * These are the report's words, so they live with the rating, not in the n8n node.
 */

export type RatingGroupBy = RatingOptions['groupBy'];
export type TableRow = Record<string, string | number>;

/** The header of the column that names who is rated. */
export const GROUP_TITLES: Record<RatingGroupBy, string> = {
	department: 'Подразделение',
	organization: 'Организация',
	settlement: 'Поселение',
};

const percent = (share: number | null) => (share === null ? '' : Math.round(share * 100));
const growth = (share: number | null) => (share === null ? 'новое' : `${Math.round(share * 100)}%`);

/** The period of the same length that ends a second before `period` starts (for «Изменение» and «Рост»). */
export function previousPeriodOf(period: Period): Period {
	const from = Date.parse(period.from);
	const length = Date.parse(period.to) - from;
	return {
		from: new Date(from - length - 1000).toISOString(),
		to: new Date(from - 1000).toISOString(),
	};
}

/** Names the period's bound that is not a date, else null. */
export function periodProblem(period: Period): string | null {
	if (Number.isNaN(Date.parse(period.from))) return `Начало периода: не дата — «${period.from}»`;
	if (Number.isNaN(Date.parse(period.to))) return `Конец периода: не дата — «${period.to}»`;
	return null;
}

/** Names the problem with a `ГГГГ-ММ` month, else null. */
export function monthProblem(month: string): string | null {
	return /^\d{4}-(0[1-9]|1[0-2])$/.test(month)
		? null
		: `Месяц: ожидается ГГГГ-ММ, получено «${month}»`;
}

/** One sheet row per rated body, in rating order. */
export function ratingTable(
	rows: RatingRow[],
	groupBy: RatingGroupBy,
	minVolume: number,
): TableRow[] {
	return rows.map((r) => ({
		Место: r.rank ?? '—',
		[GROUP_TITLES[groupBy]]: r.name,
		Поступило: r.received,
		Отвечено: r.answered,
		'В срок, %': percent(r.answeredOnTimeShare),
		'Первая реакция (медиана), раб. ч': r.medianFirstReactionHours ?? '',
		'Ответ (медиана), раб. ч': r.medianAnswerHours ?? '',
		'Ответ (90%), раб. ч': r.p90AnswerHours ?? '',
		'Просрочено сейчас': r.overdueNow,
		'Ошибок на ответ': r.qualityErrorsPerAnswer ?? '',
		'Удовлетворены, %': percent(r.satisfiedShare),
		'Повторные, %': percent(r.repeatedShare),
		Балл: r.score,
		'Изменение балла': r.change ? r.change.score : '',
		'Изменение места': r.change?.rank ?? '',
		'В рейтинге': r.ranked ? 'да' : `нет (меньше ${minVolume} обращений)`,
	}));
}

/** How many topics and settlements the summary lists (the most frequent ones). */
export const SUMMARY_TOP = 10;

/** The period's summary as rows of (раздел, показатель, значение, прошлый период, рост). */
export function summaryTable(s: ReturnType<typeof summarize>): TableRow[] {
	const total = (name: string, value: number, previous: number | string = '') => ({
		Раздел: 'Итого',
		Показатель: name,
		Значение: value,
		'Прошлый период': previous,
		Рост: '',
	});
	// Topics and settlements are listed alike: the most frequent, with their growth.
	const top = (section: string, list: ReturnType<typeof summarize>['topics']) =>
		list.slice(0, SUMMARY_TOP).map((t) => ({
			Раздел: section,
			Показатель: t.label,
			Значение: t.count,
			'Прошлый период': t.previous,
			Рост: growth(t.growth),
		}));
	return [
		total('Обращений за период', s.total, s.previousTotal ?? ''),
		total('Конфликтных', s.conflicts),
		total('Повторных и дублей', s.repeated),
		...top('Темы', s.topics),
		...top('Поселения', s.settlements),
	];
}
