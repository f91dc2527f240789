import {
	DEFAULT_CATEGORY_RULES,
	categoryOf,
	compileCategoryMap,
	createClassifier,
	parseCategoryRows,
	resolveTopic,
	structureBatch,
} from '../../../lib/classify';
import type { Correction } from '../../../lib/reports/corrections';
import { normalizeExportRow } from '../../../lib/sources/exports';
import { normalizeIm } from '../../../lib/sources/im';
import { normalizePos } from '../../../lib/sources/pos';
import { TOPIC_IDS } from '../../../lib/topics';

type Rec = Record<string, unknown>;

const map = compileCategoryMap();
const topicsOf = (source: string, name: string, sub?: string) =>
	map.lookup(source, { name, sub })?.topics;

describe('source category → topic (default table)', () => {
	it('maps ПОС pairs, a subcategory that names its own category, and whole categories', () => {
		expect(topicsOf('pos', 'Дороги', 'Ямы на дорогах')).toEqual(['roads']);
		expect(topicsOf('pos', 'ЖКХ', 'Водоснабжение')).toEqual(['water']);
		expect(topicsOf('pos', 'ЖКХ', 'Отопление')).toEqual(['heating']);
		expect(topicsOf('pos', 'Благоустройство', 'Уличное освещение')).toEqual(['lighting']);
		expect(topicsOf('pos', 'Благоустройство', 'Безнадзорные животные')).toEqual(['animals']);
		// An unknown subcategory of a known category: the whole category decides.
		expect(topicsOf('pos', 'Дороги', 'Что-то новое в регионе')).toEqual(['roads']);
		// A subcategory of an unknown category that is itself a category name.
		expect(topicsOf('pos', 'Коммунальные услуги', 'Электроснабжение')).toEqual(['electricity']);
		// ЖКХ alone narrows the choice; «Прочее» leaves it to the text; unknown names map to nothing.
		expect(topicsOf('pos', 'ЖКХ')).toEqual([
			'heating',
			'water',
			'electricity',
			'utilities',
			'housing',
		]);
		expect(topicsOf('pos', 'Прочее')).toEqual([]);
		expect(topicsOf('pos', 'Совсем неизвестная рубрика')).toBeUndefined();
		expect(map.lookup('pos', null)).toBeUndefined();
	});

	it('ignores case, «ё» and punctuation; ИМ flat categories', () => {
		expect(topicsOf('im', 'электроснабжение')).toEqual(['electricity']);
		expect(topicsOf('im', 'ЖИЛЬЕ')).toEqual(['housing']);
		expect(topicsOf('im', 'Мусор,')).toEqual(['waste']);
		expect(topicsOf('vk', 'Дороги')).toEqual(['roads']);
	});

	it('every default row names known topics, and every topic is reachable', () => {
		const reached = new Set<string>();
		for (const rule of DEFAULT_CATEGORY_RULES)
			for (const t of rule.topics) {
				expect(TOPIC_IDS).toContain(t);
				reached.add(t);
			}
		expect([...reached].sort()).toEqual([...TOPIC_IDS].sort());
	});

	it('says what decided, with the names as the source wrote them', () => {
		expect(map.lookup('pos', { name: 'Дороги', sub: 'Ямы на дорогах' })?.label).toBe(
			'категория ПОС: Дороги / Ямы на дорогах',
		);
		expect(map.lookup('im', { name: 'Отопление' })?.label).toBe('категория ИМ: Отопление');
	});
});

