import { DateTime } from 'luxon';
import { ProductionCalendar } from '../../../lib/calendar';
import { buildReminders, rememberSent, type ReminderAppeal } from '../../../lib/reminders';

const calendar = new ProductionCalendar();
const at = (iso: string) => DateTime.fromISO(iso, { setZone: true });
const contacts = {
	heads: {
		'Отдел ЖКХ': { name: 'Петров П. П.', telegramChatId: '200' },
		'Отдел дорог': { name: 'Сидоров С. С.', email: 'roads@dedovichi.example' },
	},
	people: { 'Иванова А. А.': { name: 'Иванова А. А.', telegramChatId: '100' } },
	coordinator: { name: 'Координатор МЦУ', telegramChatId: '300' },
	curator: { name: 'Куратор', telegramChatId: '400' },
};
const appeal = (
	id: string,
	status: string,
	daysLeft: number,
	extra: Partial<ReminderAppeal> = {},
): ReminderAppeal => ({
	id,
	text: `Обращение ${id}`,
	deadline: '2026-11-20T23:59:59+03:00',
	deadlineStatus: status,
	deadlineInfo: { workingDaysLeft: daysLeft, text: `осталось ${daysLeft}` },
	department: 'Отдел ЖКХ',
	responsible: 'Иванова А. А.',
	url: `https://pos.example/${id}`,
	...extra,
});

