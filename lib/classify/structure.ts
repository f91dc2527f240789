import { detectConflictsStemmed } from '../conflicts';
import { linkRepeatsById, type RepeatAppeal } from '../repeats';
import { copyRecord } from '../record';
import { applyCorrection, type Correction } from '../reports/corrections';
import { UNDEFINED_TOPIC, topicInfo, topicLabel } from '../topics';
import { stemText } from '../text/russian';
import { categoryOf, compileCategoryMap, type CategoryMap } from './category';
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
	/** Source category → topic (default: the shipped table); `null` — categories are not used. */
	categoryMap?: CategoryMap | null;
	/**
	 * The coordinator's corrections by appeal id (`readCorrections` of the register); a record's own `corrections`
	 * (a workflow that brings them another way) count too, the map's values first.
	 */
	corrections?: Map<string, Correction>;
	/** Text share above which a text topic other than the category's is a `category_text_mismatch` (default 0.75). */
	mismatchConfidence?: number;
	/** Send a category/text mismatch to manual review as well as flagging it (default false). */
	mismatchToReview?: boolean;
}

/** What decided the topic: the coordinator, the source's category, the learned model, the dictionary, or nothing. */
export type StructureDecidedBy = 'correction' | 'category' | 'model' | 'dictionary' | null;

const DEFAULT_CATEGORY_MAP = compileCategoryMap();

/** The correction of a record: the batch's map first, then the record's own `corrections` (set by an earlier run). */
function correctionOf(
	record: Record_,
	map: Map<string, Correction> | undefined,
): Correction | undefined {
	const fromMap = map?.get(String(record.id));
	const own =
		record.corrections && typeof record.corrections === 'object'
			? (record.corrections as Correction & { computed?: unknown })
			: undefined;
	let merged: Correction | undefined = fromMap;
	if (own) {
		// `computed` is what the run derived, not the coordinator's correction.
		const ownValues = { ...own };
		delete ownValues.computed;
		merged = { ...ownValues, ...fromMap };
	}
	return merged && (merged.topic || merged.department || merged.settlement || merged.appealType)
		? merged
		: undefined;
}

type Record_ = Record<string, unknown>;

/**
 * A record's flags as a working list with a set's behaviour (distinct, in the order first added; a deleted one
 * added again goes last): an appeal has a handful, so a list is cheaper than a Set per appeal.
 */
function flagsOf(record: Record_): string[] {
	const given = record.flags;
	const flags: string[] = [];
	if (Array.isArray(given))
		for (let i = 0; i < given.length; i++) addFlag(flags, given[i] as string);
	return flags;
}

function addFlag(flags: string[], flag: string): void {
	if (!flags.includes(flag)) flags.push(flag);
}

function deleteFlag(flags: string[], flag: string): void {
	const i = flags.indexOf(flag);
	if (i >= 0) flags.splice(i, 1);
}

type Classified = ReturnType<ReturnType<typeof createClassifier>['classifyStemmed']>;

interface TopicDecision {
	topic: string;
	topicTitle: string;
	totkCode: string | null;
	confidence: number;
	needsReview: boolean;
	why: string[];
	decidedBy: StructureDecidedBy;
}

/** The text's own decision (the classifier: the learned model when it has one, else the dictionary). */
function textDecision(c: Classified): TopicDecision {
	const by = (c as { decidedBy?: StructureDecidedBy }).decidedBy;
	return {
		topic: c.topic,
		topicTitle: c.topicTitle,
		totkCode: c.totkCode,
		confidence: c.confidence,
		needsReview: c.needsReview,
		why: c.why.topic,
		decidedBy: c.needsReview ? null : (by ?? 'dictionary'),
	};
}

function fixedDecision(topic: string, why: string[], decidedBy: StructureDecidedBy): TopicDecision {
	return {
		topic,
		topicTitle: topicLabel(topic),
		totkCode: topicInfo(topic)?.totkCode ?? null,
		confidence: 1,
		needsReview: false,
		why,
		decidedBy,
	};
}

/**
 * Decision order (the correction is applied over it, see structureBatch): the source's category > the learned model > the dictionary. A
 * category the text strongly contradicts keeps its topic and gets the flag `category_text_mismatch` (the words of
 * the text go into `why`), never a silent override either way.
 */
function decideTopic(
	record: Record_,
	c: Classified,
	options: StructureOptions,
	categoryMap: CategoryMap | null,
	flags: string[],
): TopicDecision {
	const text = textDecision(c);
	const category = categoryMap ? categoryMap.lookup(record.source, categoryOf(record)) : undefined;
	if (!category || category.topics.length === 0) return text;
	const strong =
		!text.needsReview &&
		text.topic !== UNDEFINED_TOPIC &&
		text.confidence >= (options.mismatchConfidence ?? 0.75);
	const textWords = () =>
		`текст говорит о другом: ${topicLabel(text.topic)} (${text.why.join(', ')})`;
	if (category.topics.length === 1) {
		const decided = fixedDecision(category.topics[0], [category.label], 'category');
		if (strong && text.topic !== category.topics[0]) {
			addFlag(flags, 'category_text_mismatch');
			decided.why.push(textWords());
			if (options.mismatchToReview) decided.needsReview = true;
		}
		return decided;
	}
	// A broad category (ЖКХ): the text chooses among its topics.
	if (!text.needsReview && category.topics.includes(text.topic))
		return { ...text, why: [category.label, ...text.why] };
	if (strong) addFlag(flags, 'category_text_mismatch');
	return {
		topic: UNDEFINED_TOPIC,
		topicTitle: 'Не определено',
		totkCode: null,
		confidence: 0,
		needsReview: true,
		why: [
			`${category.label}: текст не уточнил тему среди ${category.topics.map((t) => topicLabel(t)).join(', ')}`,
			...(strong ? [textWords()] : []),
		],
		decidedBy: null,
	};
}

