import {
	createClassifier,
	resolveTopic,
	trainTextModel,
	trainingFingerprint,
	type CategoryMap,
	type ClassifierOptions,
	type TextModel,
	type TrainingExample,
} from '../../lib/classify';
import type { Correction } from '../../lib/reports/corrections';

/**
 * Training data of «МЦУ: Структурирование» and where its model lives. The examples stay where the district keeps
 * them (a sheet tab of its labelled history, the register's correction columns, or an input field): they are the
 * source of truth and survive restarts by themselves. Each n8n process (the main one or a queue-mode worker) trains
 * once per distinct set of examples — the fingerprint of the data — and keeps the model in memory, a few at most
 * (several workflows or districts on one instance). A new correction changes the fingerprint: the next run trains
 * again, every process on its own, with the same result (training is deterministic).
 */

type Cell = string | number | boolean | null | undefined;

export const TEXT_HEADERS = [
	'Текст',
	'Текст сообщения',
	'Текст обращения',
	'Текст инцидента',
	'Сообщение',
	'text',
];
const TOPIC_HEADERS = ['Тема', 'topic'];
const CATEGORY_HEADERS = ['Категория', 'category'];
const SUB_HEADERS = ['Подкатегория', 'subcategory'];
const SOURCE_HEADERS = ['Источник', 'source'];

const norm = (v: unknown) =>
	String(v ?? '')
		.trim()
		.toLowerCase()
		.replace(/ё/g, 'е');

export interface HistoryRead {
	examples: TrainingExample[];
	/** Rows without a text or a topic the table can give: skipped, counted. */
	skipped: number;
}

/** Rows of a sheet as objects keyed by the header (the first row). */
export function gridRows(grid: Cell[][] | undefined): Array<Record<string, unknown>> {
	if (!grid || grid.length < 2) return [];
	const header = grid[0].map((h) => String(h ?? '').trim());
	return grid.slice(1).map((row) => Object.fromEntries(header.map((h, i) => [h, row[i] ?? ''])));
}

function column(row: Record<string, unknown>, wanted: string[]): unknown {
	for (const w of wanted) if (w in row) return row[w];
	const keys = Object.keys(row);
	for (const w of wanted) {
		const key = keys.find((k) => norm(k) === norm(w));
		if (key !== undefined) return row[key];
	}
	return undefined;
}

/**
 * The district's labelled history: a text and either a topic (id or label) or the source's category (a ПОС/ИМ
 * cabinet export pasted in as it is — the category table gives the topic; a broad category that leaves the choice
 * to the text gives no example).
 */
export function historyExamples(
	rows: Array<Record<string, unknown>>,
	categoryMap: CategoryMap | null,
	columns: { text?: string; topic?: string } = {},
): HistoryRead {
	const examples: TrainingExample[] = [];
	let skipped = 0;
	const textHeaders = columns.text ? [columns.text] : TEXT_HEADERS;
	const topicHeaders = columns.topic ? [columns.topic] : TOPIC_HEADERS;
	for (const row of rows) {
		if (!row || typeof row !== 'object') continue;
		const text = String(column(row, textHeaders) ?? '').trim();
		const topicCell = column(row, topicHeaders);
		const category = String(column(row, CATEGORY_HEADERS) ?? '').trim();
		const sub = String(column(row, SUB_HEADERS) ?? '').trim();
		if (!text && !String(topicCell ?? '').trim() && !category) continue; // an empty row
		let topic = resolveTopic(topicCell);
		if (!topic && categoryMap && (category || sub)) {
			const source = norm(column(row, SOURCE_HEADERS));
			const decided = categoryMap.lookup(/им|im|инцидент/.test(source) ? 'im' : 'pos', {
				name: category,
				sub: sub || null,
			});
			if (decided?.topics.length === 1) topic = decided.topics[0];
		}
		if (!text || !topic) {
			skipped++;
			continue;
		}
		examples.push({ text, topic });
	}
	return { examples, skipped };
}

