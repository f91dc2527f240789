import {
	computeRating,
	isRatingAppeal,
	monthProblem,
	officeWorkingMinutes,
	periodProblem,
	previousPeriodOf,
	ratingTable,
	summarize,
	summaryTable,
	SUMMARY_TOP,
	type RatingAppeal,
} from '../../../lib/rating';
import { ProductionCalendar } from '../../../lib/calendar';

const october = { from: '2026-10-01T00:00:00+03:00', to: '2026-10-31T23:59:59+03:00' };
const appeal = (id: string, extra: Partial<RatingAppeal>): RatingAppeal => ({
	id,
	receivedAt: '2026-10-05T10:00:00+03:00',
	flags: [],
	...extra,
});

describe('the rating as a sheet', () => {
	const appeals = [
		appeal('r1', {
			department: 'Отдел дорог',
			answeredAt: '2026-10-05T12:00:00+03:00',
			deadline: '2026-11-04T23:59:59+03:00',
			satisfaction: 'satisfied',
		}),
		appeal('r2', {
			department: 'Отдел дорог',
			answeredAt: '2026-10-05T14:00:00+03:00',
			deadline: '2026-11-04T23:59:59+03:00',
			satisfaction: 'unsatisfied',
		}),
		appeal('c1', { department: 'Отдел культуры' }),
	];
	const result = computeRating(appeals, {
		period: october,
		groupBy: 'department',
		now: '2026-11-01T12:00:00+03:00',
	});

	it('names the group column by what is rated and writes shares as whole percents', () => {
		const [roads, culture] = ratingTable(result.rows, 'department', result.minVolume);
		expect(roads).toMatchObject({
			Место: 1,
			Подразделение: 'Отдел дорог',
			Поступило: 2,
			Отвечено: 2,
			'В срок, %': 100,
			'Удовлетворены, %': 50,
			'В рейтинге': 'да',
		});
		expect(culture).toMatchObject({
			Место: '—',
			Подразделение: 'Отдел культуры',
			'В срок, %': '',
			'В рейтинге': 'нет (меньше 2 обращений)',
		});
		expect(Object.keys(ratingTable(result.rows, 'settlement', 2)[0])).toContain('Поселение');
		expect(Object.keys(ratingTable(result.rows, 'organization', 2)[0])).toContain('Организация');
	});

	it('has the same columns in every row, so the sheet gets one header', () => {
		const keys = ratingTable(result.rows, 'department', 2).map((row) => Object.keys(row).join('|'));
		expect(new Set(keys).size).toBe(1);
	});
});

describe('the summary as a sheet', () => {
	const appeals = [
		...Array.from({ length: SUMMARY_TOP + 2 }, (_, i) =>
			appeal(`t${i}`, {
				topic: `custom-${i}`,
				settlement: `s${i}`,
				settlementName: `Поселение ${i}`,
			}),
		),
		appeal('a', { topic: 'roads', flags: ['repeat', 'hostile'] }),
		appeal('b', { topic: 'roads' }),
		appeal('before', { topic: 'roads', receivedAt: '2026-09-20T10:00:00+03:00' }),
	];
	const rows = summaryTable(summarize(appeals, october, previousPeriodOf(october)));

	it('totals first, then at most the top topics and settlements', () => {
		expect(rows.slice(0, 3)).toEqual([
			{
				Раздел: 'Итого',
				Показатель: 'Обращений за период',
				Значение: SUMMARY_TOP + 4,
				'Прошлый период': 1,
				Рост: '',
			},
			{ Раздел: 'Итого', Показатель: 'Конфликтных', Значение: 1, 'Прошлый период': '', Рост: '' },
			{
				Раздел: 'Итого',
				Показатель: 'Повторных и дублей',
				Значение: 1,
				'Прошлый период': '',
				Рост: '',
			},
		]);
		expect(rows.filter((r) => r.Раздел === 'Темы')).toHaveLength(SUMMARY_TOP);
		expect(rows.filter((r) => r.Раздел === 'Поселения')).toHaveLength(SUMMARY_TOP);
	});

	it('growth in percent against the period before; «новое» when there was nothing', () => {
		const topics = rows.filter((r) => r.Раздел === 'Темы');
		expect(topics[0]).toMatchObject({ Значение: 2, 'Прошлый период': 1, Рост: '100%' });
		expect(topics[1]).toMatchObject({ Значение: 1, 'Прошлый период': 0, Рост: 'новое' });
	});
});

describe('periods and months', () => {
	it('the previous period has the same length and ends a second before', () => {
		expect(previousPeriodOf({ from: '2026-10-11T00:00:00Z', to: '2026-10-20T23:59:59Z' })).toEqual({
			from: '2026-10-01T00:00:00.000Z',
			to: '2026-10-10T23:59:59.000Z',
		});
	});

	it('names the bound that is not a date', () => {
		expect(periodProblem(october)).toBeNull();
		expect(periodProblem({ from: 'вчера', to: october.to })).toBe(
			'Начало периода: не дата — «вчера»',
		);
		expect(periodProblem({ from: october.from, to: '' })).toBe('Конец периода: не дата — «»');
	});

	it('a month is ГГГГ-ММ with a real month number', () => {
		expect(monthProblem('2026-10')).toBeNull();
		expect(monthProblem('2026-13')).toBe('Месяц: ожидается ГГГГ-ММ, получено «2026-13»');
		expect(monthProblem('10.2026')).toBe('Месяц: ожидается ГГГГ-ММ, получено «10.2026»');
	});

	it('only records with a receipt time are counted', () => {
		expect(
			[{ receivedAt: '2026-10-01' }, { error: 'x' }, null, 'text', { receivedAt: 5 }].map(
				isRatingAppeal,
			),
		).toEqual([true, false, false, false, false]);
	});
});

describe('speed in office time', () => {
	it('counts only working hours of working days: Friday 17:00 to Monday 10:00 is two hours', () => {
		const minutes = officeWorkingMinutes(new ProductionCalendar());
		expect(minutes('2026-10-16T17:00:00+03:00', '2026-10-19T10:00:00+03:00')).toBe(120);
		expect(minutes('2026-10-19T07:00:00+03:00', '2026-10-19T08:30:00+03:00')).toBe(0);
	});
});
