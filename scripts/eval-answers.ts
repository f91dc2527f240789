/**
 * Answer checks measured on real official answers: per-check precision and recall against the reviewer's labels
 * (bench/data/answer-labels.jsonl), the rework decision's precision, recall and share, fire rates on every answered
 * record of the corpus, and the throughput with the template check over a 50,000-answer batch.
 * Labels are split dev/test by a hash of the id, plus the held-out batch (all reported), and the decision and learned
 * alternatives to it are estimated by grouped k-fold cross-validation over all labels. Writes bench/answer-checks.md with --write.
 *
 * Run: npm run eval:answers [-- <corpus.jsonl.gz>] [-- --write] [-- --misses] [-- --cv-repeats=10]
 */
import { readFileSync, existsSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import {
	answerInputOf,
	checkAnswer,
	DEFAULT_DISABLED,
	otherAnswerOf,
	type AnswerInput,
	type AnswerRecord,
	type OtherAnswer,
	type QualityCode,
	type QualityOptions,
} from '../lib/quality';
import { sentenceFacts, splitSentences, type SentenceFacts } from '../lib/quality/analysis';
import { answerKind, answerLength, cellSizes } from './answer-sample';

interface CorpusRecord {
	id: number;
	district: string;
	category: string;
	reason: string;
	text: string;
	created: string;
	address: string;
	answers: Array<{ dt: string; status: string; body: string }>;
	statuses: Array<[string, string]>;
}
interface Label {
	id: number;
	answer: number;
	kind: 'final' | 'intermediate';
	rework: boolean;
	defects: string[];
	reason: string;
	/**
	 * A later batch kept out of rule building as a whole ("heldout", "heldout2"); absent: split by the id's hash.
	 * "heldout2" was labelled by a second reviewer blind to the checks (answer-labels.md).
	 */
	split?: LaterBatch;
}

/** Check code ↔ the reviewer's defect. */
const DEFECT_OF: Partial<Record<QualityCode, string>> = {
	not_addressed: 'off_topic',
	formal_reply: 'formal',
	promise_without_date: 'no_term',
	legal_refs_without_explanation: 'legal_refs_only',
	contradiction: 'contradiction',
	personal_data: 'personal_data',
	too_short: 'too_short',
	empty: 'too_short',
	late: 'late',
};
const CODES = Object.keys(DEFECT_OF) as QualityCode[];
const DAY = 86_400_000;
const local = (dt: string) => `${dt.slice(0, 19)}+03:00`;

/**
 * A corpus record and one of its answers as the package's appeal record: the portal publishes under the district's
 * administration (the organisation signs); the round (from the last «Модерация» before the answer) gives the
 * registration (its first «Рассмотрение»), the 30-day deadline and the earlier answers of that round; the portal's
 * «Промежуточный ответ» status right after an answer marks it intermediate.
 */
export function toAppealRecord(r: CorpusRecord, index: number): AnswerRecord {
	const answer = r.answers[index];
	const at = Date.parse(local(answer.dt));
	const statuses = r.statuses
		.map(([dt, name]) => ({ t: Date.parse(local(dt)), name }))
		.sort((a, b) => a.t - b.t);
	const roundStart =
		[...statuses].reverse().find((s) => s.name === 'Модерация' && s.t <= at)?.t ??
		Date.parse(local(r.created));
	const registered =
		statuses.find((s) => s.name === 'Рассмотрение' && s.t >= roundStart)?.t ?? roundStart;
	const answersByTime = r.answers
		.map((a, i) => ({ i, t: Date.parse(local(a.dt)), body: a.body }))
		.sort((a, b) => a.t - b.t);
	const intermediate = (t: number) => {
		const next = statuses.find(
			(s) =>
				s.t >= t &&
				(s.name === 'Промежуточный ответ' ||
					s.name === 'Получен ответ' ||
					s.name.startsWith('Завершено')),
		);
		return next?.name === 'Промежуточный ответ';
	};
	return {
		id: String(r.id),
		source: 'pos',
		kind: 'message',
		text: r.text,
		category: `${r.category} / ${r.reason}`,
		address: r.address,
		organization: `Администрация ${r.district.replace(/ий$/, 'ого').replace(/ый$/, 'ого')} района`,
		answerText: answer.body,
		answeredAt: new Date(at).toISOString(),
		deadline: new Date(registered + 30 * DAY).toISOString(),
		answerIntermediate: intermediate(at),
		answerHistory: answersByTime
			.filter((a) => a.t < at && a.t >= roundStart)
			.map((a) => ({
				at: new Date(a.t).toISOString(),
				text: a.body,
				intermediate: intermediate(a.t),
			})),
	};
}

/**
 * Shares over every answer of the corpus: what the checks send back (each answer with its own history), and the label
 * and decision shares weighted by the corpus size of each kind × length cell the labels were drawn from.
 */
function weightedShares(
	corpus: CorpusRecord[],
	labels: Label[],
	byId: Map<number, CorpusRecord>,
	others: OtherAnswer[],
): { answers: number; sentBack: number; labelled: number; predicted: number } {
	const cellOf = (r: CorpusRecord, i: number) =>
		`${answerKind(r as never, i)}/${answerLength(r.answers[i].body)}`;
	const sizes = cellSizes(corpus as never);
	let answers = 0,
		sentBack = 0;
	for (const r of corpus)
		for (let i = 0; i < r.answers.length; i++) {
			answers++;
			if (!checkAnswer(answerInputOf(toAppealRecord(r, i), others)).ok) sentBack++;
		}
	const cells = new Map<string, { n: number; rework: number; predicted: number }>();
	for (const l of labels) {
		const r = byId.get(l.id);
		if (!r?.answers[l.answer]) continue;
		const c = cells.get(cellOf(r, l.answer)) ?? { n: 0, rework: 0, predicted: 0 };
		cells.set(cellOf(r, l.answer), c);
		c.n++;
		c.rework += l.rework ? 1 : 0;
		c.predicted += checkAnswer(answerInputOf(toAppealRecord(r, l.answer), others)).ok ? 0 : 1;
	}
	let total = 0,
		labelled = 0,
		predicted = 0;
	for (const [cell, size] of sizes) {
		const c = cells.get(cell);
		if (!c?.n) continue;
		total += size;
		labelled += (size * c.rework) / c.n;
		predicted += (size * c.predicted) / c.n;
	}
	return { answers, sentBack, labelled: labelled / total, predicted: predicted / total };
}

function readLabels(path: string): Label[] {
	return existsSync(path)
		? readFileSync(path, 'utf8')
				.split('\n')
				.filter(Boolean)
				.map((l) => JSON.parse(l) as Label)
		: [];
}

/** The checks' verdict on a labelled pair: the codes fired, the ones at error level, and whether it goes back. */
function verdict(l: Label, byId: Map<number, CorpusRecord>, others: OtherAnswer[]) {
	const result = checkAnswer(answerInputOf(toAppealRecord(byId.get(l.id)!, l.answer), others));
	return {
		fired: new Set(result.errors.map((e) => e.code)),
		asError: new Set(result.errors.filter((e) => e.severity === 'error').map((e) => e.code)),
		rework: !result.ok,
	};
}

/**
 * A targeted batch (answer-labels.md): every corpus answer one check fired on, mixed with controls, labelled blind.
 * It measures that check's precision on far more of its hits than a random draw holds; it says nothing of recall.
 */
function targetedReport(
	labels: Label[],
	byId: Map<number, CorpusRecord>,
	others: OtherAnswer[],
): string[] {
	if (!labels.length) return [];
	const out = ['## Targeted batch: precision of a check on its own corpus hits', ''];
	out.push(
		`${labels.length} pairs labelled blind (answer-labels.md, «Targeted batch»); a check's hit is right when the pair carries its defect.`,
		'',
		'| check | fired | right | precision | pairs with the defect, not fired |',
		'|---|---|---|---|---|',
	);
	const verdicts = labels.map((l) => ({ l, v: verdict(l, byId, others) }));
	for (const code of CODES) {
		const defect = DEFECT_OF[code]!;
		const fired = verdicts.filter(({ v }) => v.fired.has(code));
		const right = fired.filter(({ l }) => l.defects.includes(defect)).length;
		const missed = verdicts.filter(
			({ l, v }) => !v.fired.has(code) && l.defects.includes(defect),
		).length;
		if (!fired.length && !missed) continue;
		out.push(`| ${code} | ${fired.length} | ${right} | ${pct(right, fired.length)} | ${missed} |`);
	}
	return out;
}

/**
 * Two reviewers on the same pairs: how far careful readers agree on what goes back, and the checks against each —
 * the ceiling a recall target on one reviewer's labels meets.
 */
function agreementReport(
	first: Label[],
	second: Label[],
	byId: Map<number, CorpusRecord>,
	others: OtherAnswer[],
): string[] {
	if (!second.length) return [];
	const a = new Map(first.map((l) => [`${l.id}/${l.answer}`, l]));
	const pairs = second
		.map((b) => ({ b, a: a.get(`${b.id}/${b.answer}`) }))
		.filter((p): p is { b: Label; a: Label } => !!p.a);
	const n = pairs.length;
	const A = pairs.filter((p) => p.a.rework).length;
	const B = pairs.filter((p) => p.b.rework).length;
	const both = pairs.filter((p) => p.a.rework && p.b.rework).length;
	const agree = pairs.filter((p) => p.a.rework === p.b.rework).length;
	const expected = (A * B + (n - A) * (n - B)) / (n * n);
	const kappa = (agree / n - expected) / (1 - expected);
	const decided = pairs.map((p) => ({ ...p, checks: verdict(p.a, byId, others).rework }));
	const row = (name: string, truth: (p: (typeof decided)[number]) => boolean) => {
		const t = decided.filter(truth).length;
		const sent = decided.filter((p) => p.checks).length;
		const tp = decided.filter((p) => p.checks && truth(p)).length;
		return `| ${name} | ${t} | ${sent} | ${pct(tp, sent)} | ${pct(tp, t)} |`;
	};
	const splits = [...new Set(pairs.map((p) => splitOf(p.a)))].join(', ');
	return [
		'## Two reviewers on the same pairs',
		'',
		`${n} pairs of ${splits} labelled again by another blind reviewer (answer-labels.md, «Second reviewer»).`,
		`Rework: the first reviewer ${A}, the second ${B}, both ${both}; the same verdict on ${pct(agree, n)} of the pairs,`,
		`Cohen's κ ${kappa.toFixed(2)}. The second reviewer finds ${pct(both, A)} of the first one's reworks and the first ${pct(both, B)} of the second's:`,
		'that is how far one careful reader "catches" another.',
		'',
		'| truth | should go back | checks send back | precision | recall |',
		'|---|---|---|---|---|',
		row('first reviewer', (p) => p.a.rework),
		row('second reviewer', (p) => p.b.rework),
		row('both reviewers', (p) => p.a.rework && p.b.rework),
		row('either reviewer', (p) => p.a.rework || p.b.rework),
	];
}

function readCorpus(path: string): CorpusRecord[] {
	return gunzipSync(readFileSync(path))
		.toString('utf8')
		.split('\n')
		.filter(Boolean)
		.map((l) => JSON.parse(l) as CorpusRecord);
}

/** FNV-1a of the id: 70% dev, 30% test, stable across runs and label batches. */
export function split(id: number | string): 'dev' | 'test' {
	let h = 0x811c9dc5;
	for (const c of String(id)) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
	return h % 10 < 7 ? 'dev' : 'test';
}

/** Every labelled set: the first batch's hash split, then the later batches in the order they were labelled. */
const SPLITS = [
	'dev',
	'test',
	'heldout',
	'heldout2',
	'heldout3',
	'heldout4',
	'heldout5',
	'heldout6',
	'heldout7',
	'heldout8',
	'heldout9',
	'heldout10',
	'heldout11',
	'heldout12',
	'heldout13',
	'heldout14',
] as const;
type Split = (typeof SPLITS)[number];
/** A later batch, labelled as a whole (its lines carry "split"). */
type LaterBatch = Exclude<Split, 'dev' | 'test'>;
const splitOf = (l: Label): Split => l.split ?? split(l.id);

const pct = (a: number, b: number) => (b ? `${((a / b) * 100).toFixed(1)}%` : '—');

interface Counts {
	flagged: number;
	tp: number;
	truth: number;
	/** Fires at error level (the ones that send the answer back) and how many of them were right. */
	errorFlagged: number;
	errorTp: number;
	/** Error-level fires right by either name of «no concrete result» (NO_RESULT): the reviewers use both for it. */
	errorFamilyTp: number;
}

/**
 * «Проблема устранена», «замечания устранены»: one answer, two names. The first reviewers called it `formal`, later ones
 * `too_short`, and the latest `formal` again; the checks call it by its length. Both send the answer back.
 */
const NO_RESULT = new Set(['formal', 'too_short']);
const NO_RESULT_CODES: QualityCode[] = ['formal_reply', 'too_short'];

function evaluateLabels(
	labels: Label[],
	byId: Map<number, CorpusRecord>,
	others: OtherAnswer[],
	misses: string[],
	options: QualityOptions = {},
) {
	const perCode = new Map<QualityCode, Counts>(
		CODES.map((c) => [
			c,
			{ flagged: 0, tp: 0, truth: 0, errorFlagged: 0, errorTp: 0, errorFamilyTp: 0 },
		]),
	);
	let predicted = 0,
		truth = 0,
		tp = 0,
		kindOk = 0,
		kindTextOk = 0;
	for (const l of labels) {
		const r = byId.get(l.id);
		if (!r || !r.answers[l.answer]) continue;
		const record = toAppealRecord(r, l.answer);
		const result = checkAnswer(answerInputOf(record, others), options);
		const fired = new Set(result.errors.map((e) => e.code));
		const asError = new Set(result.errors.filter((e) => e.severity === 'error').map((e) => e.code));
		for (const code of CODES) {
			const c = perCode.get(code)!;
			const defect = DEFECT_OF[code]!;
			const has = l.defects.includes(defect);
			if (code !== 'empty') c.truth += has ? 1 : 0;
			if (fired.has(code)) {
				c.flagged++;
				if (has) c.tp++;
				if (asError.has(code)) {
					c.errorFlagged++;
					if (has) c.errorTp++;
					if (NO_RESULT_CODES.includes(code) ? l.defects.some((d) => NO_RESULT.has(d)) : has)
						c.errorFamilyTp++;
				} else if (misses.length < 4000)
					misses.push(`FP ${code} ${splitOf(l)} ${l.id}/${l.answer}: ${l.reason}`);
			} else if (
				has &&
				code !== 'empty' &&
				!(code === 'too_short' && fired.has('empty')) &&
				misses.length < 4000
			)
				misses.push(`FN ${code} ${splitOf(l)} ${l.id}/${l.answer}: ${l.reason}`);
		}
		const rework = !result.ok;
		predicted += rework ? 1 : 0;
		truth += l.rework ? 1 : 0;
		tp += rework && l.rework ? 1 : 0;
		if (rework !== l.rework && misses.length < 4000)
			misses.push(
				`${rework ? 'FP' : 'FN'} rework ${splitOf(l)} ${l.id}/${l.answer} [${result.errors.filter((e) => e.severity === 'error').map((e) => e.code)}]: ${l.reason}`,
			);
		kindOk += result.kind === l.kind ? 1 : 0;
		const textOnly = checkAnswer(answerInputOf({ ...record, answerIntermediate: false }, others));
		kindTextOk += textOnly.kind === l.kind ? 1 : 0;
	}
	return { n: labels.length, perCode, predicted, truth, tp, kindOk, kindTextOk };
}

// ---- Grouped cross-validation of the rework decision and of learned alternatives (issue #15).
// Anything learned or tuned (weights, a threshold, which checks are errors) is fitted on the training folds only; the
// folds group by appeal id, so the answers of one appeal never sit on both sides.

/** General cues of an answer for a learned decision: the checks' signals and the sentence facts (no corpus phrases). */
export const DECISION_FEATURES = [
	'check_formal_reply',
	'check_promise_without_date',
	'check_personal_data',
	'check_too_short',
	'check_not_addressed',
	'check_legal_refs',
	'check_contradiction',
	'check_template_reuse',
	'check_late',
	'intermediate',
	'log_essence',
	'sentences',
	'done',
	'concrete',
	'promise',
	'term',
	'condition',
	'negative_finding',
	'explanation',
	'causal',
	'vague',
	'measured',
	'state_claim',
	'legal_refs',
	'proof',
	'specifics',
	'promise_intermediate',
	'negative_bare',
] as const;
export type DecisionFeature = (typeof DECISION_FEATURES)[number];
/** Checks a severity choice may make errors (error or warning, per check or per check and answer kind). */
const CHECK_FEATURES: DecisionFeature[] = DECISION_FEATURES.filter((f) => f.startsWith('check_'));

export interface Pair {
	group: string;
	y: boolean;
	/** The shipped decision: any error-level check. */
	rule: boolean;
	split: Split;
	/** The reviewer's defects (for the diagnosis tables). */
	defects: string[];
	x: Record<DecisionFeature, number>;
}

/** Every check's signal (off-by-default checks too) and the answer's sentence facts, as numbers. */
export function decisionFeatures(input: AnswerInput): Record<DecisionFeature, number> {
	const result = checkAnswer(input, { enabled: [...DEFAULT_DISABLED] });
	const fired = new Set(result.errors.map((e) => e.code));
	const facts = splitSentences((input.answerText ?? '').trim()).map(sentenceFacts);
	const any = (p: (f: SentenceFacts) => unknown) => (facts.some(p) ? 1 : 0);
	const has = (...codes: QualityCode[]) => (codes.some((c) => fired.has(c)) ? 1 : 0);
	const intermediate = result.kind === 'intermediate' ? 1 : 0;
	return {
		check_formal_reply: has('formal_reply'),
		check_promise_without_date: has('promise_without_date'),
		check_personal_data: has('personal_data'),
		check_too_short: has('too_short', 'empty'),
		check_not_addressed: has('not_addressed'),
		check_legal_refs: has('legal_refs_without_explanation'),
		check_contradiction: has('contradiction'),
		check_template_reuse: has('template_reuse'),
		check_late: has('late'),
		intermediate,
		log_essence: Math.log1p(
			facts
				.map((f) => f.essence)
				.filter(Boolean)
				.join(' ').length,
		),
		sentences: Math.min(facts.length, 20),
		done: any((f) => f.done.length),
		concrete: any((f) => f.concrete),
		promise: any((f) => f.promise),
		term: any((f) => f.promise && f.term && !f.condition),
		condition: any((f) => f.condition),
		negative_finding: any((f) => f.negativeFinding),
		explanation: any((f) => f.explanation && !f.negativeFinding),
		causal: any((f) => f.causal),
		vague: any((f) => f.vague),
		measured: any((f) => f.measured),
		state_claim: any((f) => f.stateClaim),
		legal_refs: any((f) => f.legalRefs.length),
		proof: any((f) => f.proof),
		specifics: any((f) => f.specifics),
		promise_intermediate: has('promise_without_date') && intermediate ? 1 : 0,
		negative_bare:
			facts.some((f) => f.negativeFinding) && !facts.some((f) => f.proof || f.measured) ? 1 : 0,
	};
}

/** mulberry32: reproducible shuffles. */
export function prng(seed: number): () => number {
	let s = seed | 0;
	return () => {
		s = (s + 0x6d2b79f5) | 0;
		let t = Math.imul(s ^ (s >>> 15), 1 | s);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Fold of each item: groups shuffled by the seed and dealt round-robin, so a group is never split and folds differ by ≤ 1 group. */
export function groupedFolds(groups: readonly string[], k: number, seed: number): number[] {
	const ids = [...new Set(groups)];
	const rnd = prng(seed);
	for (let i = ids.length - 1; i > 0; i--) {
		const j = Math.floor(rnd() * (i + 1));
		[ids[i], ids[j]] = [ids[j], ids[i]];
	}
	const fold = new Map(ids.map((id, i) => [id, i % k]));
	return groups.map((g) => fold.get(g)!);
}

export interface Logistic {
	mean: number[];
	std: number[];
	weights: number[];
	bias: number;
}

/** L2-regularised logistic regression on standardised features, by Newton steps (d ≤ 30: a d×d solve per step). */
export function trainLogistic(rows: number[][], y: boolean[], l2 = 1): Logistic {
	const n = rows.length,
		d = rows[0]?.length ?? 0;
	const mean = Array.from({ length: d }, (_, j) => rows.reduce((s, r) => s + r[j], 0) / (n || 1));
	const std = Array.from(
		{ length: d },
		(_, j) => Math.sqrt(rows.reduce((s, r) => s + (r[j] - mean[j]) ** 2, 0) / (n || 1)) || 1,
	);
	// Standardised rows with a constant 1 last (the bias, not penalised).
	const X = rows.map((r) => [...r.map((v, j) => (v - mean[j]) / std[j]), 1]);
	const w = new Array<number>(d + 1).fill(0);
	for (let step = 0; step < 50; step++) {
		const g = w.map((wj, j) => (j < d ? l2 * wj : 0));
		const H = Array.from({ length: d + 1 }, (_, a) =>
			Array.from({ length: d + 1 }, (_, b) => (a === b ? (a < d ? l2 : 1e-9) : 0)),
		);
		for (let i = 0; i < n; i++) {
			const xi = X[i];
			let z = 0;
			for (let j = 0; j <= d; j++) z += w[j] * xi[j];
			const p = 1 / (1 + Math.exp(-z));
			const e = p - (y[i] ? 1 : 0),
				v = p * (1 - p);
			for (let a = 0; a <= d; a++) {
				g[a] += e * xi[a];
				if (v) for (let b = a; b <= d; b++) H[a][b] += v * xi[a] * xi[b];
			}
		}
		for (let a = 0; a <= d; a++) for (let b = 0; b < a; b++) H[a][b] = H[b][a];
		const delta = solve(H, g);
		let moved = 0;
		for (let j = 0; j <= d; j++) {
			w[j] -= delta[j];
			moved = Math.max(moved, Math.abs(delta[j]));
		}
		if (moved < 1e-8) break;
	}
	return { mean, std, weights: w.slice(0, d), bias: w[d] };
}

/** Gaussian elimination with partial pivoting. */
function solve(A: number[][], b: number[]): number[] {
	const n = b.length;
	const M = A.map((row, i) => [...row, b[i]]);
	for (let c = 0; c < n; c++) {
		let p = c;
		for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
		[M[c], M[p]] = [M[p], M[c]];
		const pivot = M[c][c] || 1e-12;
		for (let r = c + 1; r < n; r++) {
			const f = M[r][c] / pivot;
			if (f) for (let k = c; k <= n; k++) M[r][k] -= f * M[c][k];
		}
	}
	const x = new Array<number>(n).fill(0);
	for (let r = n - 1; r >= 0; r--) {
		let s = M[r][n];
		for (let k = r + 1; k < n; k++) s -= M[r][k] * x[k];
		x[r] = s / (M[r][r] || 1e-12);
	}
	return x;
}

export function probability(model: Logistic, row: number[]): number {
	let z = model.bias;
	row.forEach((v, j) => (z += model.weights[j] * ((v - model.mean[j]) / model.std[j])));
	return 1 / (1 + Math.exp(-z));
}

const precisionRecall = (pred: boolean[], y: boolean[]) => {
	let tp = 0,
		p = 0,
		t = 0;
	pred.forEach((v, i) => {
		p += v ? 1 : 0;
		t += y[i] ? 1 : 0;
		tp += v && y[i] ? 1 : 0;
	});
	return { precision: p ? tp / p : 0, recall: t ? tp / t : 0 };
};
/** What a tuning step maximises on its training folds: F1 (the targets ask precision and recall alike). */
const f1 = (pred: boolean[], y: boolean[]) => {
	const { precision: p, recall: r } = precisionRecall(pred, y);
	return p + r ? (2 * p * r) / (p + r) : 0;
};

/** A decision fitted on `train` and applied to `test`. */
export type Decider = (train: Pair[], test: Pair[]) => boolean[];

export const rulesDecision: Decider = (_train, test) => test.map((p) => p.rule);

/** Which checks (or check × answer kind) are errors, chosen greedily on the training folds by F1. */
export function severityDecision(byKind: boolean): Decider {
	const units = CHECK_FEATURES.flatMap((c) =>
		byKind ? [`${c}|final`, `${c}|intermediate`] : [`${c}|any`],
	);
	const on = (p: Pair, unit: string) => {
		const [c, k] = unit.split('|');
		return (
			p.x[c as DecisionFeature] > 0 &&
			(k === 'any' || (k === 'intermediate') === p.x.intermediate > 0)
		);
	};
	return (train, test) => {
		const y = train.map((p) => p.y);
		const decide = (ps: Pair[], set: Set<string>) => ps.map((p) => [...set].some((u) => on(p, u)));
		const set = new Set<string>();
		let best = f1(decide(train, set), y);
		for (;;) {
			let flip: string | null = null;
			for (const u of units) {
				const s = new Set(set);
				if (!s.delete(u)) s.add(u);
				const score = f1(decide(train, s), y);
				if (score > best + 1e-9) [best, flip] = [score, u];
			}
			if (!flip) break;
			if (!set.delete(flip)) set.add(flip);
		}
		return decide(test, set);
	};
}

/**
 * A logistic regression over `features`, its threshold chosen by an inner grouped 4-fold CV on the training folds.
 * `veto`: the model only confirms the rules' reworks (each rework still names its checks).
 */
export function learnedDecision(
	features: readonly DecisionFeature[],
	l2: number,
	veto = false,
): Decider {
	const row = (p: Pair) => features.map((f) => p.x[f]);
	const fit = (ps: Pair[]) =>
		trainLogistic(
			ps.map(row),
			ps.map((p) => p.y),
			l2,
		);
	const decide = (p: Pair, s: number, t: number) => (veto ? p.rule && s >= t : s >= t);
	return (train, test) => {
		const inner = groupedFolds(
			train.map((p) => p.group),
			4,
			7,
		);
		const oof = new Array<number>(train.length);
		for (let k = 0; k < 4; k++) {
			const model = fit(train.filter((_, i) => inner[i] !== k));
			train.forEach((p, i) => {
				if (inner[i] === k) oof[i] = probability(model, row(p));
			});
		}
		let threshold = 0.5,
			best = -1;
		for (let t = 0.1; t < 0.951; t += 0.025) {
			const score = f1(
				train.map((p, i) => decide(p, oof[i], t)),
				train.map((p) => p.y),
			);
			if (score > best + 1e-9) [best, threshold] = [score, t];
		}
		const model = fit(train);
		return test.map((p) => decide(p, probability(model, row(p)), threshold));
	};
}

export interface CvFigures {
	precision: number;
	recall: number;
}
export interface CvResult {
	/** One entry per repeat: out-of-fold predictions scored on all pairs, on test+heldout pairs only, on heldout only. */
	repeats: Array<{ all: CvFigures; unseen: CvFigures; heldout: CvFigures }>;
}

/** k-fold cross-validation grouped by appeal, repeated with different shuffles of the groups. */
export function crossValidate(
	pairs: Pair[],
	decider: Decider,
	k = 5,
	repeats = 10,
	seed = 1000,
): CvResult {
	const out: CvResult = { repeats: [] };
	for (let r = 0; r < repeats; r++) {
		const fold = groupedFolds(
			pairs.map((p) => p.group),
			k,
			seed + r,
		);
		const pred = new Array<boolean>(pairs.length);
		for (let f = 0; f < k; f++) {
			const testIdx = pairs.map((_, i) => i).filter((i) => fold[i] === f);
			const got = decider(
				pairs.filter((_, i) => fold[i] !== f),
				testIdx.map((i) => pairs[i]),
			);
			testIdx.forEach((i, j) => (pred[i] = got[j]));
		}
		const score = (keep: (p: Pair) => boolean) => {
			const idx = pairs.map((_, i) => i).filter((i) => keep(pairs[i]));
			return precisionRecall(
				idx.map((i) => pred[i]),
				idx.map((i) => pairs[i].y),
			);
		};
		out.repeats.push({
			all: score(() => true),
			unseen: score((p) => p.split !== 'dev'),
			heldout: score((p) => p.split === 'heldout'),
		});
	}
	return out;
}

/** AUC of a grouped 5-fold logistic model over features other than the error checks, on the pairs no error check sends back. */
export function missedRanking(
	pairs: Pair[],
	features: readonly DecisionFeature[],
): { auc: number; pairs: number; missed: number } {
	const rest = pairs.filter((p) => !p.rule);
	const fold = groupedFolds(
		rest.map((p) => p.group),
		5,
		1000,
	);
	const score = new Array<number>(rest.length);
	for (let f = 0; f < 5; f++) {
		const train = rest.filter((_, i) => fold[i] !== f);
		const model = trainLogistic(
			train.map((p) => features.map((x) => p.x[x])),
			train.map((p) => p.y),
			5,
		);
		rest.forEach((p, i) => {
			if (fold[i] === f)
				score[i] = probability(
					model,
					features.map((x) => p.x[x]),
				);
		});
	}
	let wins = 0,
		pos = 0,
		neg = 0;
	for (let i = 0; i < rest.length; i++) {
		if (!rest[i].y) {
			neg++;
			continue;
		}
		pos++;
		for (let j = 0; j < rest.length; j++)
			if (!rest[j].y) wins += score[i] > score[j] ? 1 : score[i] === score[j] ? 0.5 : 0;
	}
	return { auc: pos && neg ? wins / (pos * neg) : 0.5, pairs: rest.length, missed: pos };
}

const DEFECTS = [
	'formal',
	'no_term',
	'too_short',
	'personal_data',
	'off_topic',
	'contradiction',
	'legal_refs_only',
];
const ERROR_CHECKS: DecisionFeature[] = [
	'check_formal_reply',
	'check_promise_without_date',
	'check_personal_data',
	'check_too_short',
];
const DEFECT_OF_FEATURE: Partial<Record<DecisionFeature, string>> = {
	check_formal_reply: 'formal',
	check_promise_without_date: 'no_term',
	check_personal_data: 'personal_data',
	check_too_short: 'too_short',
};

/** Grouped k-fold CV of the shipped decision and of the candidates, and the diagnosis behind the choice (bench/answer-checks.md). */
function crossValidationReport(
	labels: Label[],
	byId: Map<number, CorpusRecord>,
	others: OtherAnswer[],
	repeats: number,
): string[] {
	const pairs: Pair[] = [];
	for (const l of labels) {
		const r = byId.get(l.id);
		if (!r || !r.answers[l.answer]) continue;
		const input = answerInputOf(toAppealRecord(r, l.answer), others);
		pairs.push({
			group: String(l.id),
			y: l.rework,
			rule: !checkAnswer(input).ok,
			split: splitOf(l),
			defects: l.defects,
			x: decisionFeatures(input),
		});
	}
	const textCues = DECISION_FEATURES.filter(
		(f) => !ERROR_CHECKS.includes(f) && f !== 'promise_intermediate',
	);
	const candidates: Array<[string, Decider]> = [
		['checks as shipped (any error-level check)', rulesDecision],
		['severity per check, chosen by CV', severityDecision(false)],
		['severity per check and answer kind, chosen by CV', severityDecision(true)],
		["logistic regression over the checks' signals", learnedDecision(CHECK_FEATURES, 1)],
		['logistic regression over checks + text cues (L2 1)', learnedDecision(DECISION_FEATURES, 1)],
		['logistic regression over checks + text cues (L2 10)', learnedDecision(DECISION_FEATURES, 10)],
		[
			'the checks, each rework confirmed by the regression',
			learnedDecision(DECISION_FEATURES, 1, true),
		],
	];
	const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / (xs.length || 1);
	const p1 = (x: number) => `${(x * 100).toFixed(1)}%`;
	const range = (xs: number[]) => `${p1(mean(xs))} (${p1(Math.min(...xs))}–${p1(Math.max(...xs))})`;
	const out: string[] = [];
	out.push('## Grouped cross-validation of the rework decision (issue #15)', '');
	out.push(
		`5 folds grouped by appeal id (all answers of an appeal in one fold), ${repeats} repeats with different shuffles, over all ${pairs.length} labels.`,
	);
	out.push(
		'Whatever a candidate learns (weights, its threshold, which checks are errors) is fitted on four folds — the threshold by an inner',
	);
	out.push(
		'grouped 4-fold CV on them, maximising F1 — and scored on the fifth. Mean over the repeats (lowest–highest repeat). «test+heldout»',
	);
	out.push(
		'scores the same out-of-fold decisions on the pairs the checks were not built on: the checks were written on dev, so dev pairs',
	);
	out.push('flatter every candidate that reads their signals.', '');
	out.push(
		'| decision | precision, all (CV) | recall, all (CV) | precision test+heldout | recall test+heldout | precision heldout | recall heldout | repeats better than shipped (precision and recall ≥, one >) |',
	);
	out.push('|---|---|---|---|---|---|---|---|');
	let shipped: CvResult | null = null;
	const better: string[] = [];
	for (const [name, decider] of candidates) {
		const cv = crossValidate(pairs, decider, 5, repeats);
		shipped ??= cv;
		const m = (get: (f: CvFigures) => number) => mean(cv.repeats.map((r) => get(r.all)));
		if (
			cv !== shipped &&
			m((f) => f.precision) > mean(shipped.repeats.map((r) => r.all.precision)) &&
			m((f) => f.recall) > mean(shipped.repeats.map((r) => r.all.recall))
		)
			better.push(name);
		const base = shipped.repeats[0].all;
		const both = cv.repeats.filter(
			(r) =>
				r.all.precision >= base.precision &&
				r.all.recall >= base.recall &&
				(r.all.precision > base.precision || r.all.recall > base.recall),
		).length;
		const col = (get: (r: CvResult['repeats'][number]) => number, ranged: boolean) =>
			ranged ? range(cv.repeats.map(get)) : p1(mean(cv.repeats.map(get)));
		out.push(
			`| ${name} | ${col((r) => r.all.precision, true)} | ${col((r) => r.all.recall, true)} | ${col((r) => r.unseen.precision, false)} | ${col((r) => r.unseen.recall, false)} | ${col((r) => r.heldout.precision, false)} | ${col((r) => r.heldout.recall, false)} | ${cv === shipped ? '—' : `${both} of ${repeats}`} |`,
		);
	}
	out.push(
		'',
		better.length
			? `Raise both mean CV precision and recall over the shipped checks: ${better.join('; ')}.`
			: "**No candidate raises both the mean CV precision and the mean CV recall of the shipped checks, so the decision stays the checks' own** (any error-level check). The learned layers and the severity per answer kind buy precision (notably on test+heldout) with recall, and none adds a rework the checks do not see. The shipped checks already make `promise_without_date` a warning on final answers (1 right of 7 there, below), the choice the severity per kind made by CV in the sixth session; the candidates that reach a higher recall here do it by making a warning-level check (a promise without a term in final answers, lateness) an error, at a precision the labels do not allow.",
	);
	out.push(
		'',
		'Text cues (general, per sentence, lib/quality/analysis.ts): answer kind, length of the substance (log), sentences, a done action, an',
	);
	out.push(
		'action with its object, a promise, its term, a condition, a finding of nothing wrong, an explanation, a reason or redirect, only',
	);
	out.push(
		'«мероприятия», a measurement, a bare state claim, cited norms, proof (photo, act), specifics (date, address), and the off-by-default',
	);
	out.push("checks' signals (not_addressed, legal refs, contradiction, template reuse, late).", '');

	out.push('### What the decision misses (labelled defect → sent back)', '');
	out.push(`| defect | ${SPLITS.join(' | ')} | all |`);
	out.push(`|---|${SPLITS.map(() => '---|').join('')}---|`);
	for (const d of DEFECTS) {
		const cellOf = (ps: Pair[]) => {
			const t = ps.filter((p) => p.defects.includes(d));
			return t.length ? `${t.filter((p) => p.rule).length}/${t.length}` : '—';
		};
		out.push(
			`| ${d} | ${SPLITS.map((s) => cellOf(pairs.filter((p) => p.split === s))).join(' | ')} | ${cellOf(pairs)} |`,
		);
	}
	const missed = missedRanking(pairs, textCues);
	out.push(
		'',
		`Can general cues find the missed ones? On the ${missed.pairs} pairs no error-level check sends back (${missed.missed} should go back), a`,
	);
	out.push(
		`grouped 5-fold logistic regression over the text cues ranks them with AUC ${missed.auc.toFixed(2)} (0.5 = chance): the missed`,
	);
	out.push(
		'reworks read like good answers — an action, its object, often a photo — and miss the *particular* question (another defect of',
	);
	out.push(
		'the same object, a «why» answered with a state, a repeat of an earlier answer, a contradiction inside the answer).',
		'',
	);

	out.push('### False reworks by check and answer kind (all labels)', '');
	out.push(
		"Precision of each error-level check by the answer kind the package reads (right: the pair carries the check's defect).",
		'',
	);
	out.push(
		`| check | final: right/fired | intermediate: right/fired | sent back without a rework label (${SPLITS.join(' / ')}) |`,
	);
	out.push('|---|---|---|---|');
	for (const c of ERROR_CHECKS) {
		const by = (kind: number) => {
			const fired = pairs.filter((p) => p.x[c] > 0 && p.x.intermediate === kind);
			return `${fired.filter((p) => p.defects.includes(DEFECT_OF_FEATURE[c]!)).length}/${fired.length}`;
		};
		const wrong = SPLITS.map(
			(s) => pairs.filter((p) => p.split === s && p.x[c] > 0 && p.rule && !p.y).length,
		).join(' / ');
		out.push(`| ${c.replace('check_', '')} | ${by(0)} | ${by(1)} | ${wrong} |`);
	}
	return out;
}

function main() {
	const args = process.argv.slice(2);
	const root = join(__dirname, '..');
	const corpusPath =
		args.find((a) => !a.startsWith('--')) ??
		join(root, '..', 'shared', 'corpora', 'spb-appeals-dev.jsonl.gz');
	const labelsPath = join(root, 'bench', 'data', 'answer-labels.jsonl');
	const cvRepeats = Number(args.find((a) => a.startsWith('--cv-repeats='))?.split('=')[1] ?? 10);
	const corpus = readCorpus(corpusPath);
	const byId = new Map(corpus.map((r) => [r.id, r]));
	const labels = readLabels(labelsPath);

	// Every answered record, its latest answer, checked in one batch (the template check sees all of them).
	const answered = corpus.filter((r) => r.answers.length);
	const records = answered.map((r) => {
		const last = r.answers.reduce((best, a, i) => (a.dt > r.answers[best].dt ? i : best), 0);
		return toAppealRecord(r, last);
	});
	const others = records.map(otherAnswerOf).filter((o): o is OtherAnswer => !!o);
	const fired = new Map<string, number>();
	let rework = 0;
	const t0 = performance.now();
	for (const rec of records) {
		const result = checkAnswer(answerInputOf(rec, others));
		if (!result.ok) rework++;
		for (const code of new Set(result.errors.map((e) => `${e.code}|${e.severity}`)))
			fired.set(code, (fired.get(code) ?? 0) + 1);
	}
	const allMs = performance.now() - t0;

	// Throughput: 50,000 answers (corpus answers repeated, ids changed; in memory only), template check included.
	const batch: AnswerRecord[] = [];
	for (let i = 0; batch.length < 50_000; i++)
		batch.push({ ...records[i % records.length], id: `bench:${i}` });
	const batchOthers = batch.map(otherAnswerOf).filter((o): o is OtherAnswer => !!o);
	const t1 = performance.now();
	const cpu1 = process.cpuUsage();
	for (const rec of batch) checkAnswer(answerInputOf(rec, batchOthers));
	const batchMs = performance.now() - t1;
	// CPU time as well: on a shared machine the wall clock measures the neighbours too.
	const cpu = process.cpuUsage(cpu1);
	const batchCpuS = (cpu.user + cpu.system) / 1e6;
	const perSecond = Math.round(50_000 / (batchMs / 1000));

	// Misses are listed for dev only unless --misses=all: a batch kept for honest figures stays unread.
	const misses: string[] = [];
	const missesEverywhere = args.includes('--misses=all');
	const bySplit = new Map(
		SPLITS.map((s) => [
			s,
			evaluateLabels(
				labels.filter((l) => splitOf(l) === s),
				byId,
				others,
				s === 'dev' || missesEverywhere ? misses : [],
			),
		]),
	);
	const dev = bySplit.get('dev')!,
		test = bySplit.get('test')!,
		held = bySplit.get('heldout')!;
	const every = evaluateLabels(labels, byId, others, []);

	const lines: string[] = [];
	lines.push('# Answer checks on real official answers', '');
	lines.push(
		'Command: `npm run eval:answers -- --write` (corpus `../shared/corpora/spb-appeals-dev.jsonl.gz`, labels `bench/data/answer-labels.jsonl`).',
	);
	lines.push(
		'Labels of the first batch are split by a hash of the appeal id: dev ≈ 70% (looked at while building the rules), test ≈ 30%',
	);
	lines.push(
		'(not looked at). The second batch, `heldout` (labelled later, from appeals the first batch never drew), was kept out of rule',
	);
	lines.push(
		'building as a whole until the seventh session, which read the misses of all three sets (heldout included) to add the',
	);
	lines.push(
		'contradiction check, the conditional date and the bare state claim: dev, test and heldout are in-sample figures now.',
	);
	lines.push(
		'The third batch, `heldout2` (111 pairs, `answer-sample.ts --exclude=… --seed=77 --per-cell=20 --multi=5`), was labelled',
	);
	lines.push(
		'after those rules by a second reviewer who never saw the checks; scored once on the rules as they were (commit e0fdcd2):',
	);
	lines.push(
		'**rework precision 88.9%, recall 64.0%** (16 of 18 right, 25 should go back) — the honest figure for answers the rules',
	);
	lines.push(
		"have not seen (the sixth session's rules scored 68.8% / 61.1% on heldout). Its misses were then read and two general",
	);
	lines.push(
		'fixes made: a period of work with its term is a promise with a term; «не нашла подтверждения» is a negative finding; a',
	);
	lines.push(
		'bare «не подтвердилось» needs the day or the act of the check (a photo, an address, «в рабочем состоянии» are not enough —',
	);
	lines.push(
		'both reviewers accept an act); «исправен» is a state, not a repair; «°С» is a measurement; «предлагаем написать новое',
	);
	lines.push('обращение» is a redirect. So heldout2 below is in-sample too.');
	lines.push(
		'The fourth batch, `heldout3` (120 pairs, `--seed=4242 --per-cell=22 --multi=5`, excluding the 701 before it), labelled',
	);
	lines.push(
		'by a third blind reviewer after all of the above, scored once on the rules as they were (commit 3a86354): **rework',
	);
	lines.push(
		'precision 83.3%, recall 58.8%** (10 of 12 right, 17 should go back) — the latest honest figure for unseen answers.',
	);
	lines.push(
		'Its misses were read too: the words of an address are not the object of an action («проблема по адресу: дом 36',
	);
	lines.push(
		'устранена» names nothing done), capitals inside a quoted category are not names, «уборка осуществляется по мере',
	);
	lines.push('необходимости» is a regime, not a promise — so heldout3 below is in-sample as well.');
	lines.push(
		'The fifth batch, `heldout4` (150 pairs, `--seed=9090 --per-cell=28 --multi=5`, excluding the 821 before it), labelled by',
	);
	lines.push(
		'a fourth blind reviewer after every rule change of the seventh session, scored first on commit cd66cf9: precision 81.8%,',
		'recall 56.3%. The eighth session read one of its misses (a verbless «колодец в нормативном состоянии» is a state',
		'claim), so it is in-sample now. A second blind reviewer labelled the same 150 pairs again (below: «Two reviewers»).',
		'The sixth batch, `heldout5` (142 pairs, `--seed=2027 --per-cell=26 --multi=5`, excluding the 971 before it), labelled by',
		"two more blind reviewers, scored once on the seventh session's rules (commit 972c467): **precision 81.3%, recall 56.5%**",
		'(13 of 16 right, 23 should go back), and the same after the first rule changes of the eighth session. Its misses were',
		'then read (a confirmed finding, a refusal «учитывая… нецелесообразно», a financing condition on a dated promise, work',
		'«выполнялась», a source quoted with «согласно информации»), so it is in-sample too.',
		'The seventh batch, `heldout6` (140 pairs, `--seed=3131 --per-cell=26 --multi=5`, excluding the 1113 labels and the',
		'targeted batch), labelled by two blind reviewers after all of the above and after the contradiction check became an',
		'error, scored once on commit aba52b5: **precision 87.5%, recall 63.6%** (14 of 16 right, 22 should go back). Its misses',
		'were then read too (an unfilled template slot, «работы по устранению проблемы» naming no object, «разместите новое',
		'сообщение» as a redirect), so it is in-sample as well.',
		'The eighth batch, `heldout7` (140 pairs, `--seed=4747 --per-cell=26 --multi=5`, excluding every label before it and the',
		'targeted batch), two blind reviewers, scored once on commit 4e534b3: **precision 72.7%, recall 57.1%** (8 of 11 right,',
		'14 should go back). Read after that: the unfilled-slot rule of the seventh batch had overreached (a slot beside a',
		'named result is a blemish), «дефект устранён» names nothing, «согласно графика» is a schedule, so it is in-sample too.',
		'Two of its three false reworks are notices sent to an owner with no term, which the first reviewer labelled `no_term`',
		'five times out of five (answer-labels.md, «Doubts») and this reviewer passed: the rule stays.',
		'The ninth batch, `heldout8` (140 pairs, `--seed=5858 --per-cell=26 --multi=5`, excluding every label before it and the',
		'targeted batch), two blind reviewers, scored once on commit 994e82c: **precision 87.5%, recall 63.6%** (14 of 16 right,',
		'22 should go back) — the latest honest figure. Read after that: a place («в парадной») is where, not what, and',
		'«проблема по адресу … устранена» is too short by its substance without the address, so it is in-sample too.',
		'The tenth batch, `heldout9` (140 pairs, `--seed=6969 --per-cell=26 --multi=5`), two blind reviewers, scored once on',
		'commit 79ee894 (the rules after heldout8 was read): **precision 50.0%, recall 33.3%** (6 of 12 right, 18 should go',
		"back) — the worst first score yet. Three of its six false reworks came from this session's rules or an old bug (the",
		'letter «литера В» read as the preposition «в»; a date after a weather condition not read as the term; «согласовано с',
		'КГА и не нарушает нормы» and «Состояние колодца нормативное» not read as answers); those were fixed, so it is',
		'in-sample now. Over the four batches scored first this session (heldout6–9, 560 pairs): 42 of 55 sent back were right',
		'(76.4%), 42 of 76 that should go back were found (55.3%) — the honest figure for answers the rules have not seen.',
		'The ninth session gave the later reviewers the whole written criteria, its «Doubts» included (earlier batches had',
		'the criteria table only). The eleventh batch, `heldout10` (140 pairs, `--seed=1010 --per-cell=26 --multi=5`), two',
		'blind reviewers, scored once on commit 7724679 (the rules after heldout9 was read): **precision 66.7%, recall 72.7%**',
		'(8 of 12 right, 11 should go back). Read after that: the year of an adopted programme («включен в программу на 2021',
		'год») is the term, and a denial of one named thing («факт протечки труб не подтвержден») is not contradicted by a repair',
		'of something else; it is in-sample now. The twelfth batch, `heldout11` (266 pairs, `--seed=1111 --per-cell=50',
		'--multi=8`), four blind reviewers, scored once on commit 6f5317c: **precision 78.1%, recall 71.4%** (25 of 32 right,',
		'35 should go back) — the latest honest figure, and the largest batch scored first. Read after that: the executor',
		'(«сторонней организацией») and the year are no object, a date typed with spaces, a work term in a sentence of its',
		'own, a notice posted on the object; it is in-sample now. `heldout12` (267 pairs, `--seed=1212`), scored once on',
		'a6f0880: **precision 84.0%, recall 58.3%** (21 of 25 right, 36 should go back); read after that: an inspected state',
		'with its act, «срок 02.04.2021». `heldout13` (266 pairs, `--seed=1313`), scored once on 4eeface: **precision 80.0%,',
		'recall 58.8%** (20 of 25, 34); read after that: an act beside a bare «не подтвердилось» is not enough, a check and',
		'its finding in one sentence with the thing named is (not beside a quoted GOST), an address on the next line.',
		'`heldout14` (267 pairs, `--seed=1414`), scored once on da324e1: **precision 81.3%, recall 63.4%** (26 of 32, 41) —',
		'the latest honest figure; read after that: a weather caveat on a firm date, «незамедлительно» as sooner, a state',
		'claim with a comma. Over the five batches scored first this session (heldout10–14, 1206 pairs, 14 blind reviewers):',
		'**100 of 126 sent back were right (79.4%), 100 of 157 that should go back were found (63.7%)** — the honest figure',
		'for answers the rules have not seen; what is left is judged by meaning (9 off-topic answers in heldout13 alone) or',
		'split between reviewers (a GOST-quoted «проблем не обнаружено», a bare finding with an act).',
		'',
	);
	lines.push(
		`Labelled pairs: ${every.n} (${SPLITS.map((s) => `${s} ${bySplit.get(s)!.n}`).join(', ')}). Answered records: ${records.length}.`,
		'',
	);
	lines.push('## Per check (check ↔ reviewer defect)', '');
	lines.push('Precision: right hits / hits (fired); recall: right hits / labelled defects.', '');
	lines.push(
		'| check | defect | severity | fired (all labels) | precision dev | recall dev | precision test | recall test | precision heldout | recall heldout | precision all | recall all | fire rate, all answered | precision where an error, all |',
	);
	lines.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
	const cell = (c: Counts) =>
		`${pct(c.tp, c.flagged)}${c.flagged ? ` (${c.tp}/${c.flagged})` : ''}`;
	const rcell = (c: Counts) => `${pct(c.tp, c.truth)}${c.truth ? ` (${c.tp}/${c.truth})` : ''}`;
	for (const code of CODES) {
		const d = dev.perCode.get(code)!,
			t = test.perCode.get(code)!,
			h = held.perCode.get(code)!,
			a = every.perCode.get(code)!;
		const rate = (fired.get(`${code}|error`) ?? 0) + (fired.get(`${code}|warning`) ?? 0);
		const severity =
			fired.has(`${code}|error`) && fired.has(`${code}|warning`)
				? 'error / warning'
				: fired.has(`${code}|error`)
					? 'error'
					: fired.has(`${code}|warning`)
						? 'warning'
						: '';
		const asErrorCell = a.errorFlagged
			? `${pct(a.errorTp, a.errorFlagged)} (${a.errorTp}/${a.errorFlagged})`
			: '—';
		lines.push(
			`| ${code} | ${DEFECT_OF[code]} | ${severity} | ${a.flagged} | ${cell(d)} | ${rcell(d)} | ${cell(t)} | ${rcell(t)} | ${cell(h)} | ${rcell(h)} | ${cell(a)} | ${rcell(a)} | ${pct(rate, records.length)} | ${asErrorCell} |`,
		);
	}
	const other = [...fired].filter(([k]) => !CODES.includes(k.split('|')[0] as QualityCode));
	if (other.length)
		lines.push(
			'',
			`Other checks' fire rate on all answered records: ${other.map(([k, n]) => `${k.replace('|', ' (')}) ${pct(n, records.length)}`).join(', ')}.`,
		);
	lines.push(
		'',
		'«No concrete result» has two names (formal ∪ too_short): the reviewers call «проблема устранена», «замечания',
		'устранены» one or the other (answer-labels.md), the checks name it by its length, and either sends it back. Error-level',
		'precision by the exact name and by either name, all labels:',
		'',
		'| check | fired as an error | right, exact name | right, either name | precision, exact | precision, either name |',
		'|---|---|---|---|---|---|',
		...NO_RESULT_CODES.map((code) => {
			const a = every.perCode.get(code)!;
			return `| ${code} | ${a.errorFlagged} | ${a.errorTp} | ${a.errorFamilyTp} | ${pct(a.errorTp, a.errorFlagged)} | ${pct(a.errorFamilyTp, a.errorFlagged)} |`;
		}),
	);
	lines.push('', '## Rework decision (any error-level check)', '');
	lines.push(
		'| set | pairs | sent back | should go back | precision | recall | share sent back | share labelled |',
	);
	lines.push('|---|---|---|---|---|---|---|---|');
	for (const [name, s] of [
		...SPLITS.map((split) => [split, bySplit.get(split)!] as const),
		['all labels', every] as const,
	]) {
		lines.push(
			`| ${name} | ${s.n} | ${s.predicted} | ${s.truth} | ${pct(s.tp, s.predicted)} | ${pct(s.tp, s.truth)} | ${pct(s.predicted, s.n)} | ${pct(s.truth, s.n)} |`,
		);
	}
	// What the rework decision would be with the two checks made errors in issue #15 turned back into warnings (the node's «Считать замечаниями»).
	const demoted: QualityCode[] = ['formal_reply', 'personal_data'];
	const asWarnings = { severity: Object.fromEntries(demoted.map((c) => [c, 'warning' as const])) };
	const pAll = evaluateLabels(labels, byId, others, [], asWarnings);
	lines.push('', `With ${demoted.join(' and ')} as warnings (option «Считать замечаниями»):`, '');
	lines.push('| set | pairs | sent back | should go back | precision | recall | share sent back |');
	lines.push('|---|---|---|---|---|---|---|');
	for (const [name, s] of [
		...SPLITS.map(
			(split) =>
				[
					split,
					evaluateLabels(
						labels.filter((l) => splitOf(l) === split),
						byId,
						others,
						[],
						asWarnings,
					),
				] as const,
		),
		['all labels', pAll] as const,
	]) {
		lines.push(
			`| ${name} | ${s.n} | ${s.predicted} | ${s.truth} | ${pct(s.tp, s.predicted)} | ${pct(s.tp, s.truth)} | ${pct(s.predicted, s.n)} |`,
		);
	}
	let demotedShare = 0;
	for (const rec of records)
		if (!checkAnswer(answerInputOf(rec, others), asWarnings).ok) demotedShare++;
	lines.push(
		'',
		`Rework share on all answered records with them as warnings: ${pct(demotedShare, records.length)}.`,
	);
	lines.push(
		'',
		`Rework share on all ${records.length} answered records (latest answer of each): **${pct(rework, records.length)}**.`,
	);
	// The labels are stratified (kind × length), so their own share is not the corpus'; weighted by the corpus' cells they
	// estimate the share a careful reader sends back, to set the checks' share against (every answer, as each arrives).
	const weighted = weightedShares(corpus, labels, byId, others);
	lines.push(
		`Every answer of the corpus checked as it arrived (${weighted.answers} answers, each with its round's earlier answers): **${pct(weighted.sentBack, weighted.answers)}** sent back.`,
		`The labels weighted by the corpus' kind × length cells (answer-labels.md): a careful reader sends back **${(weighted.labelled * 100).toFixed(1)}%** of all answers; the checks, on the same labels and weights, ${(weighted.predicted * 100).toFixed(1)}%.`,
	);
	lines.push(
		`Answer kind (final / intermediate) as the reviewer read it: ${pct(every.kindOk, every.n)} with the portal's status, ${pct(every.kindTextOk, every.n)} from the text alone.`,
	);
	lines.push(
		'',
		...targetedReport(
			readLabels(join(root, 'bench', 'data', 'answer-labels-targeted.jsonl')),
			byId,
			others,
		),
	);
	lines.push(
		'',
		...agreementReport(
			labels,
			readLabels(join(root, 'bench', 'data', 'answer-labels-second.jsonl')),
			byId,
			others,
		),
	);
	lines.push('', ...crossValidationReport(labels, byId, others, cvRepeats));
	lines.push('', '## Throughput', '');
	lines.push(
		`- ${records.length} answered records in one batch (template check over all of them): ${(allMs / 1000).toFixed(2)} s, ${Math.round(records.length / (allMs / 1000))} answers/s.`,
	);
	lines.push(
		`- 50,000-answer batch (corpus answers repeated with new ids, in memory), template check included: ${(batchMs / 1000).toFixed(2)} s, **${perSecond} answers/s** (target ≥ 5,000); ${batchCpuS.toFixed(2)} CPU s, ${Math.round(50_000 / batchCpuS)} answers per CPU second.`,
	);
	lines.push('', '## Notes', '');
	lines.push(
		'- Error-level by default: `too_short`, `promise_without_date` (intermediate answers), `formal_reply`, `contradiction`, `personal_data`, `empty`, `rude_tone`.',
	);
	lines.push(
		'  `promise_without_date` is an error in intermediate answers and a warning in final ones (`defaultSeverity`): its false hits',
	);
	lines.push(
		"  are plans beyond a final answer's merits (a programme of capital repair, a refusal with its reason). `late` is precise, but by the labelling",
	);
	lines.push(
		'  rules lateness alone does not send an answer back (it counts in the rating), so it is a warning.',
	);
	lines.push(
		'- `formal_reply` and `too_short` name one family two ways: «проблема по адресу … устранена» is `formal` to the first',
		'  reviewers and `too_short` to the later ones. The checks call it `too_short` when its substance without the address is',
		'  shorter than the minimum length, `formal_reply` when longer; either sends the answer back.',
		'- `formal_reply` (issue #15): an action on «мероприятия / меры» names no result; an inspection («проведено обследование») is',
	);
	lines.push(
		'  the check, not a result; after «установлено, что» only the finding counts; a quoted norm («согласно … ГОСТ …») is',
	);
	lines.push(
		"  no reason and its figures are not the case's specifics; «в исправном состоянии», «обеспечен» are claims, not findings;",
	);
	lines.push('  a generic «работы выполнены» with its day and a photo report passes.');
	lines.push(
		'- `personal_data`: a flat number is left out when the answer acts against an offender (an unapproved fixture, an',
	);
	lines.push("  offence): that flat is where the problem is, not the applicant's home.");
	lines.push(
		'- `not_addressed` (off_topic) stays off: switched on, it fires on 18 of the 1113 labelled pairs and none is off topic,',
		"  while the 20 labelled off-topic answers share the appeal's subject words (another defect of the same object, a side",
		'  demand ignored, a «why» answered with a state), which subject groups cannot tell apart. Two more lexical tests were',
		'  tried in the eighth session and dropped: the objects of the reported work absent from the appeal (with subject',
		"  groups: 30 hits, none off topic) and an appeal's direct question with no reason in the answer (1 hit, not off topic);",
		'  no rule reached 85% here. The ninth session tried a learned comparison: one text model (lib/classify/model.ts)',
		"  trained on the corpus's appeals and answers (labelled appeals left out) to predict the portal's 123 reasons, applied",
		'  to the appeal and to the answer; a low overlap of the two predictions ranks the 36 off-topic labels with AUC 0.65,',
		'  and its 40 lowest pairs hold one off-topic answer (the rest are short «проблема устранена» answers the checks',
		'  already send back): dropped too.',
	);
	lines.push(
		'- Off by default (0% precise on the labels): `not_addressed`, `legal_refs_without_explanation` (node: «Включить проверки»).',
	);
	lines.push(
		'- `contradiction` is an error since the eighth session: the problem denied (also «сообщение … не подтверждено») and',
		"  repaired, or work done on the appeal's own object (closed, cleaned), or the same work done and promised; earlier, dated",
		"  (a past year), background («выполнялись»), partial, temporary and owners' own work are left out, as are a possibility",
		'  («могут быть выполнены») and «проблема устранена» beside another part promised for a date. On its 25 corpus hits (the',
		'  targeted batch) it was right 16 times (64%) before that batch was read; after the fixes it is right on 16 of its 18',
		'  hits there and on 6 of 7 random labels (in-sample); the one miss on the random labels (3201205) is a label that',
		'  contradicts the written criteria (the same template is labelled a contradiction in 3257158). On the three batches',
		"  scored first after it became an error (heldout6–8) it fired once, wrongly (other work on the appeal's object: «работы",
		'  по прокладке кабельной линии» beside a denied transfer of property), so «work on the object» is now remedial work',
		'  only (closing, sealing, painting, cleaning, removing). Its figures are thin: 22 right of 25 hits in all, in-sample.',
	);
	lines.push(
		'- The test split is small (≈120 pairs, a handful of defects per check): its per-check figures move by tens of points with one answer.',
	);
	lines.push(
		'- Timings depend on the load of the shared machine; the template check is grouped once per batch (linear).',
	);
	const report = lines.join('\n') + '\n';
	console.log(report);
	if (args.some((a) => a.startsWith('--misses'))) console.log(misses.join('\n'));
	if (args.includes('--write')) writeFileSync(join(root, 'bench', 'answer-checks.md'), report);
}

if (require.main === module) main();
