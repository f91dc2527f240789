import { DateTime } from 'luxon';
import { ProductionCalendar } from '../../../lib/calendar';
import {
	DEFAULT_POLICIES,
	applyDeadline,
	computeDeadline,
	evaluateDeadline,
	mergePolicies,
	selectPolicy,
	workingMinutesBetween,
} from '../../../lib/deadlines';

const calendar = new ProductionCalendar();
const at = (iso: string) => DateTime.fromISO(iso, { setZone: true });
const policy = (source: string, kind: string) => selectPolicy(DEFAULT_POLICIES, source, kind);

describe('policy selection', () => {
	it('picks the most specific policy', () => {
		expect(policy('pos', 'appeal59').id).toBe('fz59');
		expect(policy('pos', 'message').id).toBe('pos_message');
		expect(policy('im', 'incident').id).toBe('im_incident');
		expect(policy('vk', 'comment').id).toBe('vk_social');
		expect(policy('import', 'message').id).toBe('fallback');
	});
	it('every default names its basis', () => {
		for (const p of DEFAULT_POLICIES) expect(p.basis.length).toBeGreaterThan(10);
	});
	it('overrides change a policy or add a new one', () => {
		const merged = mergePolicies(DEFAULT_POLICIES, [
			{ source: 'pos', kind: 'message', unit: 'working_days', amount: 10 },
			{ source: 'telegram', kind: 'direct_message', unit: 'working_hours', amount: 4 },
		]);
		expect(selectPolicy(merged, 'pos', 'message')).toMatchObject({ unit: 'working_days', amount: 10, id: 'pos_message' });
		expect(selectPolicy(merged, 'telegram', 'direct_message')).toMatchObject({ unit: 'working_hours', amount: 4 });
		expect(selectPolicy(merged, 'telegram', 'comment').id).toBe('telegram_social');
		expect(DEFAULT_POLICIES.find((p) => p.id === 'pos_message')!.amount).toBe(30);
	});
});

describe('computeDeadline', () => {
	it('59-ФЗ: 30 calendar days from registration', () => {
		const r = computeDeadline({ registeredAt: '2026-03-02T11:00:00+03:00' }, policy('pos', 'appeal59'), calendar);
		expect(r.deadline).toBe('2026-04-01T23:59:59+03:00');
		expect(r.maxExtendedDeadline).toBe('2026-04-30T23:59:59+03:00');
	});
	it('a 59-ФЗ deadline on a day off moves to the previous working day (May 2026 holidays)', () => {
		// 10 April + 30 days = 10 May (Sunday, in the 9–11 May days off) → Friday 8 May.
		const r = computeDeadline({ registeredAt: '2026-04-10T09:30:00+03:00' }, policy('pos', 'appeal59'), calendar);
		expect(r.deadline).toBe('2026-05-08T23:59:59+03:00');
	});
	it('the "next" rule moves forward instead', () => {
		const p = { ...policy('pos', 'appeal59'), dayOff: 'next' as const };
		expect(computeDeadline({ registeredAt: '2026-04-10T09:30:00+03:00' }, p, calendar).deadline).toBe('2026-05-12T23:59:59+03:00');
	});
	it('working days skip the January holidays', () => {
		const p = { ...policy('pos', 'message'), unit: 'working_days' as const, amount: 3 };
		expect(computeDeadline({ registeredAt: '2025-12-29T15:00:00+03:00' }, p, calendar).deadline).toBe('2026-01-13T23:59:59+03:00');
	});
	it('ИМ: 8 working hours from receipt, over a weekend and a shortened day', () => {
		const p = policy('im', 'incident');
		// Friday 8 May 2026 is shortened (ends 17:00): 16:00→17:00 is 1 h; then 9–11 May off; Tue 12 May 09:00 + 7 h.
		expect(computeDeadline({ receivedAt: '2026-05-08T16:00:00+03:00' }, p, calendar).deadline).toBe('2026-05-12T16:00:00+03:00');
		// A post at night counts from the next morning.
		expect(computeDeadline({ receivedAt: '2026-11-24T23:10:00+03:00' }, p, calendar).deadline).toBe('2026-11-25T17:00:00+03:00');
		// Other offsets are converted to Moscow time.
		expect(computeDeadline({ receivedAt: '2026-11-24T06:00:00Z' }, p, calendar).deadline).toBe('2026-11-24T17:00:00+03:00');
	});
	it('names the field it cannot read', () => {
		expect(() => computeDeadline({ registeredAt: '24.11.2026' }, policy('pos', 'appeal59'), calendar)).toThrow(/registeredAt/);
		expect(() => computeDeadline({ receivedAt: '2026-11-24T10:00:00' }, policy('im', 'incident'), calendar)).toThrow(/receivedAt.*со смещением/);
	});
});

