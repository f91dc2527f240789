/**
 * Source requests per intake run against emulators holding `history` old appeals and 10 new ones: ПОС and ИМ «get
 * many» as the intake reads them — «Только изменённые с прошлого запуска» (a run after the first, which read the
 * 180-day window) — and as a full read (ПОС of the last 180 days, ИМ of everything: workflows saved before the
 * option), VK comments of the last 100 posts, OK comments of the last 100 discussions, and the ПОС trigger's poll. Counted: HTTP requests the nodes make (token requests included). The figures show which reads grow with the
 * history — the «Scale» part of issue 16.
 * Run: npx tsx bench/sources.ts [history…]   (default 500 50000)
 */
import type { Appeal } from '../lib/appeal';
import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	INodeExecutionData,
} from 'n8n-workflow';
import { Im } from '../nodes/Im/Im.node.js';
import { Ok } from '../nodes/Ok/Ok.node.js';
import { Pos } from '../nodes/Pos/Pos.node.js';
import { Vk } from '../nodes/Vk/Vk.node.js';
import { SANDBOX_CREDENTIALS } from '../sandbox';
import { serveEmulator } from '../sandbox/core/server';
import { ImEmulator } from '../sandbox/im/emulator';
import { OkEmulator } from '../sandbox/ok/emulator';
import { PosEmulator } from '../sandbox/pos/emulator';
import { VkEmulator } from '../sandbox/vk/emulator';
import { fetchContext } from '../test/helpers/httpContext';
import { pollCost } from './polling';

export interface SourceCost {
	source: string;
	history: number;
	requests: number;
	items: number;
}

type Executable = { execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> };

export async function runNode(
	node: Executable,
	parameters: Record<string, unknown>,
	credentials: ICredentialDataDecryptedObject,
	staticData: Record<string, unknown> = {},
) {
	const { requests, items } = await runNodeItems(node, parameters, credentials, staticData);
	return { requests, items: items.length };
}

/** One execution of a source node with a stand-in context: its HTTP requests and the appeals it hands over. */
export async function runNodeItems(
	node: Executable,
	parameters: Record<string, unknown>,
	credentials: ICredentialDataDecryptedObject,
	staticData: Record<string, unknown> = {},
) {
	const http = fetchContext('bench');
	const ctx = {
		getWorkflowStaticData: () => staticData,
		...http,
		getInputData: () => [{ json: {} }],
		getNodeParameter: (name: string, _i: number, fallback?: unknown) =>
			name in parameters ? parameters[name] : fallback,
		getCredentials: async () => credentials,
		getExecutionId: () => 'bench',
		continueOnFail: () => true,
	} as unknown as IExecuteFunctions;
	const [out] = await node.execute.call(ctx);
	return { requests: http.requests.length, items: out.map((o) => o.json as unknown as Appeal) };
}

const unix = () => Math.floor(Date.now() / 1000);

export const DAY = 86400000;
export const WINDOW_DAYS = 180;

/** The history spread over the window before yesterday (the last run read it), the 10 new ones now. */
export function ageHistory(records: Array<{ createdAt: string; updatedAt: string }>): void {
	const step = ((WINDOW_DAYS - 2) * DAY) / Math.max(1, records.length);
	records.forEach(
		(r, i) =>
			(r.createdAt = r.updatedAt =
				new Date(Date.now() - DAY - (records.length - i) * step).toISOString()),
	);
}

async function pos(history: number): Promise<SourceCost[]> {
	const emulator = new PosEmulator();
	emulator.insertRecords(history);
	ageHistory(emulator.all());
	const server = await serveEmulator(emulator);
	try {
		const s = SANDBOX_CREDENTIALS.pos;
		const credentials = {
			baseUrl: server.url,
			username: s.username,
			password: s.password,
			scope: s.scope,
		};
		const getMany = {
			resource: 'appeal',
			operation: 'getMany',
			returnAll: true,
			filters: { updatedFrom: new Date(Date.now() - WINDOW_DAYS * DAY).toISOString() },
		};
		const state = {};
		await runNode(new Pos(), { ...getMany, onlyChanged: true }, credentials, state);
		emulator.insertRecords(10);
		const changed = await runNode(new Pos(), { ...getMany, onlyChanged: true }, credentials, state);
		const full = await runNode(new Pos(), getMany, credentials);
		return [
			{ source: 'ПОС get many, changed since the last run (intake)', history, ...changed },
			{ source: 'ПОС get many (180 days, saved workflows)', history, ...full },
		];
	} finally {
		await server.close();
	}
}

