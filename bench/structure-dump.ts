/**
 * `structureBatch` output for byte-identity checks of speed work: the batches of bench/structure-cold.ts (10,000
 * appeals, `repeated` and `distinct`) under four option sets (defaults, conflicts off, repeats off, a 7-day window),
 * each written as JSON to <dir>/<batch>-<options>.json with its sha256 printed. Run it on two trees and compare.
 * Run: npx tsx bench/structure-dump.ts <dir> (the node's own output: DUMP=file with bench/structure-cold.ts).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createClassifier, structureBatch, type StructureOptions } from '../lib/classify';
import { appealsFromDistrict, distinctAppeals } from './pipeline';

const dir = process.argv[2] ?? 'bench/tmp/structure-dump';
mkdirSync(dir, { recursive: true });
const n = 10000;
const variants: Record<string, Partial<StructureOptions>> = {
	default: {},
	noconflicts: { conflicts: false },
	norepeats: { repeats: false },
	window7: { windowDays: 7 },
};
for (const batch of ['repeated', 'distinct']) {
	const templates = batch === 'distinct' ? distinctAppeals(n) : appealsFromDistrict(613);
	const json = JSON.stringify(
		Array.from({ length: n }, (_, i) => {
			const t = templates[i % templates.length];
			return { ...t, id: `${t.id}-${i}`, externalId: `${t.externalId}-${i}` };
		}),
	);
	for (const [name, options] of Object.entries(variants)) {
		const records = JSON.parse(json) as Array<Record<string, unknown>>;
		const out = JSON.stringify(
			structureBatch(records, { classifier: createClassifier(), ...options }),
		);
		const file = `${dir}/${batch}-${name}.json`;
		writeFileSync(file, out);
		console.log(createHash('sha256').update(out).digest('hex'), file);
	}
}
