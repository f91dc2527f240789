/**
 * Draws the reproducible stratified sample of real appeal/answer pairs that bench/data/answer-labels.jsonl labels,
 * and prints each pair for a human reviewer to read. The output contains corpus texts: read it, never commit it
 * (redirect it under /tmp if you must keep it).
 *
 * Run: npx tsx scripts/answer-sample.ts [path/to/spb-appeals-dev.jsonl.gz] [--seed=15] [--ids] [--from=N --to=M]
 *   --ids      print only "id answerIndex stratum cell" lines (to check that the draw is unchanged)
 *   --cells    print how many answers of the corpus fall in each kind/length cell (to weight the sample's figures)
 *   --from/to  print pairs N..M-1 of the sample (to read it in chunks)
 *   --pairs=F  print the pairs listed in F ("id answerIndex" per line) instead of a draw: a targeted batch
 *
 * Strata: answer kind (final | intermediate) × answer length (short < 150 chars, medium < 500, long) — 72 pairs per
 * cell (short intermediate answers are rare: all of them), spread over categories (half proportional to the
 * category's size, half evenly, so small categories are seen) — plus 30 appeals with two or more answers whose answers
 * are all labelled (stratum "multi"). The pairs come out shuffled (a multi appeal's answers stay together), so any
 * prefix of the sample is a fair mix of strata.
 * An answer is intermediate when the portal's next status after it is «Промежуточный ответ», or when a later answer
 * to the same appeal follows it without the appeal being reopened in between.
 */
import { readFileSync } from 'fs';
import { resolve } from 'path';
import { gunzipSync } from 'zlib';
import { createRng } from '../lib/random';

interface Answer {
	dt: string;
	status: string;
	body: string;
}
interface Appeal {
	id: number;
	district: string;
	category: string;
	reason: string;
	text: string;
	created: string;
	address: string;
	answers: Answer[];
	statuses: [string, string][];
}
export interface Pair {
	appeal: Appeal;
	answer: number;
	kind: 'final' | 'intermediate';
	length: 'short' | 'medium' | 'long';
	stratum: string;
}

const DEFAULT_PER_CELL = 72;
const MULTI_APPEALS = 30;

const prng = createRng;

