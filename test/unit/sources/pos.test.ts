import { validateAppeal } from '../../../lib/appeal';
import { normalizePos, POS_STATUS_MAP } from '../../../lib/sources/pos';
import { takeAfterCursor, initialCursor } from '../../../lib/sources/cursor';
import { toIsoDateTime, unixToIso } from '../../../lib/sources/common';

const message = {
	id: 9001,
	posId: '5512345',
	opaId: 'opa-60-dedovichi',
	regionId: 60,
	fz59: true,
	applicant: {
		surname: 'Петрова',
		name: 'Анна',
		patronymic: 'Сергеевна',
		email: 'petrova@example.ru',
		phone: '+79110000001',
		postAddress: 'п. Дедовичи, ул. Лесная, д. 3',
	},
	description: 'Прошу отремонтировать дорогу на ул. Советской, ямы глубиной 20 см.',
	location: { address: 'п. Дедовичи, ул. Советская, 12', lat: 57.55, lon: 29.95 },
	subjectId: 12,
	subjectName: 'Дороги',
	subsubjectName: 'Ямы на дорогах',
	createdAt: '2026-10-01T09:15:00+03:00',
	updatedAt: '2026-10-05T12:00:00+03:00',
	status: 'SEND_RESPONSE',
	statusText: 'Ответ направлен',
	rating: 2,
	history: [
		{ status: 'MODERATION_ACCEPT', createdAt: '2026-10-01T11:00:00+03:00' },
		{ status: 'TAKE_TO_WORK', createdAt: '2026-10-02T10:00:00+03:00' },
		{ status: 'SET_EXECUTOR', createdAt: '2026-10-02T10:05:00+03:00', executor: 'Иванов И. И.' },
		{
			status: 'POSTPONE',
			createdAt: '2026-10-03T10:00:00+03:00',
			answer: { newDate: '2026-11-30T18:00:00+03:00' },
		},
		{
			status: 'SEND_RESPONSE',
			createdAt: '2026-10-05T12:00:00+03:00',
			answer: { answerType: 'SUPPORTED', comment: 'Ремонт выполнен 04.10.2026.' },
		},
	],
};