describe('evaluateDeadline', () => {
	const p59 = policy('pos', 'appeal59');
	const deadline = '2026-05-08T23:59:59+03:00';
	it.each([
		['2026-04-20T10:00:00+03:00', 'on_time', 13],
		['2026-05-04T10:00:00+03:00', 'due_soon', 4],
		['2026-05-06T10:00:00+03:00', 'due_soon', 2],
		['2026-05-08T12:00:00+03:00', 'due_soon', 0],
		['2026-05-12T10:00:00+03:00', 'overdue', -1],
		['2026-05-14T10:00:00+03:00', 'overdue', -3],
	])('at %s: %s, %d working days left', (now, status, days) => {
		const r = evaluateDeadline({ deadline }, at(now), p59, calendar, { workingDays: 4, workingHours: 2 });
		expect(r.status).toBe(status);
		expect(r.workingDaysLeft).toBe(days);
	});
	it('answers are judged at the answer moment', () => {
		expect(evaluateDeadline({ deadline, answeredAt: '2026-05-07T12:00:00+03:00' }, at('2026-06-01T10:00:00+03:00'), p59, calendar).status).toBe('answered_on_time');
		const late = evaluateDeadline({ deadline, answeredAt: '2026-05-13T12:00:00+03:00' }, at('2026-06-01T10:00:00+03:00'), p59, calendar);
		expect(late.status).toBe('answered_late');
		expect(late.text).toBe('ответ дан с опозданием на 2 рабочих дня');
	});
	it('an extended deadline is the one in force', () => {
		const r = evaluateDeadline({ deadline, extendedDeadline: '2026-06-05T23:59:59+03:00' }, at('2026-05-20T10:00:00+03:00'), p59, calendar);
		expect(r.status).toBe('on_time');
		expect(r.effectiveDeadline).toBe('2026-06-05T23:59:59+03:00');
	});
	it('hour-based deadlines report working hours', () => {
		const pim = policy('im', 'incident');
		const r = evaluateDeadline({ deadline: '2026-05-12T16:00:00+03:00' }, at('2026-05-08T16:30:00+03:00'), pim, calendar);
		expect(r.workingHoursLeft).toBe(7.5);
		expect(r.status).toBe('on_time');
		expect(r.text).toBe('осталось 7.5 рабочих часа');
		const over = evaluateDeadline({ deadline: '2026-05-12T16:00:00+03:00' }, at('2026-05-13T10:00:00+03:00'), pim, calendar);
		expect(over.status).toBe('overdue');
		expect(over.workingHoursLeft).toBe(-3);
		expect(over.text).toBe('просрочено на 3 рабочих часа');
	});
	it('counts working minutes over long spans exactly (holidays, shortened days)', () => {
		const pim = policy('im', 'incident');
		// 30 Apr (shortened, to 17:00): 5 h; 4–8 and 12 May: 6 days × 9 h − 1 h (8 May shortened); 13 May 9–10: 1 h.
		expect(workingMinutesBetween(at('2026-04-30T12:00:00+03:00'), at('2026-05-13T10:00:00+03:00'), pim, calendar)).toBe(59 * 60);
		expect(workingMinutesBetween(at('2026-05-13T10:00:00+03:00'), at('2026-04-30T12:00:00+03:00'), pim, calendar)).toBe(-59 * 60);
		// Across a year boundary: 30 Dec 2025 9:00 → 12 Jan 2026 9:00 is one full working day (30 Dec; 31 Dec is off).
		expect(workingMinutesBetween(at('2025-12-30T09:00:00+03:00'), at('2026-01-12T09:00:00+03:00'), pim, calendar)).toBe(9 * 60);
	});
	it('counts working minutes only inside office hours', () => {
		const pim = policy('im', 'incident');
		expect(workingMinutesBetween(at('2026-05-08T08:00:00+03:00'), at('2026-05-12T10:00:00+03:00'), pim, calendar)).toBe(8 * 60 + 60);
	});
});

describe('applyDeadline', () => {
	const base = {
		id: 'pos:1', source: 'pos', kind: 'appeal59',
		receivedAt: '2026-04-09T20:00:00+03:00', registeredAt: '2026-04-10T09:30:00+03:00',
		deadline: null, extendedDeadline: null, answeredAt: null,
	};
	const options = { policies: DEFAULT_POLICIES, calendar, now: at('2026-05-06T10:00:00+03:00'), sourceDeadline: 'keep' as const };
	it('computes deadline, status and a readable summary', () => {
		const r = applyDeadline(base, options);
		expect(r.deadline).toBe('2026-05-08T23:59:59+03:00');
		expect(r.deadlineStatus).toBe('due_soon');
		expect(r.deadlineInfo).toMatchObject({ policy: 'fz59', basis: 'policy', workingDaysLeft: 2, text: 'осталось 2 рабочих дня', warnings: [] });
	});
	it('keeps the source deadline unless told to recompute', () => {
		const withSource = { ...base, deadline: '2026-05-20T18:00:00+03:00' };
		expect(applyDeadline(withSource, options)).toMatchObject({ deadline: '2026-05-20T18:00:00+03:00', deadlineStatus: 'on_time' });
		expect(applyDeadline(withSource, { ...options, sourceDeadline: 'recompute' }).deadline).toBe('2026-05-08T23:59:59+03:00');
	});
	it('warns when the deadline lands in a year without a calendar', () => {
		const r = applyDeadline({ ...base, registeredAt: '2026-12-20T10:00:00+03:00' }, { ...options, now: at('2026-12-21T10:00:00+03:00') });
		expect(r.deadline.startsWith('2027-01-')).toBe(true);
		expect(r.deadlineInfo.warnings[0]).toMatch(/2027/);
	});
	it('rejects a record without source or with a broken date, naming the field', () => {
		expect(() => applyDeadline({ ...base, source: undefined }, options)).toThrow(/source/);
		expect(() => applyDeadline({ ...base, registeredAt: 'вчера' }, options)).toThrow(/registeredAt/);
		expect(() => applyDeadline({ ...base, answeredAt: '2026-13-01T00:00:00+03:00' }, options)).toThrow(/answeredAt/);
	});
	it('a routing rule\'s own deadline beats the policy', () => {
		const routed = { ...base, routing: { rule: 'Дороги', deadline: { unit: 'working_days', amount: 5 } } };
		const r = applyDeadline(routed, options);
		// 5 working days after Friday 10 April 2026: 13, 14, 15, 16, 17 April.
		expect(r.deadline).toBe('2026-04-17T23:59:59+03:00');
		expect(r.deadlineInfo.policyTitle).toBe('Срок по правилу «Дороги»');
	});
});
