import { DateTime } from 'luxon';
import { ProductionCalendar } from '../../../lib/calendar';
import {
	DEFAULT_POLICIES,
	addPeriod,
	addWorkingHours,
	applyDeadline,
	computeDeadline,
	evaluateDeadline,
	mergePolicies,
	selectPolicy,
	workingMinutesBetween,
	type DeadlinePolicy,
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
		expect(selectPolicy(merged, 'pos', 'message')).toMatchObject({
			unit: 'working_days',
			amount: 10,
			id: 'pos_message',
		});
		expect(selectPolicy(merged, 'telegram', 'direct_message')).toMatchObject({
			unit: 'working_hours',
			amount: 4,
		});
		expect(selectPolicy(merged, 'telegram', 'comment').id).toBe('telegram_social');
		expect(DEFAULT_POLICIES.find((p) => p.id === 'pos_message')!.amount).toBe(30);
	});
});

describe('computeDeadline', () => {
	it('59-ФЗ: 30 calendar days from registration', () => {
		const r = computeDeadline(
			{ registeredAt: '2026-03-02T11:00:00+03:00' },
			policy('pos', 'appeal59'),
			calendar,
		);
		expect(r.deadline).toBe('2026-04-01T23:59:59+03:00');
		expect(r.maxExtendedDeadline).toBe('2026-04-30T23:59:59+03:00');
	});
	it('a 59-ФЗ deadline on a day off moves to the previous working day (May 2026 holidays)', () => {
		// 10 April + 30 days = 10 May (Sunday, in the 9–11 May days off) → Friday 8 May.
		const r = computeDeadline(
			{ registeredAt: '2026-04-10T09:30:00+03:00' },
			policy('pos', 'appeal59'),
			calendar,
		);
		expect(r.deadline).toBe('2026-05-08T23:59:59+03:00');
	});
	it('the "next" rule moves forward instead', () => {
		const p = { ...policy('pos', 'appeal59'), dayOff: 'next' as const };
		expect(
			computeDeadline({ registeredAt: '2026-04-10T09:30:00+03:00' }, p, calendar).deadline,
		).toBe('2026-05-12T23:59:59+03:00');
	});
	it('working days skip the January holidays', () => {
		const p = { ...policy('pos', 'message'), unit: 'working_days' as const, amount: 3 };
		expect(
			computeDeadline({ registeredAt: '2025-12-29T15:00:00+03:00' }, p, calendar).deadline,
		).toBe('2026-01-13T23:59:59+03:00');
	});
	it('ИМ: 8 working hours from receipt, over a weekend and a shortened day', () => {
		const p = policy('im', 'incident');
		// Friday 8 May 2026 is shortened (ends 17:00): 16:00→17:00 is 1 h; then 9–11 May off; Tue 12 May 09:00 + 7 h.
		expect(computeDeadline({ receivedAt: '2026-05-08T16:00:00+03:00' }, p, calendar).deadline).toBe(
			'2026-05-12T16:00:00+03:00',
		);
		// A post at night counts from the next morning.
		expect(computeDeadline({ receivedAt: '2026-11-24T23:10:00+03:00' }, p, calendar).deadline).toBe(
			'2026-11-25T17:00:00+03:00',
		);
		// Other offsets are converted to Moscow time.
		expect(computeDeadline({ receivedAt: '2026-11-24T06:00:00Z' }, p, calendar).deadline).toBe(
			'2026-11-24T17:00:00+03:00',
		);
	});
	it('names the field it cannot read', () => {
		expect(() =>
			computeDeadline({ registeredAt: '24.11.2026' }, policy('pos', 'appeal59'), calendar),
		).toThrow(/registeredAt/);
		expect(() =>
			computeDeadline({ receivedAt: '2026-11-24T10:00:00' }, policy('im', 'incident'), calendar),
		).toThrow(/receivedAt.*со смещением/);
	});
});

