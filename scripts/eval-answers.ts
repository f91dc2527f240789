/**
 * Answer checks measured on real official answers: per-check precision and recall against the reviewer's labels
 * (bench/data/answer-labels.jsonl), the rework decision's precision, recall and share, fire rates on every answered
 * record of the corpus, and the throughput with the template check over a 50,000-answer batch.
 * Labels are split dev/test by a hash of the id (both reported). Writes bench/answer-checks.md with --write.
 *
 * Run: npm run eval:answers [-- <corpus.jsonl.gz>] [-- --write] [-- --misses]
 */
import { readFileSync, existsSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { answerInputOf, checkAnswer, otherAnswerOf, type AnswerRecord, type OtherAnswer, type QualityCode, type QualityOptions } from '../lib/quality';

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
	/** A later batch kept out of rule building as a whole ("heldout"); absent: split by the id's hash. */
	split?: 'heldout';
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
	const statuses = r.statuses.map(([dt, name]) => ({ t: Date.parse(local(dt)), name })).sort((a, b) => a.t - b.t);
	const roundStart = [...statuses].reverse().find((s) => s.name === 'Модерация' && s.t <= at)?.t ?? Date.parse(local(r.created));
	const registered = statuses.find((s) => s.name === 'Рассмотрение' && s.t >= roundStart)?.t ?? roundStart;
	const answersByTime = r.answers.map((a, i) => ({ i, t: Date.parse(local(a.dt)), body: a.body })).sort((a, b) => a.t - b.t);
	const intermediate = (t: number) => {
		const next = statuses.find((s) => s.t >= t && (s.name === 'Промежуточный ответ' || s.name === 'Получен ответ' || s.name.startsWith('Завершено')));
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
		answerHistory: answersByTime.filter((a) => a.t < at && a.t >= roundStart).map((a) => ({ at: new Date(a.t).toISOString(), text: a.body, intermediate: intermediate(a.t) })),
	};
}

function readCorpus(path: string): CorpusRecord[] {
	return gunzipSync(readFileSync(path)).toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as CorpusRecord);
}

/** FNV-1a of the id: 70% dev, 30% test, stable across runs and label batches. */
export function split(id: number | string): 'dev' | 'test' {
	let h = 0x811c9dc5;
	for (const c of String(id)) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
	return h % 10 < 7 ? 'dev' : 'test';
}

type Split = 'dev' | 'test' | 'heldout';
const splitOf = (l: Label): Split => l.split ?? split(l.id);
const SPLITS: Split[] = ['dev', 'test', 'heldout'];

const pct = (a: number, b: number) => (b ? `${((a / b) * 100).toFixed(1)}%` : '—');

interface Counts { flagged: number; tp: number; truth: number; }

function evaluateLabels(labels: Label[], byId: Map<number, CorpusRecord>, others: OtherAnswer[], misses: string[], options: QualityOptions = {}) {
	const perCode = new Map<QualityCode, Counts>(CODES.map((c) => [c, { flagged: 0, tp: 0, truth: 0 }]));
	let predicted = 0, truth = 0, tp = 0, kindOk = 0, kindTextOk = 0;
	for (const l of labels) {
		const r = byId.get(l.id);
		if (!r || !r.answers[l.answer]) continue;
		const record = toAppealRecord(r, l.answer);
		const result = checkAnswer(answerInputOf(record, others), options);
		const fired = new Set(result.errors.map((e) => e.code));
		for (const code of CODES) {
			const c = perCode.get(code)!;
			const defect = DEFECT_OF[code]!;
			const has = l.defects.includes(defect);
			if (code !== 'empty') c.truth += has ? 1 : 0;
			if (fired.has(code)) {
				c.flagged++;
				if (has) c.tp++;
				else if (misses.length < 400) misses.push(`FP ${code} ${l.id}/${l.answer}: ${l.reason}`);
			} else if (has && code !== 'empty' && !(code === 'too_short' && fired.has('empty')) && misses.length < 400) misses.push(`FN ${code} ${l.id}/${l.answer}: ${l.reason}`);
		}
		const rework = !result.ok;
		predicted += rework ? 1 : 0;
		truth += l.rework ? 1 : 0;
		tp += rework && l.rework ? 1 : 0;
		if (rework !== l.rework && misses.length < 400) misses.push(`${rework ? 'FP' : 'FN'} rework ${l.id}/${l.answer} [${result.errors.filter((e) => e.severity === 'error').map((e) => e.code)}]: ${l.reason}`);
		kindOk += result.kind === l.kind ? 1 : 0;
		const textOnly = checkAnswer(answerInputOf({ ...record, answerIntermediate: false }, others));
		kindTextOk += textOnly.kind === l.kind ? 1 : 0;
	}
	return { n: labels.length, perCode, predicted, truth, tp, kindOk, kindTextOk };
}

