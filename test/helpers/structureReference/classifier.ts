/**
 * FROZEN REFERENCE — do not edit it, and never import it from lib/ or nodes/.
 *
 * A verbatim copy of lib/classify/classifier.ts as it was before the structuring speed-up. Used only by
 * test/unit/classify/structureEquivalence.test.ts to prove that the fast structuring gives exactly the same
 * output. Only the imports differ (data — dictionary, gazetteer, topics — comes from lib/, unchanged).
 */
import type { AppealType } from '../../../lib/appeal';
import { UNDEFINED_TOPIC, topicInfo, topicLabel } from '../../../lib/topics';
import { compilePhrase, findPhrase, stems, tokenize, type CompiledPhrase } from './russian';
import { DEFAULT_DICTIONARY, type TopicDictionary } from '../../../lib/classify/dictionary';
import { DEFAULT_GAZETTEER, type GazetteerEntry } from '../../../lib/classify/gazetteer';

export interface ClassifierOptions {
	dictionary?: TopicDictionary;
	/** `extend` (default) adds the given terms to the default dictionary; `replace` uses only them. */
	mode?: 'extend' | 'replace';
	gazetteer?: GazetteerEntry[];
	/** Minimum score of the best topic (default 3: one decisive term or two strong ones). */
	minScore?: number;
	/** Minimum share of the best topic in the two best scores (default 0.6). */
	minConfidence?: number;
	/** ТОТК codes to use instead of the built-in ones, per topic. */
	totkCodes?: Record<string, string>;
}

export interface Classification {
	topic: string;
	topicTitle: string;
	confidence: number;
	needsReview: boolean;
	totkCode: string | null;
	appealType: AppealType | null;
	settlementId: string | null;
	settlementName: string | null;
	address: string | null;
	/** Why: the words that decided each part, as they appear in the text. */
	why: { topic: string[]; appealType: string[]; settlement: string[] };
	scores: Record<string, number>;
}

interface CompiledTerm {
	topic: string;
	weight: number;
	phrase: CompiledPhrase;
}

const TYPE_CUES: Array<[AppealType, string[]]> = [
	['gratitude', ['спасибо', 'благодарю', 'благодарим', 'выражаю благодарность']],
	['complaint', ['жалоба', 'жалуюсь', 'безобразие', 'сколько можно', 'до сих пор', 'бездельники', 'дармоеды', 'надоело', 'прокуратура', 'не работает', 'не вывозят', 'никто не']],
	['proposal', ['предлагаю', 'предлагаем', 'предложение', 'было бы хорошо', 'давайте']],
	['application', ['прошу', 'просим', 'просьба', 'помогите', 'требую', 'примите меры']],
	['question', ['когда', 'почему', 'подскажите', 'кто знает', 'как', 'сколько']],
];

function mergeDictionary(base: TopicDictionary, extra: TopicDictionary | undefined, mode: 'extend' | 'replace'): TopicDictionary {
	if (!extra) return base;
	if (mode === 'replace') return extra;
	const out: TopicDictionary = {};
	for (const [topic, terms] of Object.entries(base)) out[topic] = [...terms];
	for (const [topic, terms] of Object.entries(extra)) out[topic] = [...(out[topic] ?? []), ...terms];
	return out;
}

/** The words of the original text that a matched phrase covers (for `why`). */
function originalWords(words: string[], start: number, length: number): string {
	return words.slice(start, start + length).join(' ');
}