/** The coordinator's topic corrections as examples: the appeal's text from this batch, else from the register row. */
export function correctionExamples(
	corrections: Map<string, Correction>,
	batchTexts: Map<string, string>,
	registerRows: Array<Record<string, unknown>>,
): TrainingExample[] {
	const registerTexts = new Map<string, string>();
	for (const row of registerRows) {
		const id = String(column(row, ['ID']) ?? '').trim();
		const text = String(column(row, TEXT_HEADERS) ?? '').trim();
		if (id && text) registerTexts.set(id, text);
	}
	const out: TrainingExample[] = [];
	for (const [id, c] of corrections) {
		if (!c.topic || !resolveTopic(c.topic)) continue;
		const text = batchTexts.get(id) ?? registerTexts.get(id);
		if (text) out.push({ text, topic: c.topic });
	}
	return out;
}

/** Examples brought in an input field: an array of `{ text, topic }` (topic id or label) on any item. */
export function inputExamples(values: unknown[], field: string): TrainingExample[] {
	const out: TrainingExample[] = [];
	values.forEach((value, index) => {
		if (value === undefined || value === null) return;
		if (!Array.isArray(value))
			throw Object.assign(
				new Error(
					`Поле «${field}» элемента ${index + 1}: ожидается массив примеров { text, topic }`,
				),
				{ itemIndex: index },
			);
		value.forEach((e, i) => {
			const ex = e as { text?: unknown; topic?: unknown };
			const topic = resolveTopic(ex?.topic);
			if (typeof ex?.text !== 'string' || !ex.text.trim() || !topic) {
				throw Object.assign(
					new Error(
						`Поле «${field}» элемента ${index + 1}, пример ${i + 1}: нужны текст (text) и тема (topic, код или название)`,
					),
					{ itemIndex: index },
				);
			}
			out.push({ text: ex.text.trim(), topic });
		});
	});
	return out;
}

/** One example per text and topic (items of n8n often carry the same list each). */
export function dedupe(examples: TrainingExample[]): TrainingExample[] {
	const seen = new Set<string>();
	return examples.filter((e) => {
		const key = `${e.topic}\t${e.text}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

const MAX_MODELS = 4;
const models = new Map<string, TextModel>();

export interface ModelUse {
	model: TextModel;
	fingerprint: string;
	/** Trained in this run (false: taken from this process's memory). */
	trained: boolean;
}

/** The model of these examples: from this process's memory, or trained now and kept (least recently used goes). */
export function modelFor(examples: TrainingExample[]): ModelUse {
	const fingerprint = trainingFingerprint(examples);
	const cached = models.get(fingerprint);
	if (cached) {
		models.delete(fingerprint);
		models.set(fingerprint, cached);
		return { model: cached, fingerprint, trained: false };
	}
	const model = trainTextModel(examples);
	models.set(fingerprint, model);
	while (models.size > MAX_MODELS) models.delete(models.keys().next().value as string);
	return { model, fingerprint, trained: true };
}

type Classifier = ReturnType<typeof createClassifier>;
const classifiers = new Map<string, Classifier>();

/**
 * The classifier of these settings, from this process's memory or built now and kept (a few, least recently used
 * goes): building one compiles the dictionary, its typo index and the gazetteer, tens of milliseconds that every
 * execution paid again. Its caches of words only grow with use, never change a result.
 */
export function classifierFor(
	settings: Pick<ClassifierOptions, 'dictionary' | 'mode' | 'minScore'>,
	model?: ModelUse,
): Classifier {
	const key = `${model?.fingerprint ?? ''}\t${String(settings.mode)}\t${String(settings.minScore)}\t${JSON.stringify(settings.dictionary ?? null)}`;
	let classifier = classifiers.get(key);
	if (classifier) classifiers.delete(key);
	else classifier = createClassifier({ ...settings, model: model?.model });
	classifiers.set(key, classifier);
	while (classifiers.size > MAX_MODELS)
		classifiers.delete(classifiers.keys().next().value as string);
	return classifier;
}

/** For tests: forget the models and classifiers of this process (as a restart does). */
export function forgetModels(): void {
	models.clear();
	classifiers.clear();
}
