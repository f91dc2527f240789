import { DateTime } from 'luxon';
import { ProductionCalendar } from '../../../lib/calendar';
import {
	buildReminders,
	contactsFromDirectory,
	mergeContacts,
	type ReminderAppeal,
} from '../../../lib/reminders';
import type { DirectoryContact, DirectoryRole } from '../../../lib/reports';

const entry = (
	role: DirectoryRole,
	name: string,
	department = '',
	telegramChatId = '',
	extra: Partial<DirectoryContact> = {},
): DirectoryContact => ({
	department,
	role,
	name,
	telegramChatId,
	maxChatId: '',
	email: '',
	...extra,
});
const directory: DirectoryContact[] = [
	entry('Руководитель', 'Петров Павел Сергеевич', 'Отдел ЖКХ', '6004'),
	entry('Ответственный', 'Петров П. С.', 'Отдел ЖКХ', '5004', { email: 'zhkh@dedovichi.example' }),
	entry('Ответственный', 'Второй ответственный', 'Отдел ЖКХ', '5099'),
	entry('Руководитель', 'Смирнов Пётр Андреевич', 'Отдел дорог', '6001'),
	entry('Координатор', 'Координатор МЦУ', '', '7001'),
	entry('Координатор', 'Запасной координатор', '', '7099'),
	entry('Куратор', 'Куратор МЦУ', '', '7002', { maxChatId: 'max-7002' }),
	entry('Технический специалист', 'Техник', '', '7003'),
];

describe('reminder contacts from the directory', () => {
	it("heads by department, people by name (responsible and heads), the department's first responsible, the first coordinator and curator; the technical specialist is not a reminder recipient", () => {
		const contacts = contactsFromDirectory(directory);
		expect(contacts.heads).toEqual({
			'Отдел ЖКХ': {
				name: 'Петров Павел Сергеевич',
				telegramChatId: '6004',
				maxChatId: undefined,
				email: undefined,
			},
			'Отдел дорог': {
				name: 'Смирнов Пётр Андреевич',
				telegramChatId: '6001',
				maxChatId: undefined,
				email: undefined,
			},
		});
		expect(Object.keys(contacts.people!).sort()).toEqual([
			'Второй ответственный',
			'Петров П. С.',
			'Петров Павел Сергеевич',
			'Смирнов Пётр Андреевич',
		]);
		expect(contacts.responsibleByDepartment).toEqual({
			'Отдел ЖКХ': {
				name: 'Петров П. С.',
				telegramChatId: '5004',
				maxChatId: undefined,
				email: 'zhkh@dedovichi.example',
			},
		});
		expect(contacts.coordinator?.name).toBe('Координатор МЦУ');
		expect(contacts.curator).toEqual({
			name: 'Куратор МЦУ',
			telegramChatId: '7002',
			maxChatId: 'max-7002',
			email: undefined,
		});
	});

	it("the node's own lists add to the tab and replace its entry for the same department or person", () => {
		const merged = mergeContacts(contactsFromDirectory(directory), {
			heads: {
				'Отдел дорог': { name: 'И. о. руководителя', telegramChatId: '8001' },
				'Отдел культуры': { name: 'Соколов Д. Ю.', telegramChatId: '6008' },
			},
			people: {},
			coordinator: undefined,
			curator: { name: 'Новый куратор', telegramChatId: '8002' },
		});
		expect(Object.fromEntries(Object.entries(merged.heads).map(([d, c]) => [d, c.name]))).toEqual({
			'Отдел ЖКХ': 'Петров Павел Сергеевич',
			'Отдел дорог': 'И. о. руководителя',
			'Отдел культуры': 'Соколов Д. Ю.',
		});
		expect(merged.coordinator?.name).toBe('Координатор МЦУ');
		expect(merged.curator?.name).toBe('Новый куратор');
	});

	describe("who is reminded, with the directory's contacts", () => {
		const calendar = new ProductionCalendar();
		const now = DateTime.fromISO('2026-11-25T10:00:00+03:00', { setZone: true });
		const appeal = (id: string, extra: Partial<ReminderAppeal>): ReminderAppeal => ({
			id,
			text: `Обращение ${id}`,
			deadline: '2026-11-20T23:59:59+03:00',
			deadlineStatus: 'overdue',
			deadlineInfo: { workingDaysLeft: -6 },
			...extra,
		});
		const run = (appeals: ReminderAppeal[]) =>
			buildReminders(appeals, {
				now,
				calendar,
				contacts: contactsFromDirectory(directory),
			}).digests.map((d) => [
				d.level,
				d.recipient.name,
				d.recipient.telegramChatId,
				d.appeals.map((a) => a.id),
			]);

		it("a named responsible is found by name; nobody named: the department's responsible hears and its head escalates; coordinator and curator by role", () => {
			expect(
				run([
					appeal('pos:1', { department: 'Отдел ЖКХ', responsible: 'Петров П. С.' }),
					appeal('pos:2', { department: 'Отдел ЖКХ', responsible: null }),
					// A department without a responsible row: its head answers for it, once.
					appeal('pos:3', { department: 'Отдел дорог', responsible: null }),
					// The head named as the responsible is found among the heads' rows.
					appeal('pos:4', { department: 'Отдел дорог', responsible: 'Смирнов Пётр Андреевич' }),
				]),
			).toEqual([
				['responsible', 'Петров П. С.', '5004', ['pos:1', 'pos:2']],
				['head', 'Петров Павел Сергеевич', '6004', ['pos:1', 'pos:2']],
				['coordinator', 'Координатор МЦУ', '7001', ['pos:1', 'pos:2', 'pos:3', 'pos:4']],
				['curator', 'Куратор МЦУ', '7002', ['pos:1', 'pos:2', 'pos:3', 'pos:4']],
				['responsible', 'Смирнов Пётр Андреевич', '6001', ['pos:3', 'pos:4']],
				['head', 'Смирнов Пётр Андреевич', '6001', ['pos:4']],
			]);
		});

		it('a routed contact still fills what the directory does not know', () => {
			expect(
				run([
					appeal('pos:5', {
						department: 'Отдел культуры',
						responsible: 'Соколов Д. Ю.',
						routing: { contact: { telegramChatId: '5008' } },
						deadlineStatus: 'due_soon',
						deadlineInfo: { workingDaysLeft: 1 },
					}),
				]),
			).toEqual([['responsible', 'Соколов Д. Ю.', '5008', ['pos:5']]]);
		});
	});
});
