import { detectConflicts } from '../../../lib/conflicts';

const codes = (text: string, ctx = {}) => detectConflicts(text, ctx).flags.map((f) => f.code);

describe('conflict flags', () => {
	it.each([
		['Напишу в прокуратуру!', ['escalation']],
		['Обращусь к прокурору района', ['escalation']],
		['Займусь этим вместе с прокуратурой', ['escalation']],
		['Подам в суд на администрацию', ['escalation']],
		['Дойду до губернатора', ['escalation']],
		['Напишем Путину', ['escalation']],
		['Позовём журналистов с телевидения', ['escalation']],
		['Дармоеды, только зарплату получаете', ['hostile']],
		['Достали, бл***, сколько можно', ['obscene']],
		['Х**ня, а не работа', ['obscene']],
		['Подожгу эту контору', ['threat']],
		['Пишу второй раз, ответа так и не было', ['repeat_no_answer']],
	])('%s → %j', (text, expected) => {
		expect(codes(text)).toEqual(expected);
	});

	it('does not fire on words that only look alike', () => {
		for (const text of [
			'Судно застряло у моста',
			'Посуда в столовой грязная',
			'Сударыня, помогите',
			'Такова судьба',
			'Давайте рассуждать здраво',
			'Можно ли употреблять воду из колонки?',
			'Хлеб в магазин не завезли',
			'Страхование жилья',
			'Прошу тебя помочь',
			'Оскорбление чувств — не наш случай',
			'Рассудите нас',
			'Спасибо за ремонт дороги',
			'Хорошая работа, спасибо',
		]) {
			expect([text, codes(text)]).toEqual([text, []]);
		}
	});

	it('flags a word of every obscene root, and no other word with the same first two letters', () => {
		// One word per root of the list (its first two letters are what the detector checks before the regex).
		const rude = [
			'блятство',
			'блиня',
			'хуйня',
			'хуево',
			'хуёво',
			'хуякс',
			'херня',
			'херовый',
			'пиздеж',
			'ебанутые',
			'ебать',
			'ебало',
			'ёбаный',
			'охуели',
			'охуительно',
			'нахуй',
			'пиздец',
			'сука',
			'суки',
			'мудаки',
			'мудачье',
			'гандоны',
			'долбоёбы',
			'уебки',
			'уёбище',
		];
		for (const word of rude) {
			const flag = detectConflicts(`Опять не вывезли мусор, ${word}!`).flags.find(
				(f) => f.code === 'obscene',
			);
			expect([word, flag?.evidence]).toEqual([word, [word.replace(/ё/g, 'е')]]);
		}
		const alike = [
			'блокнот',
			'блины',
			'худой',
			'хутор',
			'хербарий',
			'пирог',
			'ебонит',
			'охрана',
			'набор',
			'сумка',
			'музей',
			'газета',
			'дорога',
			'уехал',
			'уезд',
		];
		for (const word of alike) expect([word, codes(`Опять ${word} у дома`)]).toEqual([word, []]);
	});

	it('uses the history of the author', () => {
		const unanswered = {
			previousAppeals: [
				{ at: '2026-10-01T10:00:00+03:00', answered: false },
				{ at: '2026-10-15T10:00:00+03:00', answered: false },
			],
		};
		const r = detectConflicts('Когда починят фонарь?', unanswered);
		expect(r.flags.map((f) => f.code)).toEqual(['repeat_no_answer']);
		expect(r.priority).toBe('high');
		const unhappy = detectConflicts('Ничего не изменилось', {
			previousAppeals: [
				{ at: '2026-10-01T10:00:00+03:00', answered: true, satisfaction: 'unsatisfied' },
			],
		});
		expect(unhappy.flags.map((f) => f.code)).toEqual(['unsatisfied_again']);
	});

	it('sets an overall priority with reasons and evidence', () => {
		expect(detectConflicts('Когда починят фонарь?').priority).toBe('none');
		expect(detectConflicts('Напишу в прокуратуру').priority).toBe('medium');
		const r = detectConflicts('Бездельники! Напишу в прокуратуру');
		expect(r.priority).toBe('high');
		expect(r.flags.find((f) => f.code === 'escalation')!.evidence).toContain('прокуратура');
	});
});
