import { answerInputOf, checkAnswer } from '../../../lib/quality';
import { normalizePos } from '../../../lib/sources/pos';

// A ПОС message as the gateway gives it (hand-written): deadline 31.10, an intermediate answer with a term on 20.10,
// the final answer on 12.11 — after the deadline, within the promised term.
const message = {
	posId: '5519001',
	createdAt: '2026-10-01T09:00:00+03:00',
	description: 'На ул. Советской у дома 5 яма на проезжей части, прошу отремонтировать.',
	status: 'SEND_RESPONSE',
	deadline: '2026-10-31T23:59:59+03:00',
	organizationInfo: { name: 'Администрация Дедовичского района' },
	history: [
		{ status: 'MODERATION_ACCEPT', createdAt: '2026-10-01T11:00:00+03:00' },
		{ status: 'TAKE_TO_WORK', createdAt: '2026-10-02T10:00:00+03:00' },
		{
			status: 'SEND_RESPONSE',
			createdAt: '2026-10-20T10:00:00+03:00',
			answer: {
				answerType: 'INTERMEDIATE',
				comment: 'Ямочный ремонт на ул. Советской у дома 5 будет выполнен до 15.11.2026.',
			},
		},
		{
			status: 'SEND_RESPONSE',
			createdAt: '2026-11-12T10:00:00+03:00',
			answer: {
				answerType: 'SUPPORTED',
				comment: 'Ямочный ремонт на ул. Советской у дома 5 выполнен 12.11.2026.',
			},
		},
	],
};

const codes = (record: unknown) =>
	checkAnswer(answerInputOf(record as Record<string, unknown>)).errors.map((e) => e.code);

describe('answer check on a normalized ПОС record', () => {
	it('a final answer after a timely intermediate answer with a term is not late', () => {
		expect(codes(normalizePos(message))).toEqual([]);
	});
	it('the same final answer without the intermediate one is late', () => {
		expect(
			codes(
				normalizePos({
					...message,
					history: message.history.filter((h) => h.answer?.answerType !== 'INTERMEDIATE'),
				}),
			),
		).toEqual(['late']);
	});
	it('an intermediate answer after the deadline does not waive lateness', () => {
		const history = message.history.map((h) =>
			h.answer?.answerType === 'INTERMEDIATE'
				? { ...h, createdAt: '2026-11-02T10:00:00+03:00' }
				: h,
		);
		expect(codes(normalizePos({ ...message, history }))).toEqual(['late']);
	});
	it('the current answer marked intermediate by ПОС is checked as one, whatever its text', () => {
		const comment = 'Проведено обследование покрытия на ул. Советской у дома 5.';
		const answer = (answerType: string) => ({
			status: 'SEND_RESPONSE',
			createdAt: '2026-10-20T10:00:00+03:00',
			answer: { answerType, comment },
		});
		const kind = (answerType: string) =>
			checkAnswer(
				answerInputOf(
					normalizePos({
						...message,
						history: [...message.history.slice(0, 2), answer(answerType)],
					}),
				),
			).kind;
		expect(kind('INTERMEDIATE')).toBe('intermediate');
		expect(kind('SUPPORTED')).toBe('final');
	});
});