export function structureBatch(records: Record_[], options: StructureOptions): Record_[] {
	const categoryMap =
		options.categoryMap === undefined ? DEFAULT_CATEGORY_MAP : options.categoryMap;
	// Each text is tokenized and stemmed once; classification, conflicts and repeats share the stems.
	const textStems: Array<string[] | undefined> = new Array(records.length);
	const repeats = options.repeats !== false;
	// With repeats, each record's flags stay a working list until the repeat pass has added its own, then are copied
	// once (at their final size).
	const flagLists: string[][] = repeats ? new Array(records.length) : [];
	const out = records.map((record, i) => {
		const text = typeof record.text === 'string' ? record.text : '';
		const stemmed = stemText(text);
		// Repeats read `record.text` itself: share the stems only when that is this string.
		if (typeof record.text === 'string') textStems[i] = stemmed.stems;
		const c = options.classifier.classifyStemmed(stemmed, text, {
			address: (record.address as string | null) ?? null,
		});
		const flags = flagsOf(record);
		const decision = decideTopic(record, c, options, categoryMap, flags);
		// Same keys and order as `{ ...record, topic, …, classification }`, built without the spread (see lib/record).
		let result = copyRecord(record);
		result.topic = decision.topic;
		result.topicTitle = decision.topicTitle;
		result.totkCode = decision.totkCode;
		result.appealType = c.appealType;
		result.settlement = (record.settlement as string | null) ?? c.settlementId;
		result.settlementName = c.settlementName ?? (record.settlementName as string | null) ?? null;
		result.address = (record.address as string | null) ?? c.address;
		c.why.topic = decision.why;
		const classification = {
			confidence: decision.confidence,
			needsReview: decision.needsReview,
			why: c.why,
			scores: c.scores,
			decidedBy: decision.decidedBy,
		};
		result.classification = classification;
		// The coordinator's correction wins over everything computed; the computed values stay in `corrections.computed`.
		const correction = correctionOf(record, options.corrections);
		if (correction) {
			result = applyCorrection(result, correction);
			const why = { ...c.why };
			if (correction.topic) why.topic = ['исправлено координатором'];
			if (correction.settlement) why.settlement = ['исправлено координатором'];
			if (correction.appealType) why.appealType = ['исправлено координатором'];
			// «Не определено» typed as the correction keeps the appeal for manual review.
			const decided = !!correction.topic && correction.topic !== UNDEFINED_TOPIC;
			result.classification = correction.topic
				? {
						...classification,
						confidence: decided ? 1 : 0,
						needsReview: !decided,
						why,
						decidedBy: decided ? 'correction' : null,
					}
				: { ...classification, why };
		}
		if ((result.classification as { needsReview: boolean }).needsReview)
			addFlag(flags, 'needs_review');
		else if (correction?.topic) deleteFlag(flags, 'needs_review'); // a stale mark of an earlier run
		const author = record.author as { anonymous?: boolean; name?: string | null } | undefined;
		if (author?.anonymous || !author?.name) addFlag(flags, 'anonymous');
		if (options.conflicts !== false) {
			const conflict = detectConflictsStemmed(stemmed, text);
			for (let k = 0; k < conflict.flags.length; k++) addFlag(flags, conflict.flags[k].code);
			result.conflict = conflict;
		}
		if (repeats) {
			result.flags = undefined; // its place among the keys; filled after the repeat pass
			flagLists[i] = flags;
		} else result.flags = flags.slice();
		return result;
	});
	if (!repeats) return out;
	const { linkById, clusters } = linkRepeatsById(
		out as unknown as RepeatAppeal[],
		{ windowDays: options.windowDays },
		textStems as string[][],
	);
	const clusterById = new Map<string, (typeof clusters)[number]>();
	for (const cl of clusters) for (const id of cl.appealIds) clusterById.set(id, cl);
	out.forEach((record, i) => {
		const id = String(record.id);
		const link = linkById.get(id);
		const cluster = clusterById.get(id);
		const flags = flagLists[i];
		if (link) {
			record.primaryId = link.primaryId;
			record.repeat = { reason: link.reason, primaryId: link.primaryId, similarity: link.score };
			addFlag(flags, link.reason === 'same_author_same_problem' ? 'repeat' : 'duplicate');
		}
		if (cluster) {
			record.cluster = {
				id: cluster.id,
				size: cluster.size,
				firstAt: cluster.firstAt,
				lastAt: cluster.lastAt,
				channels: cluster.channels,
				primaryId: cluster.primaryId,
			};
			addFlag(flags, 'cluster');
		}
		record.flags = flags.slice();
	});
	return out;
}
