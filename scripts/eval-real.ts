/**
 * Classification on real texts: the corpus of a city portal (../shared/corpora/spb-appeals-dev.jsonl.gz, see its
 * README) with its reasons mapped to our topics in bench/data/spb-reason-topics.json. Measures the cold start (the
 * default dictionary, no training), the learned model with a leave-districts-out split, training time, speed and
 * the model's size, and settlements on generated variants of the district's own gazetteer names. Writes
 * bench/classification.md. Run: npm run eval:real [-- --corpus <path>] [--no-write]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import {
	createClassifier,
	DEFAULT_GAZETTEER,
	structureBatch,
	trainTextModel,
	TextModel,
	type Classification,
} from '../lib/classify';

interface CorpusRecord {
	id: number;
	district: string;
	category: string;
	reason: string;
	text: string;
}

interface Labelled {
	id: number;
	district: string;
	text: string;
	accepted: string[];
}

const ROOT = resolve(__dirname, '..');
const argValue = (name: string) => {
	const i = process.argv.indexOf(name);
	return i >= 0 ? process.argv[i + 1] : undefined;
};

export function loadCorpus(
	path = argValue('--corpus') ?? resolve(ROOT, '../shared/corpora/spb-appeals-dev.jsonl.gz'),
): Labelled[] {
	const map = JSON.parse(
		readFileSync(resolve(ROOT, 'bench/data/spb-reason-topics.json'), 'utf8'),
	) as { reasons: Array<{ category: string; reason: string; topics: string[] }> };
	const byReason = new Map(map.reasons.map((r) => [`${r.category}\t${r.reason}`, r.topics]));
	const raw = gunzipSync(readFileSync(path)).toString('utf8');
	const out: Labelled[] = [];
	for (const line of raw.split('\n')) {
		if (!line.trim()) continue;
		const r = JSON.parse(line) as CorpusRecord;
		const accepted = byReason.get(`${r.category}\t${r.reason}`);
		if (!accepted)
			throw new Error(
				`reason not mapped: ${r.category} / ${r.reason} (bench/data/spb-reason-topics.json)`,
			);
		out.push({ id: r.id, district: r.district, text: r.text ?? '', accepted });
	}
	return out;
}

/** The first `count` corpus texts as intake records a minute apart: what structuring is timed on (here and in bench/). */
export const structureRecords = (data: Labelled[], count = 10_000) =>
	data.slice(0, count).map((x, i) => ({
		id: `spb:${x.id}`,
		source: 'pos',
		receivedAt: new Date(Date.UTC(2021, 0, 1) + i * 60_000).toISOString(),
		text: x.text,
		author: { name: 'Заявитель' },
	}));

interface Tally {
	total: number;
	decided: number;
	right: number;
}
const tally = (): Tally => ({ total: 0, decided: 0, right: 0 });
const count = (t: Tally, topic: string | null, accepted: string[]) => {
	t.total++;
	if (topic && topic !== 'undefined') {
		t.decided++;
		if (accepted.includes(topic)) t.right++;
	}
};
const pct = (a: number, b: number) => (b ? ((a / b) * 100).toFixed(1) : '—');
const line = (t: Tally) =>
	`right ${pct(t.right, t.total)}% of all; decided ${pct(t.decided, t.total)}%; right where decided ${pct(t.right, t.decided)}%`;

/** Cold start: the default dictionary alone. */
export function coldStart(data: Labelled[]) {
	const classifier = createClassifier();
	const t = tally();
	const confusion = new Map<string, number>();
	for (const x of data) {
		const c = classifier.classify(x.text);
		count(t, c.topic, x.accepted);
		const key =
			c.topic === 'undefined'
				? `${x.accepted[0]} → (abstained)`
				: x.accepted.includes(c.topic)
					? ''
					: `${x.accepted[0]} → ${c.topic}`;
		if (key) confusion.set(key, (confusion.get(key) ?? 0) + 1);
	}
	return { tally: t, confusion: [...confusion].sort((a, b) => b[1] - a[1]).slice(0, 15) };
}

