import { createHash } from 'node:crypto';
import { createRng } from '../random';
import { stemText, type StemmedText } from '../text/russian';

/**
 * A learned text model: multinomial logistic regression trained by averaged SGD over hashed features — word stems,
 * stem bigrams and character 3/4-grams of words (those catch typos and the word forms Snowball splits). Hashing keeps
 * memory fixed and needs no vocabulary; training is deterministic (seeded shuffle), so the same examples give the
 * same model. The abstention threshold is calibrated on a held-out part of the training data.
 */
export interface TrainingExample {
	text: string;
	topic: string;
	/** Other topics a coordinator would also accept for this text (used only to calibrate the abstention). */
	accepted?: string[];
}

export interface TrainOptions {
	/** Passes over the data (default 4). */
	epochs?: number;
	/** Initial learning rate (default 1). */
	learningRate?: number;
	/** log2 of the hashed feature space (default 16: as accurate as 18 on the corpus, smaller and faster). */
	bits?: number;
	/** Lengths of the character n-grams taken from words of four letters or more (default [4]). */
	charGrams?: number[];
	/** Share of the examples held out to calibrate the abstention threshold (default 0.1; 0 disables calibration). */
	holdout?: number;
	/** Precision the calibrated threshold aims at on the held-out part (default 0.93). */
	targetPrecision?: number;
	/** Fixed abstention threshold instead of calibration. */
	threshold?: number;
	seed?: number;
}

export interface ModelPrediction {
	/** The best topic, or null when the model abstains. */
	topic: string | null;
	/** The best topic even when abstaining (for explanations). */
	best: string;
	/** Probability of the best topic. */
	confidence: number;
	abstained: boolean;
	/** The words that weighed most for the best topic, as written in the text. */
	why: string[];
}

export interface ModelJSON {
	format: 'mcu-text-model';
	version: 1;
	fingerprint: string;
	examples: number;
	bits: number;
	charGrams: number[];
	topics: string[];
	threshold: number;
	calibration: { heldOut: number; precision: number; coverage: number } | null;
	/** Per topic: the quantization scale (weight = int8 × scale). */
	scales: number[];
	/** Used buckets, delta-coded, as base64 of little-endian uint32. */
	buckets: string;
	/** int8 weights, topics × used buckets (bucket-major), base64. */
	weights: string;
}

const MAX_WHY = 3;

