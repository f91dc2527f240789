import {
	compileRules,
	parseRoutingTable,
	routeAppeal,
	routeWithCorrections,
	type RoutingRule,
} from '../../../lib/routing';

const rules: RoutingRule[] = [
	{
		name: 'Конфликт',
		flags: ['obscene', 'escalation'],
		assign: { responsible: 'Координатор МЦУ' },
	},
	{
		name: 'Дороги',
		topics: ['roads'],
		assign: { department: 'Отдел дорожного хозяйства', responsible: 'Смирнов П. А.' },
	},
	{
		name: 'Вода в Дедовичах',
		topics: ['water'],
		settlements: ['dedovichi'],
		assign: { department: 'МУП «Дедовичский водоканал»' },
	},
	{
		name: 'Ямы по словам',
		keywords: ['яма', 'ямочный ремонт'],
		assign: { department: 'Отдел дорожного хозяйства' },
	},
	{ name: 'Всё из ПОС', sources: ['pos'], assign: { department: 'Общий отдел' } },
];
const compiled = compileRules(rules);

describe('routeAppeal', () => {
	it('first matching rule wins by default, with the reason', () => {
		const m = routeAppeal({ topic: 'roads', source: 'pos', text: 'Ямы на дороге' }, compiled);
		expect(m.map((x) => x.rule.name)).toEqual(['Дороги']);
		expect(m[0].why).toEqual(['тема: roads']);
	});
	it('all matching rules on request', () => {
		const m = routeAppeal(
			{ topic: 'roads', source: 'pos', text: 'Огромными ямами весь двор' },
			compiled,
			'all',
		);
		expect(m.map((x) => x.rule.name)).toEqual(['Дороги', 'Ямы по словам', 'Всё из ПОС']);
	});
	it('keywords match Russian word forms and phrases', () => {
		expect(routeAppeal({ text: 'Когда проведут ямочный ремонт?' }, compiled)[0].why).toEqual([
			'слово: ямочный ремонт',
		]);
		expect(routeAppeal({ text: 'Сплошные ЯМЫ!' }, compiled)[0].rule.name).toBe('Ямы по словам');
		expect(routeAppeal({ text: 'Вопрос про ямщиков' }, compiled)).toEqual([]);
	});
	it('all conditions of a rule must hold (topic and settlement)', () => {
		expect(routeAppeal({ topic: 'water', settlement: 'dedovichi' }, compiled)[0].rule.name).toBe(
			'Вода в Дедовичах',
		);
		expect(routeAppeal({ topic: 'water', settlement: 'pozherevitsy' }, compiled)).toEqual([]);
	});
	it('flags route conflicts first', () => {
		expect(routeAppeal({ topic: 'roads', flags: ['escalation'] }, compiled)[0].rule.name).toBe(
			'Конфликт',
		);
	});
	it('nothing matches → empty (the node sends it to «не распределено»)', () => {
		expect(
			routeAppeal({ topic: 'culture_sport', source: 'vk', text: 'Когда откроют каток?' }, compiled),
		).toEqual([]);
	});
});

describe('routeWithCorrections', () => {
	it("a corrected department beats every rule: the first rule assigning it is taken, the rules' own choice kept", () => {
		const d = routeWithCorrections(
			{
				topic: 'roads',
				source: 'pos',
				flags: ['escalation'],
				corrections: { department: 'муп «дедовичский водоканал»' },
			},
			compiled,
			'all',
		);
		expect(d.matches.map((m) => [m.rule.name, m.why])).toEqual([
			['Вода в Дедовичах', ['подразделение исправлено координатором: муп «дедовичский водоканал»']],
		]);
		expect(d.correctedDepartment).toBe('МУП «Дедовичский водоканал»');
		expect(d.computed!.map((m) => m.rule.name)).toEqual(['Конфликт', 'Дороги', 'Всё из ПОС']);
	});
	it('a department no rule assigns: no match, the correction named; no correction: the rules as usual', () => {
		expect(
			routeWithCorrections(
				{ topic: 'roads', corrections: { department: 'Отдел культуры' } },
				compiled,
			),
		).toMatchObject({ matches: [], correctedDepartment: 'Отдел культуры' });
		const plain = routeWithCorrections(
			{ topic: 'roads', corrections: { department: '  ' } },
			compiled,
		);
		expect([plain.matches.map((m) => m.rule.name), plain.correctedDepartment]).toEqual([
			['Дороги'],
			undefined,
		]);
	});
});

describe('parseRoutingTable', () => {
	it("reads the coordinator's tab", () => {
		const parsed = parseRoutingTable([
			{
				Правило: 'Дороги',
				Темы: 'roads',
				'Ключевые слова': 'яма, грейдер',
				Подразделение: 'Отдел дорожного хозяйства',
				Ответственный: 'Смирнов П. А.',
				'Срок (рабочих дней)': '10',
				'E-mail': 'roads@dedovichi.example',
				MAX: ' -72000000001 ',
			},
			{ Правило: '', Темы: '', Подразделение: '' },
			{
				Правило: 'Вода',
				Темы: 'water',
				Поселения: 'dedovichi; pozherevitsy',
				Подразделение: 'Водоканал',
			},
		]);
		expect(parsed).toHaveLength(2);
		expect(parsed[0]).toMatchObject({
			keywords: ['яма', 'грейдер'],
			assign: { deadline: { unit: 'working_days', amount: 10 }, email: 'roads@dedovichi.example' },
		});
		expect(parsed[1].settlements).toEqual(['dedovichi', 'pozherevitsy']);
		// The MAX chat is optional: trimmed when given, absent without the column.
		expect([parsed[0].assign.maxChatId, parsed[1].assign.maxChatId]).toEqual([
			'-72000000001',
			undefined,
		]);
	});
	it('names the row and column of a mistake', () => {
		expect(() =>
			parseRoutingTable([{ Правило: 'x', Подразделение: 'y', 'Срок (рабочих дней)': 'десять' }]),
		).toThrow(/строка 2, столбец «Срок \(рабочих дней\)»/);
		expect(() =>
			parseRoutingTable([
				{ Правило: 'a', Подразделение: 'b' },
				{ Правило: 'c', 'E-mail': 'nope', Подразделение: 'd' },
			]),
		).toThrow(/строка 3.*E-mail/);
		expect(() => parseRoutingTable([{ Темы: 'roads', Подразделение: 'x' }])).toThrow(
			/строка 2.*Правило/,
		);
	});
});
