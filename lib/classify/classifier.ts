import type { AppealType } from '../appeal';
import { UNDEFINED_TOPIC, topicInfo, topicLabel } from '../topics';
import { intern } from '../text/intern';
import { PhraseIndex } from '../text/phraseIndex';
import { compilePhrase, stemText, stems, type CompiledPhrase, type StemmedText } from '../text/russian';
import { DEFAULT_DICTIONARY, type TopicDictionary } from './dictionary';
import { DEFAULT_GAZETTEER, type GazetteerEntry } from './gazetteer';

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
	/** `topic|phrase`: a term counts once per text, however often it occurs. */
	key: string;
	/** Its slot in the phrase index (multi-word terms only). */
	slot: number;
}

/** A phrase with its slot in the classifier's phrase index. */
interface Slotted {
	phrase: CompiledPhrase;
	slot: number;
	/** For places: the `why.settlement` line, built once. */
	matched?: string;
}

/** A village or the settlement's own name decides; a street only when nothing else is named. */
const PLACE_KINDS = ['villages', 'names', 'streets'] as const;

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
	return intern(length === 1 ? words[start] : words.slice(start, start + length).join(' '));
}

export function createClassifier(options: ClassifierOptions = {}) {
	const dictionary = mergeDictionary(DEFAULT_DICTIONARY, options.dictionary, options.mode ?? 'extend');
	const minScore = options.minScore ?? 3;
	const minConfidence = options.minConfidence ?? 0.6;
	// Single-stem terms go to a map (one lookup per word); phrases, type cues and places go to one phrase index
	// (one pass over the text finds the first position of all of them).
	const index = new PhraseIndex();
	const slotted = (phrase: CompiledPhrase): Slotted => ({ phrase, slot: index.add(phrase) });
	const place = (name: string, kind: string): Slotted => ({ ...slotted(compilePhrase(name)), matched: `${kind}: ${name}` });
	const singles = new Map<string, CompiledTerm[]>();
	const phrases: CompiledTerm[] = [];
	for (const [topic, terms] of Object.entries(dictionary)) {
		for (const [term, weight] of terms) {
			const phrase = compilePhrase(term);
			if (phrase.stems.length === 0) continue;
			const compiled = { topic, weight, phrase, key: `${topic}|${phrase.phrase}`, slot: -1 };
			if (phrase.stems.length === 1) {
				const list = singles.get(phrase.stems[0]) ?? [];
				list.push(compiled);
				singles.set(phrase.stems[0], list);
			} else {
				compiled.slot = index.add(phrase);
				phrases.push(compiled);
			}
		}
	}
	const cues = TYPE_CUES.map(([type, words]) => ({ type, phrases: words.map((w) => slotted(compilePhrase(w))) }));
	const gazetteer = (options.gazetteer ?? DEFAULT_GAZETTEER).map((g) => ({
		entry: g,
		names: [...g.aliases, g.name].map((w) => place(w, 'название')),
		villages: g.villages.map((w) => place(w, 'населённый пункт')),
		streets: g.streets.map((w) => place(w, 'улица')),
	}));
	// Reused per call (classification is synchronous): positions in the text and in the address hint.
	const textAt = index.buffer();
	const addressAt = index.buffer();

	function classify(text: string, hints: { address?: string | null } = {}): Classification {
		return classifyStemmed(stemText(text ?? ''), text, hints);
	}

	/** `classify` on a text already tokenized and stemmed by `stemText(text ?? '')` (shared with conflicts and repeats). */
	function classifyStemmed(stemmed: StemmedText, text: string, hints: { address?: string | null } = {}): Classification {
		const words = stemmed.words;
		const textStems = stemmed.stems;
		const scores: Record<string, number> = {};
		const why: Record<string, string[]> = {};
		const counted = new Set<string>();
		const add = (t: CompiledTerm, start: number) => {
			if (counted.has(t.key)) return;
			counted.add(t.key);
			scores[t.topic] = (scores[t.topic] ?? 0) + t.weight;
			(why[t.topic] ??= []).push(originalWords(words, start, t.phrase.stems.length));
		};
		for (let i = 0; i < textStems.length; i++) {
			const list = singles.get(textStems[i]);
			if (list !== undefined) for (const t of list) add(t, i);
		}
		index.scan(textStems, textAt);
		for (const t of phrases) {
			const at = textAt[t.slot];
			if (at >= 0) add(t, at);
		}
		const ranked = Object.entries(scores).sort((a, b) => b[1] - a[1]);
		const [best, second] = ranked;
		const confidence = best ? best[1] / (best[1] + (second?.[1] ?? 0)) : 0;
		const decided = !!best && best[1] >= minScore && confidence >= minConfidence;
		const topic = decided ? best[0] : UNDEFINED_TOPIC;
		const info = decided ? topicInfo(topic) : undefined;

		// Result arrays are built at their final size: a pushed-to array keeps room for 17 (≈ 150 bytes each).
		let appealType: AppealType | null = null;
		let typeWhy: string[] = [];
		for (const cue of cues) {
			const hit = cue.phrases.find((p) => textAt[p.slot] >= 0);
			if (hit) {
				appealType = cue.type;
				typeWhy = [hit.phrase.phrase];
				break;
			}
		}
		if (!appealType && (text ?? '').includes('?')) {
			appealType = 'question';
			typeWhy = ['?'];
		}

		const place = findSettlement(hints.address);
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
				topic: decided ? why[topic].slice() : best ? [intern(`низкая уверенность: ${ranked.slice(0, 2).map(([t, s]) => `${t}=${s}`).join(', ')}`)] : ['нет ни одного слова из словаря'],
				appealType: typeWhy,
				settlement: place ? [place.matched] : [],
			},
			scores,
		};
	}

	/** The place named in the text (positions in `textAt`), else in the address hint (stemmed only when needed). */
	function findSettlement(address: string | null | undefined): { entry: GazetteerEntry; matched: string } | undefined {
		// A village or the settlement's own name decides; a street only when nothing else is named.
		// The reference stemmed the hint up front, so a non-string hint failed even when the text named a place.
		if (address && typeof address !== 'string') stems(address);
		const inText = placeAt(textAt);
		if (inText || !address) return inText;
		return placeAt(index.scan(stems(address), addressAt));
	}

	function placeAt(at: Int32Array): { entry: GazetteerEntry; matched: string } | undefined {
		for (const kind of PLACE_KINDS) {
			for (const g of gazetteer) {
				const hit = g[kind].find((p) => at[p.slot] >= 0);
				if (hit) return { entry: g.entry, matched: hit.matched! };
			}
		}
		return undefined;
	}

	return { classify, classifyStemmed };
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
