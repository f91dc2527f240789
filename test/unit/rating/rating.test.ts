import {
	computeRating,
	percentile,
	sstuMonthlyTable,
	summarize,
	type RatingAppeal,
} from '../../../lib/rating';

const base = {
	receivedAt: '2026-10-05T10:00:00+03:00',
	deadline: '2026-11-04T23:59:59+03:00',
	satisfaction: 'unknown',
	flags: [] as string[],
};
const appeal = (id: string, extra: Partial<RatingAppeal>): RatingAppeal => ({
	id,
	...base,
	...extra,
});
const period = { from: '2026-10-01T00:00:00+03:00', to: '2026-10-31T23:59:59+03:00' };

describe('rating', () => {
	const appeals: RatingAppeal[] = [
		// Дороги: 3 appeals, answered in 2 h and 6 h, one overdue; one unsatisfied; one repeat.
		appeal('r1', {
			department: 'Отдел дорог',
			firstReactionAt: '2026-10-05T11:00:00+03:00',
			answeredAt: '2026-10-05T12:00:00+03:00',
			satisfaction: 'satisfied',
		}),
		appeal('r2', {
			department: 'Отдел дорог',
			firstReactionAt: '2026-10-05T12:00:00+03:00',
			answeredAt: '2026-10-05T16:00:00+03:00',
			satisfaction: 'unsatisfied',
			answerCheck: { errors: [{ severity: 'error' }] },
		}),
		appeal('r3', {
			department: 'Отдел дорог',
			deadline: '2026-10-20T23:59:59+03:00',
			flags: ['repeat'],
		}),
		// Водоканал: 2 appeals answered late, after 20 days.
		appeal('w1', {
			department: 'МУП «Водоканал»',
			answeredAt: '2026-10-25T10:00:00+03:00',
			deadline: '2026-10-15T23:59:59+03:00',
			answerCheck: { errors: [] },
		}),
		appeal('w2', {
			department: 'МУП «Водоканал»',
			answeredAt: '2026-10-25T10:00:00+03:00',
			deadline: '2026-10-15T23:59:59+03:00',
		}),
		// Культура: one appeal only — listed, not ranked.
		appeal('c1', { department: 'Отдел культуры', answeredAt: '2026-10-05T11:00:00+03:00' }),
		// Outside the period.
		appeal('old', {
			department: 'Отдел дорог',
			receivedAt: '2026-09-10T10:00:00+03:00',
			answeredAt: '2026-09-10T11:00:00+03:00',
		}),
	];
	const result = computeRating(appeals, {
		period,
		groupBy: 'department',
		now: '2026-11-01T12:00:00+03:00',
		previousPeriod: { from: '2026-09-01T00:00:00+03:00', to: '2026-09-30T23:59:59+03:00' },
	});
	const row = (key: string) => result.rows.find((r) => r.key === key)!;

	it('computes volume, speed, timeliness, quality, satisfaction and repeats per department', () => {
		expect(row('Отдел дорог')).toMatchObject({
			received: 3,
			answered: 2,
			answeredOnTimeShare: 1,
			medianFirstReactionHours: 1.5,
			medianAnswerHours: 4,
			p90AnswerHours: 5.6,
			overdueNow: 1,
			qualityErrorsPerAnswer: 1,
			satisfiedShare: 0.5,
			repeatedShare: 0.33,
		});
		expect(row('МУП «Водоканал»')).toMatchObject({
			received: 2,
			answered: 2,
			answeredOnTimeShare: 0,
			medianAnswerHours: 480,
			overdueNow: 0,
			qualityErrorsPerAnswer: 0,
		});
	});
	it('ranks bodies with enough volume and lists the others unranked', () => {
		expect(result.rows.map((r) => [r.key, r.rank])).toEqual([
			['Отдел дорог', 1],
			['МУП «Водоканал»', 2],
			['Отдел культуры', null],
		]);
		expect(row('Отдел культуры').ranked).toBe(false);
	});
	it('the composite score follows the documented weights', () => {
		// Дороги: onTime 2/3·30 + speed (4 h ≤ 8 h) 20 + reaction (1.5 h: (24-1.5)/23) 10 + quality (1-1/2) 15 + satisfaction 0.5·15 + repeats (1-1/3)·10.
		const expected =
			(2 / 3) * 30 + 20 + ((24 - 1.5) / 23) * 10 + 0.5 * 15 + 0.5 * 15 + (2 / 3) * 10;
		expect(row('Отдел дорог').score).toBeCloseTo(Math.round(expected * 10) / 10, 1);
	});
	it('weights can be changed by the user', () => {
		const onlySpeed = computeRating(appeals, {
			period,
			groupBy: 'department',
			now: '2026-11-01T12:00:00+03:00',
			weights: { onTime: 0, speed: 100, reaction: 0, quality: 0, satisfaction: 0, repeats: 0 },
		});
		expect(onlySpeed.rows.find((r) => r.key === 'Отдел дорог')!.score).toBe(100);
		expect(onlySpeed.rows.find((r) => r.key === 'МУП «Водоканал»')!.score).toBe(0);
	});
	it('reports the change against the previous period', () => {
		expect(row('Отдел дорог').change).toEqual({ score: expect.any(Number), rank: null });
		expect(row('МУП «Водоканал»').change).toBeNull();
	});
	it('groups municipal organizations only, or by settlement', () => {
		const orgs = computeRating(appeals, {
			period,
			groupBy: 'organization',
			now: '2026-11-01T12:00:00+03:00',
		});
		expect(orgs.rows.map((r) => r.key)).toEqual(['МУП «Водоканал»']);
		const bySettlement = computeRating(
			appeals.map((a) => ({ ...a, settlement: 'dedovichi', settlementName: 'Дедовичи' })),
			{ period, groupBy: 'settlement', now: '2026-11-01T12:00:00+03:00' },
		);
		expect(bySettlement.rows).toHaveLength(1);
		expect(bySettlement.rows[0]).toMatchObject({ name: 'Дедовичи', received: 6 });
	});
	it('«Не распределено» is listed but never ranked', () => {
		const r = computeRating([...appeals, appeal('u1', {}), appeal('u2', {})], {
			period,
			groupBy: 'department',
			now: '2026-11-01T12:00:00+03:00',
		});
		expect(r.rows.find((x) => x.key === '—')).toMatchObject({
			name: 'Не распределено',
			ranked: false,
			rank: null,
		});
	});
	it('percentiles interpolate', () => {
		expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
		expect(percentile([10], 90)).toBe(10);
		expect(percentile([], 50)).toBeNull();
	});
});

