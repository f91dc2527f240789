/**
 * Classification quality on the sandbox's labelled set: topic accuracy (≥ 0.85) and settlement accuracy (≥ 0.90),
 * plus the confusion between topics. Exits non-zero below the thresholds. Run: npx tsx scripts/eval-classify.ts
 */
import { createClassifier } from '../lib/classify';
import { generateDistrict, labelledSet } from '../sandbox/seed/district';

export function evaluate(seed?: number) {
	const district = generateDistrict(seed);
	const classifier = createClassifier();
	const set = labelledSet(district);
	let topicOk = 0;
	let settlementOk = 0;
	const confusion = new Map<string, number>();
	const misses: string[] = [];
	for (const item of set) {
		const c = classifier.classify(item.text);
		if (c.topic === item.topic) topicOk++;
		else {
			confusion.set(
				`${item.topic} → ${c.topic}`,
				(confusion.get(`${item.topic} → ${c.topic}`) ?? 0) + 1,
			);
			if (misses.length < 25)
				misses.push(`[${item.topic} → ${c.topic}] ${item.text.slice(0, 140)}`);
		}
		if (c.settlementId === item.settlementId) settlementOk++;
	}
	return {
		total: set.length,
		topicAccuracy: topicOk / set.length,
		settlementAccuracy: settlementOk / set.length,
		confusion,
		misses,
	};
}

if (require.main === module) {
	const r = evaluate();
	console.log(`labelled appeals: ${r.total}`);
	console.log(`topic accuracy: ${(r.topicAccuracy * 100).toFixed(1)}% (target ≥ 85%)`);
	console.log(`settlement accuracy: ${(r.settlementAccuracy * 100).toFixed(1)}% (target ≥ 90%)`);
	console.log('\nconfusion (truth → predicted):');
	for (const [pair, n] of [...r.confusion].sort((a, b) => b[1] - a[1]))
		console.log(`  ${pair}: ${n}`);
	if (process.argv.includes('--misses')) console.log(`\n${r.misses.join('\n')}`);
	process.exit(r.topicAccuracy >= 0.85 && r.settlementAccuracy >= 0.9 ? 0 : 1);
}
