/**
 * `npx tsx bench/categories.ts [seed…]`: how many of the sandbox's ПОС/ИМ records with a category get their topic
 * from the category table (lib/classify/category), how often that topic is the truth, how many are flagged
 * `category_text_mismatch`, and who decides the rest. The records go through the emulators' own shapes and the
 * package's normalizers, as in n8n. Figures go to bench/classification.md.
 */
import { createClassifier, structureBatch } from '../lib/classify';
import { normalizeIm } from '../lib/sources/im';
import { normalizePos } from '../lib/sources/pos';
import { fromSeed as imRecord } from '../sandbox/im/emulator';
import { fromSeed as posRecord } from '../sandbox/pos/emulator';
import { generateDistrict } from '../sandbox/seed/district';

type Rec = Record<string, unknown>;

function run(seed: number) {
	const district = generateDistrict(seed);
	const truth = new Map<string, string>();
	const records: Rec[] = [];
	for (const a of district.appeals) {
		if ((a.channel !== 'pos' && a.channel !== 'im') || a.oddities?.length) continue;
		const appeal = a.channel === 'pos' ? normalizePos(posRecord(a, district)) : normalizeIm(imRecord(a));
		truth.set(appeal.id, a.expected.topic);
		records.push(appeal as unknown as Rec);
	}
	const out = structureBatch(records, { classifier: createClassifier(), repeats: false, conflicts: false });
	const withCategory = out.filter((r) => r.sourceCategory);
	const byCategory = withCategory.filter((r) => (r.classification as { decidedBy: string }).decidedBy === 'category');
	const right = byCategory.filter((r) => r.topic === truth.get(String(r.id)));
	const mismatched = withCategory.filter((r) => (r.flags as string[]).includes('category_text_mismatch'));
	const mismatchWrong = mismatched.filter((r) => r.topic !== truth.get(String(r.id)));
	const rest: Record<string, number> = {};
	for (const r of withCategory) {
		const by = String((r.classification as { decidedBy: string | null }).decidedBy);
		if (by !== 'category') rest[by] = (rest[by] ?? 0) + 1;
	}
	return { seed, records: out.length, withCategory: withCategory.length, byCategory: byCategory.length, right: right.length, mismatched: mismatched.length, mismatchWrong: mismatchWrong.length, rest };
}

const seeds = process.argv.slice(2).map(Number).filter(Number.isFinite);
for (const seed of seeds.length ? seeds : [2026, 1, 7]) {
	const r = run(seed);
	const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)}%`;
	console.log(
		`seed ${r.seed}: ПОС/ИМ ${r.records}, с категорией ${r.withCategory}; тема по категории ${r.byCategory} (${pct(r.byCategory, r.withCategory)}), из них верно ${r.right} (${pct(r.right, r.byCategory)}); ` +
			`category_text_mismatch ${r.mismatched} (из них категория неверна ${r.mismatchWrong}); остальные: ${JSON.stringify(r.rest)}`,
	);
}