function fnv(s: string, seed = 0x811c9dc5): number {
	let h = seed >>> 0;
	for (let i = 0; i < s.length; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

function mix(a: number, b: number): number {
	let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
	h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
	return (h ^ (h >>> 16)) >>> 0;
}

/** Per word: its stem's hash and the hashes of its own features (stem, char n-grams), cached across texts. */
interface WordFeatures {
	stemHash: number;
	hashes: Uint32Array;
}
const wordCaches = new Map<string, Map<string, WordFeatures>>();
const WORD_CACHE_LIMIT = 200_000;

function wordFeatures(
	cache: Map<string, WordFeatures>,
	charGrams: number[],
	word: string,
	stem: string,
): WordFeatures {
	let f = cache.get(word);
	if (f !== undefined) return f;
	const stemHash = fnv('s' + stem);
	const grams: number[] = [stemHash];
	if (word.length >= 4 && !/^\d/.test(word)) {
		const w = '<' + word + '>';
		for (const n of charGrams)
			for (let i = 0; i + n <= w.length; i++) grams.push(fnv('c' + w.slice(i, i + n)));
	}
	f = { stemHash, hashes: Uint32Array.from(grams) };
	if (cache.size >= WORD_CACHE_LIMIT) cache.clear();
	cache.set(word, f);
	return f;
}

/** One word cache per feature set (models with other n-gram lengths share nothing). */
function cacheFor(charGrams: number[]): Map<string, WordFeatures> {
	const key = charGrams.join(',');
	let c = wordCaches.get(key);
	if (!c) wordCaches.set(key, (c = new Map()));
	return c;
}

/** Words that carry no topic: skipped as features (they only add noise and time). */
const STOP = new Set(
	'и в во на не что с со к ко по о об от до из у за а но да же ли бы как так это этот эта эти то там тут уже еще ещё очень просто просим прошу пожалуйста здравствуйте добрый день вечер утро нас нам мы вы вас вам я мне меня он она они их его ее её который которая которые был была были есть будет для при без над под про или если чтобы тоже также все всё весь вся'.split(
		' ',
	),
);

/** Dedupe of a text's buckets without a Set per text: stamp[bucket] === the text's number. */
let stamps = new Int32Array(0);
let stampOf = 0;

/** Feature buckets of a text, with the word each came from (for `why`; -1 − i for a bigram starting at word i). */
/** A text's feature buckets and the word each came from, in reused typed arrays (no array growth per text). */
class Features {
	buckets = new Int32Array(256);
	owners = new Int32Array(256);
	n = 0;
	push(bucket: number, owner: number): void {
		if (this.n === this.buckets.length) {
			const b = new Int32Array(this.n * 2);
			b.set(this.buckets);
			this.buckets = b;
			const o = new Int32Array(this.n * 2);
			o.set(this.owners);
			this.owners = o;
		}
		this.buckets[this.n] = bucket;
		this.owners[this.n++] = owner;
	}
}

function extract(stemmed: StemmedText, mask: number, charGrams: number[], out: Features): void {
	out.n = 0;
	const cache = cacheFor(charGrams);
	const { words, stems } = stemmed;
	if (stamps.length !== mask + 1) {
		stamps = new Int32Array(mask + 1);
		stampOf = 0;
	}
	if (++stampOf === 0x7fffffff) {
		stamps.fill(0);
		stampOf = 1;
	}
	const mark = stampOf;
	let prev = -1;
	let prevIndex = -1;
	for (let i = 0; i < words.length; i++) {
		const w = words[i];
		if (w.length < 2 || STOP.has(w)) continue;
		const f = wordFeatures(cache, charGrams, w, stems[i]);
		for (let k = 0; k < f.hashes.length; k++) {
			const b = f.hashes[k] & mask;
			if (stamps[b] === mark) continue;
			stamps[b] = mark;
			out.push(b, i);
		}
		if (prev >= 0) {
			const b = mix(prev, f.stemHash) & mask;
			if (stamps[b] !== mark) {
				stamps[b] = mark;
				out.push(b, prevIndex < 0 ? i : -1 - prevIndex); // a bigram: credited to both words
			}
		}
		prev = f.stemHash;
		prevIndex = i;
	}
}

/** A stable fingerprint of the training data: independent of the examples' order. */
export function trainingFingerprint(examples: TrainingExample[]): string {
	const lines = examples.map((e) => `${e.topic}\t${(e.text ?? '').trim()}`).sort();
	const h = createHash('sha256');
	for (const l of lines) h.update(l + '\n');
	return h.digest('hex').slice(0, 16);
}

export class TextModel {
	readonly topics: string[];
	readonly bits: number;
	readonly charGrams: number[];
	readonly fingerprint: string;
	readonly examples: number;
	threshold: number;
	calibration: ModelJSON['calibration'];
	private readonly mask: number;
	/** Per topic: weight = int8 × scale (the model is quantized as trained, so `toJSON` loses nothing). */
	private readonly scales: number[];
	/** Weights, bucket-major: weights[bucket * K + topic]. */
	private readonly weights: Float32Array;
	private readonly scores: Float64Array;
	private readonly features = new Features();

	constructor(init: {
		topics: string[];
		bits: number;
		charGrams: number[];
		weights: Float32Array;
		threshold: number;
		fingerprint: string;
		examples: number;
		calibration: ModelJSON['calibration'];
		scales?: number[];
	}) {
		this.topics = init.topics;
		this.scales = init.scales ?? quantize(init.weights, init.topics.length);
		this.bits = init.bits;
		this.charGrams = init.charGrams;
		this.mask = (1 << init.bits) - 1;
		this.weights = init.weights;
		this.threshold = init.threshold;
		this.fingerprint = init.fingerprint;
		this.examples = init.examples;
		this.calibration = init.calibration;
		this.scores = new Float64Array(init.topics.length);
	}

	/** Probabilities of each topic for a stemmed text, in `scores` (softmax); returns the best topic index. */
	private score(stemmed: StemmedText): number {
		const K = this.topics.length;
		const f = this.features;
		extract(stemmed, this.mask, this.charGrams, f);
		const buckets = f.buckets;
		const s = this.scores;
		s.fill(0);
		const n = f.n;
		if (n === 0) return -1;
		const v = 1 / Math.sqrt(n);
		const w = this.weights;
		for (let i = 0; i < n; i++) {
			const o = buckets[i] * K;
			for (let k = 0; k < K; k++) s[k] += w[o + k];
		}
		let best = 0;
		for (let k = 0; k < K; k++) {
			s[k] *= v;
			if (s[k] > s[best]) best = k;
		}
		let sum = 0;
		const max = s[best];
		for (let k = 0; k < K; k++) {
			s[k] = Math.exp(s[k] - max);
			sum += s[k];
		}
		for (let k = 0; k < K; k++) s[k] /= sum;
		return best;
	}

	predict(text: string): ModelPrediction {
		return this.predictStemmed(stemText(text ?? ''));
	}

	/** `explain: 'decided'` (default `always`) skips the explanation of an abstention (the classifier's hot path). */
	predictStemmed(
		stemmed: StemmedText,
		options: { explain?: 'always' | 'decided' } = {},
	): ModelPrediction {
		const best = this.score(stemmed);
		if (best < 0) return { topic: null, best: '', confidence: 0, abstained: true, why: [] };
		const confidence = this.scores[best];
		const abstained = confidence < this.threshold;
		const why = abstained && options.explain === 'decided' ? [] : this.explain(stemmed.words, best);
		return {
			topic: abstained ? null : this.topics[best],
			best: this.topics[best],
			confidence,
			abstained,
			why,
		};
	}

	/** The words whose features pushed the best topic most above the others' mean. */
	private explain(words: string[], best: number): string[] {
		const K = this.topics.length;
		const w = this.weights;
		const credit = new Float64Array(words.length);
		const f = this.features;
		for (let i = 0; i < f.n; i++) {
			const o = f.buckets[i] * K;
			let mean = 0;
			for (let k = 0; k < K; k++) mean += w[o + k];
			const x = w[o + best] - mean / K;
			const owner = f.owners[i];
			if (owner >= 0) credit[owner] += x;
			else {
				// A bigram: half to each of its two words (the owner is the first; the next content word follows it).
				const first = -1 - owner;
				credit[first] += x / 2;
				let next = first + 1;
				while (next < words.length && (words[next].length < 2 || STOP.has(words[next]))) next++;
				if (next < words.length) credit[next] += x / 2;
			}
		}
		// The top words by credit (a few passes: MAX_WHY is small), each word once.
		const out: string[] = [];
		for (let r = 0; r < MAX_WHY; r++) {
			let top = -1;
			for (let i = 0; i < words.length; i++)
				if (credit[i] > 0 && (top < 0 || credit[i] > credit[top]) && !out.includes(words[i]))
					top = i;
			if (top < 0) break;
			out.push(words[top]);
			credit[top] = 0;
		}
		return out;
	}

	/** Probability of the best topic for each text (for calibration). */
	probabilities(stemmed: StemmedText): { best: string; confidence: number } {
		const b = this.score(stemmed);
		return b < 0
			? { best: '', confidence: 0 }
			: { best: this.topics[b], confidence: this.scores[b] };
	}

	toJSON(): ModelJSON {
		const K = this.topics.length;
		const size = 1 << this.bits;
		const scales = this.scales;
		const used: number[] = [];
		const q: number[] = [];
		for (let b = 0; b < size; b++) {
			const row = new Array<number>(K);
			let any = false;
			for (let k = 0; k < K; k++) {
				row[k] = Math.round(this.weights[b * K + k] / scales[k]);
				if (row[k] !== 0) any = true;
			}
			if (!any) continue;
			used.push(b);
			q.push(...row);
		}
		const deltas = new Uint32Array(used.length);
		for (let i = 0; i < used.length; i++) deltas[i] = used[i] - (i ? used[i - 1] : 0);
		return {
			format: 'mcu-text-model',
			version: 1,
			fingerprint: this.fingerprint,
			examples: this.examples,
			bits: this.bits,
			charGrams: this.charGrams,
			topics: this.topics,
			threshold: this.threshold,
			calibration: this.calibration,
			scales,
			buckets: Buffer.from(deltas.buffer).toString('base64'),
			weights: Buffer.from(Int8Array.from(q).buffer).toString('base64'),
		};
	}

	static fromJSON(json: ModelJSON | string): TextModel {
		const j = (typeof json === 'string' ? JSON.parse(json) : json) as ModelJSON;
		if (!j || j.format !== 'mcu-text-model' || j.version !== 1)
			throw new Error('Модель тем не прочитана: неизвестный формат');
		const K = j.topics.length;
		const deltaBuf = Buffer.from(j.buckets, 'base64');
		const deltas = new Uint32Array(
			deltaBuf.buffer.slice(deltaBuf.byteOffset, deltaBuf.byteOffset + deltaBuf.byteLength),
		);
		const wBuf = Buffer.from(j.weights, 'base64');
		const q = new Int8Array(wBuf.buffer.slice(wBuf.byteOffset, wBuf.byteOffset + wBuf.byteLength));
		if (q.length !== deltas.length * K)
			throw new Error('Модель тем не прочитана: размеры весов не сходятся');
		const weights = new Float32Array((1 << j.bits) * K);
		let b = 0;
		for (let i = 0; i < deltas.length; i++) {
			b += deltas[i];
			for (let k = 0; k < K; k++) weights[b * K + k] = q[i * K + k] * j.scales[k];
		}
		return new TextModel({
			topics: j.topics,
			bits: j.bits,
			charGrams: j.charGrams ?? [4],
			weights,
			threshold: j.threshold,
			fingerprint: j.fingerprint,
			examples: j.examples,
			calibration: j.calibration,
			scales: j.scales,
		});
	}
}

/** Rounds the weights in place to int8 steps of a per-topic scale; returns the scales. */
function quantize(w: Float32Array, K: number): number[] {
	const scales = new Array<number>(K).fill(0);
	for (let i = 0; i < w.length; i++) scales[i % K] = Math.max(scales[i % K], Math.abs(w[i]));
	for (let k = 0; k < K; k++) scales[k] = scales[k] / 127 || 1;
	for (let i = 0; i < w.length; i++) w[i] = Math.round(w[i] / scales[i % K]) * scales[i % K];
	return scales;
}

interface Prepared {
	buckets: Uint32Array;
	label: number;
}

function fit(
	data: Prepared[],
	K: number,
	bits: number,
	epochs: number,
	lr0: number,
	seed: number,
): Float32Array {
	const size = (1 << bits) * K;
	const w = new Float32Array(size);
	// Averaged SGD: `u` accumulates c·update, the average is w − u/c (Collins' trick, no per-step copy).
	const u = new Float32Array(size);
	const p = new Float64Array(K);
	const order = data.map((_, i) => i);
	const rand = createRng(seed);
	let c = 1;
	for (let epoch = 0; epoch < epochs; epoch++) {
		for (let i = order.length - 1; i > 0; i--) {
			const j = Math.floor(rand() * (i + 1));
			[order[i], order[j]] = [order[j], order[i]];
		}
		const lr = lr0 / (1 + epoch);
		for (const idx of order) {
			const ex = data[idx];
			const n = ex.buckets.length;
			if (n === 0) continue;
			const v = 1 / Math.sqrt(n);
			p.fill(0);
			for (let i = 0; i < n; i++) {
				const o = ex.buckets[i] * K;
				for (let k = 0; k < K; k++) p[k] += w[o + k];
			}
			let max = -Infinity;
			for (let k = 0; k < K; k++) {
				p[k] *= v;
				if (p[k] > max) max = p[k];
			}
			let sum = 0;
			for (let k = 0; k < K; k++) {
				p[k] = Math.exp(p[k] - max);
				sum += p[k];
			}
			// A text the model already gets right with near certainty adds nothing worth a pass over its features.
			if (p[ex.label] / sum > 0.999) {
				c++;
				continue;
			}
			for (let k = 0; k < K; k++) p[k] = ((k === ex.label ? 1 : 0) - p[k] / sum) * lr * v;
			for (let i = 0; i < n; i++) {
				const o = ex.buckets[i] * K;
				for (let k = 0; k < K; k++) {
					const g = p[k];
					if (g < 1e-7 && g > -1e-7) continue;
					w[o + k] += g;
					u[o + k] += c * g;
				}
			}
			c++;
		}
	}
	for (let i = 0; i < size; i++) w[i] -= u[i] / c;
	return w;
}

/** Lowest threshold whose held-out precision (on the texts it decides) reaches the target. */
function calibrate(
	scored: Array<{ confidence: number; right: boolean }>,
	target: number,
): { threshold: number; precision: number; coverage: number } {
	const sorted = [...scored].sort((a, b) => b.confidence - a.confidence);
	let right = 0;
	let bestIndex = -1;
	for (let i = 0; i < sorted.length; i++) {
		if (sorted[i].right) right++;
		// Keep the longest prefix (most decided) whose precision still meets the target.
		if (right / (i + 1) >= target) bestIndex = i;
	}
	if (bestIndex < 0) return { threshold: 1, precision: 0, coverage: 0 };
	let r = 0;
	for (let i = 0; i <= bestIndex; i++) if (sorted[i].right) r++;
	return {
		threshold: sorted[bestIndex].confidence,
		precision: r / (bestIndex + 1),
		coverage: (bestIndex + 1) / sorted.length,
	};
}

export function trainTextModel(examples: TrainingExample[], options: TrainOptions = {}): TextModel {
	const bits = options.bits ?? 16;
	const charGrams = options.charGrams ?? [4];
	const epochs = options.epochs ?? 4;
	const lr = options.learningRate ?? 1;
	const seed = options.seed ?? 1;
	const holdoutShare = options.threshold !== undefined ? 0 : (options.holdout ?? 0.1);
	const clean = examples.filter(
		(e) =>
			e && typeof e.text === 'string' && e.text.trim() && typeof e.topic === 'string' && e.topic,
	);
	if (clean.length === 0)
		throw new Error('Модель тем: нет примеров для обучения (нужны текст и тема)');
	const topics = [...new Set(clean.map((e) => e.topic))].sort();
	const K = topics.length;
	const label = new Map(topics.map((t, i) => [t, i]));
	const mask = (1 << bits) - 1;
	const tmp = new Features();
	const prepared: Prepared[] = clean.map((e) => {
		extract(stemText(e.text), mask, charGrams, tmp);
		return {
			buckets: Uint32Array.from(tmp.buckets.subarray(0, tmp.n)),
			label: label.get(e.topic)!,
		};
	});
	const fingerprint = trainingFingerprint(clean);
	let threshold = options.threshold ?? 0;
	let calibration: ModelJSON['calibration'] = null;
	if (holdoutShare > 0 && clean.length >= 20 && K > 1) {
		// Held out by a hash of the text: the same examples always split the same way, whatever their order.
		const isHeld = clean.map((e) => (fnv(e.text, seed) % 1000) / 1000 < holdoutShare);
		const train = prepared.filter((_, i) => !isHeld[i]);
		const held = clean.filter((_, i) => isHeld[i]);
		if (held.length > 0 && train.length > 0) {
			const probe = new TextModel({
				topics,
				bits,
				charGrams,
				weights: fit(train, K, bits, epochs, lr, seed),
				threshold: 0,
				fingerprint,
				examples: train.length,
				calibration: null,
			});
			const scored = held.map((e) => {
				const p = probe.probabilities(stemText(e.text));
				return {
					confidence: p.confidence,
					right: p.best === e.topic || (e.accepted?.includes(p.best) ?? false),
				};
			});
			const c = calibrate(scored, options.targetPrecision ?? 0.93);
			threshold = c.threshold;
			calibration = {
				heldOut: held.length,
				precision: Math.round(c.precision * 1000) / 1000,
				coverage: Math.round(c.coverage * 1000) / 1000,
			};
		}
	}
	const weights = fit(prepared, K, bits, epochs, lr, seed);
	return new TextModel({
		topics,
		bits,
		charGrams,
		weights,
		threshold,
		fingerprint,
		examples: clean.length,
		calibration,
	});
}
