import { DateTime } from 'luxon';
import { makeAppeal, type Appeal } from '../../../lib/appeal';
import { defaultCalendar } from '../../../lib/calendar';
import { checkAnswer } from '../../../lib/quality';
import { buildReminders } from '../../../lib/reminders';
import {
	ANSWER_ERROR_COLUMNS,
	REGISTER_COLUMNS,
	answerCheckFromText,
	answerCheckText,
	answerErrorRows,
	appealsFromRegister,
	registerRow,
	rowOf,
} from '../../../lib/reports';

/**
 * Issue 17: the answer check's verdict reaches the register («Проверка ответа») and comes back from it, so the
 * reminders and reports workflows — which read the register, not the intake's stream — send answers back for rework
 * and list the answer errors as the intake would have.
 */
const answered = (externalId: string, answerText: string): Appeal =>
	makeAppeal(
		{
			source: 'pos',
			externalId,
			kind: 'message',
			receivedAt: '2026-10-01T09:15:00+03:00',
			text: 'Яма у дома 4 на ул. Советской, звоните +7 911 555-12-34',
			raw: {},
		},
		{
			status: 'answered',
			answeredAt: '2026-10-05T10:00:00+03:00',
			answerText,
			department: 'Отдел дорожного хозяйства и транспорта',
			responsible: 'Смирнов П. А.',
			deadline: '2026-10-30T18:00:00+03:00',
			deadlineStatus: 'answered_on_time',
		},
	);

const withCheck = (a: Appeal): Appeal => ({
	...a,
	answerCheck: checkAnswer({
		appealText: a.text,
		answerText: a.answerText,
		answeredAt: a.answeredAt,
		deadline: a.deadline,
	}),
});

const appeals: Appeal[] = [
	// Rework: an intermediate answer promising work with no date, and a citizen's phone and name in the answer.
	withCheck(
		answered(
			'1',
			'Промежуточный ответ: ремонт дороги будет выполнен. По вопросам звоните Иванову Ивану Петровичу, +7 911 555-12-34.',
		),
	),
	withCheck(
		answered(
			'2',
			'Яма у дома 4 на ул. Советской заделана асфальтом 3 октября 2026 года бригадой МУП «Дорсервис». Начальник отдела дорожного хозяйства П. А. Смирнов.',
		),
	),
	// Not answered yet: not checked, the cell stays empty.
	makeAppeal(
		{
			source: 'im',
			externalId: 'INC-9',
			kind: 'incident',
			receivedAt: '2026-10-02T08:00:00+03:00',
			text: 'Нет света на улице',
			raw: {},
		},
		{ status: 'new' },
	),
];

// Our columns only, as `registerRow` lays them out (a real register also has the coordinator's columns).
const HEADERS = REGISTER_COLUMNS.map((c) => c.header);
const gridOf = (records: Appeal[], masked: boolean) => [
	HEADERS,
	...records.map((a) => registerRow(a, masked).map((c) => c ?? '')),
];
const cellOf = (grid: unknown[][], id: string) =>
	grid.find((r) => r[0] === id)![HEADERS.indexOf('Проверка ответа')];

