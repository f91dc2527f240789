/**
 * The fast structuring (lib/classify/structure, lib/text, lib/conflicts, lib/repeats) must give exactly the output of
 * the implementation it replaced, kept frozen in test/helpers/structureReference. Both run with today's classifier:
 * the classifier itself has changed on purpose since (broader lexicon, model, places in every case form; its own
 * tests are in classify.test.ts and model.test.ts), so the reference checks the batch machinery around it. Compared as JSON (values and key
 * order, which the nodes and Sheets reports see) and with toStrictEqual, on the bench's appeals, other seeds of the
 * district, the labelled set with several classifier options, and hand-made edge cases.
 */
import { appealsFromDistrict } from '../../../bench/pipeline';
import { createClassifier, structureBatch, DEFAULT_GAZETTEER, type ClassifierOptions } from '../../../lib/classify';
import { detectConflicts } from '../../../lib/conflicts';
import { linkRepeats, type RepeatAppeal, type RepeatOptions } from '../../../lib/repeats';
import { generateDistrict, labelledSet } from '../../../sandbox/seed/district';
import * as ref from '../../helpers/structureReference';

type Rec = Record<string, unknown>;

/** Fresh deep copies, so that neither implementation can see what the other did to its input. */
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

function expectSame(actual: unknown, expected: unknown): void {
	expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
	expect(actual).toStrictEqual(expected);
}

function compareBatch(records: Rec[], classifierOptions: ClassifierOptions = {}, options: { conflicts?: boolean; repeats?: boolean; windowDays?: number } = {}): void {
	const input = clone(records);
	const before = JSON.stringify(input);
	const fast = structureBatch(input, { classifier: createClassifier(classifierOptions), ...options });
	const slow = ref.structureBatch(clone(records), { classifier: createClassifier(classifierOptions) as unknown as ReturnType<typeof ref.createClassifier>, ...options });
	// Fields the structuring gained after the reference was frozen.
	for (const r of fast) delete (r.classification as Rec | undefined)?.decidedBy;
	expect(JSON.stringify(input)).toBe(before); // the input is left as it was
	expect(fast).toHaveLength(slow.length);
	for (let i = 0; i < fast.length; i++) {
		const a = JSON.stringify(fast[i]);
		const b = JSON.stringify(slow[i]);
		if (a !== b) expect(JSON.parse(a)).toEqual(JSON.parse(b)); // a readable diff for the first mismatch
	}
	expect(fast).toStrictEqual(slow);
}

/** Records like the bench's, from another seed of the district, with the odd inputs the node can receive. */
function recordsFromSeed(seed: number): Rec[] {
	const district = generateDistrict(seed);
	return district.appeals.map((a, i) => {
		const r: Rec = {
			id: `${a.channel}:${a.seq}`,
			source: a.channel,
			externalId: String(a.seq),
			receivedAt: a.createdAt,
			text: a.text,
			author: a.author ? (i % 7 === 0 ? { id: a.author.id, name: null } : { name: `${a.author.surname} ${a.author.name}`, contact: i % 5 === 0 ? a.author.email : a.author.phone }) : { name: null, anonymous: true },
			address: a.address ?? null,
			flags: i % 4 === 0 ? ['imported', 'needs_review'] : [],
			raw: { n: i },
		};
		if (i % 11 === 0) r.settlement = 'preset';
		if (i % 13 === 0) r.settlementName = 'Задано источником';
		if (i % 17 === 0) r.text = null;
		if (i % 19 === 0) delete r.flags;
		// An own `__proto__` key, as JSON.parse makes it: the copy must keep it as data.
		if (i % 23 === 0) Object.defineProperty(r, '__proto__', { value: { odd: true }, enumerable: true, writable: true, configurable: true });
		return r;
	});
}