describe('normalizePos', () => {
	it('maps a ПОС message with its history into a valid appeal', () => {
		const a = normalizePos(message, { urlTemplate: 'https://pos.example/appeals/{id}' });
		expect(validateAppeal(a).valid).toBe(true);
		expect(a).toMatchObject({
			id: 'pos:5512345',
			kind: 'appeal59',
			url: 'https://pos.example/appeals/5512345',
			receivedAt: '2026-10-01T09:15:00+03:00',
			registeredAt: '2026-10-01T11:00:00+03:00',
			author: { name: 'Петрова Анна Сергеевна', contact: '+79110000001' },
			address: 'п. Дедовичи, ул. Советская, 12',
			category: 'Дороги / Ямы на дорогах',
			status: 'answered',
			sourceStatus: 'SEND_RESPONSE',
			responsible: 'Иванов И. И.',
			firstReactionAt: '2026-10-02T10:00:00+03:00',
			extendedDeadline: '2026-11-30T18:00:00+03:00',
			answeredAt: '2026-10-05T12:00:00+03:00',
			answerText: 'Ремонт выполнен 04.10.2026.',
			satisfaction: 'unsatisfied',
		});
		expect(a.raw).toBe(message);
	});
	it('a message still on moderation is not registered yet and is a plain message without fz59', () => {
		const a = normalizePos({
			...message,
			fz59: false,
			status: 'MODERATION_NEW',
			history: [],
			rating: undefined,
		});
		expect(a).toMatchObject({
			kind: 'message',
			status: 'new',
			registeredAt: null,
			answeredAt: null,
			satisfaction: 'unknown',
		});
	});
	it('an unknown status code does not crash: kept and flagged', () => {
		const a = normalizePos({ ...message, status: 'ARCHIVED_BY_REGION', history: [] });
		expect(a.status).toBe('in_progress');
		expect(a.sourceStatus).toBe('ARCHIVED_BY_REGION');
		expect(a.flags).toContain('unknown_source_status');
	});
	it('every documented status code is mapped', () => {
		for (const code of [
			'MODERATION_NEW',
			'MODERATION_ACCEPT',
			'MODERATION_DECLINE',
			'TAKE_TO_WORK',
			'FORWARD_TO_PARENT',
			'FORWARD_TO_SUBORDINATE',
			'POSTPONE',
			'SET_EXECUTOR',
			'SEND_RESPONSE',
		]) {
			expect(POS_STATUS_MAP[code]).toBeDefined();
		}
	});
	it('names the record and the field when it cannot be normalized', () => {
		expect(() => normalizePos({ ...message, createdAt: '01.10.2026' })).toThrow(
			/pos:5512345.*raw\.createdAt/,
		);
		expect(() => normalizePos({ ...message, description: '   ' })).toThrow(
			/pos:5512345.*raw\.description/,
		);
		expect(() => normalizePos({ ...message, posId: undefined, id: undefined })).toThrow(/posId/);
	});
	it('fills the answer history: earlier SEND_RESPONSE entries, INTERMEDIATE ones marked; POSTPONE is the extended deadline, not an answer', () => {
		const history = [
			...message.history.slice(0, 3),
			{
				status: 'SEND_RESPONSE',
				createdAt: '2026-10-20T10:00:00+03:00',
				answer: { answerType: 'INTERMEDIATE', comment: 'Ремонт будет выполнен до 15.11.2026.' },
			},
			message.history[3],
			{
				status: 'SEND_RESPONSE',
				createdAt: '2026-11-12T10:00:00+03:00',
				answer: { answerType: 'SUPPORTED', comment: 'Ремонт выполнен 12.11.2026.' },
			},
		];
		const a = normalizePos({ ...message, history });
		expect(validateAppeal(a).valid).toBe(true);
		expect(a).toMatchObject({
			answerText: 'Ремонт выполнен 12.11.2026.',
			answeredAt: '2026-11-12T10:00:00+03:00',
			answerIntermediate: false,
			extendedDeadline: '2026-11-30T18:00:00+03:00',
		});
		expect(a.answerHistory).toEqual([
			{
				at: '2026-10-20T10:00:00+03:00',
				text: 'Ремонт будет выполнен до 15.11.2026.',
				intermediate: true,
			},
		]);
		// The current answer intermediate: nothing earlier.
		const open = normalizePos({ ...message, history: history.slice(0, 4) });
		expect(open).toMatchObject({
			answerText: 'Ремонт будет выполнен до 15.11.2026.',
			answerIntermediate: true,
			answerHistory: [],
		});
		// The message of the fixture: one final answer, no history.
		expect(normalizePos(message)).toMatchObject({ answerIntermediate: false, answerHistory: [] });
	});
	it('skips malformed earlier answers, as null history entries are skipped', () => {
		const final = {
			status: 'SEND_RESPONSE',
			createdAt: '2026-11-12T10:00:00+03:00',
			answer: { answerType: 'SUPPORTED', comment: 'Ремонт выполнен 12.11.2026.' },
		};
		const good = {
			status: 'SEND_RESPONSE',
			createdAt: '2026-10-21T10:00:00+03:00',
			answer: { answerType: 'INTERMEDIATE', comment: 'Работы до 10.11.2026.' },
		};
		const broken = [
			null,
			{
				status: 'SEND_RESPONSE',
				createdAt: '20.10.2026',
				answer: { answerType: 'INTERMEDIATE', comment: 'Дата не читается' },
			},
			{
				status: 'SEND_RESPONSE',
				createdAt: '2026-10-20T10:00:00+03:00',
				answer: { answerType: 'INTERMEDIATE', comment: ['список'] },
			},
			{ status: 'SEND_RESPONSE', createdAt: '2026-10-20T10:00:00+03:00', answer: 'текст' },
			{ status: 'SEND_RESPONSE', createdAt: '2026-10-20T10:00:00+03:00' },
			{
				status: 7,
				createdAt: '2026-10-20T10:00:00+03:00',
				answer: { comment: 'статус не строка' },
			},
		];
		const a = normalizePos({ ...message, history: [...broken, good, final] });
		expect(validateAppeal(a).valid).toBe(true);
		expect(a.answerHistory).toEqual([
			{ at: '2026-10-21T10:00:00+03:00', text: 'Работы до 10.11.2026.', intermediate: true },
		]);
		// A non-string answer type is no intermediate mark.
		const typed = normalizePos({
			...message,
			history: [
				{ ...good, answer: { answerType: ['INTERMEDIATE'], comment: 'Работы до 10.11.2026.' } },
				final,
			],
		});
		expect(typed.answerHistory).toEqual([
			{ at: '2026-10-21T10:00:00+03:00', text: 'Работы до 10.11.2026.', intermediate: false },
		]);
	});
	it('reads renamed fields through the field map', () => {
		const renamed = { ...message, text: message.description, description: undefined };
		expect(normalizePos(renamed, { fields: { description: 'text' } }).text).toBe(
			message.description,
		);
	});
});