describe('register column «Проверка ответа»', () => {
	it('the shared register shows the verdict with the reasons, masked; nothing for an unanswered appeal', () => {
		const [rework, good] = appeals.map(
			(a) => a.answerCheck as { ok: boolean; errors: Array<{ severity: string; message: string }> },
		);
		expect(rework.ok).toBe(false);
		const grid = gridOf(appeals, true);
		const cell = String(cellOf(grid, 'pos:1'));
		const reasons = rework.errors.filter((e) => e.severity === 'error').map((e) => e.message);
		expect(reasons.length).toBeGreaterThan(0);
		expect(cell.split('\n')[0]).toBe(`На доработку: ${reasons.join('; ')}`);
		expect(cell.split('\n')).toHaveLength(1 + rework.errors.length);
		expect(cell).not.toContain('555-12-34');
		expect(cell).not.toContain('Иванову Ивану Петровичу');
		expect(cellOf(grid, 'pos:2')).toBe(
			good.errors.length ? 'Принят с замечаниями' : 'Без замечаний',
		);
		expect(cellOf(grid, 'im:INC-9')).toBe('');
		// Unmasked (a restricted table) the quotes stay whole.
		expect(String(cellOf(gridOf(appeals, false), 'pos:1'))).toContain('555-12-34');
	});

	it('read back, the register gives the verdict, each finding and its hint; the answer-errors tab is the same rows', () => {
		const { appeals: back } = appealsFromRegister(gridOf(appeals, true));
		expect(back.map((a) => [a.id, (a.answerCheck as { ok?: boolean } | undefined)?.ok])).toEqual([
			['pos:1', false],
			['pos:2', true],
			['im:INC-9', undefined],
		]);
		const pick = (a: Appeal) =>
			(
				(a.answerCheck as { errors?: Array<Record<string, unknown>> } | undefined)?.errors ?? []
			).map((e) => [e.code, e.message, e.severity, e.hint]);
		expect(back.map(pick)).toEqual(appeals.map(pick));
		// The «Ошибки в ответах» tab built from the register holds the rows it held when built from the intake's items.
		const rows = (records: Appeal[]) =>
			answerErrorRows(records).map((r) =>
				rowOf(
					ANSWER_ERROR_COLUMNS.filter((c) => c.key !== 'answerText' && c.key !== 'url'),
					r,
					true,
				),
			);
		expect(rows(back)).toEqual(rows(appeals));
		expect(rows(back).length).toBe(
			(appeals[0].answerCheck as { errors: unknown[] }).errors.length +
				(appeals[1].answerCheck as { errors: unknown[] }).errors.length,
		);
	});

	it('reminders read from the register send the answer back to the responsible with the reasons', () => {
		const { appeals: back } = appealsFromRegister(gridOf(appeals, true));
		const calendar = defaultCalendar;
		const options = {
			now: DateTime.fromISO('2026-10-06T10:00:00+03:00'),
			calendar,
			contacts: {
				heads: {},
				people: { 'Смирнов П. А.': { name: 'Смирнов П. А.', telegramChatId: '5001' } },
			},
		};
		const fromRegister = buildReminders(back as never, options);
		const fromIntake = buildReminders(appeals as never, options);
		expect(
			fromRegister.digests.map((d) => [d.recipient.name, d.rework, d.appeals.map((a) => a.id)]),
		).toEqual([['Смирнов П. А.', 1, ['pos:1']]]);
		// The same reasons, quotes and hints (the appeal's text is the register's masked one).
		const reasons = (text: string) => text.slice(text.lastIndexOf('ответ на доработку:'));
		expect(reasons(fromRegister.digests[0].text)).toContain('что добавить: Укажите срок работ');
		expect(fromRegister.digests.map((d) => reasons(d.text))).toEqual(
			fromIntake.digests.map((d) => reasons(d.text)),
		);
	});

	it('written back, a read record leaves the cell as it is (it has no answer text to judge)', () => {
		const { appeals: back } = appealsFromRegister(gridOf(appeals, true));
		expect(registerRow(back[0], true)[HEADERS.indexOf('Проверка ответа')]).toBeNull();
	});

	it('text and back: findings with dashes, «quotes» and colons in them; a verdict cut to its first line; foreign text', () => {
		const check = {
			ok: false,
			errors: [
				{
					code: 'formal_reply',
					message: 'Формальный ответ («отписка»): нет результата по существу',
					severity: 'error',
					evidence: ['нет сведений — что сделано'],
					sentence: 'Вопрос «на контроле» — рассмотрим',
					hint: '',
				},
				{
					code: 'no_signature',
					message: 'Нет подписи: ни организации, ни ответственного лица',
					severity: 'warning',
					evidence: [],
					hint: '',
				},
			],
		};
		const text = answerCheckText(check, false);
		expect(answerCheckFromText(text)).toEqual({
			ok: false,
			errors: [
				{
					code: 'formal_reply',
					message: check.errors[0].message,
					severity: 'error',
					evidence: ['нет сведений — что сделано'],
					sentence: 'Вопрос «на контроле» — рассмотрим',
					hint: expect.stringMatching(/^Добавьте результат/),
				},
				{
					code: 'no_signature',
					message: check.errors[1].message,
					severity: 'warning',
					evidence: [],
					hint: expect.stringMatching(/^Укажите организацию/),
				},
			],
		});
		expect(answerCheckFromText(text.split('\n')[0])).toEqual({
			ok: false,
			errors: [expect.objectContaining({ code: 'formal_reply', severity: 'error' })],
		});
		expect(answerCheckFromText('Без замечаний')).toEqual({ ok: true, errors: [] });
		expect(answerCheckFromText('проверено вручную')).toBeUndefined();
		expect(answerCheckFromText('')).toBeUndefined();
		expect(answerCheckText(undefined, true)).toBe('');
	});
});
