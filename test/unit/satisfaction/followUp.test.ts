import { makeAppeal, type Appeal } from '../../../lib/appeal';
import {
	emptyFollowUpState,
	followUpChannel,
	linkReplies,
	pendingKeyOf,
	selectForFollowUp,
} from '../../../lib/satisfaction/followUp';

const answered = (
	id: string,
	author: string,
	answeredAt: string,
	extra: Partial<Appeal> = {},
): Appeal =>
	makeAppeal(
		{
			source: 'vk',
			externalId: id,
			kind: 'comment',
			receivedAt: '2026-11-10T10:00:00+03:00',
			text: 'Яма у дома 5',
			raw: { id },
		},
		{
			author: { name: 'Иван', id: author },
			status: 'answered',
			answeredAt,
			answerText: 'Яму засыпали',
			...extra,
		},
	);
const message = (
	id: string,
	author: string,
	receivedAt: string,
	text: string,
	source: Appeal['source'] = 'vk',
): Appeal =>
	makeAppeal(
		{ source, externalId: id, kind: 'comment', receivedAt, text, raw: { id } },
		{ author: { name: 'Иван', id: author } },
	);

const NOW = new Date('2026-11-20T12:00:00+03:00');
const ask = { now: NOW, delayHours: 24, maxAgeDays: 14 };
const link = (now = '2026-11-21T12:00:00+03:00') => ({ now: new Date(now), expireDays: 7 });

