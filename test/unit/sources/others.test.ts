import { validateAppeal } from '../../../lib/appeal';
import { normalizeIm } from '../../../lib/sources/im';
import { normalizeVk, normalizeVkEvent, profilesMap, vkEventRecord } from '../../../lib/sources/vk';
import { normalizeTelegram } from '../../../lib/sources/telegram';
import { normalizeOkComment, okSignature } from '../../../lib/sources/ok';
import { exportDate, normalizeExportRow } from '../../../lib/sources/exports';

describe('ИМ', () => {
	const incident = {
		id: 'INC-2026-0042',
		createdAt: '2026-11-02T14:10:00+03:00',
		status: 'in_work',
		text: 'Опять нет света на ул. Лесной',
		sourceNetwork: 'vk',
		postUrl: 'https://vk.com/wall-1_2',
		author: { name: 'Ольга К.', profileUrl: 'https://vk.com/id5' },
		deadline: '2026-11-03T14:10:00+03:00',
		takenAt: '2026-11-02T15:00:00+03:00',
		rating: 5,
		answer: { text: 'Электроснабжение восстановлено', publishedAt: '2026-11-02T18:00:00+03:00' },
	};
	it('maps an incident', () => {
		const a = normalizeIm(incident);
		expect(validateAppeal(a).valid).toBe(true);
		expect(a).toMatchObject({
			id: 'im:INC-2026-0042',
			kind: 'incident',
			status: 'in_progress',
			url: 'https://vk.com/wall-1_2',
			firstReactionAt: '2026-11-02T15:00:00+03:00',
			answeredAt: '2026-11-02T18:00:00+03:00',
			satisfaction: 'satisfied',
			deadline: '2026-11-03T14:10:00+03:00',
		});
		expect(a.flags).toContain('network:vk');
	});
	it('names the field of a broken incident', () => {
		expect(() => normalizeIm({ ...incident, createdAt: null })).toThrow(
			/im:INC-2026-0042.*raw\.createdAt/,
		);
		expect(() => normalizeIm({ ...incident, status: 'weird' }).flags).not.toThrow();
	});
});

describe('VK', () => {
	const profiles = profilesMap(
		[{ id: 501, first_name: 'Иван', last_name: 'Смирнов' }],
		[{ id: 77, name: 'Администрация' }],
	);
	it('a wall comment with its author and post', () => {
		const a = normalizeVk({
			kind: 'comment',
			item: {
				id: 15,
				from_id: 501,
				date: 1790000000,
				text: 'Когда починят дорогу?',
				post_id: 4410,
				owner_id: -77,
			},
			profiles,
		});
		expect(a).toMatchObject({
			id: 'vk:-77_4410_c15',
			kind: 'comment',
			receivedAt: '2026-09-21T17:13:20+03:00',
			url: 'https://vk.com/wall-77_4410?reply=15',
			parentId: 'vk:-77_4410',
			author: {
				name: 'Иван Смирнов',
				id: '501',
				profileUrl: 'https://vk.com/id501',
				anonymous: false,
			},
		});
	});
	it('events from Long Poll / Callback API', () => {
		expect(vkEventRecord({ type: 'group_join', object: {} })).toBeUndefined();
		const m = normalizeVkEvent({
			type: 'message_new',
			object: {
				message: { id: 9, from_id: 501, peer_id: 501, date: 1790000000, text: 'Здравствуйте' },
			},
		});
		expect(m).toMatchObject({ id: 'vk:msg501_9', kind: 'direct_message' });
		expect(() => normalizeVkEvent({ type: 'group_join', event_id: 'e1' })).toThrow(/group_join/);
	});
	it('refuses a comment without a date, naming the field', () => {
		expect(() =>
			normalizeVk({ kind: 'comment', item: { id: 1, owner_id: -77, post_id: 2, text: 'x' } }),
		).toThrow(/raw\.date/);
	});
});

