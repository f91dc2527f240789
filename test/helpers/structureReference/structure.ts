/**
 * FROZEN REFERENCE — do not edit it, and never import it from lib/ or nodes/.
 *
 * A verbatim copy of lib/classify/structure.ts as it was before the structuring speed-up. Used only by
 * test/unit/classify/structureEquivalence.test.ts to prove that the fast structuring gives exactly the same
 * output. Only the imports differ (data — dictionary, gazetteer, topics — comes from lib/, unchanged).
 */
import { detectConflicts } from './conflicts';
import { linkRepeats, type RepeatAppeal } from './repeats';
import type { createClassifier } from './classifier';

/**
 * Structuring of a batch: classification of each appeal, conflict flags, and links between repeats, duplicates
 * and root-cause clusters across the batch. Pure: the node «МЦУ: Структурирование» is a thin adapter over it.
 */
export interface StructureOptions {
	classifier: ReturnType<typeof createClassifier>;
	conflicts?: boolean;
	repeats?: boolean;
	windowDays?: number;
}

type Record_ = Record<string, unknown>;

export function structureBatch(records: Record_[], options: StructureOptions): Record_[] {
	const out = records.map((record) => {
		const text = typeof record.text === 'string' ? record.text : '';
		const c = options.classifier.classify(text, { address: (record.address as string | null) ?? null });
		const flags = new Set<string>(Array.isArray(record.flags) ? (record.flags as string[]) : []);
		const result: Record_ = {
			...record,
			topic: c.topic,
			topicTitle: c.topicTitle,
			totkCode: c.totkCode,
			appealType: c.appealType,
			settlement: (record.settlement as string | null) ?? c.settlementId,
			settlementName: c.settlementName ?? (record.settlementName as string | null) ?? null,
			address: (record.address as string | null) ?? c.address,
			classification: { confidence: c.confidence, needsReview: c.needsReview, why: c.why, scores: c.scores },
		};
		if (c.needsReview) flags.add('needs_review');
		const author = record.author as { anonymous?: boolean; name?: string | null } | undefined;
		if (author?.anonymous || !author?.name) flags.add('anonymous');
		if (options.conflicts !== false) {
			const conflict = detectConflicts(text);
			for (const f of conflict.flags) flags.add(f.code);
			result.conflict = conflict;
		}
		result.flags = [...flags];
		return result;
	});
	if (options.repeats === false) return out;
	const { links, clusters } = linkRepeats(out as unknown as RepeatAppeal[], { windowDays: options.windowDays });
	const linkById = new Map(links.map((l) => [l.id, l]));
	const clusterById = new Map<string, (typeof clusters)[number]>();
	for (const cl of clusters) for (const id of cl.appealIds) clusterById.set(id, cl);
	for (const record of out) {
		const id = String(record.id);
		const link = linkById.get(id);
		const flags = new Set(record.flags as string[]);
		if (link) {
			record.primaryId = link.primaryId;
			record.repeat = { reason: link.reason, primaryId: link.primaryId, similarity: link.score };
			flags.add(link.reason === 'same_author_same_problem' ? 'repeat' : 'duplicate');
		}
		const cluster = clusterById.get(id);
		if (cluster) {
			record.cluster = { id: cluster.id, size: cluster.size, firstAt: cluster.firstAt, lastAt: cluster.lastAt, channels: cluster.channels, primaryId: cluster.primaryId };
			flags.add('cluster');
		}
		record.flags = [...flags];
	}
	return out;
}
