import { contactsFromDirectory } from '../../../../lib/reminders';
import { DIRECTORY_SHEET, readDirectory } from '../../../../lib/reports';
import { startSandbox } from '../../../../sandbox';
import { directorySeedTab } from '../../../../sandbox/seed/directory';
import { DEMO_SPREADSHEET_ID, SheetsEmulator } from '../../../../sandbox/sheets/emulator';

describe("the sandbox's «Справочник»", () => {
	it('the demo spreadsheet starts with it, laid out, and a reset brings it back', () => {
		const emulator = new SheetsEmulator({ demoTabs: [directorySeedTab()] });
		const tab = () =>
			emulator.get(DEMO_SPREADSHEET_ID)!.sheets.find((s) => s.properties.title === DIRECTORY_SHEET);
		expect(emulator.get(DEMO_SPREADSHEET_ID)!.sheets.map((s) => s.properties.title)).toEqual([
			'Лист1',
			DIRECTORY_SHEET,
		]);
		expect(tab()!.properties.gridProperties.frozenRowCount).toBe(1);
		expect(JSON.stringify(tab()!.dataValidations)).toContain('Технический специалист');
		const read = readDirectory(emulator.values(DEMO_SPREADSHEET_ID, DIRECTORY_SHEET));
		expect(read.warnings).toEqual([]);
		expect(read.contacts).toHaveLength(9 * 2 + 3);
		tab()!.cells = [];
		emulator.reset();
		expect(
			readDirectory(emulator.values(DEMO_SPREADSHEET_ID, DIRECTORY_SHEET)).contacts,
		).toHaveLength(21);
		// Without seed tabs (the unit tests' emulators) the demo spreadsheet is as empty as before.
		expect(
			new SheetsEmulator().get(DEMO_SPREADSHEET_ID)!.sheets.map((s) => s.properties.title),
		).toEqual(['Лист1']);
	});

	it("holds every department's head and responsible and the weekly and error recipients 7001–7003", async () => {
		const sandbox = await startSandbox({ ports: 'random' });
		try {
			const { contacts } = readDirectory(
				sandbox.sheets.values(DEMO_SPREADSHEET_ID, DIRECTORY_SHEET),
			);
			const reminders = contactsFromDirectory(contacts);
			expect(Object.keys(reminders.heads)).toHaveLength(9);
			expect(Object.keys(reminders.heads).sort()).toEqual(
				Object.keys(reminders.responsibleByDepartment!).sort(),
			);
			expect(
				reminders.responsibleByDepartment!['Отдел дорожного хозяйства и транспорта'],
			).toMatchObject({ name: 'Смирнов П. А.', telegramChatId: '5001' });
			expect(reminders.heads['Отдел экономики, торговли и связи']).toMatchObject({
				name: 'Григорьев Андрей Валерьевич',
				telegramChatId: '6009',
			});
			expect(contacts.filter((c) => !c.department).map((c) => [c.role, c.telegramChatId])).toEqual([
				['Координатор', '7001'],
				['Куратор', '7002'],
				['Технический специалист', '7003'],
			]);
		} finally {
			await sandbox.close();
		}
	});
});