const EDGE_TEXTS = [
	'',
	'?',
	'😡😡😡',
	'Ёлки, ЁЛКИ и ёлки у дороги; 8 (911) 123-45-67, дом 5а',
	'Бл*** опять яма! Х** знает что. П***ц полный, е**ть',
	'Сука, нахуй такие дороги, дармоеды и бездельники, воры!',
	'Убью, подожгу, перекроем дорогу — голову оторву, пожалеете',
	'Подам в суд, напишу в прокуратуру, губернатору Ведерникову, Путину, в СМИ и на Первый канал; в Москву, в ОНФ',
	'Пишу второй раз, уже писала, до сих пор не ответили, ответа так и не было',
	'Нет света и воды, холодно, батареи холодные, мусор не вывозят, яма на дороге, автобус не ходит',
	'В д. Вязье и в Пожеревицах, ул. Советская д. 5, пер. Лесной, с. Крутец',
	'Огромными ямами покрыта вся дорога на ул. Энергетиков, д. 12в',
	'Спасибо! Когда починят фонарь? Прошу, предлагаю, жалоба',
	'Latin words and 12345 numbers mixed с русскими словами UK ТСЖ УК',
	'Провода висят низко над дорогой',
];

describe('structuring gives exactly the output of the frozen reference', () => {
	it('structureBatch on 6,000 appeals of the bench', () => {
		compareBatch(appealsFromDistrict(6000) as unknown as Rec[]);
	});

	it.each([1, 7, 2026])('structureBatch on the district of seed %i with odd inputs', (seed) => {
		compareBatch(recordsFromSeed(seed));
	});

	it('structureBatch with conflicts off, repeats off, another window', () => {
		const records = recordsFromSeed(3);
		compareBatch(records, {}, { conflicts: false });
		compareBatch(records, {}, { repeats: false });
		compareBatch(records, {}, { windowDays: 3 });
	});

	it('structureBatch with other classifier options', () => {
		const records = recordsFromSeed(5).slice(0, 300);
		compareBatch(records, { dictionary: { roads: [['ухаб', 3], ['разбитая дорога', 4]], newtopic: [['снег', 5], ['не чистят', 2]] } });
		compareBatch(records, { dictionary: { roads: [['яма', 3], ['дорога', 1]], water: [['вода', 2]] }, mode: 'replace', minScore: 1, minConfidence: 0.5 });
		compareBatch(records, { totkCodes: { roads: '0001.0002.0003.0004' }, gazetteer: [...DEFAULT_GAZETTEER].reverse() });
	});

	it('detectConflicts with and without context', () => {
		const texts = [...labelledSet(generateDistrict(11)).map((x) => x.text), ...EDGE_TEXTS];
		const contexts = [
			{},
			{ previousAppeals: [{ at: '2026-10-01T10:00:00+03:00', answered: false }] },
			{ previousAppeals: [{ at: '2026-10-01T10:00:00+03:00', answered: false }, { at: '2026-10-02T10:00:00+03:00', answered: false }] },
			{ previousAppeals: [{ at: '2026-10-01T10:00:00+03:00', answered: true, satisfaction: 'unsatisfied' }] },
		];
		texts.forEach((text, i) => expectSame(detectConflicts(text, contexts[i % contexts.length]), ref.detectConflicts(text, contexts[i % contexts.length])));
	});

	it('linkRepeats with options', () => {
		const classifier = createClassifier();
		const appeals: RepeatAppeal[] = recordsFromSeed(9).map((r) => {
			const text = typeof r.text === 'string' ? r.text : '';
			const c = classifier.classify(text);
			return { id: String(r.id), source: String(r.source), receivedAt: String(r.receivedAt), text, topic: c.topic, settlement: c.settlementId, address: c.address, author: r.author as RepeatAppeal['author'] };
		});
		const variants: RepeatOptions[] = [{}, { textSimilarity: 0.5, windowDays: 90 }, { clusterGapDays: 1, minClusterSize: 2 }];
		for (const options of variants) expectSame(linkRepeats(clone(appeals), options), ref.linkRepeats(clone(appeals), options));
	});
});
