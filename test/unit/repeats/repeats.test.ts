import { createClassifier } from '../../../lib/classify';
import { linkRepeats, type RepeatAppeal } from '../../../lib/repeats';
import { generateDistrict } from '../../../sandbox/seed/district';

const person = (name: string, contact: string) => ({ name, contact });

describe('linkRepeats on hand-made cases', () => {
	const appeals: RepeatAppeal[] = [
		{
			id: 'pos:1',
			source: 'pos',
			receivedAt: '2026-10-01T10:00:00+03:00',
			text: 'На ул. Советской нет воды с утра, никаких объявлений',
			topic: 'water',
			settlement: 'dedovichi',
			address: 'ул. Советская, 5',
			author: person('Петрова Анна', '+79110000001'),
		},
		{
			id: 'vk:2',
			source: 'vk',
			receivedAt: '2026-10-01T11:30:00+03:00',
			text: 'На ул. Советской нет воды с утра, никаких объявлений',
			topic: 'water',
			settlement: 'dedovichi',
			author: person('Петрова Анна', '+7 911 000-00-01'),
		},
		{
			id: 'tg:3',
			source: 'telegram',
			receivedAt: '2026-10-02T09:00:00+03:00',
			text: 'Третий день на ул. Советской без воды!',
			topic: 'water',
			settlement: 'dedovichi',
			author: person('Иванов Иван', '+79110000002'),
		},
		{
			id: 'ok:4',
			source: 'ok',
			receivedAt: '2026-10-03T09:00:00+03:00',
			text: 'Вода на ул. Советской так и не появилась',
			topic: 'water',
			settlement: 'dedovichi',
			author: null,
		},
		{
			id: 'pos:5',
			source: 'pos',
			receivedAt: '2026-10-20T09:00:00+03:00',
			text: 'Пишу второй раз: воды нет, ответа нет',
			topic: 'water',
			settlement: 'dedovichi',
			address: 'ул. Советская, 5',
			author: person('Петрова Анна', '+79110000001'),
		},
		{
			id: 'pos:6',
			source: 'pos',
			receivedAt: '2026-10-20T09:00:00+03:00',
			text: 'Яма на ул. Ленина',
			topic: 'roads',
			settlement: 'dedovichi',
			author: person('Сидоров Олег', '+79110000009'),
		},
	];
	const { links, clusters } = linkRepeats(appeals);
	const linkOf = (id: string) => links.find((l) => l.id === id);

	it('links the same text in another channel to the first one', () => {
		expect(linkOf('vk:2')).toMatchObject({
			primaryId: 'pos:1',
			reason: 'cross_channel_duplicate',
			score: 1,
		});
	});
	it('links the same author on the same problem, pointing at the primary', () => {
		expect(linkOf('pos:5')).toMatchObject({
			primaryId: 'pos:1',
			reason: 'same_author_same_problem',
		});
	});
	it('leaves different people and different problems alone', () => {
		expect(linkOf('tg:3')).toBeUndefined();
		expect(linkOf('pos:6')).toBeUndefined();
		expect(linkOf('pos:1')).toBeUndefined();
	});
	it('finds the root-cause cluster of one place and topic', () => {
		expect(clusters).toHaveLength(1);
		expect(clusters[0]).toMatchObject({
			topic: 'water',
			place: 'советск',
			size: 4,
			primaryId: 'pos:1',
			firstAt: '2026-10-01T10:00:00+03:00',
			lastAt: '2026-10-03T09:00:00+03:00',
		});
		expect(clusters[0].channels).toEqual(['ok', 'pos', 'telegram', 'vk']);
	});
});

describe('linkRepeats on the seeded district', () => {
	const district = generateDistrict();
	const classifier = createClassifier();
	const toAppeal = (a: (typeof district.appeals)[number]): RepeatAppeal => {
		const c = classifier.classify(a.text);
		return {
			id: `${a.channel}:${a.seq}`,
			source: a.channel,
			receivedAt: a.createdAt,
			text: a.text,
			topic: c.topic,
			settlement: c.settlementId,
			address: c.address,
			author: a.author
				? { name: `${a.author.surname} ${a.author.name}`, contact: a.author.phone }
				: null,
		};
	};
	const { links, clusters } = linkRepeats(district.appeals.map(toAppeal));

	it('links most seeded duplicates and follow-ups to the appeal they repeat', () => {
		const seeded = district.appeals.filter((a) => a.duplicateOfSeq);
		const linkedIds = new Set(links.map((l) => l.id));
		const found = seeded.filter((a) => linkedIds.has(`${a.channel}:${a.seq}`));
		expect(found.length / seeded.length).toBeGreaterThanOrEqual(0.8);
	});
	it('finds the four seeded root causes among the largest clusters', () => {
		const seededClusters = new Set(district.appeals.map((a) => a.clusterId).filter(Boolean));
		const top = clusters.slice(0, 8);
		for (const clusterId of seededClusters) {
			const members = new Set(
				district.appeals
					.filter((a) => a.clusterId === clusterId)
					.map((a) => `${a.channel}:${a.seq}`),
			);
			const best = Math.max(...top.map((c) => c.appealIds.filter((id) => members.has(id)).length));
			expect([clusterId, best >= members.size * 0.7]).toEqual([clusterId, true]);
		}
	});
	it('stays near-linear: 5,000 appeals are linked', () => {
		const many: RepeatAppeal[] = [];
		for (let i = 0; i < 5000; i++) {
			const a = district.appeals[i % district.appeals.length];
			many.push({
				...toAppeal(a),
				id: `x:${i}`,
				receivedAt: new Date(
					Date.parse(a.createdAt) + Math.floor(i / district.appeals.length) * 86400000 * 120,
				).toISOString(),
			});
		}
		const r = linkRepeats(many);
		expect(r.links.length).toBeGreaterThan(0);
	});
});