describe('summary and the ССТУ table', () => {
	const appeals: RatingAppeal[] = [
		appeal('a', {
			topic: 'roads',
			settlement: 'dedovichi',
			settlementName: 'Дедовичи',
			appealType: 'complaint',
			source: 'pos',
			answeredAt: '2026-10-06T10:00:00+03:00',
			satisfaction: 'satisfied',
		}),
		appeal('b', {
			topic: 'roads',
			settlement: 'dedovichi',
			appealType: 'application',
			source: 'vk',
			flags: ['repeat', 'escalation'],
		}),
		appeal('c', {
			topic: 'water',
			settlement: 'vyazye',
			appealType: 'question',
			source: 'import',
			status: 'forwarded',
			text: 'Мы, жители дома 5, просим…',
		}),
		appeal('d', { topic: 'roads', receivedAt: '2026-09-05T10:00:00+03:00' }),
	];
	it('top topics with growth', () => {
		const s = summarize(appeals, period, {
			from: '2026-09-01T00:00:00+03:00',
			to: '2026-09-30T23:59:59+03:00',
		});
		expect(s.topics[0]).toMatchObject({ key: 'roads', count: 2, previous: 1, growth: 1 });
		expect(s).toMatchObject({ total: 3, previousTotal: 1, conflicts: 1, repeated: 1 });
	});
	it('counts by form, kind, topic and result', () => {
		const table = sstuMonthlyTable(appeals, '2026-10');
		const value = (section: string, name: string) =>
			table.find((r) => r.Раздел === section && r.Показатель === name)?.Значение;
		expect(value('Всего', 'Поступило обращений')).toBe(3);
		expect(value('Всего', 'из них повторных')).toBe(1);
		expect(value('Всего', 'из них коллективных')).toBe(1);
		expect(value('Форма', 'письменная')).toBe(1);
		expect(value('Форма', 'электронная')).toBe(2);
		expect(value('Вид', 'Жалоба')).toBe(1);
		expect(value('Результат', 'Рассмотрено. Поддержано (меры приняты)')).toBe(1);
		expect(value('Результат', 'Направлено по компетенции')).toBe(1);
		expect(value('Результат', 'Находится на рассмотрении')).toBe(1);
	});
});
