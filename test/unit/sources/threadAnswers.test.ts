import { ThreadAnswers } from '../../../lib/sources/threadAnswers';

describe("the community's reply in the thread is the answer", () => {
	it('answers the comment it replies to, and no other', () => {
		const answers = new ThreadAnswers();
		answers.add({ to: '10', at: '2026-05-04T10:00:00+03:00', text: 'Бригада выйдет в среду' });
		expect(answers.for('10')).toEqual({
			at: '2026-05-04T10:00:00+03:00',
			text: 'Бригада выйдет в среду',
		});
		expect(answers.for('11')).toBeUndefined();
	});

	it('of several replies the earliest is the answer, in whatever order they are read', () => {
		const early = { to: '7', at: '2026-05-04T09:00:00+03:00', text: 'Заявка принята' };
		const late = { to: '7', at: '2026-05-05T12:00:00+03:00', text: 'Яма засыпана' };
		for (const order of [
			[early, late],
			[late, early],
		]) {
			const answers = new ThreadAnswers();
			for (const reply of order) answers.add(reply);
			expect(answers.for('7')).toEqual({ at: early.at, text: early.text });
		}
	});

	it('compares moments, not the text of the dates (offsets differ)', () => {
		const answers = new ThreadAnswers();
		answers.add({ to: '3', at: '2026-05-04T09:30:00+03:00', text: 'позже' });
		answers.add({ to: '3', at: '2026-05-04T06:00:00Z', text: 'раньше' });
		expect(answers.for('3')?.text).toBe('раньше');
	});

	it('a reply without a readable moment, a text or a comment it answers is no answer', () => {
		const answers = new ThreadAnswers();
		answers.add({ to: '5', at: undefined, text: 'без даты' });
		answers.add({ to: '5', at: 'вчера', text: 'дата не читается' });
		answers.add({ to: '5', at: '2026-05-04T09:00:00+03:00', text: 42 });
		answers.add({ to: undefined, at: '2026-05-04T09:00:00+03:00', text: 'общий комментарий' });
		expect(answers.for('5')).toBeUndefined();
		// A broken reply does not hide a good later one.
		answers.add({ to: '5', at: '2026-05-06T09:00:00+03:00', text: 'Ответ' });
		expect(answers.for('5')).toEqual({ at: '2026-05-06T09:00:00+03:00', text: 'Ответ' });
	});
});
