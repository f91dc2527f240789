import { makeAppeal, type Appeal } from '../../../lib/appeal';
import {
	KEEP_RESULTS_DAYS,
	emptyFollowUpState,
	linkReplies,
	selectForFollowUp,
	type FollowUpState,
} from '../../../lib/satisfaction/followUp';

const answered = (id: string, author: string): Appeal =>
	makeAppeal(
		{
			source: 'vk',
			externalId: id,
			kind: 'comment',
			receivedAt: '2026-11-10T10:00:00+03:00',
			text: 'Яма у дома 5 на Заречной',
			raw: { id },
		},
		{
			author: {
				name: 'Иван Петров',
				id: author,
				contact: '+79110000001',
				profileUrl: `https://vk.com/id${author}`,
			},
			status: 'answered',
			answeredAt: '2026-11-18T10:00:00+03:00',
			answerText: 'Яму засыпали, Иван',
			address: 'ул. Заречная, 5',
			url: 'https://vk.com/wall-1_2?reply=3',
		},
	);
const reply = (id: string, author: string, receivedAt: string, text: string): Appeal =>
	makeAppeal(
		{ source: 'vk', externalId: id, kind: 'comment', receivedAt, text, raw: { id } },
		{ author: { name: 'Иван Петров', id: author } },
	);

const PERSONAL = [
	'4242',
	'Иван',
	'Петров',
	'79110000001',
	'Яма у дома',
	'Заречн',
	'Яму засыпали',
	'vk.com',
	'Нет, не сделали',
];

describe('follow-up state keeps no personal data', () => {
	it('static data holds ids, hashed author keys and dates only — before and after the reply', () => {
		const state = emptyFollowUpState();
		selectForFollowUp([answered('1', '4242')], state, {
			now: new Date('2026-11-20T12:00:00+03:00'),
			delayHours: 24,
			maxAgeDays: 14,
		});
		expect(Object.keys(state.pending)).toHaveLength(1);
		const saved = JSON.stringify(state);
		for (const p of PERSONAL) expect({ p, found: saved.includes(p) }).toEqual({ p, found: false });
		const linked = linkReplies(
			[reply('9', '4242', '2026-11-21T09:00:00+03:00', 'Нет, не сделали')],
			state,
			{ now: new Date('2026-11-21T12:00:00+03:00'), expireDays: 7 },
		);
		expect(linked.replies).toHaveLength(1);
		// The appeal the source no longer returned is emitted from the snapshot: status and result, nothing personal.
		expect(linked.appeals).toEqual([
			expect.objectContaining({
				id: 'vk:1',
				status: 'in_progress',
				satisfaction: 'unsatisfied',
				text: '',
				url: null,
				personalDataRemoved: true,
			}),
		]);
		const after = JSON.stringify(state);
		for (const p of PERSONAL) expect({ p, found: after.includes(p) }).toEqual({ p, found: false });
	});

	it('state saved by an older version loses its author ids and snapshots on the next run, and still links', () => {
		const old: FollowUpState = {
			pending: {
				'vk:4242': {
					appealId: 'vk:1',
					askedAt: '2026-11-20T12:00:00+03:00',
					snapshot: { ...answered('1', '4242'), raw: null },
				},
			},
			results: {},
			consumed: {},
		};
		const linked = linkReplies(
			[reply('9', '4242', '2026-11-21T09:00:00+03:00', 'Да, спасибо')],
			old,
			{ now: new Date('2026-11-21T12:00:00+03:00'), expireDays: 7 },
		);
		expect(linked.replies.map((r) => r.appealId)).toEqual(['vk:1']);
		const saved = JSON.stringify({ ...old, salt: undefined });
		for (const p of PERSONAL) expect({ p, found: saved.includes(p) }).toEqual({ p, found: false });
	});

	it('results are forgotten after the shortened retention', () => {
		expect(KEEP_RESULTS_DAYS).toBeLessThanOrEqual(180);
		const state = emptyFollowUpState();
		state.results['vk:1'] = {
			appealId: 'vk:1',
			value: 'satisfied',
			evidence: ['спасибо'],
			replyId: 'vk:9',
			at: '2026-01-01T10:00:00+03:00',
		};
		state.consumed['vk:9'] = 'vk:1';
		linkReplies([], state, {
			now: new Date(Date.parse('2026-01-01T10:00:00+03:00') + (KEEP_RESULTS_DAYS + 1) * 86400000),
			expireDays: 7,
		});
		expect(state.results).toEqual({});
		expect(state.consumed).toEqual({});
	});
});