describe('computeDeadline: holidays, transfers, shortened days, zones, extension', () => {
	const p59 = policy('pos', 'appeal59');
	const pim = policy('im', 'incident');
	const workingDays = (amount: number): DeadlinePolicy => ({
		...p59,
		unit: 'working_days',
		amount,
		extension: null,
	});
	const deadline = (registeredAt: string, p: DeadlinePolicy) =>
		computeDeadline({ registeredAt, receivedAt: registeredAt }, p, calendar);

	it('a 59-ФЗ deadline in the New Year holidays moves back over 31 December (a transferred day off)', () => {
		// 10 Dec 2025 + 30 = Friday 9 Jan 2026 (off, moved from 3 Jan); 1–8 Jan off; 31 Dec off (moved from 5 Jan).
		expect(deadline('2025-12-10T10:00:00+03:00', p59)).toEqual({
			deadline: '2025-12-30T23:59:59+03:00',
			maxExtendedDeadline: '2026-01-29T23:59:59+03:00',
			countedFrom: 'registeredAt',
			policyId: 'fz59',
		});
	});
	it('working days follow the November 2025 transfer: Saturday 1 Nov works, Monday 3 Nov is off', () => {
		expect(deadline('2025-10-31T10:00:00+03:00', workingDays(1)).deadline).toBe(
			'2025-11-01T23:59:59+03:00',
		);
		expect(deadline('2025-10-31T10:00:00+03:00', workingDays(2)).deadline).toBe(
			'2025-11-05T23:59:59+03:00',
		);
	});
	it('working days over the May 2026 holidays (1–3 and 9–11 May off)', () => {
		expect(
			[1, 5, 6].map((n) => deadline('2026-04-30T10:00:00+03:00', workingDays(n)).deadline),
		).toEqual([
			'2026-05-04T23:59:59+03:00',
			'2026-05-08T23:59:59+03:00',
			'2026-05-12T23:59:59+03:00',
		]);
	});
	it('working hours on a shortened working Saturday (1 Nov 2025, 09:00–17:00)', () => {
		// Friday 16:00–18:00 is 2 h, the other 6 h on Saturday from 09:00.
		expect(
			computeDeadline({ receivedAt: '2025-10-31T16:00:00+03:00' }, pim, calendar).deadline,
		).toBe('2025-11-01T15:00:00+03:00');
	});
	it('an appeal received after hours counts from the next working morning', () => {
		// Friday 8 May 2026 is shortened (ends 17:00); 9–11 May off; Tuesday 12 May 09:00 + 8 h.
		expect(
			computeDeadline({ receivedAt: '2026-05-08T18:30:00+03:00' }, pim, calendar).deadline,
		).toBe('2026-05-12T17:00:00+03:00');
		// Before opening: from 09:00 the same day.
		expect(
			computeDeadline({ receivedAt: '2026-11-24T06:30:00+03:00' }, pim, calendar).deadline,
		).toBe('2026-11-24T17:00:00+03:00');
		// A social-network post on Friday night or on the holiday Saturday: one working day → Tuesday 12 May.
		const pvk = policy('vk', 'comment');
		expect(
			computeDeadline({ receivedAt: '2026-05-08T21:00:00+03:00' }, pvk, calendar).deadline,
		).toBe('2026-05-12T23:59:59+03:00');
		expect(
			computeDeadline({ receivedAt: '2026-05-09T12:00:00+03:00' }, pvk, calendar).deadline,
		).toBe('2026-05-12T23:59:59+03:00');
	});
	it('counts in the policy’s time zone: the local date decides', () => {
		// 23:30 in Moscow on 2 March is 01:30 on 3 March in Yekaterinburg.
		expect(deadline('2026-03-02T23:30:00+03:00', p59).deadline).toBe('2026-04-01T23:59:59+03:00');
		expect(
			deadline('2026-03-02T23:30:00+03:00', { ...p59, timeZone: 'Asia/Yekaterinburg' }).deadline,
		).toBe('2026-04-02T23:59:59+05:00');
	});
	it('counts across a DST switch in a zone that has one (Berlin, 29 March 2026)', () => {
		expect(
			deadline('2026-03-10T10:00:00+01:00', { ...p59, timeZone: 'Europe/Berlin' }).deadline,
		).toBe('2026-04-09T23:59:59+02:00');
		// Friday 16:00–18:00 CET is 2 h; Monday 30 March (CEST) 09:00 + 6 h.
		expect(
			computeDeadline(
				{ receivedAt: '2026-03-27T16:00:00+01:00' },
				{ ...pim, timeZone: 'Europe/Berlin' },
				calendar,
			).deadline,
		).toBe('2026-03-30T15:00:00+02:00');
	});
	it('the extension is counted from the deadline in its own unit', () => {
		// 8 working hours end Tuesday 12 May 16:00; 4 more: 16:00–18:00, then Wednesday 09:00–11:00.
		const hours = computeDeadline(
			{ receivedAt: '2026-05-08T16:00:00+03:00' },
			{ ...pim, extension: { unit: 'working_hours', amount: 4 } },
			calendar,
		);
		expect([hours.deadline, hours.maxExtendedDeadline]).toEqual([
			'2026-05-12T16:00:00+03:00',
			'2026-05-13T11:00:00+03:00',
		]);
		// 5 working days after Friday 8 May: 12, 13, 14, 15, 18 May.
		const days = deadline('2026-04-10T09:30:00+03:00', {
			...p59,
			extension: { unit: 'working_days', amount: 5 },
		});
		expect([days.deadline, days.maxExtendedDeadline]).toEqual([
			'2026-05-08T23:59:59+03:00',
			'2026-05-18T23:59:59+03:00',
		]);
	});
});