describe('buildReminders', () => {
	const now = at('2026-11-25T10:00:00+03:00');
	const appeals = [
		appeal('pos:1', 'due_soon', 2),
		appeal('pos:2', 'overdue', -1),
		appeal('pos:3', 'overdue', -4),
		appeal('pos:4', 'overdue', -6, { department: 'Отдел дорог', responsible: null }),
		appeal('pos:5', 'on_time', 10),
		appeal('pos:6', 'answered_late', -2),
	];

	it('one digest per recipient and level, escalating with the days overdue', () => {
		const { digests } = buildReminders(appeals, { now, calendar, contacts });
		const summary = digests.map((d) => [d.level, d.recipient.name, d.appeals.map((a) => a.id)]);
		expect(summary).toEqual([
			['responsible', 'Иванова А. А.', ['pos:1', 'pos:2', 'pos:3']],
			['head', 'Петров П. П.', ['pos:2', 'pos:3']],
			['coordinator', 'Координатор МЦУ', ['pos:3', 'pos:4']],
			['responsible', 'Сидоров С. С.', ['pos:4']],
			['curator', 'Куратор', ['pos:4']],
		]);
		const first = digests[0];
		expect(first.recipient.telegramChatId).toBe('100');
		expect([first.overdue, first.dueSoon]).toEqual([2, 1]);
		expect(first.text).toContain('Напоминание МЦУ на 25.11.2026');
		expect(first.text).toContain('просрочено — 2 обращения');
		expect(first.text).toContain('https://pos.example/pos:1');
	});

	it('never repeats the same reminder on the same day, but does on the next', () => {
		const first = buildReminders(appeals, { now, calendar, contacts });
		const sent = new Set(rememberSent([], first.digests, '2026-11-25'));
		expect(
			buildReminders(appeals, {
				now: at('2026-11-25T14:00:00+03:00'),
				calendar,
				contacts,
				sentKeys: sent,
			}).digests,
		).toEqual([]);
		const newOne = buildReminders([...appeals, appeal('pos:7', 'due_soon', 1)], {
			now: at('2026-11-25T14:00:00+03:00'),
			calendar,
			contacts,
			sentKeys: sent,
		});
		expect(newOne.digests.map((d) => d.appeals.map((a) => a.id))).toEqual([['pos:7']]);
		const kept = rememberSent([...sent], [], '2026-11-26');
		expect(kept).toEqual([]);
	});

	it('sends an answer that failed the checks back to the responsible with the reasons, once a day', () => {
		const failed = appeal('vk:9', 'answered_on_time', 0, {
			answerCheck: {
				ok: false,
				errors: [
					{ message: 'Обещаны работы, но не указан срок', severity: 'error' },
					{ message: 'Нет подписи', severity: 'warning' },
				],
			},
		});
		const fine = appeal('vk:10', 'answered_on_time', 0, { answerCheck: { ok: true, errors: [] } });
		const first = buildReminders([failed, fine], { now, calendar, contacts });
		expect(first.digests).toHaveLength(1);
		expect(first.digests[0]).toMatchObject({
			level: 'responsible',
			rework: 1,
			overdue: 0,
			dueSoon: 0,
		});
		expect(first.digests[0].recipient.name).toBe('Иванова А. А.');
		expect(first.digests[0].text).toContain('ответ на доработку — 1 обращение');
		expect(first.digests[0].text).toContain('vk:9');
		expect(first.digests[0].text).toContain('Обещаны работы, но не указан срок');
		expect(first.digests[0].text).not.toContain('Нет подписи');
		const sent = new Set(rememberSent([], first.digests, '2026-11-25'));
		expect(
			buildReminders([failed], {
				now: at('2026-11-25T15:00:00+03:00'),
				calendar,
				contacts,
				sentKeys: sent,
			}).digests,
		).toEqual([]);
	});

	it('only on working days inside office hours', () => {
		expect(
			buildReminders(appeals, { now: at('2026-11-28T10:00:00+03:00'), calendar, contacts }).skipped,
		).toMatch(/нерабочий день/);
		expect(
			buildReminders(appeals, { now: at('2026-11-04T10:00:00+03:00'), calendar, contacts }).skipped,
		).toMatch(/нерабочий день/);
		expect(
			buildReminders(appeals, { now: at('2026-11-25T19:30:00+03:00'), calendar, contacts }).skipped,
		).toMatch(/вне рабочего времени/);
		expect(
			buildReminders(appeals, {
				now: at('2026-11-25T19:30:00+03:00'),
				calendar,
				contacts,
				workingTimeOnly: false,
			}).digests.length,
		).toBeGreaterThan(0);
	});

	it('reports appeals nobody can be reminded about', () => {
		const r = buildReminders(
			[appeal('pos:9', 'overdue', -1, { department: 'Неизвестный отдел', responsible: null })],
			{ now, calendar, contacts: { heads: {} } },
		);
		expect(r.unaddressed).toEqual(['pos:9']);
	});

	it("digests carry the recipient's MAX chat: the person's contact first, then the routing rule's; heads and the coordinator from theirs", () => {
		const withMax = {
			...contacts,
			heads: {
				...contacts.heads,
				'Отдел ЖКХ': { name: 'Петров П. П.', telegramChatId: '200', maxChatId: '-7200' },
			},
			coordinator: { name: 'Координатор МЦУ', maxChatId: '-7300' },
		};
		const routed = (id: string, responsible: string, maxChatId: string | null) =>
			appeal(id, 'overdue', -4, {
				responsible,
				routing: { contact: { telegramChatId: null, maxChatId } },
			});
		const { digests } = buildReminders(
			[
				routed('pos:1', 'Иванова А. А.', '-1'),
				routed('pos:2', 'Орлова В. В.', '-7100'),
				routed('pos:3', 'Зайцева Е. Е.', null),
			],
			{ now, calendar, contacts: withMax },
		);
		expect(digests.map((d) => [d.level, d.recipient.name, d.recipient.maxChatId])).toEqual([
			// Иванова's entry in «Ответственные» has no MAX chat, so the routing rule's applies.
			['responsible', 'Иванова А. А.', '-1'],
			['head', 'Петров П. П.', '-7200'],
			['coordinator', 'Координатор МЦУ', '-7300'],
			['responsible', 'Орлова В. В.', '-7100'],
			['responsible', 'Зайцева Е. Е.', undefined],
		]);
		// A MAX chat in «Ответственные» wins over the rule's.
		const people = { 'Иванова А. А.': { name: 'Иванова А. А.', maxChatId: '-5' } };
		const own = buildReminders([routed('pos:1', 'Иванова А. А.', '-1')], {
			now,
			calendar,
			contacts: { heads: {}, people },
		});
		expect(own.digests.map((d) => d.recipient.maxChatId)).toEqual(['-5']);
	});

	it('escalation thresholds are configurable', () => {
		const r = buildReminders([appeal('pos:2', 'overdue', -1)], {
			now,
			calendar,
			contacts,
			levels: [
				{ id: 'responsible', overdueWorkingDays: 0 },
				{ id: 'coordinator', overdueWorkingDays: 1 },
			],
		});
		expect(r.digests.map((d) => d.level)).toEqual(['responsible', 'coordinator']);
	});
});