function shuffle<T>(items: T[], rnd: () => number): T[] {
	const a = items.slice();
	for (let i = a.length - 1; i > 0; i--) {
		const j = Math.floor(rnd() * (i + 1));
		[a[i], a[j]] = [a[j], a[i]];
	}
	return a;
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

export function answerLength(body: string): Pair['length'] {
	const n = norm(body).length;
	return n < 150 ? 'short' : n < 500 ? 'medium' : 'long';
}

/** Portal kind of answer i: the first status published after it, or a later answer without a reopening between. */
export function answerKind(a: Appeal, i: number): Pair['kind'] {
	const t = a.answers[i].dt;
	const after = a.statuses.filter(([dt]) => dt >= t).sort((x, y) => x[0].localeCompare(y[0]));
	const next = after.find(([, s]) => s === 'Промежуточный ответ' || s === 'Получен ответ');
	if (next?.[1] === 'Промежуточный ответ') return 'intermediate';
	if (next?.[1] === 'Получен ответ') return 'final';
	const later = a.answers.filter((x) => x.dt > t).map((x) => x.dt);
	if (later.length === 0) return 'final';
	const firstLater = later.sort()[0];
	const reopened = a.statuses.some(([dt, s]) => s === 'Модерация' && dt > t && dt < firstLater);
	return reopened ? 'final' : 'intermediate';
}

export function loadAppeals(path: string): Appeal[] {
	return gunzipSync(readFileSync(path))
		.toString('utf8')
		.split('\n')
		.filter((l) => l.trim())
		.map((l) => JSON.parse(l) as Appeal);
}

/** Every answered pair of the corpus by kind/length cell: the population the strata are drawn from. */
export function cellSizes(appeals: Appeal[]): Map<string, number> {
	const sizes = new Map<string, number>();
	for (const a of appeals)
		a.answers.forEach((x, i) => {
			const key = `${answerKind(a, i)}/${answerLength(x.body)}`;
			sizes.set(key, (sizes.get(key) ?? 0) + 1);
		});
	return sizes;
}

export interface DrawOptions {
	/** Pairs per kind/length cell (72 for the first batch). */
	perCell?: number;
	/** Appeals whose every answer is taken (30 for the first batch). */
	multiAppeals?: number;
	/** Appeal ids already labelled: a new batch never sees them, so it stays held out from the rules built on them. */
	exclude?: Set<number>;
}

export function drawSample(appeals: Appeal[], seed = 15, options: DrawOptions = {}): Pair[] {
	const PER_CELL = options.perCell ?? DEFAULT_PER_CELL;
	const rnd = prng(seed);
	const withAnswers = appeals.filter((a) => a.answers.length > 0 && !options.exclude?.has(a.id));
	const multi = shuffle(
		withAnswers.filter((a) => a.answers.length >= 2),
		rnd,
	).slice(0, options.multiAppeals ?? MULTI_APPEALS);
	const taken = new Set(multi.map((a) => a.id));
	const pairs: Pair[] = [];
	for (const a of multi)
		a.answers.forEach((x, i) =>
			pairs.push({
				appeal: a,
				answer: i,
				kind: answerKind(a, i),
				length: answerLength(x.body),
				stratum: 'multi',
			}),
		);

	const cells = new Map<string, Map<string, Pair[]>>();
	for (const a of withAnswers) {
		if (taken.has(a.id)) continue;
		a.answers.forEach((x, i) => {
			const p: Pair = {
				appeal: a,
				answer: i,
				kind: answerKind(a, i),
				length: answerLength(x.body),
				stratum: '',
			};
			p.stratum = `${p.kind}/${p.length}`;
			const byCat = cells.get(p.stratum) ?? new Map<string, Pair[]>();
			cells.set(p.stratum, byCat);
			const list = byCat.get(a.category) ?? [];
			list.push(p);
			byCat.set(a.category, list);
		});
	}
	for (const stratum of [...cells.keys()].sort()) {
		const byCat = cells.get(stratum)!;
		const cats = [...byCat.keys()].sort();
		const total = cats.reduce((s, c) => s + byCat.get(c)!.length, 0);
		const pools = new Map(cats.map((c) => [c, shuffle(byCat.get(c)!, rnd)]));
		const quota = new Map(cats.map((c) => [c, 0]));
		// half proportional (largest remainder), half round-robin over categories
		const half = PER_CELL / 2;
		const exact = cats.map((c) => ({
			c,
			q: (half * byCat.get(c)!.length) / total,
		}));
		for (const e of exact) quota.set(e.c, Math.floor(e.q));
		let left = half - exact.reduce((s, e) => s + Math.floor(e.q), 0);
		for (const e of exact.sort(
			(x, y) => y.q - Math.floor(y.q) - (x.q - Math.floor(x.q)) || x.c.localeCompare(y.c),
		)) {
			if (left-- <= 0) break;
			quota.set(e.c, quota.get(e.c)! + 1);
		}
		let even = PER_CELL - half;
		for (let round = 0; even > 0 && round < PER_CELL; round++)
			for (const c of shuffle(cats, rnd)) {
				if (even <= 0) break;
				if (quota.get(c)! < pools.get(c)!.length) {
					quota.set(c, quota.get(c)! + 1);
					even--;
				}
			}
		const seen = new Set<number>();
		for (const c of cats) {
			let need = quota.get(c)!;
			for (const p of pools.get(c)!) {
				if (need <= 0) break;
				if (seen.has(p.appeal.id)) continue; // one answer per appeal inside a cell
				seen.add(p.appeal.id);
				pairs.push(p);
				need--;
			}
		}
	}
	// shuffle units so that labels committed in batches are a mix of strata; a multi appeal's answers stay together
	const units = new Map<string, Pair[]>();
	for (const p of pairs) {
		const key = p.stratum === 'multi' ? `m${p.appeal.id}` : `${p.appeal.id}/${p.answer}`;
		units.set(key, [...(units.get(key) ?? []), p]);
	}
	return shuffle([...units.values()], rnd).flat();
}

/** The pairs a list names ("id answerIndex" per line), for a targeted batch; an unknown pair is an error, not a gap. */
export function listedPairs(appeals: Appeal[], list: string): Pair[] {
	const byId = new Map(appeals.map((a) => [a.id, a]));
	return list
		.split('\n')
		.filter((l) => l.trim())
		.map((line) => {
			const [id, index] = line.trim().split(/\s+/).map(Number);
			const appeal = byId.get(id);
			if (!appeal?.answers[index]) throw new Error(`no answer ${index} of appeal ${id}`);
			return {
				appeal,
				answer: index,
				kind: answerKind(appeal, index),
				length: answerLength(appeal.answers[index].body),
				stratum: 'targeted',
			};
		});
}

const day = 86400000;
const ms = (s: string) => Date.parse(`${s.slice(0, 23)}Z`);
/** Whole calendar days between two local timestamps: the 30 days of 59-ФЗ run by dates, not hours. */
export const calendarDays = (from: string, to: string) =>
	Math.round((ms(to.slice(0, 10)) - ms(from.slice(0, 10))) / day);

/** Start of the round an answer belongs to: the last moderation before it (a reopened appeal starts a new round). */
export function roundStart(a: Appeal, i: number): string {
	const t = a.answers[i].dt;
	const starts = a.statuses
		.filter(([dt, s]) => s === 'Модерация' && dt <= t)
		.map(([dt]) => dt)
		.sort();
	return starts.pop() ?? a.created;
}

function describe(p: Pair, n: number): string {
	const a = p.appeal;
	const x = a.answers[p.answer];
	const start = roundStart(a, p.answer);
	// 59-ФЗ counts from registration: on the portal, the first «Рассмотрение» of the round
	const reg =
		a.statuses
			.filter(([dt, s]) => s === 'Рассмотрение' && dt >= start)
			.map(([dt]) => dt)
			.sort()[0] ?? start;
	const earlier = a.answers
		.map((y, i) => ({ i, dt: y.dt }))
		.filter((y) => y.i !== p.answer && y.dt >= start && y.dt < x.dt)
		.map((y) => `#${y.i} at ${calendarDays(reg, y.dt)} d (${answerKind(a, y.i)})`);
	const others = a.answers
		.map((y, i) => ({ i, dt: y.dt }))
		.filter((y) => y.i !== p.answer)
		.map((y) => `#${y.i} ${y.dt.slice(0, 16)} (${answerKind(a, y.i)})`);
	const statuses = a.statuses
		.slice()
		.sort((u, v) => u[0].localeCompare(v[0]))
		.map(([dt, s]) => `${dt.slice(5, 16)} ${s}`)
		.join(' | ');
	return [
		`=== [${n}] id=${a.id} answer=${p.answer}/${a.answers.length} stratum=${p.stratum} kind=${p.kind} len=${norm(x.body).length}`,
		`category: ${a.category} / ${a.reason}`,
		`round start: ${start.slice(0, 16)}  registered: ${reg.slice(0, 10)}  answer dt: ${x.dt.slice(0, 16)}  calendar days since registration: ${calendarDays(reg, x.dt)}  earlier in round: ${earlier.join('; ') || '—'}`,
		`other answers: ${others.join('; ') || '—'}`,
		`statuses: ${statuses}`,
		`APPEAL: ${norm(a.text)}`,
		`ANSWER: ${norm(x.body)}`,
		'',
	].join('\n');
}

if (require.main === module) {
	const args = process.argv.slice(2);
	const opt = (name: string) => args.find((s) => s.startsWith(`--${name}=`))?.split('=')[1];
	const path =
		args.find((s) => !s.startsWith('--')) ??
		resolve(__dirname, '../../shared/corpora/spb-appeals-dev.jsonl.gz');
	const appeals = loadAppeals(path);
	if (args.includes('--cells')) {
		for (const [cell, n] of [...cellSizes(appeals)].sort()) console.log(`${cell} ${n}`);
		process.exit(0);
	}
	// A later batch: --exclude=<labels.jsonl> leaves out every appeal already labelled there.
	const excludePath = opt('exclude');
	const exclude = excludePath
		? new Set(
				readFileSync(excludePath, 'utf8')
					.split('\n')
					.filter((l) => l.trim())
					.map((l) => (JSON.parse(l) as { id: number }).id),
			)
		: undefined;
	// A targeted batch: --pairs=<file> of "id answerIndex" lines (a check's hits mixed with controls), in that order.
	const pairsPath = opt('pairs');
	const pairs = pairsPath
		? listedPairs(appeals, readFileSync(pairsPath, 'utf8'))
		: drawSample(appeals, Number(opt('seed') ?? 15), {
				perCell: opt('per-cell') ? Number(opt('per-cell')) : undefined,
				multiAppeals: opt('multi') ? Number(opt('multi')) : undefined,
				exclude,
			});
	const from = Number(opt('from') ?? 0);
	const to = Number(opt('to') ?? pairs.length);
	if (args.includes('--ids')) {
		for (const p of pairs)
			console.log(`${p.appeal.id} ${p.answer} ${p.stratum} ${p.kind}/${p.length}`);
	} else {
		console.log(`sample: ${pairs.length} pairs\n`);
		pairs.slice(from, to).forEach((p, k) => console.log(describe(p, from + k)));
	}
}