describe('moments as epoch milliseconds or DateTime', () => {
	const pim = policy('im', 'incident');
	const ms = (iso: string) => Date.parse(iso);
	it('addPeriod and addWorkingHours return epoch milliseconds', () => {
		expect(addWorkingHours(ms('2026-05-08T16:00:00+03:00'), 8, pim, calendar)).toBe(
			ms('2026-05-12T16:00:00+03:00'),
		);
		expect(addWorkingHours(at('2026-05-08T16:00:00+03:00'), 8, pim, calendar)).toBe(
			ms('2026-05-12T16:00:00+03:00'),
		);
		expect(
			addPeriod(
				ms('2026-04-10T09:30:00+03:00'),
				'calendar_days',
				30,
				policy('pos', 'appeal59'),
				calendar,
			),
		).toBe(ms('2026-05-08T23:59:59+03:00'));
		expect(addPeriod(ms('2026-04-30T10:00:00+03:00'), 'working_days', 1, pim, calendar)).toBe(
			ms('2026-05-04T23:59:59+03:00'),
		);
	});
	it('evaluateDeadline and workingMinutesBetween give the same for both', () => {
		const input = { deadline: '2026-05-08T23:59:59+03:00' };
		const expected = {
			status: 'due_soon',
			effectiveDeadline: '2026-05-08T23:59:59+03:00',
			workingDaysLeft: 2,
			// 6 May 10:00–18:00, 7 May 9 h, 8 May shortened 09:00–17:00.
			workingHoursLeft: 25,
			calendarDaysLeft: 2,
			text: 'осталось 2 рабочих дня',
		};
		const p59 = policy('pos', 'appeal59');
		expect(evaluateDeadline(input, ms('2026-05-06T10:00:00+03:00'), p59, calendar)).toEqual(
			expected,
		);
		expect(evaluateDeadline(input, at('2026-05-06T10:00:00+03:00'), p59, calendar)).toEqual(
			expected,
		);
		expect(
			workingMinutesBetween(
				ms('2026-05-08T08:00:00+03:00'),
				ms('2026-05-12T10:00:00+03:00'),
				pim,
				calendar,
			),
		).toBe(9 * 60);
	});
	it('a policy that cannot be counted says why', () => {
		const from = {
			receivedAt: '2026-05-08T16:00:00+03:00',
			registeredAt: '2026-05-08T16:00:00+03:00',
		};
		const hours = { ...pim, officeHours: { start: '9', end: '18:00', shortenedByMinutes: 60 } };
		expect(() => computeDeadline(from, hours, calendar)).toThrow(
			new Error('Часы работы: ожидается ЧЧ:ММ, получено «9»'),
		);
		expect(() =>
			computeDeadline(from, { ...pim, unit: 'working_days', amount: 1.5 }, calendar),
		).toThrow(new RangeError('Число рабочих дней должно быть целым, получено 1.5'));
		expect(() =>
			computeDeadline(from, { ...pim, unit: 'calendar_days', amount: NaN }, calendar),
		).toThrow('Invalid unit value NaN');
	});
	it('an unknown time zone gives no moment (NaN), as an invalid DateTime does', () => {
		expect(
			addPeriod(
				ms('2026-05-08T16:00:00+03:00'),
				'calendar_days',
				30,
				{ ...pim, timeZone: 'Foo/Bar', dayOff: 'keep' },
				calendar,
			),
		).toBeNaN();
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
		const r = evaluateDeadline({ deadline }, at(now), p59, calendar, {
			workingDays: 4,
			workingHours: 2,
		});
		expect(r.status).toBe(status);
		expect(r.workingDaysLeft).toBe(days);
	});
	it('answers are judged at the answer moment', () => {
		expect(
			evaluateDeadline(
				{ deadline, answeredAt: '2026-05-07T12:00:00+03:00' },
				at('2026-06-01T10:00:00+03:00'),
				p59,
				calendar,
			).status,
		).toBe('answered_on_time');
		const late = evaluateDeadline(
			{ deadline, answeredAt: '2026-05-13T12:00:00+03:00' },
			at('2026-06-01T10:00:00+03:00'),
			p59,
			calendar,
		);
		expect(late.status).toBe('answered_late');
		expect(late.text).toBe('ответ дан с опозданием на 2 рабочих дня');
	});
	it('an extended deadline is the one in force', () => {
		const r = evaluateDeadline(
			{ deadline, extendedDeadline: '2026-06-05T23:59:59+03:00' },
			at('2026-05-20T10:00:00+03:00'),
			p59,
			calendar,
		);
		expect(r.status).toBe('on_time');
		expect(r.effectiveDeadline).toBe('2026-06-05T23:59:59+03:00');
	});
	it('hour-based deadlines report working hours', () => {
		const pim = policy('im', 'incident');
		const r = evaluateDeadline(
			{ deadline: '2026-05-12T16:00:00+03:00' },
			at('2026-05-08T16:30:00+03:00'),
			pim,
			calendar,
		);
		expect(r.workingHoursLeft).toBe(7.5);
		expect(r.status).toBe('on_time');
		expect(r.text).toBe('осталось 7.5 рабочих часа');
		const over = evaluateDeadline(
			{ deadline: '2026-05-12T16:00:00+03:00' },
			at('2026-05-13T10:00:00+03:00'),
			pim,
			calendar,
		);
		expect(over.status).toBe('overdue');
		expect(over.workingHoursLeft).toBe(-3);
		expect(over.text).toBe('просрочено на 3 рабочих часа');
	});
	it('counts working minutes over long spans exactly (holidays, shortened days)', () => {
		const pim = policy('im', 'incident');
		// 30 Apr (shortened, to 17:00): 5 h; 4–8 and 12 May: 6 days × 9 h − 1 h (8 May shortened); 13 May 9–10: 1 h.
		expect(
			workingMinutesBetween(
				at('2026-04-30T12:00:00+03:00'),
				at('2026-05-13T10:00:00+03:00'),
				pim,
				calendar,
			),
		).toBe(59 * 60);
		expect(
			workingMinutesBetween(
				at('2026-05-13T10:00:00+03:00'),
				at('2026-04-30T12:00:00+03:00'),
				pim,
				calendar,
			),
		).toBe(-59 * 60);
		// Across a year boundary: 30 Dec 2025 9:00 → 12 Jan 2026 9:00 is one full working day (30 Dec; 31 Dec is off).
		expect(
			workingMinutesBetween(
				at('2025-12-30T09:00:00+03:00'),
				at('2026-01-12T09:00:00+03:00'),
				pim,
				calendar,
			),
		).toBe(9 * 60);
	});
	it('counts working minutes only inside office hours', () => {
		const pim = policy('im', 'incident');
		expect(
			workingMinutesBetween(
				at('2026-05-08T08:00:00+03:00'),
				at('2026-05-12T10:00:00+03:00'),
				pim,
				calendar,
			),
		).toBe(8 * 60 + 60);
	});
});

