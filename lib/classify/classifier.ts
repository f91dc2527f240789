import type { AppealType } from '../appeal';
import { UNDEFINED_TOPIC, topicInfo, topicLabel } from '../topics';
import { sortSmall } from '../sortSmall';
import { intern } from '../text/intern';
import { PhraseIndex } from '../text/phraseIndex';
import {
	compilePhrase,
	normalizeWord,
	stemText,
	stems,
	type CompiledPhrase,
	type StemmedText,
} from '../text/russian';
import { DEFAULT_DICTIONARY, NOT_PHRASES, NOT_TERMS, type TopicDictionary } from './dictionary';
import { DEFAULT_GAZETTEER, type GazetteerEntry } from './gazetteer';
import type { TextModel } from './model';
import { createPlaceMatcher, withinOneEdit } from './places';

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
	/**
	 * A learned text model (`trainTextModel`). It decides where it is confident, unless the coordinator's own
	 * dictionary terms (`dictionary`) decide the text; where it abstains, the dictionary decides if it can.
	 */
	model?: TextModel;
}

/** What decided the topic: the learned model, the dictionary, or nothing (sent to review). */
export type TextDecidedBy = 'model' | 'dictionary' | null;

export interface Classification {
	topic: string;
	topicTitle: string;
	confidence: number;
	needsReview: boolean;
	decidedBy: TextDecidedBy;
	totkCode: string | null;
	appealType: AppealType | null;
	settlementId: string | null;
	settlementName: string | null;
	address: string | null;
	/**
	 * Why: what decided each part. `topic` is one line naming the decider and the words, as they appear in the text
	 * («словарь: ямами, дорога», «модель: яма, асфальт»), or why nothing decided.
	 */
	why: { topic: string[]; appealType: string[]; settlement: string[] };
	scores: Record<string, number>;
}

interface CompiledTerm {
	topic: string;
	weight: number;
	phrase: CompiledPhrase;
	/** `topic|phrase`: a term counts once per text, however often it occurs. */
	key: string;
	/** The number of its key (terms of one key share it), for marking it counted in a text. */
	n: number;
	/** Its slot in the phrase index (multi-word terms only). */
	slot: number;
	/** A term the coordinator gave (`options.dictionary`): decisive terms of theirs win over the model. */
	user: boolean;
}

/** A phrase with its slot in the classifier's phrase index. */
interface Slotted {
	phrase: CompiledPhrase;
	slot: number;
}

const TYPE_CUES: Array<[AppealType, string[]]> = [
	['gratitude', ['спасибо', 'благодарю', 'благодарим', 'выражаю благодарность']],
	[
		'complaint',
		[
			'жалоба',
			'жалуюсь',
			'безобразие',
			'сколько можно',
			'до сих пор',
			'бездельники',
			'дармоеды',
			'надоело',
			'прокуратура',
			'не работает',
			'не вывозят',
			'никто не',
		],
	],
	['proposal', ['предлагаю', 'предлагаем', 'предложение', 'было бы хорошо', 'давайте']],
	['application', ['прошу', 'просим', 'просьба', 'помогите', 'требую', 'примите меры']],
	['question', ['когда', 'почему', 'подскажите', 'кто знает', 'как', 'сколько']],
];

/** A dictionary term ending in «*» matches every word that starts with it («дорож*»: дорожный, дорожное, дорожник). */
function isPrefixTerm(term: string): boolean {
	return term.length > 2 && term.endsWith('*') && !term.slice(0, -1).includes(' ');
}

