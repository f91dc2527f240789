/**
 * Our nodes inside real n8n against the floor of n8n itself: N appeals (10,000 by default) in one execution go through
 * «Структурирование» → «Сроки» → «Контроль ответов» → «Маршрутизация», and, in a second workflow, the same items through
 * as many n8n Set nodes. Each node's own execution time comes from n8n's run data; the ratio compares the time per
 * input item of our chain with that of the Set chain, and each of our nodes with the Set nodes' mean. Target (issues 9
 * and 14): at most 1.5×. Times are n8n's own (wall clock): on a loaded machine they carry the wait for a core.
 * Needs the e2e install (run `npm test` once). Run: npx tsx bench/n8n-overhead.ts [appeals] [rounds] [repeated|distinct]
 */
import installPackage from '../test/helpers/e2e-global-setup';
import { N8nInstance } from '../test/helpers/n8n';
import { intakeWorkflow } from '../scripts/workflows';
import { appealsFromDistrict, distinctAppeals } from './pipeline';

export interface NodeTiming {
	node: string;
	inputItems: number;
	ms: number;
}

export interface OverheadResult {
	appeals: number;
	ours: NodeTiming[];
	set: NodeTiming[];
	/** (our ms per input item) / (Set ms per input item). */
	ratio: number;
	/** Each of our nodes: its µs per input item and that over the Set nodes' mean µs per item. */
	perNode: Array<{ node: string; usPerItem: number; vsSet: number }>;
}

type Json = Record<string, unknown>;

/**
 * `repeated` (the default, as measured since issue 9): the district's 613 appeals repeated, so every text comes 16
 * times from the same author in the same minute — a storm of duplicates that the repeats pass must link. `distinct`:
 * as many different districts (seeds 1, 2, …) as it takes, so texts, authors and times differ as in a real batch.
 */
const TEMPLATES = process.argv[4] === 'distinct' ? 'distinct' : 'repeated';

/** A Code node that makes `n` appeals from the district's templates (unique ids), so no file is needed in n8n. */
function sourceNode(n: number): Json {
	const templates = TEMPLATES === 'distinct' ? distinctAppeals(n) : appealsFromDistrict(613);
	const jsCode = `const templates = ${JSON.stringify(templates)};\nconst out = [];\nfor (let i = 0; i < ${n}; i++) {\n  const t = templates[i % templates.length];\n  out.push({ json: { ...t, id: t.id + '-' + i, externalId: t.externalId + '-' + i } });\n}\nreturn out;`;
	return {
		id: 'src',
		name: 'Обращения',
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		position: [200, 0],
		parameters: { jsCode },
	};
}