describe('satisfaction follow-up', () => {
	it('asks on the channel where the author can reply: VK comment or message, OK comment, Telegram or MAX private chat only', () => {
		const base = { author: { name: 'x', id: '1' } };
		expect(followUpChannel({ source: 'vk', kind: 'comment', ...base })).toBe('vk_comment');
		expect(followUpChannel({ source: 'vk', kind: 'direct_message', ...base })).toBe('vk_message');
		expect(followUpChannel({ source: 'ok', kind: 'comment', ...base })).toBe('ok_comment');
		expect(followUpChannel({ source: 'telegram', kind: 'direct_message', ...base })).toBe(
			'telegram_message',
		);
		expect(followUpChannel({ source: 'telegram', kind: 'comment', ...base })).toBeNull();
		expect(followUpChannel({ source: 'max', kind: 'direct_message', ...base })).toBe('max_message');
		expect(followUpChannel({ source: 'max', kind: 'comment', ...base })).toBeNull();
		expect(followUpChannel({ source: 'pos', kind: 'message', ...base })).toBeNull();
		expect(
			followUpChannel({ source: 'vk', kind: 'comment', author: { name: null, anonymous: true } }),
		).toBeNull();
	});

	it('asks once, a day after the answer and not about old answers, one open question per author', () => {
		const state = emptyFollowUpState();
		const appeals = [
			answered('1', '100', '2026-11-18T10:00:00+03:00'),
			answered('2', '200', '2026-11-20T09:00:00+03:00'), // 3 hours ago: too early
			answered('3', '300', '2026-10-01T10:00:00+03:00'), // 50 days ago: too late
			answered('4', '100', '2026-11-17T10:00:00+03:00'), // same author as 1: waits for the first question
			answered('5', '500', '2026-11-17T10:00:00+03:00', { satisfaction: 'satisfied' }),
			message('6', '600', '2026-11-17T10:00:00+03:00', 'не отвечено'),
		];
		expect(selectForFollowUp(appeals, state, ask).map((x) => x.appeal.id)).toEqual(['vk:1']);
		expect(
			state.pending[pendingKeyOf(state, { source: 'vk', author: { name: null, id: '100' } })],
		).toMatchObject({
			appealId: 'vk:1',
			askedAt: NOW.toISOString(),
			snapshot: { id: 'vk:1', raw: null },
		});
		expect(selectForFollowUp(appeals, state, ask)).toEqual([]);
	});

	it('an unsatisfied reply reopens the appeal, the reply is not a new appeal, and a re-read keeps both so', () => {
		const state = emptyFollowUpState();
		const original = answered('1', '100', '2026-11-18T10:00:00+03:00');
		selectForFollowUp([original], state, ask);
		const reply = message(
			'9',
			'100',
			'2026-11-21T09:00:00+03:00',
			'Нет, ничего не сделали, яма как была',
		);
		const other = message('8', '777', '2026-11-21T09:00:00+03:00', 'Нет света на ул. Лесной');
		const first = linkReplies([original, reply, other], state, link());
		expect(first.replies).toEqual([
			expect.objectContaining({
				appealId: 'vk:1',
				value: 'unsatisfied',
				replyId: 'vk:9',
				reopened: true,
			}),
		]);
		expect(first.appeals.map((a) => a.id)).toEqual(['vk:1', 'vk:8']);
		expect(first.appeals[0]).toMatchObject({
			status: 'in_progress',
			satisfaction: 'unsatisfied',
			flags: expect.arrayContaining(['unsatisfied', 'reopened']),
		});
		expect(state.pending).toEqual({});
		// Next run: the source returns the same records; the result is laid over again, nothing is linked twice.
		const again = linkReplies([original, reply, other], state, link('2026-11-22T12:00:00+03:00'));
		expect(again.replies).toEqual([]);
		expect(again.consumedAgain).toBe(1);
		expect(again.appeals.find((a) => a.id === 'vk:1')).toMatchObject({
			status: 'in_progress',
			satisfaction: 'unsatisfied',
		});
	});

	it('a reply older than the question, from someone else, or saying neither yes nor no stays an appeal', () => {
		const state = emptyFollowUpState();
		selectForFollowUp([answered('1', '100', '2026-11-18T10:00:00+03:00')], state, ask);
		const before = message('2', '100', '2026-11-19T09:00:00+03:00', 'Нет, не решили');
		const unclear = message(
			'3',
			'100',
			'2026-11-21T09:00:00+03:00',
			'А когда починят фонарь на Школьной?',
		);
		const otherSource = message('4', '100', '2026-11-21T09:00:00+03:00', 'Нет', 'ok');
		const result = linkReplies([before, unclear, otherSource], state, link());
		expect(result.replies).toEqual([]);
		expect(result.appeals.map((a) => a.id)).toEqual(['vk:2', 'vk:3', 'ok:4']);
		expect(
			state.pending[pendingKeyOf(state, { source: 'vk', author: { name: null, id: '100' } })],
		).toBeDefined();
	});

	it('emits the appeal from its snapshot when the source no longer returns it; a satisfied reply does not reopen', () => {
		const state = emptyFollowUpState();
		selectForFollowUp([answered('1', '100', '2026-11-18T10:00:00+03:00')], state, ask);
		const result = linkReplies(
			[message('9', '100', '2026-11-21T09:00:00+03:00', 'Да, спасибо, засыпали')],
			state,
			link(),
		);
		expect(result.appeals).toHaveLength(1);
		expect(result.appeals[0]).toMatchObject({
			id: 'vk:1',
			status: 'answered',
			satisfaction: 'satisfied',
			raw: null,
			satisfactionReplyId: 'vk:9',
		});
	});

	it('a reopened appeal answered again is answered again, keeps the flag, and may be asked again', () => {
		const state = emptyFollowUpState();
		selectForFollowUp([answered('1', '100', '2026-11-18T10:00:00+03:00')], state, ask);
		linkReplies([message('9', '100', '2026-11-21T09:00:00+03:00', 'Нет')], state, link());
		const answeredAgain = answered('1', '100', '2026-11-23T10:00:00+03:00');
		const { appeals } = linkReplies([answeredAgain], state, link('2026-11-25T12:00:00+03:00'));
		expect(appeals[0]).toMatchObject({
			status: 'answered',
			satisfaction: 'unknown',
			flags: ['reopened'],
		});
		expect(
			selectForFollowUp(appeals, state, { ...ask, now: new Date('2026-11-25T12:00:00+03:00') }).map(
				(x) => x.appeal.id,
			),
		).toEqual(['vk:1']);
	});

	it('drops questions nobody answered after the expiry', () => {
		const state = emptyFollowUpState();
		selectForFollowUp([answered('1', '100', '2026-11-18T10:00:00+03:00')], state, ask);
		linkReplies([], state, link('2026-11-28T12:00:00+03:00'));
		expect(state.pending).toEqual({});
	});
});
