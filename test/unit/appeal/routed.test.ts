import { readRouted } from '../../../lib/appeal';

describe('readRouted: the routing hand-off read from an item', () => {
	it('reads what the routing node writes', () => {
		const routing = {
			rule: 'Дороги',
			why: ['тема: roads'],
			contact: { telegramChatId: '1', maxChatId: null, email: 'a@b.ru' },
			deadline: { unit: 'working_days', amount: 5 },
		};
		expect(readRouted(routing)).toEqual(routing);
	});

	it('an unmatched appeal has no contact and no deadline', () => {
		expect(readRouted({ rule: null, why: ['ни одно правило не подошло'] })).toEqual({
			rule: null,
			why: ['ни одно правило не подошло'],
			deadline: null,
		});
	});

	it('drops what an edit on the way could have broken', () => {
		expect(readRouted(undefined)).toBeUndefined();
		expect(readRouted('Дороги')).toBeUndefined();
		expect(readRouted([])).toBeUndefined();
		expect(
			readRouted({
				rule: 7,
				why: 'тема',
				contact: { telegramChatId: 1001 },
				deadline: { unit: 'weeks', amount: 2 },
			}),
		).toEqual({
			rule: null,
			why: [],
			contact: { telegramChatId: null, maxChatId: null, email: null },
			deadline: null,
		});
		for (const amount of [0, -1, Number.NaN, '5'])
			expect(
				readRouted({ rule: 'x', why: [], deadline: { unit: 'working_days', amount } })?.deadline,
			).toBeNull();
	});
});