describe('category rows from a sheet or the node', () => {
	it('reads labels or ids, several topics, «решает текст», and overrides the default', () => {
		const rules = parseCategoryRows([
			{
				Источник: 'ПОС',
				Категория: 'Дороги',
				Подкатегория: 'Ямы на дорогах',
				Тема: 'Уличное освещение',
			},
			{ Источник: '', Категория: 'Сельское хозяйство', Подкатегория: '', Тема: 'trade, safety' },
			{ Источник: 'ИМ', Категория: 'Дороги', Подкатегория: '', Тема: 'решает текст' },
			{ Источник: '', Категория: '', Подкатегория: '', Тема: '' },
		]);
		expect(rules).toEqual([
			{ source: 'pos', category: 'Дороги', sub: 'Ямы на дорогах', topics: ['lighting'] },
			{ source: '', category: 'Сельское хозяйство', sub: null, topics: ['trade', 'safety'] },
			{ source: 'im', category: 'Дороги', sub: null, topics: [] },
		]);
		const custom = compileCategoryMap(rules);
		expect(custom.lookup('pos', { name: 'Дороги', sub: 'Ямы на дорогах' })?.topics).toEqual([
			'lighting',
		]);
		expect(custom.lookup('im', { name: 'Дороги', sub: 'Ямы на дорогах' })?.topics).toEqual([
			'roads',
		]); // the default pair still applies to ИМ
		expect(custom.lookup('im', { name: 'Дороги' })?.topics).toEqual([]);
		expect(custom.lookup('pos', { name: 'Дороги' })?.topics).toEqual(['roads']);
		const replaced = compileCategoryMap(rules, 'replace');
		expect(replaced.size).toBe(3);
		expect(replaced.lookup('pos', { name: 'Мусор' })).toBeUndefined();
	});

	it('names the row and the column of a bad value', () => {
		expect(() =>
			parseCategoryRows([
				{ Категория: 'Дороги', Тема: 'Дороги и тротуары' },
				{ Категория: 'Мусор', Тема: 'помойка' },
			]),
		).toThrow('Категории, строка 3: тема «помойка» не найдена');
		expect(() => parseCategoryRows([{ Тема: 'roads' }])).toThrow(
			'Категории, строка 2: не указаны ни категория, ни подкатегория',
		);
		expect(() =>
			parseCategoryRows([{ Источник: 'Почта', Категория: 'Дороги', Тема: 'roads' }]),
		).toThrow('источник «Почта»');
	});

	it('resolves topic ids and labels', () => {
		expect(resolveTopic('Дороги и тротуары')).toBe('roads');
		expect(resolveTopic('culture_sport')).toBe('culture_sport');
		expect(resolveTopic('Вывоз мусора (ТКО)')).toBe('waste');
		expect(resolveTopic('дороги')).toBeUndefined();
	});

	it('reads the category of older records from the category text', () => {
		expect(categoryOf({ category: 'ЖКХ / Отопление' })).toEqual({ name: 'ЖКХ', sub: 'Отопление' });
		expect(categoryOf({ category: 'Дороги' })).toEqual({ name: 'Дороги', sub: null });
		expect(categoryOf({ category: null })).toBeNull();
		expect(
			categoryOf({ sourceCategory: { name: 'Мусор', sub: 'Вывоз ТКО' }, category: 'Дороги' }),
		).toEqual({ name: 'Мусор', sub: 'Вывоз ТКО' });
	});
});

describe('normalizers keep the source category', () => {
	it('ПОС: subject and subsubject with their ids', () => {
		const appeal = normalizePos({
			posId: '77',
			createdAt: '2026-10-01T10:00:00+03:00',
			description: 'Во дворе яма',
			subjectId: 101,
			subjectName: 'Дороги',
			subsubjectId: 1011,
			subsubjectName: 'Ямы на дорогах',
		});
		expect(appeal.sourceCategory).toEqual({
			id: '101',
			name: 'Дороги',
			sub: 'Ямы на дорогах',
			subId: '1011',
		});
		expect(appeal.category).toBe('Дороги / Ямы на дорогах');
		expect(
			normalizePos({ posId: '78', createdAt: '2026-10-01T10:00:00+03:00', description: 'Текст' })
				.sourceCategory,
		).toBeNull();
	});

	it('ИМ: category and subcategory', () => {
		const appeal = normalizeIm({
			id: 'INC-1',
			createdAt: '2026-10-01T10:00:00+03:00',
			text: 'Нет света',
			category: 'ЖКХ',
			subcategory: 'Электроснабжение',
		});
		expect(appeal.sourceCategory).toEqual({ id: null, name: 'ЖКХ', sub: 'Электроснабжение' });
		expect(appeal.category).toBe('ЖКХ / Электроснабжение');
		expect(
			normalizeIm({
				id: 'INC-2',
				createdAt: '2026-10-01T10:00:00+03:00',
				text: 'Нет света',
				category: null,
			}).sourceCategory,
		).toBeNull();
	});

	it('cabinet exports: one column with both levels, or a «Подкатегория» column', () => {
		const row = {
			'Номер сообщения': '5',
			'Дата создания': '01.10.2026 10:00',
			'Текст сообщения': 'Текст',
			Категория: 'Мусор / Вывоз ТКО',
		};
		expect(normalizeExportRow(row, 'pos').sourceCategory).toEqual({
			name: 'Мусор',
			sub: 'Вывоз ТКО',
		});
		expect(
			normalizeExportRow(
				{ ...row, Категория: 'Мусор', Подкатегория: 'Контейнерные площадки' },
				'pos',
			).sourceCategory,
		).toEqual({ name: 'Мусор', sub: 'Контейнерные площадки' });
	});
});

