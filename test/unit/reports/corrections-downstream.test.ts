import { DateTime } from 'luxon';
import { ProductionCalendar } from '../../../lib/calendar';
import { computeRating, sstuMonthlyTable, summarize } from '../../../lib/rating';
import { buildReminders } from '../../../lib/reminders';

/** Rating, summary, ССТУ table and reminders take the coordinator's corrections over the computed values. */
describe('corrections downstream', () => {
	const period = { from: '2026-10-01T00:00:00+03:00', to: '2026-10-31T23:59:59+03:00' };
	const base = {
		receivedAt: '2026-10-05T10:00:00+03:00',
		department: 'Отдел ЖКХ',
		settlement: 'dedovichi',
		settlementName: 'Дедовичи',
		topic: 'heating',
		appealType: 'question',
	};
	const appeals = [
		{ id: 'a', ...base },
		{
			id: 'b',
			...base,
			corrections: {
				department: 'Отдел благоустройства',
				topic: 'waste',
				settlement: 'vyazye',
				settlementName: 'Вязьевская волость',
				appealType: 'complaint',
			},
		},
	];

	it('the rating groups by the corrected department and settlement', () => {
		const byDepartment = computeRating(appeals, {
			period,
			groupBy: 'department',
			now: '2026-11-01T12:00:00+03:00',
		});
		expect(byDepartment.rows.map((r) => [r.name, r.received]).sort()).toEqual([
			['Отдел ЖКХ', 1],
			['Отдел благоустройства', 1],
		]);
		const bySettlement = computeRating(appeals, {
			period,
			groupBy: 'settlement',
			now: '2026-11-01T12:00:00+03:00',
		});
		expect(bySettlement.rows.map((r) => [r.name, r.received]).sort()).toEqual([
			['Вязьевская волость', 1],
			['Дедовичи', 1],
		]);
	});

	it('the summary and the ССТУ table count the corrected topic and type', () => {
		expect(
			summarize(appeals, period)
				.topics.map((t) => [t.key, t.count])
				.sort(),
		).toEqual([
			['heating', 1],
			['waste', 1],
		]);
		const sstu = sstuMonthlyTable(appeals, '2026-10');
		const value = (section: string, name: string) =>
			sstu.find((r) => r.Раздел === section && r.Показатель === name)?.Значение;
		expect([
			value('Вид', 'Жалоба'),
			value('Вид', 'Вопрос'),
			value('Тематика', 'Вывоз мусора (ТКО)'),
		]).toEqual([1, 1, 1]);
	});

	it('reminders go to the head of the corrected department', () => {
		const overdue = {
			id: 'b',
			text: 'x',
			department: 'Отдел ЖКХ',
			corrections: { department: 'Отдел благоустройства' },
			deadlineStatus: 'overdue',
			deadlineInfo: { workingDaysLeft: -2 },
		};
		const { digests } = buildReminders([overdue], {
			now: DateTime.fromISO('2026-11-24T11:00:00+03:00'),
			calendar: new ProductionCalendar(),
			contacts: {
				heads: { 'Отдел ЖКХ': { name: 'Иванов' }, 'Отдел благоустройства': { name: 'Федорова' } },
			},
		});
		expect(digests.map((d) => [d.level, d.recipient.name])).toEqual([['responsible', 'Федорова']]);
	});
});
