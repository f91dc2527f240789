import {
	createClassifier,
	trainTextModel,
	trainingFingerprint,
	TextModel,
	type TrainingExample,
} from '../../../lib/classify';

/** Short hand-written texts of three topics, in several word forms and with a typo or two. */
const EXAMPLES: TrainingExample[] = [
	...[
		'Во дворе сломан забор у песочницы',
		'Сломанный забор вокруг песочницы',
		'Забор покосился, песочница разбита',
		'Почините заборчик у песочницы во дворе',
		'Песочницу засыпали мусором, забор упал',
		'Ограждение песочницы сломано, дети ранятся',
		'Нет забора у песочницы, собаки гуляют',
		'Забор у песочницы сгнил',
	].map((text) => ({ text, topic: 'improvement' })),
	...[
		'Бабушки торгуют семечками у подъезда',
		'Торгуют овощами с ящиков на тротуаре',
		'Незаконная торговля семечками у метро',
		'Стихийная торговля с ящиков каждое утро',
		'Торговцы раскладывают ящики прямо на тротуаре',
		'Опять торгуют с земли у остановки',
		'Семечки продают с ящиков, мусор остаётся',
		'Торгуют рыбой с ящиков без холодильника',
	].map((text) => ({ text, topic: 'trade' })),
	...[
		'Автобус на Вязье опять не пришёл',
		'Маршрутка уходит раньше расписания',
		'Автобус не ходит по выходным',
		'Водитель автобуса проехал остановку',
		'Последний автобус отменили',
		'Автобусы переполнены, не влезть',
		'Автобус ушёл на десять минут раньше',
		'Маршрутку отменили без объявления',
	].map((text) => ({ text, topic: 'transport' })),
];

describe('trainTextModel', () => {
	const model = trainTextModel(EXAMPLES, { threshold: 0.5 });

	it.each([
		['Забор у песочницы совсем развалился', 'improvement'],
		['Торгуют с ящиков прямо у дома', 'trade'],
		['Автобус сегодня не пришёл', 'transport'],
		['Забор у песочнецы развалился', 'improvement'], // a typo: character n-grams still carry it
	])('%s → %s', (text, topic) => {
		const p = model.predict(text);
		expect(p.topic).toBe(topic);
		expect(p.abstained).toBe(false);
		expect(p.confidence).toBeGreaterThanOrEqual(0.5);
	});

	it('abstains on a text it has no evidence for', () => {
		for (const text of ['Здравствуйте', '', '😡😡😡']) {
			const p = model.predict(text);
			expect(p.topic).toBeNull();
			expect(p.abstained).toBe(true);
		}
	});

	it('explains with the words of the text that weighed most', () => {
		const p = model.predict('Незаконно торгуют семечками');
		expect(p.topic).toBe('trade');
		expect(p.why.length).toBeGreaterThan(0);
		expect(p.why.length).toBeLessThanOrEqual(3);
		expect(p.why).toContain('торгуют');
		for (const w of p.why) expect(['незаконно', 'торгуют', 'семечками']).toContain(w);
	});

	it('calibrates its threshold on a held-out part when none is given', () => {
		const calibrated = trainTextModel(
			[...EXAMPLES, ...EXAMPLES.map((e) => ({ ...e, text: `${e.text}!` }))],
			{ holdout: 0.3 },
		);
		expect(calibrated.calibration).not.toBeNull();
		expect(calibrated.calibration!.heldOut).toBeGreaterThan(0);
		expect(calibrated.threshold).toBeGreaterThan(0);
		expect(calibrated.threshold).toBeLessThanOrEqual(1);
	});

	it('round-trips through toJSON/fromJSON with identical predictions', () => {
		const json = JSON.stringify(model.toJSON());
		const restored = TextModel.fromJSON(json);
		expect(restored.fingerprint).toBe(model.fingerprint);
		expect(restored.topics).toEqual(model.topics);
		expect(restored.threshold).toBe(model.threshold);
		for (const text of [...EXAMPLES.map((e) => e.text), 'Торгуют у автобуса', 'Здравствуйте'])
			expect(restored.predict(text)).toEqual(model.predict(text));
		expect(JSON.stringify(restored.toJSON())).toBe(json);
	});

	it('refuses a foreign JSON', () => {
		expect(() => TextModel.fromJSON('{"format":"other"}')).toThrow('Модель тем не прочитана');
	});

	it('is deterministic, and its fingerprint depends on the data, not the order', () => {
		const again = trainTextModel([...EXAMPLES].reverse(), { threshold: 0.5 });
		expect(again.fingerprint).toBe(model.fingerprint);
		expect(trainTextModel(EXAMPLES, { threshold: 0.5 }).toJSON()).toEqual(model.toJSON());
		expect(
			trainingFingerprint([...EXAMPLES, { text: 'Ещё один автобус', topic: 'transport' }]),
		).not.toBe(model.fingerprint);
		expect(
			trainingFingerprint(EXAMPLES.map((e, i) => (i === 0 ? { ...e, topic: 'trade' } : e))),
		).not.toBe(model.fingerprint);
	});

	it('refuses to train on nothing', () => {
		expect(() => trainTextModel([{ text: '', topic: 'roads' }])).toThrow('нет примеров');
	});
});

describe('createClassifier with a model', () => {
	const model = trainTextModel(EXAMPLES, { threshold: 0.5 });

	it('the model decides what the dictionary cannot, and says so', () => {
		const text = 'Семечки с ящиков у дома';
		expect(createClassifier().classify(text).topic).toBe('undefined');
		const c = createClassifier({ model }).classify(text);
		expect(c.topic).toBe('trade');
		expect(c.decidedBy).toBe('model');
		expect(c.needsReview).toBe(false);
		expect(c.why.topic).toHaveLength(1);
		expect(c.why.topic[0]).toMatch(/^модель: /);
		expect(c.why.topic[0]).toMatch(/семечки|ящиков/);
		expect(c.totkCode).toMatch(/^\d{4}(\.\d{4}){3}$/);
	});

	it('where the model abstains, the dictionary decides', () => {
		const c = createClassifier({ model }).classify('Нет воды, напор слабый');
		expect(c.topic).toBe('water');
		expect(c.decidedBy).toBe('dictionary');
		expect(c.why.topic[0]).toBe('словарь: воды, напор, нет воды');
	});

	it('the coordinator’s own decisive terms win over the model', () => {
		const text = 'Торгуют с ящиков у остановки';
		expect(createClassifier({ model }).classify(text).topic).toBe('trade');
		const c = createClassifier({ model, dictionary: { transport: [['у остановки', 4]] } }).classify(
			text,
		);
		expect(c.topic).toBe('transport');
		expect(c.decidedBy).toBe('dictionary');
		expect(c.why.topic).toEqual(['словарь: остановки, у остановки']);
	});

	it('nothing decides → review, with both reasons', () => {
		const c = createClassifier({ model }).classify('Здравствуйте, перезвоните');
		expect(c.topic).toBe('undefined');
		expect(c.decidedBy).toBeNull();
		expect(c.needsReview).toBe(true);
		expect(c.why.topic[0]).toBe('нет ни одного слова из словаря');
	});
});