describe('Telegram', () => {
	it('a private message to the bot is a direct message; a reply in the discussion group is a comment', () => {
		const dm = normalizeTelegram({
			update_id: 1,
			message: {
				message_id: 10,
				date: 1790000000,
				text: 'Нет воды',
				chat: { id: 42, type: 'private' },
				from: { id: 42, first_name: 'Анна', username: 'anna_d' },
			},
		});
		expect(dm).toMatchObject({
			id: 'telegram:42_10',
			kind: 'direct_message',
			author: { name: 'Анна', profileUrl: 'https://t.me/anna_d' },
		});
		const comment = normalizeTelegram({
			update_id: 2,
			message: {
				message_id: 11,
				date: 1790000000,
				text: 'Поддерживаю',
				chat: { id: -100, type: 'supergroup', username: 'dedovichi_chat' },
				from: { id: 7, first_name: 'Пётр' },
				reply_to_message: { message_id: 5 },
			},
		});
		expect(comment).toMatchObject({
			kind: 'comment',
			parentId: 'telegram:-100_5',
			url: 'https://t.me/dedovichi_chat/11',
		});
	});
	it('an update without a message is an error naming the field', () => {
		expect(() => normalizeTelegram({ update_id: 3, my_chat_member: {} })).toThrow(
			/telegram:3.*raw\.message/,
		);
	});
});

describe('Одноклассники', () => {
	it('signs requests the way OK documents', () => {
		// md5("application_key=CBAformat=jsonmethod=discussions.get" + md5("token" + "secret"))
		const sig = okSignature(
			{ method: 'discussions.get', application_key: 'CBA', format: 'json', access_token: 'token' },
			'token',
			'secret',
		);
		expect(sig).toMatch(/^[0-9a-f]{32}$/);
		expect(sig).toBe(
			okSignature(
				{ format: 'json', application_key: 'CBA', method: 'discussions.get' },
				'token',
				'secret',
			),
		);
		expect(sig).not.toBe(
			okSignature(
				{ method: 'discussions.get', application_key: 'CBA', format: 'json' },
				'token',
				'other',
			),
		);
	});
	it('a discussion comment', () => {
		const a = normalizeOkComment({
			comment: {
				id: 'c1',
				date: '2026-10-01 12:00:00',
				text: 'Мусор не вывозят',
				author_id: '555',
			},
			discussion: { id: 'd9' },
			groupId: '600',
		});
		expect(a).toMatchObject({
			id: 'ok:d9_c1',
			kind: 'comment',
			receivedAt: '2026-10-01T12:00:00+03:00',
			author: { profileUrl: 'https://ok.ru/profile/555' },
		});
	});
});

describe('cabinet exports', () => {
	it('reads a ПОС export row with Russian dates and statuses', () => {
		const a = normalizeExportRow(
			{
				'Номер сообщения': 5512,
				'Дата создания': '01.10.2026 09:15',
				Статус: 'Ответ направлен',
				Тип: 'Обращение (59-ФЗ)',
				'Текст сообщения': 'Яма',
				'Срок ответа': '31.10.2026',
				Оценка: '2',
			},
			'pos',
		);
		expect(a).toMatchObject({
			id: 'pos:5512',
			kind: 'appeal59',
			receivedAt: '2026-10-01T09:15:00+03:00',
			status: 'answered',
			deadline: '2026-10-31T23:59:59+03:00',
			satisfaction: 'unsatisfied',
		});
		expect(a.flags).toContain('imported');
	});
	it('uses a custom column mapping and names the bad column', () => {
		const row = { '№': 'X1', Когда: 'вчера', Описание: 'Текст' };
		expect(() =>
			normalizeExportRow(row, 'im', { id: '№', createdAt: 'Когда', text: 'Описание' }),
		).toThrow(/im:X1.*«Когда».*ДД\.ММ\.ГГГГ/);
	});
	it('reads spreadsheet serial dates', () => {
		expect(exportDate(46296.5)).toBe('2026-10-01T12:00:00+03:00'); // 46296 days after 1899-12-30
	});
});
