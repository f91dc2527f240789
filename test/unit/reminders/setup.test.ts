import {
	DEFAULT_LEVELS,
	contactFromRow,
	escalationLevels,
	headsByDepartment,
	isReminderAppeal,
	peopleByName,
} from '../../../lib/reminders';

describe('reminder setup from the node parameters', () => {
	it('a contact needs a name; blanks become absent', () => {
		expect(contactFromRow({ name: '  ', telegramChatId: '1' })).toBeUndefined();
		expect(contactFromRow(undefined)).toBeUndefined();
		expect(
			contactFromRow({ name: ' Иванова ', telegramChatId: ' 1 ', maxChatId: '', email: ' ' }),
		).toEqual({ name: 'Иванова', telegramChatId: '1', maxChatId: undefined, email: undefined });
	});

	it('heads by department and people by name, rows without the key left out', () => {
		expect(
			Object.keys(
				headsByDepartment([
					{ department: ' Отдел ЖКХ ', name: 'Петров' },
					{ department: 'Отдел дорог' },
					{ name: 'Сидоров' },
				]),
			),
		).toEqual(['Отдел ЖКХ']);
		expect(Object.keys(peopleByName([{ name: 'Иванова' }, { telegramChatId: '5' }]))).toEqual([
			'Иванова',
		]);
	});

	it('the ladder: defaults as documented, each step adjustable', () => {
		expect(escalationLevels({})).toEqual(DEFAULT_LEVELS);
		expect(escalationLevels({ head: 2, curator: 10 }).map((l) => l.overdueWorkingDays)).toEqual([
			0, 2, 3, 10,
		]);
	});

	it('only records with an id can be reminded about', () => {
		expect([{ id: 'pos:1' }, { id: 1 }, { error: 'x' }, null].map(isReminderAppeal)).toEqual([
			true,
			false,
			false,
			false,
		]);
	});
});
