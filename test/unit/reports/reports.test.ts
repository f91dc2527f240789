import { makeAppeal } from '../../../lib/appeal';
import {
	REGISTER_COLUMNS,
	a1,
	columnLetter,
	maskAddress,
	maskContact,
	maskName,
	maskText,
	rowOf,
	upsertRows,
} from '../../../lib/reports';

describe('masking personal data', () => {
	it('masks names, phones, e-mails and house numbers', () => {
		expect(maskName('Петрова Анна Сергеевна')).toBe('П. А. С.');
		expect(maskContact('+7 (911) 123-45-67')).toBe('+7 *** ***-**-67');
		expect(maskContact('anna.petrova@mail.ru')).toBe('a***@mail.ru');
		expect(maskAddress('п. Дедовичи, ул. Советская, д. 12, кв. 5')).toBe(
			'п. Дедовичи, ул. Советская, д. ***, кв. ***',
		);
		expect(maskAddress('п. Дедовичи, ул. Советская, 12')).toBe('п. Дедовичи, ул. Советская, ***');
	});
	it('finds personal data inside free text, leaving the rest', () => {
		const text = 'Звоните 89111234567 или пишите ivanov@ya.ru, Иванов Иван Иванович, ул. Лесная';
		const masked = maskText(text);
		expect(masked).not.toMatch(/1234567|ivanov@|Иванов Иван/);
		expect(masked).toContain('ул. Лесная');
		expect(masked).toContain('И. И. И.');
	});
});

describe('register rows', () => {
	const appeal = makeAppeal(
		{
			source: 'pos',
			externalId: '1',
			kind: 'appeal59',
			receivedAt: '2026-05-04T10:00:00+03:00',
			text: 'Мой телефон 89111234567',
			raw: {},
		},
		{
			author: { name: 'Петрова Анна Сергеевна', contact: '+79111234567' },
			deadline: '2026-06-03T23:59:59+03:00',
			status: 'in_progress',
		},
	);
	it('masked by default shape, unmasked on request', () => {
		const headers = REGISTER_COLUMNS.map((c) => c.header);
		const masked = Object.fromEntries(
			rowOf(REGISTER_COLUMNS, appeal, true).map((v, i) => [headers[i], v]),
		);
		expect(masked).toMatchObject({
			ID: 'pos:1',
			Источник: 'ПОС',
			Заявитель: 'П. А. С.',
			Контакт: '+7 *** ***-**-67',
			Статус: 'В работе',
			'Срок ответа': Date.UTC(2026, 5, 3, 23, 59, 59) / 86400000 + 25569,
		});
		expect(String(masked['Текст обращения'])).not.toContain('1234567');
		const open = Object.fromEntries(
			rowOf(REGISTER_COLUMNS, appeal, false).map((v, i) => [headers[i], v]),
		);
		expect(open.Заявитель).toBe('Петрова Анна Сергеевна');
	});
});

describe('upsertRows', () => {
	const headers = ['ID', 'Статус', 'Срок'];
	it('creates the header on an empty sheet and appends rows', () => {
		const r = upsertRows([], headers, 'ID', [
			['a', 'Новое', '1'],
			['b', 'Новое', '2'],
		]);
		expect(r.grid).toEqual([headers, ['a', 'Новое', '1'], ['b', 'Новое', '2']]);
		expect(r.inserted).toBe(2);
	});
	it('updates by key, keeps hand-made columns and their values, moves nothing', () => {
		const sheet = [
			['Комментарий куратора', 'ID', 'Статус', 'Срок'],
			['позвонить', 'a', 'Новое', '1'],
			['', 'b', 'Новое', '2'],
		];
		const r = upsertRows(sheet, headers, 'ID', [
			['b', 'Дан ответ', '2'],
			['a', 'Новое', '1'],
			['c', 'Новое', '3'],
		]);
		expect(r.grid).toEqual([
			['Комментарий куратора', 'ID', 'Статус', 'Срок'],
			['позвонить', 'a', 'Новое', '1'],
			['', 'b', 'Дан ответ', '2'],
			['', 'c', 'Новое', '3'],
		]);
		expect([r.inserted, r.updated, r.unchanged]).toEqual([1, 1, 1]);
	});
	it('adds a new column of ours at the end and never duplicates a key sent twice', () => {
		const r = upsertRows(
			[
				['ID', 'Статус'],
				['a', 'Новое'],
			],
			headers,
			'ID',
			[
				['a', 'В работе', '5'],
				['d', 'Новое', '1'],
				['d', 'В работе', '1'],
			],
		);
		expect(r.grid).toEqual([
			['ID', 'Статус', 'Срок'],
			['a', 'В работе', '5'],
			['d', 'В работе', '1'],
		]);
		expect(r.inserted).toBe(1);
	});
	it('running the same upsert twice changes nothing the second time', () => {
		const rows = [
			['a', 'Новое', '1'],
			['b', 'Новое', '2'],
		];
		const once = upsertRows([], headers, 'ID', rows);
		const twice = upsertRows(once.grid, headers, 'ID', rows);
		expect(twice.grid).toEqual(once.grid);
		expect(twice.unchanged).toBe(2);
	});
	it('reports keys duplicated by hand in the sheet', () => {
		const r = upsertRows(
			[
				['ID', 'Статус', 'Срок'],
				['a', 'x', ''],
				['a', 'y', ''],
			],
			headers,
			'ID',
			[],
		);
		expect(r.duplicateKeys).toEqual(['a']);
	});
});

describe('A1 helpers', () => {
	it('letters and quoting', () => {
		expect([
			columnLetter(0),
			columnLetter(25),
			columnLetter(26),
			columnLetter(701),
			columnLetter(702),
		]).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
		expect(a1("Реестр 'МЦУ'", 'A1:B2')).toBe("'Реестр ''МЦУ'''!A1:B2");
	});
});