async function im(history: number): Promise<SourceCost[]> {
	const emulator = new ImEmulator();
	emulator.insertRecords(history);
	ageHistory(emulator.all());
	const server = await serveEmulator(emulator);
	try {
		const credentials = { baseUrl: server.url, token: SANDBOX_CREDENTIALS.im.token };
		const getMany = {
			operation: 'getMany',
			returnAll: true,
			updatedSince: new Date(Date.now() - WINDOW_DAYS * DAY).toISOString(),
		};
		const state = {};
		await runNode(new Im(), { ...getMany, onlyChanged: true }, credentials, state);
		emulator.insertRecords(10);
		const changed = await runNode(new Im(), { ...getMany, onlyChanged: true }, credentials, state);
		const full = await runNode(new Im(), { operation: 'getMany', returnAll: true }, credentials);
		return [
			{ source: 'ИМ get many, changed since the last run (intake)', history, ...changed },
			{ source: 'ИМ get many (all, saved workflows)', history, ...full },
		];
	} finally {
		await server.close();
	}
}

/** The history spread 50 comments to a post (the community posts daily, citizens comment), the new ones on the newest. */
async function vk(history: number): Promise<SourceCost> {
	const emulator = new VkEmulator();
	const groupId = emulator.groupId;
	const posts: unknown[] = [];
	const comments: unknown[] = [];
	let id = 1;
	const postCount = Math.ceil(history / 50) + 1;
	for (let p = 0; p < postCount; p++) {
		const postId = id++;
		const n = p === postCount - 1 ? 10 : Math.min(50, history - p * 50);
		posts.push({
			id: postId,
			owner_id: -groupId,
			from_id: -groupId,
			date: unix() - (postCount - p) * 3600,
			text: 'Новости',
			post_type: 'post',
			comments: { count: n },
		});
		for (let c = 0; c < n; c++)
			comments.push({
				id: id++,
				owner_id: -groupId,
				post_id: postId,
				from_id: 500 + c,
				date: unix() - (postCount - p) * 3600 + c,
				text: 'Нет воды',
				parents_stack: [],
			});
	}
	emulator.load({ posts, comments, profiles: [], events: [] });
	const server = await serveEmulator(emulator);
	try {
		const r = await runNode(
			new Vk(),
			{ resource: 'comment', operation: 'getMany', count: 100, postId: 0 },
			{
				accessToken: SANDBOX_CREDENTIALS.vk.groupToken,
				keyKind: 'community',
				groupId,
				apiUrl: server.url,
			},
		);
		return { source: 'VK comments (last 100 posts)', history, ...r };
	} finally {
		await server.close();
	}
}

async function ok(history: number): Promise<SourceCost> {
	const emulator = new OkEmulator();
	const discussions: unknown[] = [];
	const count = Math.ceil(history / 50) + 1;
	const date = (hoursAgo: number) =>
		new Date(Date.now() + 3 * 3600000 - hoursAgo * 3600000)
			.toISOString()
			.slice(0, 19)
			.replace('T', ' ');
	for (let d = 0; d < count; d++) {
		const n = d === count - 1 ? 10 : Math.min(50, history - d * 50);
		const comments = Array.from({ length: n }, (_, c) => ({
			id: `c${d}_${c}`,
			date: date(count - d),
			text: 'Нет света',
			author_id: String(577000000 + c),
			author_name: 'Житель',
		}));
		discussions.push({
			object_id: String(9000 + d),
			object_type: 'GROUP_TOPIC',
			title: 'Тема',
			creation_date: date(count - d),
			comments,
		});
	}
	emulator.load({ discussions });
	const server = await serveEmulator(emulator);
	try {
		const s = SANDBOX_CREDENTIALS.ok;
		const r = await runNode(
			new Ok(),
			{ operation: 'getMany', topics: 100 },
			{
				applicationKey: s.applicationKey,
				applicationSecretKey: s.applicationSecretKey,
				accessToken: s.accessToken,
				groupId: '70000001',
				apiUrl: server.url,
			},
		);
		return { source: 'OK comments (last 100 discussions)', history, ...r };
	} finally {
		await server.close();
	}
}

export async function sourceCosts(histories: number[]): Promise<SourceCost[]> {
	const out: SourceCost[] = [];
	for (const history of histories) {
		out.push(...(await pos(history)), ...(await im(history)));
		for (const read of [vk, ok]) out.push(await read(history));
		const trigger = await pollCost(history);
		out.push({
			source: 'ПОС trigger poll (cursor)',
			history,
			requests: trigger.requests,
			items: trigger.emitted,
		});
	}
	return out;
}

if (require.main === module) {
	void (async () => {
		const histories = process.argv
			.slice(2)
			.map(Number)
			.filter((n) => n > 0);
		const rows = await sourceCosts(histories.length ? histories : [500, 50000]);
		console.log('| source read | history | requests | items |\n|---|---|---|---|');
		for (const r of rows)
			console.log(`| ${r.source} | ${r.history} | ${r.requests} | ${r.items} |`);
	})();
}
