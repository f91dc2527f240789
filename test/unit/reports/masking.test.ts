import { makeAppeal } from '../../../lib/appeal';
import {
	REGISTER_COLUMNS,
	maskAddress,
	maskContact,
	maskText,
	reportLink,
	rowOf,
} from '../../../lib/reports';
import { tableColumns } from '../../../nodes/ReportSheets/writer';
import { EMAIL, FULL_NAME, PASSPORT, PHONE, SNILS } from '../../../lib/text/personalData';

/** maskText must leave none of `secrets` in the output and keep every `kept` fragment. */
function expectMasked(text: string, secrets: string[], kept: string[] = []) {
	const out = maskText(text);
	for (const s of secrets)
		expect({ text, out, leaked: out.includes(s) ? s : null }).toEqual({ text, out, leaked: null });
	for (const k of kept) expect(out).toContain(k);
	return out;
}

describe('maskText: names', () => {
	it.each([
		['Прошу помочь Петровой Анне Сергеевне с вывозом мусора', ['Петровой', 'Анне', 'Сергеевне']],
		['Обращение от Петровой Анны Сергеевны по поводу ямы', ['Петровой', 'Анны', 'Сергеевны']],
		['Ответ направлен Иванову Ивану Ивановичу', ['Иванову', 'Ивану', 'Ивановичу']],
		['Беседовали с Ивановым Иваном Ивановичем', ['Ивановым', 'Иваном', 'Ивановичем']],
		['Заявитель: ПЕТРОВА АННА СЕРГЕЕВНА, яма у дома', ['ПЕТРОВА', 'АННА', 'СЕРГЕЕВНА']],
		['Пишет Анна Сергеевна Петрова из Дедовичей', ['Анна', 'Сергеевна', 'Петрова']],
		['Анна Сергеевна, ваше обращение принято', ['Анна', 'Сергеевна']],
		['Жалоба Мамедова Эльчина Али оглы на освещение', ['Мамедова', 'Эльчина', 'Али оглы']],
		['Заявитель Петрова А. С. просит засыпать яму', ['Петрова А', 'Петрова']],
		['Заявитель Петрова А.С. просит засыпать яму', ['Петрова']],
		['Подписано: А. С. Петрова', ['Петрова']],
		['Сообщил Кузьмин Пётр Ильич', ['Кузьмин', 'Ильич']],
		['Жалоба Иванова-Петрова Ивана Петровича', ['Иванова-Петрова', 'Петровича']],
	])('%s', (text, secrets) => {
		expectMasked(text, secrets);
	});

	it('keeps ordinary words that only look like endings', () => {
		expectMasked('Сумма равна нулю, дорога главная', [], ['Сумма равна нулю, дорога главная']);
	});
});

describe('maskText: phones, e-mails, documents, addresses', () => {
	it.each([
		['звоните 8(81136)2-12-34 до обеда', ['81136', '2-12-34']],
		['домашний 2-12-34, спросить хозяйку', ['2-12-34']],
		['мобильный +7 911 12 34 567', ['911 12 34', '12 34 567']],
		['тел. +7 (911) 123-45-67', ['123-45']],
		['тел 89111234567', ['89111234567', '9111234']],
		['номер 911-123-45-67', ['911-123']],
		['пишите на иван.петров@почта.рф', ['иван.петров@', 'иван.петров']],
		['пишите на ivan.petrov@mail.ru', ['ivan.petrov@']],
		['СНИЛС 123-456-789 01', ['123-456-789']],
		['СНИЛС 123 456 789 01', ['123 456 789']],
		['паспорт 40 10 123456 выдан', ['123456']],
		['паспорт серии 4010 № 123456', ['123456', '4010']],
		['живу по адресу ул. Ленина, д. 5, кв. 12', ['д. 5', 'кв. 12']],
		['живу: ул. Ленина 5, кв 12', ['Ленина 5', 'кв 12']],
		['проживаю дом № 7 квартира 3', ['№ 7', 'квартира 3']],
	])('%s', (text, secrets) => {
		expectMasked(text, secrets);
	});

	it('keeps what the report is about', () => {
		expectMasked(
			'Яма на ул. Ленина у дома 5 с 12 мая 2026 года, глубина 20 см',
			['дома 5'],
			['ул. Ленина', '12 мая 2026', '20 см'],
		);
	});

	it('is correct on 100k-character hostile inputs (linear patterns)', () => {
		const words = 'a'.repeat(100000);
		expect(maskText(words)).toBe(words);
		const dots = `${'a.'.repeat(50000)}@`;
		expect(maskText(dots)).toBe(dots);
		const names = 'Аа '.repeat(33000);
		expect(maskText(names)).toBe(names);
		const digits = '1-'.repeat(50000);
		expect(maskText(digits).length).toBeGreaterThan(0);
		const mixed = `${'Петрова '.repeat(12000)}тел. 8(81136)2-12-34`;
		expect(maskText(mixed)).not.toContain('2-12-34');
		for (const re of [EMAIL, PHONE, SNILS, PASSPORT, FULL_NAME]) {
			expect(words.match(re)).toBeNull();
			expect(dots.match(re)).toBeNull();
		}
	});
});