/** Leave-districts-out: districts sorted by name, fold i tests districts i, i+5; the model trains on the other folds. */
export function leaveDistrictsOut(data: Labelled[], folds = 5) {
	const districts = [...new Set(data.map((x) => x.district))].sort();
	const modelOnly = tally();
	const combined = tally();
	const by = { model: 0, dictionary: 0, none: 0 };
	const foldLines: string[] = [];
	for (let f = 0; f < folds; f++) {
		const test = new Set(districts.filter((_, i) => i % folds === f));
		const train = data
			.filter((x) => !test.has(x.district))
			.map((x) => ({ text: x.text, topic: x.accepted[0], accepted: x.accepted }));
		const started = Date.now();
		const model = trainTextModel(train);
		const ms = Date.now() - started;
		const classifier = createClassifier({ model });
		const foldModel = tally();
		const foldCombined = tally();
		for (const x of data) {
			if (!test.has(x.district)) continue;
			const p = model.predict(x.text);
			count(modelOnly, p.topic, x.accepted);
			count(foldModel, p.topic, x.accepted);
			const c: Classification = classifier.classify(x.text);
			count(combined, c.topic, x.accepted);
			count(foldCombined, c.topic, x.accepted);
			if (c.decidedBy === 'model') by.model++;
			else if (c.decidedBy === 'dictionary') by.dictionary++;
			else by.none++;
		}
		foldLines.push(
			`| ${[...test].join(', ')} | ${train.length} | ${ms} | ${model.threshold.toFixed(2)} | ${pct(foldModel.right, foldModel.total)}% / ${pct(foldModel.decided, foldModel.total)}% / ${pct(foldModel.right, foldModel.decided)}% | ${pct(foldCombined.right, foldCombined.total)}% / ${pct(foldCombined.decided, foldCombined.total)}% / ${pct(foldCombined.right, foldCombined.decided)}% |`,
		);
	}
	return { modelOnly, combined, by, foldLines };
}

/** Training time on 30,000 examples, texts per second with the model, and the model's size. */
export function speedAndSize(data: Labelled[]) {
	const examples = data
		.slice(0, 30_000)
		.map((x) => ({ text: x.text, topic: x.accepted[0], accepted: x.accepted }));
	const load = loadavg()[0];
	// Wall time and this process's CPU time: on a machine shared by several busy processes the wall time mostly
	// measures the wait for a core; the CPU time is what the training costs.
	const cpu = () => {
		const u = process.cpuUsage();
		return (u.user + u.system) / 1000;
	};
	const started = process.hrtime.bigint();
	const cpuStarted = cpu();
	const model = trainTextModel(examples);
	const trainMs = Number(process.hrtime.bigint() - started) / 1e6;
	const trainCpuMs = cpu() - cpuStarted;
	const json = JSON.stringify(model.toJSON());
	const restored = TextModel.fromJSON(json);
	const same = data
		.slice(0, 2000)
		.every((x) => restored.predict(x.text).best === model.predict(x.text).best);
	const classifier = createClassifier({ model: restored });
	const texts = data.map((x) => x.text);
	for (let i = 0; i < 2000; i++) classifier.classify(texts[i]); // warm-up
	const t0 = process.hrtime.bigint();
	const c0 = cpu();
	for (const t of texts) classifier.classify(t);
	const classifyMs = Number(process.hrtime.bigint() - t0) / 1e6;
	const classifyCpuMs = cpu() - c0;
	const plain = createClassifier();
	for (let i = 0; i < 2000; i++) plain.classify(texts[i]);
	const t1 = process.hrtime.bigint();
	const c1 = cpu();
	for (const t of texts) plain.classify(t);
	const plainMs = Number(process.hrtime.bigint() - t1) / 1e6;
	const plainCpuMs = cpu() - c1;
	// The whole structuring (classification with the model, conflicts, repeats) on 10,000 records of the corpus.
	let structurePerCpuSecond: number | null = null;
	let structurePerSecond: number | null = null;
	try {
		const records = structureRecords(data);
		structureBatch(records.slice(0, 1000), { classifier });
		const t2 = process.hrtime.bigint();
		const c2 = cpu();
		structureBatch(records, { classifier });
		structurePerSecond = Math.round(
			(records.length / (Number(process.hrtime.bigint() - t2) / 1e6)) * 1000,
		);
		structurePerCpuSecond = Math.round((records.length / (cpu() - c2)) * 1000);
	} catch (error) {
		console.error(`structureBatch not measured: ${(error as Error).message}`);
	}
	return {
		structurePerSecond,
		structurePerCpuSecond,
		trainMs,
		trainCpuMs,
		load,
		loadAfter: loadavg()[0],
		examples: examples.length,
		calibration: model.calibration,
		threshold: model.threshold,
		jsonBytes: Buffer.byteLength(json),
		gzipBytes: gzipSync(json).length,
		roundTrip: same,
		perSecond: Math.round((texts.length / classifyMs) * 1000),
		perCpuSecond: Math.round((texts.length / classifyCpuMs) * 1000),
		plainPerSecond: Math.round((texts.length / plainMs) * 1000),
		plainPerCpuSecond: Math.round((texts.length / plainCpuMs) * 1000),
	};
}

