/**
 * `npx tsx bench/categories.ts [seed…]`: how many of the sandbox's ПОС/ИМ records with a category get their topic
 * from the category table (lib/classify/category), how often that topic is the truth, how many are flagged
 * `category_text_mismatch`, and who decides the rest. The records go through the emulators' own shapes and the
 * package's normalizers, as in n8n. Figures go to bench/classification.md.
 */
import {
	compileCategoryMap,
	createClassifier,
	structureBatch,
	trainTextModel,
} from '../lib/classify';
import { gridRows, historyExamples } from '../nodes/Structure/training';
import { normalizeIm } from '../lib/sources/im';
import { normalizePos } from '../lib/sources/pos';
import { fromSeed as imRecord } from '../sandbox/im/emulator';
import { fromSeed as posRecord } from '../sandbox/pos/emulator';
import { generateDistrict } from '../sandbox/seed/district';
import { generateHistory, historyGrid } from '../sandbox/seed/history';

type Rec = Record<string, unknown>;

function run(seed: number) {
	const district = generateDistrict(seed);
	const truth = new Map<string, string>();
	const records: Rec[] = [];
	for (const a of district.appeals) {
		if ((a.channel !== 'pos' && a.channel !== 'im') || a.oddities?.length) continue;
		const appeal =
			a.channel === 'pos' ? normalizePos(posRecord(a, district)) : normalizeIm(imRecord(a));
		truth.set(appeal.id, a.expected.topic);
		records.push(appeal as unknown as Rec);
	}
	const out = structureBatch(records, {
		classifier: createClassifier(),
		repeats: false,
		conflicts: false,
	});
	const withCategory = out.filter((r) => r.sourceCategory);
	const byCategory = withCategory.filter(
		(r) => (r.classification as { decidedBy: string }).decidedBy === 'category',
	);
	const right = byCategory.filter((r) => r.topic === truth.get(String(r.id)));
	const mismatched = withCategory.filter((r) =>
		(r.flags as string[]).includes('category_text_mismatch'),
	);
	const mismatchWrong = mismatched.filter((r) => r.topic !== truth.get(String(r.id)));
	const rest: Record<string, number> = {};
	for (const r of withCategory) {
		const by = String((r.classification as { decidedBy: string | null }).decidedBy);
		if (by !== 'category') rest[by] = (rest[by] ?? 0) + 1;
	}
	return {
		seed,
		records: out.length,
		withCategory: withCategory.length,
		byCategory: byCategory.length,
		right: right.length,
		mismatched: mismatched.length,
		mismatchWrong: mismatchWrong.length,
		rest,
	};
}

/** The social posts (no category): the dictionary alone vs the model trained on the seeded history tab. */
function social(seed: number) {
	const district = generateDistrict(seed);
	const posts = district.appeals.filter(
		(a) => ['vk', 'ok', 'telegram'].includes(a.channel) && !a.oddities?.length,
	);
	const { examples, skipped } = historyExamples(
		gridRows(historyGrid(generateHistory(seed))),
		compileCategoryMap(),
	);
	const started = Date.now();
	const model = trainTextModel(examples);
	const trainMs = Date.now() - started;
	const score = (classifier: ReturnType<typeof createClassifier>) => {
		let decided = 0;
		let right = 0;
		for (const a of posts) {
			const c = classifier.classify(a.text, { address: a.address ?? null });
			if (c.needsReview) continue;
			decided++;
			if (c.topic === a.expected.topic) right++;
		}
		return `решено ${decided}/${posts.length}, верно ${right} (${((100 * right) / posts.length).toFixed(1)}% всех)`;
	};
	console.log(
		`seed ${seed}: соцсети ${posts.length}; словарь: ${score(createClassifier())}; модель по «Истории» (${examples.length} примеров, ${skipped} строк без темы, обучение ${trainMs} мс) + словарь: ${score(createClassifier({ model }))}`,
	);
}

const seeds = process.argv.slice(2).map(Number).filter(Number.isFinite);
for (const seed of seeds.length ? seeds : [2026, 1, 7]) {
	const r = run(seed);
	const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)}%`;
	console.log(
		`seed ${r.seed}: ПОС/ИМ ${r.records}, с категорией ${r.withCategory}; тема по категории ${r.byCategory} (${pct(r.byCategory, r.withCategory)}), из них верно ${r.right} (${pct(r.right, r.byCategory)}); ` +
			`category_text_mismatch ${r.mismatched} (из них категория неверна ${r.mismatchWrong}); остальные: ${JSON.stringify(r.rest)}`,
	);
	social(seed);
}
