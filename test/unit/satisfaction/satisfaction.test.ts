import { applySatisfaction, fromRating, recognizeSatisfaction } from '../../../lib/satisfaction';

describe('satisfaction', () => {
	it.each([
		['Да, спасибо, всё сделали', 'satisfied'],
		['Спасибо большое! Яму засыпали', 'satisfied'],
		['👍', 'satisfied'],
		['5', 'satisfied'],
		['Нет, ничего не сделано', 'unsatisfied'],
		['Не решили, ямы как были', 'unsatisfied'],
		['Всё так же, воды нет', 'unsatisfied'],
		['Это отписка', 'unsatisfied'],
		['👎', 'unsatisfied'],
		['2', 'unsatisfied'],
		['3', 'unknown'],
		['А когда починят фонарь на Школьной?', 'unknown'],
		['Нет. Когда приедут?', 'unsatisfied'],
		['А когда будет ремонт в соседнем дворе?', 'unknown'],
		['', 'unknown'],
	])('%s → %s', (reply, value) => {
		expect(recognizeSatisfaction(reply).value).toBe(value);
	});
	it('ratings 1..5', () => {
		expect([1, 2, 3, 4, 5, 0, 'x', null].map(fromRating)).toEqual([
			'unsatisfied',
			'unsatisfied',
			'unknown',
			'satisfied',
			'satisfied',
			'unknown',
			'unknown',
			'unknown',
		]);
	});
	it('an unsatisfied citizen reopens the appeal with a flag', () => {
		expect(applySatisfaction({ status: 'answered', flags: ['x'] }, 'unsatisfied')).toEqual({
			status: 'in_progress',
			flags: ['x', 'unsatisfied', 'reopened'],
			satisfaction: 'unsatisfied',
		});
		expect(applySatisfaction({ status: 'answered', flags: [] }, 'satisfied')).toEqual({
			status: 'answered',
			flags: [],
			satisfaction: 'satisfied',
		});
	});
});