function chain(id: string, n: number, nodes: Json[]): Json {
	const all: Json[] = [
		{
			id: 'm',
			name: 'Старт',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		sourceNode(n),
		...nodes.map((node, i) => ({ position: [400 + 200 * i, 0], typeVersion: 1, ...node })),
	];
	const connections: Record<string, unknown> = {};
	for (let i = 0; i < all.length - 1; i++)
		connections[String(all[i].name)] = {
			main: [[{ node: all[i + 1].name, type: 'main', index: 0 }]],
		};
	return { id, name: id, nodes: all, connections, settings: { executionOrder: 'v1' } };
}

function oursWorkflow(n: number): Json {
	const routing = (intakeWorkflow().nodes as Json[]).find((x) => x.name === 'МЦУ: Маршрутизация')!;
	return chain('BenchOurNodes', n, [
		{
			id: 'o1',
			name: 'МЦУ: Структурирование',
			type: 'n8n-nodes-mcu.structure',
			parameters: { options: {} },
		},
		{
			id: 'o2',
			name: 'МЦУ: Сроки',
			type: 'n8n-nodes-mcu.deadlines',
			parameters: { sourceDeadline: 'keep', rules: {}, options: {} },
		},
		{
			id: 'o3',
			name: 'МЦУ: Контроль ответов',
			type: 'n8n-nodes-mcu.answerCheck',
			parameters: { operation: 'check', options: {} },
		},
		{
			id: 'o4',
			name: 'МЦУ: Маршрутизация',
			type: 'n8n-nodes-mcu.routing',
			parameters: routing.parameters,
		},
	]);
}

function setWorkflow(n: number): Json {
	return chain(
		'BenchSetNodes',
		n,
		[1, 2, 3, 4].map((k) => ({
			id: `s${k}`,
			name: `Set ${k}`,
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			parameters: {
				mode: 'manual',
				includeOtherFields: true,
				assignments: {
					assignments: [{ id: `a${k}`, name: `step${k}`, value: true, type: 'boolean' }],
				},
				options: {},
			},
		})),
	);
}

interface RawRun {
	data: {
		resultData: {
			runData: Record<
				string,
				Array<{
					executionTime: number;
					source?: Array<{ previousNode: string; previousNodeOutput?: number }>;
					data?: { main: Array<Array<unknown>> };
				}>
			>;
		};
	};
}

function timings(raw: unknown, names: string[]): NodeTiming[] {
	const runData = (raw as RawRun).data.resultData.runData;
	return names.map((node) => {
		const runs = runData[node] ?? [];
		let inputItems = 0;
		let ms = 0;
		for (const run of runs) {
			ms += run.executionTime;
			const from = run.source?.[0];
			if (from)
				inputItems += (
					runData[from.previousNode]?.[0]?.data?.main[from.previousNodeOutput ?? 0] ?? []
				).length;
		}
		return { node, inputItems, ms };
	});
}

const round1 = (x: number, scale = 10) => Math.round(x * scale) / scale;

/**
 * `rounds` alternate executions of both workflows (each a fresh `n8n execute` process, so every node runs cold, as a
 * single execution does): a node's time is its least over the rounds — the run least disturbed by other processes on
 * the machine — and the ratios come from those least times. `runs` keeps each round's own ratios (the chain's, and each of
 * our nodes' over that round's Set mean), for the spread.
 */
export async function compareWithSetNodes(
	n = 10000,
	rounds = 1,
): Promise<OverheadResult & { runs: Array<{ ratio: number; vsSet: number[] }> }> {
	await installPackage();
	const n8n = new N8nInstance('bench-overhead', {
		N8N_RUNNERS_MAX_PAYLOAD: String(1024 * 1024 * 1024),
		N8N_PAYLOAD_SIZE_MAX: '1024',
	});
	try {
		const ours = oursWorkflow(n);
		const set = setWorkflow(n);
		await n8n.importWorkflow(ours);
		await n8n.importWorkflow(set);
		const oursNames = (ours.nodes as Json[]).slice(2).map((x) => String(x.name));
		const setNames = (set.nodes as Json[]).slice(2).map((x) => String(x.name));
		const oursRuns: NodeTiming[][] = [];
		const setRuns: NodeTiming[][] = [];
		for (let r = 0; r < rounds; r++) {
			const oursRun = await n8n.execute('BenchOurNodes');
			if (oursRun.error) throw new Error(`our chain failed: ${oursRun.error.message}`);
			const setRun = await n8n.execute('BenchSetNodes');
			if (setRun.error) throw new Error(`Set chain failed: ${setRun.error.message}`);
			oursRuns.push(timings(oursRun.raw, oursNames));
			setRuns.push(timings(setRun.raw, setNames));
			// The instance keeps every CLI output for tests' diagnostics: two rounds' run data of 10,000 items outgrow a string.
			n8n.cliLog = '';
		}
		const least = (runs: NodeTiming[][]) =>
			runs[0].map((t, i) => ({ ...t, ms: Math.min(...runs.map((run) => run[i].ms)) }));
		const oursT = least(oursRuns);
		const setT = least(setRuns);
		const perItem = (t: NodeTiming[]) =>
			t.reduce((s, x) => s + x.ms, 0) / t.reduce((s, x) => s + x.inputItems, 0);
		const setUs = perItem(setT) * 1000;
		const perNode = oursT.map((t) => ({
			node: t.node,
			usPerItem: round1((t.ms / t.inputItems) * 1000),
			vsSet: round1(((t.ms / t.inputItems) * 1000) / setUs, 100),
		}));
		const runs = oursRuns.map((run, r) => {
			const setRoundUs = perItem(setRuns[r]) * 1000;
			return {
				ratio: round1(perItem(run) / perItem(setRuns[r]), 100),
				vsSet: run.map((t) => round1(((t.ms / t.inputItems) * 1000) / setRoundUs, 100)),
			};
		});
		return {
			appeals: n,
			ours: oursT,
			set: setT,
			ratio: perItem(oursT) / perItem(setT),
			perNode,
			runs,
		};
	} finally {
		n8n.cleanup();
	}
}

if (require.main === module) {
	void compareWithSetNodes(Number(process.argv[2] ?? 10000), Number(process.argv[3] ?? 1)).then(
		(r) => console.log(JSON.stringify(r, null, 2)),
	);
}