function main() {
	const args = process.argv.slice(2);
	const root = join(__dirname, '..');
	const corpusPath = args.find((a) => !a.startsWith('--')) ?? join(root, '..', 'shared', 'corpora', 'spb-appeals-dev.jsonl.gz');
	const labelsPath = join(root, 'bench', 'data', 'answer-labels.jsonl');
	const corpus = readCorpus(corpusPath);
	const byId = new Map(corpus.map((r) => [r.id, r]));
	const labels: Label[] = existsSync(labelsPath) ? readFileSync(labelsPath, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Label) : [];

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
		for (const code of new Set(result.errors.map((e) => `${e.code}|${e.severity}`))) fired.set(code, (fired.get(code) ?? 0) + 1);
	}
	const allMs = performance.now() - t0;

	// Throughput: 50,000 answers (corpus answers repeated, ids changed; in memory only), template check included.
	const batch: AnswerRecord[] = [];
	for (let i = 0; batch.length < 50_000; i++) batch.push({ ...records[i % records.length], id: `bench:${i}` });
	const batchOthers = batch.map(otherAnswerOf).filter((o): o is OtherAnswer => !!o);
	const t1 = performance.now();
	const cpu1 = process.cpuUsage();
	for (const rec of batch) checkAnswer(answerInputOf(rec, batchOthers));
	const batchMs = performance.now() - t1;
	// CPU time as well: on a shared machine the wall clock measures the neighbours too.
	const cpu = process.cpuUsage(cpu1);
	const batchCpuS = (cpu.user + cpu.system) / 1e6;
	const perSecond = Math.round(50_000 / (batchMs / 1000));

	// Misses are listed for dev only: the rules are built on dev, test and heldout stay unread.
	const misses: string[] = [];
	const bySplit = new Map(SPLITS.map((s) => [s, evaluateLabels(labels.filter((l) => splitOf(l) === s), byId, others, s === 'dev' ? misses : [])]));
	const dev = bySplit.get('dev')!, test = bySplit.get('test')!, held = bySplit.get('heldout')!;
	const every = evaluateLabels(labels, byId, others, []);

	const lines: string[] = [];
	lines.push('# Answer checks on real official answers', '');
	lines.push('Command: `npm run eval:answers -- --write` (corpus `../shared/corpora/spb-appeals-dev.jsonl.gz`, labels `bench/data/answer-labels.jsonl`).');
	lines.push('Labels of the first batch are split by a hash of the appeal id: dev ≈ 70% (looked at while building the rules), test ≈ 30%');
	lines.push('(not looked at). The second batch, `heldout` (labelled later, from appeals the first batch never drew), is kept out of rule');
	lines.push('building as a whole: its figures are the honest estimate for answers the rules have not seen.', '');
	lines.push(`Labelled pairs: ${every.n} (dev ${dev.n}, test ${test.n}, heldout ${held.n}). Answered records: ${records.length}.`, '');
	lines.push('## Per check (check ↔ reviewer defect)', '');
	lines.push('Precision: right hits / hits (fired); recall: right hits / labelled defects.', '');
	lines.push('| check | defect | severity | fired (all labels) | precision dev | recall dev | precision test | recall test | precision heldout | recall heldout | precision all | recall all | fire rate, all answered |');
	lines.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
	const cell = (c: Counts) => `${pct(c.tp, c.flagged)}${c.flagged ? ` (${c.tp}/${c.flagged})` : ''}`;
	const rcell = (c: Counts) => `${pct(c.tp, c.truth)}${c.truth ? ` (${c.tp}/${c.truth})` : ''}`;
	for (const code of CODES) {
		const d = dev.perCode.get(code)!, t = test.perCode.get(code)!, h = held.perCode.get(code)!, a = every.perCode.get(code)!;
		const rate = (fired.get(`${code}|error`) ?? 0) + (fired.get(`${code}|warning`) ?? 0);
		const severity = fired.has(`${code}|error`) ? 'error' : fired.has(`${code}|warning`) ? 'warning' : '';
		lines.push(`| ${code} | ${DEFECT_OF[code]} | ${severity} | ${a.flagged} | ${cell(d)} | ${rcell(d)} | ${cell(t)} | ${rcell(t)} | ${cell(h)} | ${rcell(h)} | ${cell(a)} | ${rcell(a)} | ${pct(rate, records.length)} |`);
	}
	const other = [...fired].filter(([k]) => !CODES.includes(k.split('|')[0] as QualityCode));
	if (other.length) lines.push('', `Other checks' fire rate on all answered records: ${other.map(([k, n]) => `${k.replace('|', ' (')}) ${pct(n, records.length)}`).join(', ')}.`);
	lines.push('', '## Rework decision (any error-level check)', '');
	lines.push('| set | pairs | sent back | should go back | precision | recall | share sent back | share labelled |');
	lines.push('|---|---|---|---|---|---|---|---|');
	for (const [name, s] of [['dev', dev], ['test', test], ['heldout', held], ['all labels', every]] as const) {
		lines.push(`| ${name} | ${s.n} | ${s.predicted} | ${s.truth} | ${pct(s.tp, s.predicted)} | ${pct(s.tp, s.truth)} | ${pct(s.predicted, s.n)} | ${pct(s.truth, s.n)} |`);
	}
	// What the rework decision would be with the two checks made errors in issue #15 turned back into warnings (the node's «Считать замечаниями»).
	const demoted: QualityCode[] = ['formal_reply', 'personal_data'];
	const asWarnings = { severity: Object.fromEntries(demoted.map((c) => [c, 'warning' as const])) };
	const pDev = evaluateLabels(labels.filter((l) => splitOf(l) === 'dev'), byId, others, [], asWarnings);
	const pTest = evaluateLabels(labels.filter((l) => splitOf(l) === 'test'), byId, others, [], asWarnings);
	const pHeld = evaluateLabels(labels.filter((l) => splitOf(l) === 'heldout'), byId, others, [], asWarnings);
	const pAll = evaluateLabels(labels, byId, others, [], asWarnings);
	lines.push('', `With ${demoted.join(' and ')} as warnings (option «Считать замечаниями»):`, '');
	lines.push('| set | pairs | sent back | should go back | precision | recall | share sent back |');
	lines.push('|---|---|---|---|---|---|---|');
	for (const [name, s] of [['dev', pDev], ['test', pTest], ['heldout', pHeld], ['all labels', pAll]] as const) {
		lines.push(`| ${name} | ${s.n} | ${s.predicted} | ${s.truth} | ${pct(s.tp, s.predicted)} | ${pct(s.tp, s.truth)} | ${pct(s.predicted, s.n)} |`);
	}
	let demotedShare = 0;
	for (const rec of records) if (!checkAnswer(answerInputOf(rec, others), asWarnings).ok) demotedShare++;
	lines.push('', `Rework share on all answered records with them as warnings: ${pct(demotedShare, records.length)}.`);
	lines.push('', `Rework share on all ${records.length} answered records (latest answer of each): **${pct(rework, records.length)}**.`);
	lines.push(`Answer kind (final / intermediate) as the reviewer read it: ${pct(every.kindOk, every.n)} with the portal's status, ${pct(every.kindTextOk, every.n)} from the text alone.`);
	lines.push('', '## Throughput', '');
	lines.push(`- ${records.length} answered records in one batch (template check over all of them): ${(allMs / 1000).toFixed(2)} s, ${Math.round(records.length / (allMs / 1000))} answers/s.`);
	lines.push(`- 50,000-answer batch (corpus answers repeated with new ids, in memory), template check included: ${(batchMs / 1000).toFixed(2)} s, **${perSecond} answers/s** (target ≥ 5,000); ${batchCpuS.toFixed(2)} CPU s, ${Math.round(50_000 / batchCpuS)} answers per CPU second.`);
	lines.push('', '## Notes', '');
	lines.push('- Error-level by default only where the precision on all labels is ≥ 85%: `too_short`, `promise_without_date`, `formal_reply`,');
	lines.push('  `personal_data`, `empty`, `rude_tone`. `late` is precise, but by the labelling rules lateness alone does not send an');
	lines.push('  answer back (it counts in the rating), so it is a warning.');
	lines.push('- `formal_reply` (issue #15): an action on «мероприятия / меры» names no result; an inspection («проведено обследование») is');
	lines.push('  the check, not a result; after «установлено, что» only the finding counts; a quoted norm («согласно … ГОСТ …») is');
	lines.push('  no reason and its figures are not the case\'s specifics; «в исправном состоянии», «обеспечен» are claims, not findings;');
	lines.push('  a generic «работы выполнены» with its day and a photo report passes.');
	lines.push('- `personal_data`: a flat number is left out when the answer acts against an offender (an unapproved fixture, an');
	lines.push('  offence): that flat is where the problem is, not the applicant\'s home.');
	lines.push('- `not_addressed` (off_topic) stays off: switched on, it fires on 4 labelled pairs and none is off topic, while the 5');
	lines.push('  labelled off-topic answers (4 dev) share the appeal\'s subject words (another defect of the same object, a «why»');
	lines.push('  answered with a state), which subject groups cannot tell apart; no rule reached 85% here.');
	lines.push('- Off by default (0% precise on the labels): `not_addressed`, `legal_refs_without_explanation`, `contradiction` (node: «Включить проверки»).');
	lines.push('- The test split is small (≈120 pairs, a handful of defects per check): its per-check figures move by tens of points with one answer.');
	lines.push('- Timings depend on the load of the shared machine; the template check is grouped once per batch (linear).');
	const report = lines.join('\n') + '\n';
	console.log(report);
	if (args.includes('--misses')) console.log(misses.join('\n'));
	if (args.includes('--write')) writeFileSync(join(root, 'bench', 'answer-checks.md'), report);
}

if (require.main === module) main();