describe('date helpers', () => {
	it('accepts ISO with offset, local ISO in Moscow time, and unix seconds', () => {
		expect(toIsoDateTime('2026-10-01T09:15:00Z')).toBe('2026-10-01T09:15:00Z');
		expect(toIsoDateTime('2026-10-01T09:15:00')).toBe('2026-10-01T09:15:00+03:00');
		expect(unixToIso(1790000000)).toBe('2026-09-21T17:13:20+03:00');
		expect(toIsoDateTime('вчера')).toBeUndefined();
	});
});

describe('polling cursor', () => {
	const rec = (id: string, at: string) => ({ id, at, record: id });
	it('emits each record once across polls, including several at the same second', () => {
		let cursor = initialCursor(Date.parse('2026-10-01T00:00:00Z'), 0);
		const first = takeAfterCursor(
			[rec('a', '2026-10-01T10:00:00Z'), rec('b', '2026-10-01T10:00:00Z')],
			cursor,
		);
		expect(first.fresh.map((r) => r.id)).toEqual(['a', 'b']);
		cursor = first.next;
		// The source returns the boundary records again (inclusive filter) plus one more at the same second.
		const second = takeAfterCursor(
			[
				rec('a', '2026-10-01T10:00:00Z'),
				rec('b', '2026-10-01T10:00:00Z'),
				rec('c', '2026-10-01T10:00:00Z'),
			],
			cursor,
		);
		expect(second.fresh.map((r) => r.id)).toEqual(['c']);
		expect(second.next.idsAtSince.sort()).toEqual(['a', 'b', 'c']);
		const third = takeAfterCursor(
			[rec('c', '2026-10-01T10:00:00Z'), rec('d', '2026-10-01T11:00:00Z')],
			second.next,
		);
		expect(third.fresh.map((r) => r.id)).toEqual(['d']);
		expect(third.next).toEqual({ since: '2026-10-01T11:00:00Z', idsAtSince: ['d'] });
	});
	it('ignores records older than the first activation and duplicates within one fetch', () => {
		const cursor = initialCursor(Date.parse('2026-10-01T12:00:00Z'), 0);
		const r = takeAfterCursor(
			[
				rec('old', '2026-09-30T10:00:00Z'),
				rec('x', '2026-10-02T10:00:00Z'),
				rec('x', '2026-10-02T10:00:00Z'),
			],
			cursor,
		);
		expect(r.fresh.map((x) => x.id)).toEqual(['x']);
	});
	it('an empty poll keeps the cursor', () => {
		const cursor = { since: '2026-10-01T10:00:00Z', idsAtSince: ['a'] };
		expect(takeAfterCursor([], cursor).next).toBe(cursor);
	});
});
