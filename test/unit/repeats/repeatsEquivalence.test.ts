/**
 * The indexed same-author pass of linkRepeats (prefix filtering instead of comparing each appeal with all of the
 * author's earlier ones) must give exactly the links of the frozen reference's backward scan, also where the index
 * matters: many appeals of one author (a portal batch signed «Заявитель»), texts sharing some of their words, unknown
 * topics, several channels, other thresholds and windows, unparsable dates and repeated ids (the plain pass).
 */
import { createClassifier } from '../../../lib/classify';
import { linkRepeats, type RepeatAppeal, type RepeatOptions } from '../../../lib/repeats';
import { generateDistrict } from '../../../sandbox/seed/district';
import * as ref from '../../helpers/structureReference';

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

function expectSame(appeals: RepeatAppeal[], options: RepeatOptions): void {
	const fast = linkRepeats(clone(appeals), options);
	const slow = ref.linkRepeats(clone(appeals), options);
	expect(JSON.stringify(fast)).toBe(JSON.stringify(slow));
	expect(fast).toStrictEqual(slow);
}

/** Deterministic pseudo-random numbers (the seed district's own generator is not exported). */
function rng(seed: number): () => number {
	let s = seed >>> 0;
	return () => {
		s = (s * 1664525 + 1013904223) >>> 0;
		return s / 2 ** 32;
	};
}

const SOURCES = ['pos', 'vk', 'ok', 'telegram', 'im'];
const AUTHORS = [{ name: 'Заявитель' }, { name: 'Заявитель' }, { name: 'Заявитель' }, { name: 'Петрова Анна', contact: '+79110000001' }, { id: '42' }, null, { name: 'Иванов', anonymous: true }];

/** Appeals of the seeded district, most of them from one author, with shuffled halves of other texts mixed in. */
function appealsFrom(seed: number): RepeatAppeal[] {
	// Four districts' appeals (≈ 600 each) in one batch.
	const all = [0, 1, 2, 3].flatMap((k) => generateDistrict(seed * 10 + k).appeals.map((a) => ({ ...a, seq: `${k}-${a.seq}` })));
	const classifier = createClassifier();
	const random = rng(seed);
	const texts = all.map((a) => a.text);
	return all.map((a) => {
		const words = `${a.text} ${texts[Math.floor(random() * texts.length)]}`.split(' ');
		// Half of the texts: a random part of two texts, so that similarities spread over 0..1.
		const text = random() < 0.5 ? words.filter(() => random() < 0.6).join(' ') : a.text;
		const c = classifier.classify(text);
		const topic = random() < 0.3 ? 'undefined' : random() < 0.1 ? null : c.topic;
		return {
			id: `${a.channel}:${a.seq}`,
			source: SOURCES[Math.floor(random() * SOURCES.length)],
			receivedAt: new Date(Date.UTC(2026, 9, 1) + Math.floor(random() * 60 * 86400000)).toISOString(),
			text,
			topic,
			settlement: c.settlementId,
			address: c.address,
			author: AUTHORS[Math.floor(random() * AUTHORS.length)],
		};
	});
}

/**
 * One author, mostly unknown topics, texts that are variants of a few base texts (words dropped and added): links
 * decided by similarity near the thresholds, which the index must not miss.
 */
function variantsFrom(seed: number, count: number): RepeatAppeal[] {
	const random = rng(seed);
	const words = generateDistrict(seed).appeals.flatMap((a) => a.text.split(' '));
	const pick = () => words[Math.floor(random() * words.length)];
	const bases = Array.from({ length: 40 }, () => Array.from({ length: 6 + Math.floor(random() * 20) }, pick));
	return Array.from({ length: count }, (_, i) => {
		const base = bases[Math.floor(random() * bases.length)];
		const text = [...base.filter(() => random() < 0.8), ...Array.from({ length: Math.floor(random() * 4) }, pick)].join(' ');
		return {
			id: `v:${i}`,
			source: SOURCES[Math.floor(random() * 2)],
			receivedAt: new Date(Date.UTC(2026, 9, 1) + i * 3600000).toISOString(),
			text,
			topic: random() < 0.85 ? 'undefined' : ['roads', 'water'][i % 2],
			author: i % 10 === 0 ? { name: 'Другой' } : { name: 'Заявитель' },
		};
	});
}

describe('linkRepeats: the indexed same-author pass equals the reference', () => {
	const variants: RepeatOptions[] = [{}, { textSimilarity: 0.3 }, { textSimilarity: 0.5, windowDays: 90 }, { textSimilarity: 0.95, windowDays: 3 }, { windowDays: 0 }, { textSimilarity: 0 }];

	it.each([1, 2, 3])('on a generated batch (seed %i), with several thresholds and windows', (seed) => {
		const appeals = appealsFrom(seed);
		expect(appeals.length).toBeGreaterThan(2000);
		for (const options of variants) expectSame(appeals, options);
	});

	it.each([5, 6])('on variants of a few texts from one author (seed %i)', (seed) => {
		const appeals = variantsFrom(seed, 2500);
		for (const options of [...variants, { textSimilarity: 0.6 }, { textSimilarity: 0.7, windowDays: 300 }]) expectSame(appeals, options);
	});

	it('with equal times, unparsable dates and repeated ids', () => {
		const appeals = appealsFrom(4).slice(0, 600);
		const sameTime = appeals.map((a, i) => ({ ...a, receivedAt: i % 2 ? '2026-10-01T10:00:00Z' : a.receivedAt }));
		expectSame(sameTime, {});
		const badDates = appeals.map((a, i) => (i % 50 === 0 ? { ...a, receivedAt: 'вчера' } : a));
		expectSame(badDates, {});
		const repeatedIds = appeals.map((a, i) => (i % 9 === 0 ? { ...a, id: appeals[0].id } : a));
		expectSame(repeatedIds, {});
	});

	it('finds the links the scan finds on such a batch (not an empty result both ways)', () => {
		const { links } = linkRepeats(appealsFrom(1));
		const reasons = new Set(links.map((l) => l.reason));
		expect(reasons).toEqual(new Set(['same_author_same_problem', 'cross_channel_duplicate', 'same_text']));
	});
});