describe('maskContact and maskAddress', () => {
	it('hides every contact in the field, Telegram handles and links included', () => {
		const out = maskContact('+79110000001, +79110000002; ivan@mail.ru');
		expect(out).not.toMatch(/9110000001|9110000002|ivan@/);
		expect(maskContact('@ivan_petrov')).not.toContain('ivan_petrov');
		expect(maskContact('t.me/ivan_petrov')).not.toContain('ivan_petrov');
		expect(maskContact('+7 911 000-00-01 (телеграм @ivanp)')).not.toMatch(/ivanp|000-00-01/);
		expect(maskContact('Иван, звонить вечером')).not.toContain('Иван');
	});

	it.each([
		['ул. Ленина, кв 12', 'ул. Ленина, кв ***'],
		['ул. Ленина, д 5', 'ул. Ленина, д ***'],
		['ул. Ленина, дом № 5', 'ул. Ленина, дом № ***'],
		['Дедовичи, Ленина 5-12', 'Дедовичи, Ленина ***'],
		['Дедовичи, ул. 25 Октября, 3', 'Дедовичи, ул. 25 Октября, ***'],
		['д. Вязье, 14а', 'д. Вязье, ***'],
		['п. Дедовичи, ул. Советская, д. 12, кв. 5', 'п. Дедовичи, ул. Советская, д. ***, кв. ***'],
	])('maskAddress(%s)', (address, masked) => {
		expect(maskAddress(address)).toBe(masked);
	});
});

describe('links and tables in masked reports', () => {
	const appeal = (source: string, url: string) =>
		makeAppeal(
			{
				source: source as never,
				externalId: '1',
				kind: 'comment',
				receivedAt: '2026-10-01T09:00:00+03:00',
				text: 'яма',
				raw: {},
			},
			{ url } as never,
		);

	it("hides links to the citizen's own post when masked, keeps them unmasked", () => {
		for (const [source, url] of [
			['vk', 'https://vk.com/wall-1_2?reply=3'],
			['telegram', 'https://t.me/somechat/15'],
			['ok', 'https://ok.ru/group/1/topic/2'],
		]) {
			expect(reportLink(appeal(source, url), true)).toBe('');
			expect(reportLink(appeal(source, url), false)).toBe(url);
		}
		expect(reportLink(appeal('pos', 'https://pos.gosuslugi.ru/lkp/appeals/1'), true)).toBe(
			'https://pos.gosuslugi.ru/lkp/appeals/1',
		);
	});

	it("makes links clickable only for the sources' known hosts", () => {
		expect(reportLink(appeal('vk', 'https://evil.example/vk.com/wall-1_2'), false)).toBe('');
		expect(reportLink(appeal('vk', 'https://vk.com.evil.example/wall-1_2'), false)).toBe('');
		expect(reportLink(appeal('vk', 'javascript:alert(1)'), false)).toBe('');
		expect(reportLink(appeal('pos', 'http://gosuslugi.ru.evil/x'), false)).toBe('');
		expect(reportLink(appeal('vk', 'https://m.vk.com/wall-1_2'), false)).toBe(
			'https://m.vk.com/wall-1_2',
		);
		const url = REGISTER_COLUMNS.find((c) => c.key === 'url')!;
		expect(url.value(appeal('vk', 'https://vk.com/wall-1_2?reply=3'), true)).toBe('');
	});

	it('register cuts long texts first, then masks (a phone across the cut is still masked)', () => {
		const text = `${'я'.repeat(4990)} +7 911 123-45-67 ${'б'.repeat(100000)}`;
		const a = makeAppeal({
			source: 'pos',
			externalId: '2',
			kind: 'message',
			receivedAt: '2026-10-01T09:00:00+03:00',
			text,
			raw: {},
		});
		const cell = String(
			rowOf(REGISTER_COLUMNS, a, true)[REGISTER_COLUMNS.findIndex((c) => c.key === 'text')],
		);
		expect(cell).not.toMatch(/911|123-4/);
		expect(cell.endsWith('… [обрезано]')).toBe(true);
		expect(cell.length).toBeLessThan(5100);
	});

	it('the table report honours the mask setting', () => {
		const records = [
			{
				name: 'Отдел благоустройства',
				author: { name: 'Петрова Анна Сергеевна', contact: '+79110000001' },
				comment: 'звонила Петрова Анна Сергеевна, тел. 8(81136)2-12-34',
				count: 3,
			},
		];
		const masked = rowOf(tableColumns(records), records[0], true).join(' | ');
		expect(masked).not.toMatch(/Петрова|9110000001|2-12-34/);
		expect(masked).toContain('Отдел благоустройства');
		expect(rowOf(tableColumns(records), records[0], true)).toContain(3);
		const plain = rowOf(tableColumns(records), records[0], false).join(' | ');
		expect(plain).toContain('Петрова Анна Сергеевна');
	});
});