/**
 * Settlements on generated texts: every village and settlement name of the default gazetteer in its case forms
 * after prepositions, after abbreviations, and with one-letter typos (names of six letters or more).
 */
const FORMS: Record<string, { gen: string; dat: string; ins: string; loc: string }> = {
	Дедовичи: { gen: 'Дедовичей', dat: 'Дедовичам', ins: 'Дедовичами', loc: 'Дедовичах' },
	Вязье: { gen: 'Вязья', dat: 'Вязью', ins: 'Вязьем', loc: 'Вязье' },
	Дубровно: { gen: 'Дубровна', dat: 'Дубровну', ins: 'Дубровном', loc: 'Дубровне' },
	Ясски: { gen: 'Ясок', dat: 'Ясскам', ins: 'Яссками', loc: 'Яссках' },
	'Хохловы Горки': {
		gen: 'Хохловых Горок',
		dat: 'Хохловым Горкам',
		ins: 'Хохловыми Горками',
		loc: 'Хохловых Горках',
	},
	Пожеревицы: { gen: 'Пожеревиц', dat: 'Пожеревицам', ins: 'Пожеревицами', loc: 'Пожеревицах' },
	Крутец: { gen: 'Крутца', dat: 'Крутцу', ins: 'Крутцом', loc: 'Крутце' },
	Сосонка: { gen: 'Сосонки', dat: 'Сосонке', ins: 'Сосонкой', loc: 'Сосонке' },
	'Большие Горки': {
		gen: 'Больших Горок',
		dat: 'Большим Горкам',
		ins: 'Большими Горками',
		loc: 'Больших Горках',
	},
	'Красные Луки': {
		gen: 'Красных Лук',
		dat: 'Красным Лукам',
		ins: 'Красными Луками',
		loc: 'Красных Луках',
	},
	Береза: { gen: 'Березы', dat: 'Березе', ins: 'Березой', loc: 'Березе' },
	Сорокино: { gen: 'Сорокино', dat: 'Сорокино', ins: 'Сорокино', loc: 'Сорокино' },
	Шелонь: { gen: 'Шелони', dat: 'Шелони', ins: 'Шелонью', loc: 'Шелони' },
};

const TEMPLATES: Array<
	(f: { nom: string; gen: string; dat: string; ins: string; loc: string }) => string
> = [
	(f) => `Пишу из ${f.gen}, третий день нет воды`,
	(f) => `В ${f.loc} не горят фонари`,
	(f) => `У нас на ${f.loc} яма на дороге`,
	(f) => `Автобус до ${f.gen} не ходит`,
	(f) => `Дорога к ${f.dat} разбита`,
	(f) => `За ${f.ins} свалка мусора`,
	(f) => `д. ${f.nom}, не вывозят мусор`,
	(f) => `дер. ${f.nom} — нет света`,
	(f) => `пос. ${f.nom}: когда починят мост?`,
	(f) => `с.${f.nom} просим отремонтировать`,
	(f) => `жители деревни ${f.gen} просят помощи`,
	(f) => `${f.nom}. Собаки бегают стаями`,
];

function typo(word: string, k: number): string {
	const i = 1 + (k % (word.length - 2)); // not the first letter, which people rarely get wrong
	const letters = 'аеиоукнстрлвмдп';
	switch (k % 4) {
		case 0:
			return word.slice(0, i) + letters[k % letters.length] + word.slice(i + 1); // substitution
		case 1:
			return word.slice(0, i) + word.slice(i + 1); // a letter missing
		case 2:
			return word.slice(0, i) + letters[(k * 7) % letters.length] + word.slice(i); // an extra letter
		default:
			return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2); // two letters swapped
	}
}

export function settlements() {
	const classifier = createClassifier();
	const cases: Array<{ text: string; id: string; kind: 'form' | 'typo' }> = [];
	for (const g of DEFAULT_GAZETTEER) {
		const names = g.id === 'dedovichi' ? ['Дедовичи'] : g.villages;
		for (const nom of names) {
			const forms = { nom, ...FORMS[nom] };
			for (const t of TEMPLATES) cases.push({ text: t(forms), id: g.id, kind: 'form' });
			// Typos in each word of six letters or more, in several forms.
			let k = 0;
			for (const form of [forms.nom, forms.gen, forms.loc]) {
				for (let v = 0; v < 4; v++, k++) {
					const words = form.split(' ');
					const long = words.findIndex(
						(w, j) => w.length >= 6 && (nom.split(' ')[j] ?? '').length >= 6,
					); // names of six letters or more
					if (long < 0) continue;
					words[long] = typo(words[long], k + nom.length);
					cases.push({
						text: TEMPLATES[k % TEMPLATES.length]({
							nom: words.join(' '),
							gen: words.join(' '),
							dat: words.join(' '),
							ins: words.join(' '),
							loc: words.join(' '),
						}),
						id: g.id,
						kind: 'typo',
					});
				}
			}
		}
	}
	const result = {
		form: { total: 0, right: 0 },
		typo: { total: 0, right: 0 },
		misses: [] as string[],
	};
	for (const c of cases) {
		const got = classifier.classify(c.text).settlementId;
		result[c.kind].total++;
		if (got === c.id) result[c.kind].right++;
		else result.misses.push(`${c.text} → ${got} (want ${c.id})`);
	}
	return result;
}