/** The words of the original text that a matched phrase covers (for `why`). */
function originalWords(words: string[], start: number, length: number): string {
	return intern(length === 1 ? words[start] : words.slice(start, start + length).join(' '));
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The first of the masked phrases that starts at `i` in the stems, if any. */
function maskAt(masked: string[][], textStems: string[], i: number): string[] | undefined {
	for (let m = 0; m < masked.length; m++) {
		const st = masked[m];
		let k = 0;
		while (k < st.length && textStems[i + k] === st[k]) k++;
		if (k === st.length) return st;
	}
	return undefined;
}

export function createClassifier(options: ClassifierOptions = {}) {
	const mode = options.mode ?? 'extend';
	const minScore = options.minScore ?? 3;
	const minConfidence = options.minConfidence ?? 0.6;
	const model = options.model;
	// Single-stem terms go to a map (one lookup per word); phrases and type cues go to one phrase index
	// (one pass over the text finds the first position of all of them).
	const index = new PhraseIndex();
	const slotted = (phrase: CompiledPhrase): Slotted => ({ phrase, slot: index.add(phrase) });
	const singles = new Map<string, CompiledTerm[]>();
	const prefixes = new Map<string, CompiledTerm[]>();
	const phrases: CompiledTerm[] = [];
	const byKey = new Map<string, CompiledTerm>();
	const keyNumbers = new Map<string, number>();
	const numberOf = (key: string): number => {
		let n = keyNumbers.get(key);
		if (n === undefined) keyNumbers.set(key, (n = keyNumbers.size));
		return n;
	};
	const addTerms = (dictionary: TopicDictionary, user: boolean) => {
		for (const [topic, terms] of Object.entries(dictionary)) {
			for (const [term, weight] of terms) {
				if (isPrefixTerm(term)) {
					const prefix = normalizeWord(term.slice(0, -1));
					const list = prefixes.get(prefix) ?? [];
					const key = `${topic}|${term}`;
					list.push({
						topic,
						weight,
						phrase: { phrase: term, stems: [prefix] },
						key,
						n: numberOf(key),
						slot: -1,
						user,
					});
					prefixes.set(prefix, list);
					continue;
				}
				const phrase = compilePhrase(term);
				if (phrase.stems.length === 0) continue;
				// Forms of one word («батарея», «батареи») are one term: the strongest weight counts, once.
				const key = `${topic}|${phrase.stems.join(' ')}`;
				const same = byKey.get(key);
				if (same) {
					same.weight = Math.max(same.weight, weight);
					same.user ||= user;
					continue;
				}
				const compiled = { topic, weight, phrase, key, n: numberOf(key), slot: -1, user };
				byKey.set(key, compiled);
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
	};
	// The coordinator's terms first: a term they repeat from the default counts once, as theirs.
	if (options.dictionary) addTerms(options.dictionary, true);
	if (mode === 'extend' || !options.dictionary) addTerms(DEFAULT_DICTIONARY, false);
	const prefixLengths = [...new Set([...prefixes.keys()].map((p) => p.length))].sort(
		(a, b) => a - b,
	);
	// Per word: the single-word terms it matches (by stem and by prefix), cached because words recur.
	const wordTerms = new Map<string, CompiledTerm[] | null>();
	const notTerms = new Set(NOT_TERMS.map(normalizeWord));
	// One-letter typos in words of the dictionary (stems of five letters or more): a deletion index finds the
	// stems within one edit without comparing every word with every term.
	const FUZZY_MIN = 5;
	const deletions = new Map<string, string[]>();
	const addDeletion = (key: string, stem: string) => {
		const list = deletions.get(key);
		if (!list) deletions.set(key, [stem]);
		else if (!list.includes(stem)) list.push(stem);
	};
	for (const stem of singles.keys()) {
		if (stem.length < FUZZY_MIN || /\d/.test(stem)) continue;
		addDeletion(stem, stem);
		for (let i = 0; i < stem.length; i++) addDeletion(stem.slice(0, i) + stem.slice(i + 1), stem);
	}
	const fuzzyTerms = (stem: string): CompiledTerm[] | null => {
		if (stem.length < FUZZY_MIN || /\d/.test(stem)) return null;
		let out: CompiledTerm[] | null = null;
		const seen = new Set<string>();
		const probe = (key: string) => {
			for (const cand of deletions.get(key) ?? []) {
				// A stem that only lacks or adds a last letter is another word of the family («образова» ≠ «образован»).
				if (
					seen.has(cand) ||
					cand.startsWith(stem) ||
					stem.startsWith(cand) ||
					!withinOneEdit(stem, cand)
				)
					continue;
				seen.add(cand);
				out = [...(out ?? []), ...singles.get(cand)!];
			}
		};
		probe(stem);
		for (let i = 0; i < stem.length; i++) probe(stem.slice(0, i) + stem.slice(i + 1));
		return out;
	};
	const masks = new Map<string, string[][]>();
	for (const p of NOT_PHRASES) {
		const st = stems(p);
		masks.set(st[0], [...(masks.get(st[0]) ?? []), st]);
	}
	const termsOf = (word: string, stem: string): CompiledTerm[] | null => {
		const list = wordTerms.get(word);
		if (list !== undefined) return list;
		if (notTerms.has(word)) {
			wordTerms.set(word, null);
			return null;
		}
		const byStem = singles.get(stem);
		let out: CompiledTerm[] | null = byStem ? [...byStem] : null;
		for (const n of prefixLengths) {
			if (n > word.length) break;
			const hit = prefixes.get(word.slice(0, n));
			if (hit) out = out ? [...out, ...hit] : [...hit];
		}
		if (out === null) out = fuzzyTerms(stem);
		// One word counts once per topic («парадной» is both «парадная» and «парадн*»): its strongest term.
		if (out !== null && out.length > 1) {
			const strongest = new Map<string, CompiledTerm>();
			for (const t of out)
				if ((strongest.get(t.topic)?.weight ?? -1) < t.weight) strongest.set(t.topic, t);
			out = [...strongest.values()];
		}
		if (wordTerms.size > 200_000) wordTerms.clear();
		wordTerms.set(word, out);
		return out;
	};
	const cues = TYPE_CUES.map(([type, words]) => ({
		type,
		phrases: words.map((w) => slotted(compilePhrase(w))),
	}));
	// Cue phrases take the index's last slots, in the order of TYPE_CUES: the first cue found in that order is the
	// smallest of their slots found in a text.
	const firstCueSlot = cues[0].phrases[0].slot;
	const cueAt: Array<{ type: AppealType; phrase: string }> = [];
	for (const cue of cues)
		for (const p of cue.phrases)
			cueAt[p.slot - firstCueSlot] = { type: cue.type, phrase: p.phrase.phrase };
	const places = createPlaceMatcher(options.gazetteer ?? DEFAULT_GAZETTEER);
	// Reused per call (classification is synchronous): positions in the text, the slots found.
	const textAt = index.buffer();
	const found: number[] = [];
	const phraseAt: Array<CompiledTerm | undefined> = new Array(textAt.length);
	for (const t of phrases) phraseAt[t.slot] = t;
	// The terms counted in the current text: `countedAt[term.n] === stamp` (a Set of keys per text costs more).
	const countedAt = new Int32Array(keyNumbers.size);
	let stamp = 0;

	function classify(text: string, hints: { address?: string | null } = {}): Classification {
		return classifyStemmed(stemText(text ?? ''), text, hints);
	}

	/** `classify` on a text already tokenized and stemmed by `stemText(text ?? '')` (shared with conflicts and repeats). */
	function classifyStemmed(
		stemmed: StemmedText,
		text: string,
		hints: { address?: string | null } = {},
	): Classification {
		const words = stemmed.words;
		const textStems = stemmed.stems;
		const scores: Record<string, number> = {};
		// Only the coordinator's own terms count here: none with the default dictionary, so made on the first one.
		let userScores: Record<string, number> | undefined;
		const why: Record<string, string[]> = {};
		if (stamp === 0x7fffffff) {
			countedAt.fill(0);
			stamp = 0;
		}
		const mark = ++stamp;
		const firstAt: Record<string, number> = {};
		const add = (t: CompiledTerm, start: number) => {
			if (countedAt[t.n] === mark) return;
			countedAt[t.n] = mark;
			if (!(start >= firstAt[t.topic])) firstAt[t.topic] = start;
			scores[t.topic] = (scores[t.topic] ?? 0) + t.weight;
			if (t.user) {
				userScores ??= {};
				userScores[t.topic] = (userScores[t.topic] ?? 0) + t.weight;
			}
			const w = originalWords(words, start, t.phrase.stems.length);
			// Most topics get one word: an array literal at its size (a pushed-to empty one keeps room for 17).
			const list = why[t.topic];
			if (list === undefined) why[t.topic] = [w];
			else if (!list.includes(w)) list.push(w);
		};
		for (let i = 0; i < textStems.length; i++) {
			const masked = masks.get(textStems[i]);
			if (masked !== undefined) {
				const m = maskAt(masked, textStems, i);
				if (m !== undefined) {
					i += m.length - 1; // «в связи с»: none of its words is a term
					continue;
				}
			}
			const list = termsOf(words[i], textStems[i]);
			if (list !== null) for (let k = 0; k < list.length; k++) add(list[k], i);
		}
		// Phrase terms found, in slot order (the order they were added: sums and `why` come out the same).
		found.length = 0;
		index.scan(textStems, textAt, found);
		if (found.length > 1) sortSmall(found);
		for (let k = 0; k < found.length; k++) {
			const slot = found[k];
			const t = phraseAt[slot];
			if (t !== undefined) add(t, textAt[slot]);
		}
		// Ties go to the topic named first: a text about two problems usually leads with the one it is about.
		// The two first of the topics sorted by that order (a stable sort of `Object.entries(scores)`), in one pass.
		// (Topic and score in plain variables, not a pair per candidate.)
		let best: string | undefined;
		let bestScore = 0;
		let second: string | undefined;
		let secondScore = 0; // 0 while there is no second
		for (const topic in scores) {
			const score = scores[topic];
			if (
				best === undefined ||
				score > bestScore ||
				(score === bestScore && firstAt[topic] < firstAt[best])
			) {
				second = best;
				secondScore = bestScore;
				best = topic;
				bestScore = score;
			} else if (
				second === undefined ||
				score > secondScore ||
				(score === secondScore && firstAt[topic] < firstAt[second])
			) {
				second = topic;
				secondScore = score;
			}
		}
		const dictConfidence = best !== undefined ? bestScore / (bestScore + secondScore) : 0;
		// Two topics that both reach the threshold: the one named first decides (see the sort above).
		const leadsTie =
			best !== undefined &&
			second !== undefined &&
			secondScore >= minScore &&
			firstAt[best] < firstAt[second] &&
			bestScore >= secondScore;
		const dictDecided =
			best !== undefined && bestScore >= minScore && (dictConfidence >= minConfidence || leadsTie);
		// The coordinator's own terms decide when they alone reach the threshold for the dictionary's decision.
		const userDecisive = dictDecided && (userScores?.[best!] ?? 0) >= minScore;
		const predicted =
			model && !userDecisive ? model.predictStemmed(stemmed, { explain: 'decided' }) : undefined;
		let decidedBy: TextDecidedBy = null;
		let topic = UNDEFINED_TOPIC;
		let confidence = dictConfidence;
		let topicWhy: string[];
		if (predicted && !predicted.abstained && predicted.topic) {
			decidedBy = 'model';
			topic = predicted.topic;
			confidence = predicted.confidence;
			topicWhy = [intern(`модель: ${predicted.why.join(', ')}`)];
		} else if (dictDecided) {
			decidedBy = 'dictionary';
			topic = best!;
			topicWhy = [intern(`словарь: ${why[topic].join(', ')}`)];
		} else {
			topicWhy = [
				best !== undefined
					? intern(
							`низкая уверенность словаря: ${best}=${bestScore}${second !== undefined ? `, ${second}=${secondScore}` : ''}`,
						)
					: 'нет ни одного слова из словаря',
			];
			if (predicted && predicted.best)
				topicWhy.push(
					intern(`модель не уверена: ${predicted.best} ${round2(predicted.confidence)}`),
				);
			if (predicted) confidence = Math.max(confidence, predicted.confidence);
		}
		const decided = decidedBy !== null;
		const info = decided ? topicInfo(topic) : undefined;

		// Result arrays are built at their final size: a pushed-to array keeps room for 17 (≈ 150 bytes each).
		let appealType: AppealType | null = null;
		let typeWhy: string[] = [];
		// `found` is in ascending slot order (sorted above).
		for (let k = 0; k < found.length; k++) {
			const slot = found[k];
			if (slot < firstCueSlot) continue;
			const cue = cueAt[slot - firstCueSlot];
			appealType = cue.type;
			typeWhy = [cue.phrase];
			break;
		}
		if (!appealType && (text ?? '').includes('?')) {
			appealType = 'question';
			typeWhy = ['?'];
		}

		const place = findSettlement(words, text, hints.address);
		return {
			topic,
			topicTitle: decided ? topicLabel(topic) : 'Не определено',
			confidence: round2(confidence),
			needsReview: !decided,
			decidedBy,
			totkCode: decided ? (options.totkCodes?.[topic] ?? info?.totkCode ?? null) : null,
			appealType,
			settlementId: place?.entry.id ?? null,
			settlementName: place?.entry.name ?? null,
			address: extractAddress(text ?? '') ?? hints.address ?? null,
			why: {
				topic: topicWhy,
				appealType: typeWhy,
				settlement: place ? [place.matched] : [],
			},
			scores,
		};
	}

	/** The place named in the text, else in the address hint. */
	function findSettlement(
		words: string[],
		text: string,
		address: string | null | undefined,
	): { entry: GazetteerEntry; matched: string } | undefined {
		if (address && typeof address !== 'string') stems(address); // a non-string hint is an error, as before
		const inText = places.find(words, typeof text === 'string' ? text : undefined);
		if (inText || !address) return inText;
		return places.findInText(address);
	}

	return { classify, classifyStemmed };
}

const ADDRESS =
	/(?:(?:ул\.|улица|улице|улицы|пер\.|переулок|пр-т|проспект|пл\.|площадь)\s*[А-ЯЁ][а-яё-]+(?:\s[А-ЯЁ][а-яё-]+)?(?:,?\s*(?:д\.|дом)\s*\d+[а-я]?)?|(?:д\.|дер\.|деревня|с\.|село|п\.|пос\.|посёлок)\s*[А-ЯЁ][а-яё-]+(?:\s[А-ЯЁ][а-яё-]+)?)/;

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
		if (!terms)
			throw new Error(`Словарь, строка ${i + 2}: нет слов для темы «${topic}» (столбец «Слова»)`);
		for (const raw of terms
			.split(/[,;\n]/)
			.map((t) => t.trim())
			.filter(Boolean)) {
			const [term, weightText] = raw.split(':');
			const weight = weightText === undefined ? 2 : Number(weightText);
			if (!Number.isFinite(weight) || weight <= 0)
				throw new Error(
					`Словарь, строка ${i + 2}: вес «${weightText}» у слова «${term}» должен быть положительным числом`,
				);
			(out[topic] ??= []).push([term.trim(), weight]);
		}
	});
	return out;
}
