import { DateTime } from 'luxon';
import { ProductionCalendar } from '../../../lib/calendar';
import { checkAnswer } from '../../../lib/quality';
import { buildReminders, type ReminderAppeal } from '../../../lib/reminders';

// The responsible's digest carries each reason with the sentence that triggered it (masked) and what to add.
describe('answer-check reasons in the reminder digest', () => {
	it('shows the reasons, the masked sentences and the hints', () => {
		const answerText =
			'Собственнику кв. 12 Иванову Ивану Ивановичу направлено уведомление о явке для составления протокола.';
		const answerCheck = checkAnswer({
			appealText: 'Кондиционер на фасаде без согласования',
			answerText,
			organization: 'Администрация района',
			// An intermediate answer: there a promise without a term sends it back (in a final one it is a warning).
			intermediate: true,
		});
		expect(answerCheck.ok).toBe(false);
		const appeal: ReminderAppeal = {
			id: 'pos:77',
			text: 'Кондиционер на фасаде',
			deadline: '2026-11-30T23:59:59+03:00',
			deadlineStatus: 'answered_on_time',
			deadlineInfo: { workingDaysLeft: 0, text: '' },
			department: 'Отдел ЖКХ',
			responsible: 'Иванова А. А.',
			url: null,
			answerCheck: answerCheck as unknown as ReminderAppeal['answerCheck'],
		};
		const { digests } = buildReminders([appeal], {
			now: DateTime.fromISO('2026-11-25T10:00:00+03:00', { setZone: true }),
			calendar: new ProductionCalendar(),
			contacts: {
				heads: {},
				people: { 'Иванова А. А.': { name: 'Иванова А. А.', telegramChatId: '100' } },
			},
		});
		const line = digests[0].text.split('\n').find((l) => l.includes('pos:77'))!;
		expect(line).toContain('Обещаны работы, но не указан срок');
		expect(line).toContain('что добавить: Укажите срок работ');
		expect(line).toContain('направлено уведомление о явке');
		expect(line).not.toContain('Иванову Ивану Ивановичу');
		// A private person's name in a published answer is personal data, a rework reason (an error by default), masked.
		expect(line).toContain('В ответе персональные данные граждан');
		expect(line).toContain('что добавить: Уберите из ответа имена');
	});
});