describe('structuring: correction > category > text', () => {
	const classifier = createClassifier();
	const base = (id: string, source: string, text: string, extra: Rec = {}): Rec => ({
		id,
		source,
		text,
		author: { name: 'Жители' },
		address: null,
		flags: [],
		...extra,
	});
	const run = (records: Rec[], options: Partial<Parameters<typeof structureBatch>[1]> = {}) =>
		structureBatch(records, { classifier, repeats: false, conflicts: false, ...options });
	const cls = (r: Rec) =>
		r.classification as {
			decidedBy: string | null;
			needsReview: boolean;
			why: { topic: string[]; settlement: string[]; appealType: string[] };
		};

	it('the category decides where there is one; the text elsewhere; why says which', () => {
		const [pos, vk, blank] = run([
			base('pos:1', 'pos', 'Прошу разобраться с этим вопросом поскорее', {
				sourceCategory: { name: 'Дороги', sub: 'Ямы на дорогах' },
			}),
			base('vk:1', 'vk', 'На дороге огромная яма, асфальт разбит'),
			base('vk:2', 'vk', 'Прошу разобраться с этим вопросом поскорее'),
		]);
		expect([pos.topic, cls(pos).decidedBy, cls(pos).why.topic]).toEqual([
			'roads',
			'category',
			['категория ПОС: Дороги / Ямы на дорогах'],
		]);
		expect(pos.totkCode).toBe('0003.0008.0086.0574');
		expect(pos.flags).toEqual([]);
		expect([vk.topic, cls(vk).decidedBy]).toEqual(['roads', 'dictionary']);
		expect([blank.topic, cls(blank).decidedBy, cls(blank).needsReview, blank.flags]).toEqual([
			'undefined',
			null,
			true,
			['needs_review'],
		]);
	});

	it('a text that strongly says another topic is flagged, the category stays', () => {
		const [mismatch, agree] = run([
			base('pos:2', 'pos', 'Батареи холодные, отопление так и не дали, котельная стоит', {
				sourceCategory: { name: 'Дороги', sub: 'Ямы на дорогах' },
			}),
			base('pos:3', 'pos', 'Огромная яма на дороге, асфальт разбит', {
				sourceCategory: { name: 'Дороги', sub: 'Ямы на дорогах' },
			}),
		]);
		expect(mismatch.topic).toBe('roads');
		expect(cls(mismatch).decidedBy).toBe('category');
		expect(mismatch.flags).toEqual(['category_text_mismatch']);
		expect(cls(mismatch).needsReview).toBe(false);
		expect(cls(mismatch).why.topic[0]).toBe('категория ПОС: Дороги / Ямы на дорогах');
		expect(cls(mismatch).why.topic[1]).toMatch(/^текст говорит о другом: Отопление \(.*отопление/);
		expect(agree.flags).toEqual([]);
		const [toReview] = run(
			[
				base('pos:2', 'pos', 'Батареи холодные, отопление так и не дали, котельная стоит', {
					sourceCategory: { name: 'Дороги' },
				}),
			],
			{ mismatchToReview: true },
		);
		expect([toReview.topic, cls(toReview).needsReview, toReview.flags]).toEqual([
			'roads',
			true,
			['category_text_mismatch', 'needs_review'],
		]);
	});

	it('a broad category lets the text choose among its topics, and nothing outside them', () => {
		const [inside, outside] = run([
			base('pos:4', 'pos', 'Батареи холодные, отопление так и не дали', {
				sourceCategory: { name: 'ЖКХ' },
			}),
			base('pos:5', 'pos', 'Огромная яма на дороге, асфальт разбит', {
				sourceCategory: { name: 'ЖКХ' },
			}),
		]);
		expect([inside.topic, cls(inside).decidedBy, cls(inside).why.topic[0]]).toEqual([
			'heating',
			'dictionary',
			'категория ПОС: ЖКХ',
		]);
		expect([outside.topic, cls(outside).decidedBy, cls(outside).needsReview]).toEqual([
			'undefined',
			null,
			true,
		]);
		expect(outside.flags).toEqual(['category_text_mismatch', 'needs_review']);
	});

	it("the coordinator's correction beats the category and the text, and is kept on the record", () => {
		const corrections = new Map<string, Correction>([
			[
				'pos:6',
				{
					topic: 'waste',
					settlement: 'vyazye',
					settlementName: 'Вязьевская волость',
					appealType: 'complaint',
					department: 'Отдел благоустройства',
				},
			],
		]);
		const [corrected, own, untouched] = run(
			[
				base('pos:6', 'pos', 'Огромная яма на дороге в Дедовичах', {
					sourceCategory: { name: 'Дороги' },
				}),
				base('vk:7', 'vk', 'Огромная яма на дороге', { corrections: { topic: 'lighting' } }),
				base('vk:8', 'vk', 'Огромная яма на дороге'),
			],
			{ corrections },
		);
		expect([corrected.topic, corrected.topicTitle, corrected.totkCode]).toEqual([
			'waste',
			'Вывоз мусора (ТКО)',
			'0005.0005.0056.1161',
		]);
		expect([corrected.settlement, corrected.settlementName, corrected.appealType]).toEqual([
			'vyazye',
			'Вязьевская волость',
			'complaint',
		]);
		expect(cls(corrected).decidedBy).toBe('correction');
		expect(cls(corrected).why).toMatchObject({
			topic: ['исправлено координатором'],
			settlement: ['исправлено координатором'],
			appealType: ['исправлено координатором'],
		});
		expect(corrected.corrections).toEqual({
			topic: 'waste',
			settlement: 'vyazye',
			settlementName: 'Вязьевская волость',
			appealType: 'complaint',
			department: 'Отдел благоустройства',
			computed: {
				topic: 'roads',
				settlement: 'dedovichi',
				settlementName: 'Дедовичи',
				appealType: null,
			},
		});
		expect(corrected.flags).toEqual([]);
		expect([own.topic, cls(own).decidedBy]).toEqual(['lighting', 'correction']);
		expect([untouched.topic, cls(untouched).decidedBy, 'corrections' in untouched]).toEqual([
			'roads',
			'dictionary',
			false,
		]);
		// A second run over its own output: the record's corrections still apply, the first computed values stay.
		const [again] = run([corrected]);
		expect([again.topic, cls(again).decidedBy, again.settlement]).toEqual([
			'waste',
			'correction',
			'vyazye',
		]);
		expect((again.corrections as { computed: unknown }).computed).toEqual({
			topic: 'roads',
			settlement: 'dedovichi',
			settlementName: 'Дедовичи',
			appealType: null,
		});
	});

	it('«не определено» as the corrected topic keeps the appeal for review', () => {
		const [r] = run(
			[base('pos:11', 'pos', 'Огромная яма на дороге', { sourceCategory: { name: 'Дороги' } })],
			{ corrections: new Map([['pos:11', { topic: 'undefined' }]]) },
		);
		expect([r.topic, cls(r).decidedBy, cls(r).needsReview, r.flags]).toEqual([
			'undefined',
			null,
			true,
			['needs_review'],
		]);
	});

	it('a correction of the department only leaves the topic to the category', () => {
		const [r] = run(
			[base('pos:9', 'pos', 'Текст без слов словаря', { sourceCategory: { name: 'Мусор' } })],
			{ corrections: new Map([['pos:9', { department: 'Отдел ЖКХ' }]]) },
		);
		expect([r.topic, cls(r).decidedBy, r.corrections]).toEqual([
			'waste',
			'category',
			{
				department: 'Отдел ЖКХ',
				computed: { topic: 'waste', settlement: null, settlementName: null, appealType: null },
			},
		]);
	});

	it('categories off: the text decides', () => {
		const [r] = run(
			[base('pos:10', 'pos', 'Огромная яма на дороге', { sourceCategory: { name: 'Мусор' } })],
			{ categoryMap: null },
		);
		expect([r.topic, cls(r).decidedBy]).toEqual(['roads', 'dictionary']);
	});
});
