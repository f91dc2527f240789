import { checkAnswer } from '../../../lib/quality';
import { generateDistrict } from '../../../sandbox/seed/district';

const appealText = 'На ул. Советской огромные ямы, асфальт разбит полностью. Прошу отремонтировать дорогу.';
const codes = (answerText: string, extra = {}) => checkAnswer({ appealText, answerText, ...extra }).errors.map((e) => e.code);

describe('answer quality checks', () => {
	it('a good answer on the merits passes', () => {
		const r = checkAnswer({
			appealText,
			answerText: 'Ямочный ремонт асфальта на ул. Советской выполнен 12.10.2026 подрядчиком ООО «Дорстрой», фотоотчёт размещён на сайте. С уважением, начальник отдела дорожного хозяйства П. А. Смирнов.',
		});
		expect(r.errors).toEqual([]);
		expect(r.ok).toBe(true);
		expect(r.score).toBe(100);
	});
	it('empty and too short', () => {
		expect(codes('')).toEqual(['empty']);
		expect(codes('Сделаем.')).toContain('too_short');
	});
	it('a formal reply without substance', () => {
		const r = checkAnswer({ appealText, answerText: 'Ваше обращение рассмотрено. Информация принята к сведению. Вопрос находится на контроле администрации.', responsible: 'Смирнов П. А.' });
		expect(r.errors.map((e) => e.code)).toEqual(expect.arrayContaining(['formal_reply', 'not_addressed']));
		expect(r.ok).toBe(false);
	});
	it('a promise without a date, and with one', () => {
		expect(codes('Ремонт дороги на ул. Советской будет выполнен в ближайшее время, ямы засыпят. Начальник отдела Смирнов.')).toContain('promise_without_date');
		expect(codes('Ремонт дороги на ул. Советской будет выполнен до 15.06.2027, ямы засыпят асфальтом. Начальник отдела Смирнов.')).not.toContain('promise_without_date');
	});
	it('legal references without explanation', () => {
		expect(codes('В соответствии со ст. 12 59-ФЗ, ст. 14 131-ФЗ, постановлением № 500 от 24.09.2025 и п. 3 ч. 2 ст. 8 дорога ремонт. Глава.')).toContain('legal_refs_without_explanation');
	});
	it('the questions of the appeal are not addressed', () => {
		const r = checkAnswer({ appealText, answerText: 'Сообщаем, что уличное освещение в поселке работает по графику с 17:00 до 23:00. С уважением, директор МБУ.' });
		const e = r.errors.find((x) => x.code === 'not_addressed')!;
		expect(e.evidence).toEqual(expect.arrayContaining(['ямы', 'асфальт']));
	});
	it('no signature is a warning unless a responsible is given', () => {
		const text = 'Ямочный ремонт асфальта на ул. Советской выполнен 12.10.2026, дорога приведена в порядок.';
		expect(checkAnswer({ appealText, answerText: text }).errors.map((e) => [e.code, e.severity])).toEqual([['no_signature', 'warning']]);
		expect(checkAnswer({ appealText, answerText: text, responsible: 'Смирнов П. А.' }).errors).toEqual([]);
	});
	it('personal data of other people and rude tone', () => {
		expect(codes('Яма на ул. Советской заделана 10.10.2026. Жалобу также подал Иванов Иван Иванович, тел. 89111234567. Начальник отдела.')).toContain('personal_data');
		expect(codes('Яма на ул. Советской не наша, сами виноваты, что ездите по ямам. Не пишите сюда больше. Начальник отдела.')).toContain('rude_tone');
	});
	it('late answers', () => {
		expect(codes('Ямочный ремонт асфальта на ул. Советской выполнен 12.10.2026. Начальник отдела Смирнов.', { answeredAt: '2026-11-02T10:00:00+03:00', deadline: '2026-10-31T23:59:59+03:00' })).toEqual(['late']);
	});
	it('one template for different problems', () => {
		const template = 'Работы выполнены 12.10.2026. Фотоотчёт размещён в сообществе администрации. Начальник отдела.';
		const r = checkAnswer({
			appealId: 'a', appealText, answerText: template,
			otherAnswers: [{ appealId: 'b', appealText: 'В детском саду нет мест для ребёнка, воспитатели уволились', answerText: template.replace('12.10', '14.10') }],
		});
		expect(r.errors.map((e) => e.code)).toContain('template_reuse');
	});
	it('rules can be switched off and thresholds changed', () => {
		expect(checkAnswer({ appealText, answerText: 'Сделаем.' }, { disabled: ['too_short', 'not_addressed', 'no_signature'] }).errors).toEqual([]);
		expect(checkAnswer({ appealText, answerText: 'Ямы на ул. Советской заделаны 12.10.2026. Глава.' }, { minLength: 10 }).errors).toEqual([]);
	});
});

describe('on the seeded answers', () => {
	it('flags the formal answers and passes most good ones', () => {
		const appeals = generateDistrict().appeals.filter((a) => a.answer);
		const formal = appeals.filter((a) => a.answer!.formal);
		const good = appeals.filter((a) => !a.answer!.formal);
		const flagged = formal.filter((a) => checkAnswer({ appealText: a.text, answerText: a.answer!.text, responsible: a.answer!.by.name }).errors.some((e) => ['formal_reply', 'promise_without_date'].includes(e.code)));
		expect(flagged.length / formal.length).toBeGreaterThanOrEqual(0.9);
		const goodFormal = good.filter((a) => checkAnswer({ appealText: a.text, answerText: a.answer!.text, responsible: a.answer!.by.name }).errors.some((e) => e.code === 'formal_reply'));
		expect(goodFormal).toEqual([]);
	});
});