if (require.main === module) {
	const data = loadCorpus();
	const cold = coldStart(data);
	console.log(`corpus: ${data.length} texts`);
	console.log(`cold start: ${line(cold.tally)}`);
	for (const [k, v] of cold.confusion) console.log(`  ${k}: ${v}`);
	const lod = leaveDistrictsOut(data);
	console.log(`model alone (leave-districts-out): ${line(lod.modelOnly)}`);
	console.log(
		`model + dictionary: ${line(lod.combined)}; decided by model ${lod.by.model}, dictionary ${lod.by.dictionary}, none ${lod.by.none}`,
	);
	const speed = speedAndSize(data);
	console.log(
		`training on ${speed.examples}: ${Math.round(speed.trainMs)} ms wall, ${Math.round(speed.trainCpuMs)} ms CPU (load average ${speed.load.toFixed(2)}); threshold ${speed.threshold.toFixed(3)}`,
	);
	console.log(
		`classify with model: ${speed.perSecond} texts/s wall, ${speed.perCpuSecond} per CPU second (dictionary only: ${speed.plainPerSecond}/s, ${speed.plainPerCpuSecond} per CPU s); model ${speed.jsonBytes} bytes JSON, ${speed.gzipBytes} gzipped; round trip same: ${speed.roundTrip}`,
	);
	const places = settlements();
	console.log(
		`structureBatch with model: ${speed.structurePerCpuSecond} per CPU s, ${speed.structurePerSecond}/s wall`,
	);
	console.log(
		`settlements: forms ${places.form.right}/${places.form.total}, typos ${places.typo.right}/${places.typo.total}`,
	);
	if (process.argv.includes('--misses')) console.log(places.misses.join('\n'));
	if (!process.argv.includes('--no-write')) {
		const md = `# Classification on real texts

Command: \`npm run eval:real\` (\`scripts/eval-real.ts\`), on \`../shared/corpora/spb-appeals-dev.jsonl.gz\` — ${data.length} real messages of a
city portal (10 districts). Each message's portal reason is mapped to our topics by meaning in
\`bench/data/spb-reason-topics.json\`; a reason may accept several topics, the first is the training label. Only the
taxonomy is in the repo, no corpus text. Machine: 2 cores shared with other agents (load average at the training
measurement: ${speed.load.toFixed(2)}: with that many runnable processes wall times mostly measure the wait for a core,
so CPU time of this process is given too), Node ${process.version}. Generated ${new Date().toISOString().slice(0, 16)}Z.

Definitions: **right of all** — texts whose topic is one of the reason's accepted topics, over all texts (an
abstention counts as a miss); **decided** — texts given a topic (not sent to review); **right where decided** —
right / decided.

## Cold start (default dictionary, no training)

| | figure | target |
|---|---|---|
| right of all | ${pct(cold.tally.right, cold.tally.total)}% | ≥ 70% |
| decided | ${pct(cold.tally.decided, cold.tally.total)}% | |
| right where decided | ${pct(cold.tally.right, cold.tally.decided)}% | ≥ 90% |

Largest misses (truth's first topic → decided): ${cold.confusion.map(([k, v]) => `${k} ${v}`).join('; ')}.

## Learned model, leave-districts-out

Districts sorted by name; fold *i* tests districts *i* and *i*+5 and trains on the other eight (≈ 30,000 texts);
every text is tested once, by a model that never saw its district. Model: \`trainTextModel\` (softmax regression,
averaged SGD, hashed stems + stem bigrams + character 4-grams; abstention threshold calibrated on 10% held out of
the training part for 93% precision). «Model + dictionary» is \`createClassifier({ model })\`: the model decides where
confident, the dictionary where the model abstains.

| | right of all | decided | right where decided | target |
|---|---|---|---|---|
| model alone | ${pct(lod.modelOnly.right, lod.modelOnly.total)}% | ${pct(lod.modelOnly.decided, lod.modelOnly.total)}% | ${pct(lod.modelOnly.right, lod.modelOnly.decided)}% | |
| model + dictionary | ${pct(lod.combined.right, lod.combined.total)}% | ${pct(lod.combined.decided, lod.combined.total)}% | ${pct(lod.combined.right, lod.combined.decided)}% | ≥ 88% of all, ≥ 90% decided |

Decided by: model ${lod.by.model}, dictionary ${lod.by.dictionary}, nothing (review) ${lod.by.none}.

| test districts | training examples | training ms | threshold | model alone: right of all / decided / right where decided | model + dictionary |
|---|---|---|---|---|---|
${lod.foldLines.join('\n')}

## Speed and size

| | figure | target |
|---|---|---|
| training on ${speed.examples} examples (two fits: calibration + final), CPU time | ${(speed.trainCpuMs / 1000).toFixed(1)} s | ≤ 30 s |
| same, wall time (load average ${speed.load.toFixed(1)} on 2 cores) | ${(speed.trainMs / 1000).toFixed(1)} s | |
| classification with the model (stemming included), per CPU second | ${speed.perCpuSecond} texts/s | ≥ 10,000/s |
| same, wall time (load average ${speed.loadAfter.toFixed(1)}) | ${speed.perSecond} texts/s | |
| classification, dictionary only, per CPU second / wall | ${speed.plainPerCpuSecond} / ${speed.plainPerSecond} texts/s | |
| structuring (\`structureBatch\`: classification with the model, conflicts, repeats) of 10,000 corpus records, per CPU second / wall | ${speed.structurePerCpuSecond ?? '—'} / ${speed.structurePerSecond ?? '—'} texts/s | ≥ 10,000/s |
| model size, JSON (\`toJSON()\`) | ${(speed.jsonBytes / 1024).toFixed(0)} KB (${(speed.gzipBytes / 1024).toFixed(0)} KB gzipped) | |
| \`fromJSON(toJSON())\` predicts the same | ${speed.roundTrip ? 'yes' : 'NO'} | |

Structuring throughput: these 10,000 records have one author («Заявитель», no contact); the repeats pass compared each
appeal with all of that author's earlier ones until one linked (5739 per CPU second before the indexed same-author pass
of \`lib/repeats\`, same output). After it, three runs of this script on the shared machine gave 8055, 9744 and 10425
per CPU second: at the target, not clear of it; classification with the model is most of what is left. By stage:
\`npx tsx bench/structure.ts\`.

Calibration on the 30,000: threshold ${speed.threshold.toFixed(3)}, held-out ${speed.calibration?.heldOut ?? '—'} texts, precision ${speed.calibration ? (speed.calibration.precision * 100).toFixed(1) : '—'}%, coverage ${speed.calibration ? (speed.calibration.coverage * 100).toFixed(1) : '—'}%.

## Settlements (generated from the district's own gazetteer names)

Every village and the райцентр in five case forms after prepositions («из Дубровна», «в Крутце», «на Вязье»), after
abbreviations («д.», «дер.», «пос.», «с.»), and with one wrong, missing, extra or swapped letter in a word of six
letters or more.

| | right | target |
|---|---|---|
| case forms, prepositions, abbreviations | ${places.form.right}/${places.form.total} (${pct(places.form.right, places.form.total)}%) | ≥ 95% |
| one-letter typos | ${places.typo.right}/${places.typo.total} (${pct(places.typo.right, places.typo.total)}%) | ≥ 95% |

## Open

${
	speed.structurePerCpuSecond !== null && speed.structurePerCpuSecond >= 10_000
		? ''
		: `- Structuring with the model is below its target on these texts: classification with the model costs about as much
  again as the dictionary alone, and conflicts and repeats (outside the classifier) take the rest; the portal's
  texts are also longer than the sandbox's. Classification alone meets 10,000/s per CPU second.
`
}- The portal is a city one (housing, yards, façades); rural social-network posts are not in this corpus. The cold-start
  lexicon is written from general vocabulary and public taxonomies, not from this corpus, to generalize there.
- The sandbox regression line stays \`npm run eval:classify\`.
`;
		// Sections other benches append after a `---` line are not this script's: kept as they are.
		const target = resolve(ROOT, 'bench/classification.md');
		const previous = existsSync(target) ? readFileSync(target, 'utf8') : '';
		const foreign = previous.indexOf('\n---\n');
		writeFileSync(target, foreign >= 0 ? md + previous.slice(foreign) : md);
		console.log('written: bench/classification.md');
	}
}
