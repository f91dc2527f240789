import { TOPIC_IDS } from '../../../../lib/topics';
import {
	DISTRICT_NOW,
	INTERMEDIATE_COUNT,
	generateDistrict,
	labelledSet,
} from '../../../../sandbox/seed/district';
import { fromSeed } from '../../../../sandbox/pos/emulator';
import { normalizePos } from '../../../../lib/sources/pos';
import { answerInputOf, checkAnswer } from '../../../../lib/quality';

describe('seeded district', () => {
	const district = generateDistrict();

	it('is deterministic per seed and differs between seeds', () => {
		expect(generateDistrict()).toEqual(district);
		expect(generateDistrict(7).appeals.map((a) => a.text)).not.toEqual(
			district.appeals.map((a) => a.text),
		);
	});

	it('a few late ПОС answers follow a timely intermediate answer; the ПОС emulator gives both in the history', () => {
		const withIntermediate = district.appeals.filter((a) => a.answer?.intermediate);
		expect(withIntermediate).toHaveLength(INTERMEDIATE_COUNT);
		for (const a of withIntermediate) {
			expect(a).toMatchObject({ channel: 'pos', answer: { late: true } });
			const message = fromSeed(a, district);
			const answers = message.history.filter((h) => h.status === 'SEND_RESPONSE');
			expect(answers.map((h) => h.answer?.answerType)).toEqual(['INTERMEDIATE', 'SUPPORTED']);
			expect(Date.parse(answers[0].createdAt)).toBeLessThanOrEqual(Date.parse(message.deadline));
			expect(Date.parse(answers[0].createdAt)).toBeLessThan(Date.parse(answers[1].createdAt));
			// The answer check waives lateness only through the history the normalizer fills.
			const appeal = normalizePos(message);
			const late = (record: typeof appeal) =>
				checkAnswer(answerInputOf(record)).errors.some((e) => e.code === 'late');
			expect([late(appeal), late({ ...appeal, answerHistory: [] })]).toEqual([false, true]);
		}
	});

	it('has at least 500 appeals over at least three months, every channel, at least 12 topics', () => {
		const { appeals } = district;
		expect(appeals.length).toBeGreaterThanOrEqual(500);
		const times = appeals.map((a) => Date.parse(a.createdAt));
		expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(90 * 86400000);
		expect(Math.max(...times)).toBeLessThan(Date.parse(DISTRICT_NOW));
		expect(new Set(appeals.map((a) => a.channel))).toEqual(
			new Set(['pos', 'im', 'vk', 'ok', 'telegram']),
		);
		const topics = new Set(appeals.map((a) => a.expected.topic));
		expect([...topics].filter((t) => TOPIC_IDS.includes(t)).length).toBeGreaterThanOrEqual(12);
	});

	it('contains every special case on purpose', () => {
		const { appeals } = district;
		const withFlag = (f: string) => appeals.filter((a) => a.expected.flags.includes(f));
		expect(withFlag('anonymous').every((a) => a.author === null)).toBe(true);
		expect(withFlag('anonymous').length).toBeGreaterThan(10);
		expect(withFlag('obscene').length).toBeGreaterThan(5);
		expect(withFlag('hostile').length).toBeGreaterThan(5);
		expect(
			withFlag('escalation').every((a) => /прокуратур|губернатор|суд|СМИ|Президент/.test(a.text)),
		).toBe(true);
		expect(
			withFlag('repeat').every(
				(a) => /второй раз|Снова|который раз/.test(a.text) && a.duplicateOfSeq,
			),
		).toBe(true);
		const duplicates = withFlag('duplicate').filter((a) => !a.expected.flags.includes('repeat'));
		expect(duplicates.length).toBeGreaterThan(10);
		for (const d of duplicates) {
			const original = appeals.find((a) => a.seq === d.duplicateOfSeq)!;
			expect(original.channel).not.toBe(d.channel);
			expect(original.text).toBe(d.text);
		}
		const clusters = new Set(appeals.filter((a) => a.clusterId).map((a) => a.clusterId));
		expect(clusters.size).toBe(4);
		const answers = appeals.filter((a) => a.answer);
		expect(answers.some((a) => a.answer!.late)).toBe(true);
		expect(answers.some((a) => a.answer!.formal)).toBe(true);
		expect(
			appeals.some(
				(a) => !a.answer && Date.parse(a.createdAt) < Date.parse(DISTRICT_NOW) - 40 * 86400000,
			),
		).toBe(true);
		expect(appeals.filter((a) => a.rating !== undefined).map((a) => a.rating)).toEqual(
			expect.arrayContaining([1, 5]),
		);
		expect(new Set(appeals.flatMap((a) => a.oddities ?? [])).size).toBeGreaterThanOrEqual(5);
	});

	it('keeps references consistent: unique seqs, comments under posts of the same channel, answers after creation', () => {
		const { appeals } = district;
		const bySeq = new Map(appeals.map((a) => [a.seq, a]));
		expect(bySeq.size).toBe(appeals.length);
		for (const a of appeals) {
			if (a.kind === 'comment') {
				const parent = bySeq.get(a.parentSeq!);
				expect(parent?.channel).toBe(a.channel);
			}
			if (a.answer) expect(Date.parse(a.answer.at)).toBeGreaterThan(Date.parse(a.createdAt));
			if (a.answer) expect(Date.parse(a.answer.at)).toBeLessThan(Date.parse(DISTRICT_NOW));
			if (a.channel === 'im') expect(a.origin?.postUrl).toMatch(/^https:\/\//);
			expect(district.settlements.some((s) => s.id === a.settlementId)).toBe(true);
		}
	});

	it('ships a labelled copy for evaluating classification', () => {
		const labelled = labelledSet(district);
		expect(labelled.length).toBeGreaterThan(500);
		expect(labelled[0]).toEqual(
			expect.objectContaining({
				text: expect.any(String),
				topic: expect.any(String),
				settlementId: expect.any(String),
			}),
		);
	});
});
