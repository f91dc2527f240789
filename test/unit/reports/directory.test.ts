import {
	DIRECTORY_COLUMNS,
	DIRECTORY_HEADERS,
	DIRECTORY_ROLES,
	readDirectory,
} from '../../../lib/reports';

describe('the directory tab «Справочник»', () => {
	it('reads contacts by header name in any column order, trimmed, chat ids as text; extra columns are ignored', () => {
		const grid = [
			['ФИО', ' Роль ', 'Примечание', 'Подразделение', 'telegram', 'MAX', 'E-mail'],
			[
				'  Смирнов  Пётр Андреевич ',
				'Руководитель',
				'в отпуске до 10.12',
				' Отдел дорожного хозяйства и транспорта ',
				6001,
				'',
				'roads@dedovichi.example',
			],
			['Координатор МЦУ', 'координатор', '', '', -1001234567890, 'c-7001', ''],
		];
		expect(readDirectory(grid)).toEqual({
			contacts: [
				{
					department: 'Отдел дорожного хозяйства и транспорта',
					role: 'Руководитель',
					name: 'Смирнов Пётр Андреевич',
					telegramChatId: '6001',
					maxChatId: '',
					email: 'roads@dedovichi.example',
				},
				{
					department: '',
					role: 'Координатор',
					name: 'Координатор МЦУ',
					telegramChatId: '-1001234567890',
					maxChatId: 'c-7001',
					email: '',
				},
			],
			warnings: [],
		});
	});

	it('skips blank rows; an unknown or missing role or a missing name leaves the row out with a warning naming it', () => {
		const grid = [
			['Подразделение', 'Роль', 'ФИО', 'Telegram'],
			['', '', '', ''],
			['Отдел благоустройства', 'Глава', 'Федорова И. О.', '6005'],
			[],
			['Отдел благоустройства', '', 'Федорова И. О.', '6005'],
			['Отдел благоустройства', 'Ответственный', ' ', '5005'],
			['Отдел благоустройства', 'Технический  специалист', 'Ершов К. Л.', '7003'],
		];
		const read = readDirectory(grid, 'Контакты');
		expect(read.contacts.map((c) => [c.role, c.name, c.telegramChatId, c.email])).toEqual([
			['Технический специалист', 'Ершов К. Л.', '7003', ''],
		]);
		expect(read.warnings).toEqual([
			`Лист «Контакты», строка 3: неизвестная роль «Глава» (нужна одна из: ${DIRECTORY_ROLES.join(', ')}) — строка пропущена`,
			'Лист «Контакты», строка 5: не указана роль — строка пропущена',
			'Лист «Контакты», строка 6: не указано ФИО — строка пропущена',
		]);
	});

	it('without the «Роль» or «ФИО» header nothing is read, and the warning says which is missing', () => {
		expect(
			readDirectory([
				['Подразделение', 'Имя'],
				['Отдел ЖКХ', 'Петров'],
			]),
		).toEqual({
			contacts: [],
			warnings: [
				'Лист «Справочник»: нет столбца «Роль» и «ФИО» в первой строке — контакты не прочитаны',
			],
		});
		expect(readDirectory([])).toEqual({
			contacts: [],
			warnings: [
				'Лист «Справочник»: нет столбца «Роль» и «ФИО» в первой строке — контакты не прочитаны',
			],
		});
	});

	it('the tab the package lays out has the six headers in order and the roles as its drop-down', () => {
		expect(DIRECTORY_COLUMNS.map((c) => c.header)).toEqual([
			'Подразделение',
			'Роль',
			'ФИО',
			'Telegram',
			'MAX',
			'E-mail',
		]);
		expect(Object.values(DIRECTORY_HEADERS)).toEqual(DIRECTORY_COLUMNS.map((c) => c.header));
		expect(DIRECTORY_COLUMNS.find((c) => c.header === 'Роль')?.choices).toEqual([
			'Руководитель',
			'Ответственный',
			'Координатор',
			'Куратор',
			'Технический специалист',
		]);
	});
});