describe('applyDeadline', () => {
	const base = {
		id: 'pos:1',
		source: 'pos',
		kind: 'appeal59',
		receivedAt: '2026-04-09T20:00:00+03:00',
		registeredAt: '2026-04-10T09:30:00+03:00',
		deadline: null,
		extendedDeadline: null,
		answeredAt: null,
	};
	const options = {
		policies: DEFAULT_POLICIES,
		calendar,
		now: at('2026-05-06T10:00:00+03:00'),
		sourceDeadline: 'keep' as const,
	};
	it('computes deadline, status and a readable summary', () => {
		const r = applyDeadline(base, options);
		expect(r.deadline).toBe('2026-05-08T23:59:59+03:00');
		expect(r.deadlineStatus).toBe('due_soon');
		expect(r.deadlineInfo).toMatchObject({
			policy: 'fz59',
			basis: 'policy',
			workingDaysLeft: 2,
			text: 'осталось 2 рабочих дня',
			warnings: [],
		});
	});
	it('keeps the source deadline unless told to recompute', () => {
		const withSource = { ...base, deadline: '2026-05-20T18:00:00+03:00' };
		expect(applyDeadline(withSource, options)).toMatchObject({
			deadline: '2026-05-20T18:00:00+03:00',
			deadlineStatus: 'on_time',
		});
		expect(applyDeadline(withSource, { ...options, sourceDeadline: 'recompute' }).deadline).toBe(
			'2026-05-08T23:59:59+03:00',
		);
	});
	it('warns when the deadline lands in a year without a calendar', () => {
		const r = applyDeadline(
			{ ...base, registeredAt: '2026-12-20T10:00:00+03:00' },
			{ ...options, now: at('2026-12-21T10:00:00+03:00') },
		);
		expect(r.deadline.startsWith('2027-01-')).toBe(true);
		expect(r.deadlineInfo.warnings[0]).toMatch(/2027/);
	});
	it('rejects a record without source or with a broken date, naming the field', () => {
		expect(() => applyDeadline({ ...base, source: undefined }, options)).toThrow(/source/);
		expect(() => applyDeadline({ ...base, registeredAt: 'вчера' }, options)).toThrow(
			/registeredAt/,
		);
		expect(() =>
			applyDeadline({ ...base, answeredAt: '2026-13-01T00:00:00+03:00' }, options),
		).toThrow(/answeredAt/);
	});
	it("a routing rule's own deadline beats the policy", () => {
		const routed = {
			...base,
			routing: { rule: 'Дороги', deadline: { unit: 'working_days', amount: 5 } },
		};
		const r = applyDeadline(routed, options);
		// 5 working days after Friday 10 April 2026: 13, 14, 15, 16, 17 April.
		expect(r.deadline).toBe('2026-04-17T23:59:59+03:00');
		expect(r.deadlineInfo.policyTitle).toBe('Срок по правилу «Дороги»');
	});
});