export function createClassifier(options: ClassifierOptions = {}) {
	const dictionary = mergeDictionary(DEFAULT_DICTIONARY, options.dictionary, options.mode ?? 'extend');
	const minScore = options.minScore ?? 3;
	const minConfidence = options.minConfidence ?? 0.6;
	// Single-stem terms go to a map (one lookup per word); phrases are few and scanned.
	const singles = new Map<string, CompiledTerm[]>();
	const phrases: CompiledTerm[] = [];
	for (const [topic, terms] of Object.entries(dictionary)) {
		for (const [term, weight] of terms) {
			const phrase = compilePhrase(term);
			if (phrase.stems.length === 0) continue;
			const compiled = { topic, weight, phrase };
			if (phrase.stems.length === 1) {
				const list = singles.get(phrase.stems[0]) ?? [];
				list.push(compiled);
				singles.set(phrase.stems[0], list);
			} else phrases.push(compiled);
		}
	}
	const cues = TYPE_CUES.map(([type, words]) => ({ type, phrases: words.map(compilePhrase) }));
	const gazetteer = (options.gazetteer ?? DEFAULT_GAZETTEER).map((g) => ({
		entry: g,
		names: [...g.aliases, g.name].map(compilePhrase),
		villages: g.villages.map(compilePhrase),
		streets: g.streets.map(compilePhrase),
	}));

	function classify(text: string, hints: { address?: string | null } = {}): Classification {
		const words = tokenize(text ?? '');
		const textStems = stems(text ?? '');
		const scores: Record<string, number> = {};
		const why: Record<string, string[]> = {};
		const counted = new Set<string>();
		const add = (t: CompiledTerm, start: number) => {
			const key = `${t.topic}|${t.phrase.phrase}`;
			if (counted.has(key)) return;
			counted.add(key);
			scores[t.topic] = (scores[t.topic] ?? 0) + t.weight;
			(why[t.topic] ??= []).push(originalWords(words, start, t.phrase.stems.length));
		};
		textStems.forEach((s, i) => {
			for (const t of singles.get(s) ?? []) add(t, i);
		});
		for (const t of phrases) {
			const at = findPhrase(textStems, t.phrase);
			if (at >= 0) add(t, at);
		}
		const ranked = Object.entries(scores).sort((a, b) => b[1] - a[1]);
		const [best, second] = ranked;
		const confidence = best ? best[1] / (best[1] + (second?.[1] ?? 0)) : 0;
		const decided = !!best && best[1] >= minScore && confidence >= minConfidence;
		const topic = decided ? best[0] : UNDEFINED_TOPIC;
		const info = decided ? topicInfo(topic) : undefined;

		let appealType: AppealType | null = null;
		const typeWhy: string[] = [];
		for (const cue of cues) {
			const hit = cue.phrases.find((p) => findPhrase(textStems, p) >= 0);
			if (hit) {
				appealType = cue.type;
				typeWhy.push(hit.phrase);
				break;
			}
		}
		if (!appealType && /\?/.test(text ?? '')) {
			appealType = 'question';
			typeWhy.push('?');
		}

		const place = findSettlement(textStems, hints.address ? stems(hints.address) : []);
		return {
			topic,
			topicTitle: decided ? topicLabel(topic) : 'Не определено',
			confidence: Math.round(confidence * 100) / 100,
			needsReview: !decided,
			totkCode: decided ? (options.totkCodes?.[topic] ?? info?.totkCode ?? null) : null,
			appealType,
			settlementId: place?.entry.id ?? null,
			settlementName: place?.entry.name ?? null,
			address: extractAddress(text ?? '') ?? hints.address ?? null,
			why: {
				topic: decided ? why[topic] : best ? [`низкая уверенность: ${ranked.slice(0, 2).map(([t, s]) => `${t}=${s}`).join(', ')}`] : ['нет ни одного слова из словаря'],
				appealType: typeWhy,
				settlement: place ? [place.matched] : [],
			},
			scores,
		};
	}

	function findSettlement(textStems: string[], addressStems: string[]): { entry: GazetteerEntry; matched: string } | undefined {
		// A village or the settlement's own name decides; a street only when nothing else is named.
		for (const source of [textStems, addressStems]) {
			for (const kind of ['villages', 'names', 'streets'] as const) {
				for (const g of gazetteer) {
					const hit = g[kind].find((p) => findPhrase(source, p) >= 0);
					if (hit) return { entry: g.entry, matched: `${kind === 'streets' ? 'улица' : kind === 'villages' ? 'населённый пункт' : 'название'}: ${hit.phrase}` };
				}
			}
		}
		return undefined;
	}

	return { classify };
}

const ADDRESS = /(?:(?:ул\.|улица|улице|улицы|пер\.|переулок|пр-т|проспект|пл\.|площадь)\s*[А-ЯЁ][а-яё-]+(?:\s[А-ЯЁ][а-яё-]+)?(?:,?\s*(?:д\.|дом)\s*\d+[а-я]?)?|(?:д\.|дер\.|деревня|с\.|село|п\.|пос\.|посёлок)\s*[А-ЯЁ][а-яё-]+(?:\s[А-ЯЁ][а-яё-]+)?)/;

/** The first street or village mention of a text («ул. Советской, д. 5», «д. Вязье»). */
export function extractAddress(text: string): string | null {
	const m = ADDRESS.exec(text);
	return m ? m[0].replace(/\s+в$/, '').trim() : null;
}

/** Dictionary rows from a spreadsheet tab: `Тема` (topic id) and `Слова` (comma-separated, `слово:вес` allowed). */
export function parseDictionaryRows(rows: Array<Record<string, unknown>>): TopicDictionary {
	const out: TopicDictionary = {};
	rows.forEach((row, i) => {
		const topic = String(row['Тема'] ?? row.topic ?? '').trim();
		const terms = String(row['Слова'] ?? row.terms ?? '').trim();
		if (!topic && !terms) return;
		if (!topic) throw new Error(`Словарь, строка ${i + 2}: не указана тема (столбец «Тема»)`);
		if (!terms) throw new Error(`Словарь, строка ${i + 2}: нет слов для темы «${topic}» (столбец «Слова»)`);
		for (const raw of terms.split(/[,;\n]/).map((t) => t.trim()).filter(Boolean)) {
			const [term, weightText] = raw.split(':');
			const weight = weightText === undefined ? 2 : Number(weightText);
			if (!Number.isFinite(weight) || weight <= 0) throw new Error(`Словарь, строка ${i + 2}: вес «${weightText}» у слова «${term}» должен быть положительным числом`);
			(out[topic] ??= []).push([term.trim(), weight]);
		}
	});
	return out;
}
