import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { Telegram } from '../../../nodes/Telegram/Telegram.node';
import { SANDBOX_CREDENTIALS } from '../../../sandbox';
import { FaultInjector } from '../../../sandbox/core/faults';
import { serveEmulator, type RunningEmulator } from '../../../sandbox/core/server';
import type { FaultRule } from '../../../sandbox/core/types';
import { TelegramEmulator } from '../../../sandbox/telegram/emulator';
import { fetchContext } from '../../helpers/httpContext';

/**
 * Issue 16: the Telegram intake loses nothing — updates are confirmed at Telegram only once the run ended without an
 * error — and a digest sent in parts is not sent twice when it is retried after a failed part.
 */
let emulator: TelegramEmulator;
let server: RunningEmulator;
let faults: FaultInjector;

beforeEach(async () => {
	emulator = new TelegramEmulator();
	faults = new FaultInjector();
	server = await serveEmulator(emulator, { faults });
});
afterEach(() => server.close());

/** One n8n run of the node: the execution's error as n8n records it, and the handlers n8n calls at its end. */
function run(
	parameters: Record<string, unknown>,
	staticData: IDataObject,
	options: { hooks?: boolean; mode?: string; input?: IDataObject[] } = {},
) {
	const finish: Array<() => unknown> = [];
	const runExecutionData: { resultData: { error?: unknown } } = { resultData: {} };
	const ctx = {
		...fetchContext('Telegram'),
		runExecutionData,
		getMode: () => options.mode ?? 'trigger',
		getCredentials: async () => ({
			accessToken: SANDBOX_CREDENTIALS.telegram.token,
			baseUrl: server.url,
		}),
		getNodeParameter: (name: string, _i: number, fallback?: unknown) =>
			name in parameters ? parameters[name] : fallback,
		getInputData: () => (options.input ?? [{}]).map((json) => ({ json })),
		getWorkflowStaticData: () => staticData,
		continueOnFail: () => false,
		...(options.hooks === false ? {} : { onExecutionFinish: (h: () => unknown) => finish.push(h) }),
	};
	return {
		execute: () => new Telegram().execute.call(ctx as unknown as IExecuteFunctions),
		/** The run ends: n8n records its error (a later node failed) or none, then calls the finish handlers. */
		end: async (error?: string) => {
			if (error) runExecutionData.resultData.error = { message: error };
			for (const h of finish) await h();
		},
	};
}

const ids = (out: INodeExecutionData[][]) =>
	out[0].map((i) => Number((i.json.raw as { update_id?: number } | undefined)?.update_id ?? NaN));
const fault = (rule: FaultRule) => faults.configure({ rules: [rule] });

describe('Telegram «Получить новые»: nothing lost', () => {
	it('a failing later node or a failing page leaves every update at Telegram; successful runs take each once', async () => {
		emulator.insertRecords(250);
		const staticData: IDataObject = {};
		// A later node fails the run: nothing is confirmed (the old code confirmed every page but the last).
		const failed = run({ operation: 'getNew' }, staticData);
		expect(ids(await failed.execute())).toHaveLength(100);
		await failed.end('the register write failed');
		expect(emulator.pending()).toHaveLength(250);
		// The source fails mid-read: the run fails, nothing is confirmed.
		fault({ emulator: 'telegram', route: 'getUpdates', kind: 'http_500', times: 20 });
		const broken = run({ operation: 'getNew' }, staticData);
		await expect(broken.execute()).rejects.toThrow();
		await broken.end('Telegram: 500');
		faults.clear();
		expect(emulator.pending()).toHaveLength(250);
		// Runs that end well take a page each and confirm it at their end.
		const taken: number[] = [];
		for (const expected of [100, 100, 50, 0]) {
			const ok = run({ operation: 'getNew' }, staticData);
			const got = ids(await ok.execute());
			expect(got).toHaveLength(expected);
			taken.push(...got);
			await ok.end();
		}
		expect(taken).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
		expect(emulator.pending()).toEqual([]);
	}, 60000); // the failing page is retried with backoff before the run gives up

	it('a run from the editor does not consume updates', async () => {
		emulator.insertRecords(3);
		const manual = run({ operation: 'getNew' }, {}, { mode: 'manual' });
		expect(ids(await manual.execute())).toEqual([1, 2, 3]);
		await manual.end();
		expect(emulator.pending()).toHaveLength(3);
	});

	it('without execution hooks the offset is staged and the next run confirms it', async () => {
		emulator.insertRecords(150);
		const staticData: IDataObject = {};
		expect(
			ids(await run({ operation: 'getNew' }, staticData, { hooks: false }).execute()),
		).toHaveLength(100);
		expect(emulator.pending()).toHaveLength(150);
		expect(
			ids(await run({ operation: 'getNew' }, staticData, { hooks: false }).execute()),
		).toHaveLength(50);
		expect(emulator.pending()).toHaveLength(50);
	});
});

describe('Telegram «Отправить»: a digest in parts is not sent twice', () => {
	const digest = Array.from({ length: 90 }, (_, i) =>
		`${i + 1}. Обращение о ямочном ремонте ждёт ответа, срок истекает завтра.`.padEnd(100, '.'),
	).join('\n');
	const send = { operation: 'send', chatId: '500100', text: digest };

	it('retried after its second part failed (applied, the response lost), sends only the parts not sent', async () => {
		expect(digest.length).toBeGreaterThan(8000); // three parts
		const staticData: IDataObject = {};
		// The second part reaches Telegram, then the connection breaks: the node cannot know it was sent.
		fault({
			emulator: 'telegram',
			route: 'sendMessage',
			kind: 'http_502',
			after: 1,
			times: 1,
			afterApply: true,
		});
		await expect(run(send, staticData).execute()).rejects.toThrow();
		faults.clear();
		expect(emulator.sentMessages()).toHaveLength(2);
		// The retry (n8n's, or the next run with the same digest) sends the rest; the part whose answer was lost is
		// sent again — the one double no client can avoid — but the first part is not.
		const retry = await run(send, staticData).execute();
		expect(retry[0].map((i) => [i.json.part, i.json.alreadySent ?? false])).toEqual([
			[1, true],
			[2, false],
			[3, false],
		]);
		const texts = emulator.sentMessages().map((m) => m.text);
		expect(texts).toHaveLength(4);
		expect(texts.filter((t) => t === digest.slice(0, 4000))).toHaveLength(1);
		// Once all parts are out, running the same digest again sends nothing.
		const again = await run(send, staticData).execute();
		expect(again[0].every((i) => i.json.alreadySent === true)).toBe(true);
		expect(emulator.sentMessages()).toHaveLength(4);
	});

	it('a failure before the request is applied loses and doubles nothing: every part exactly once', async () => {
		const staticData: IDataObject = {};
		fault({ emulator: 'telegram', route: 'sendMessage', kind: 'http_502', after: 2, times: 1 });
		await expect(run(send, staticData).execute()).rejects.toThrow();
		faults.clear();
		await run(send, staticData).execute();
		expect(
			emulator
				.sentMessages()
				.map((m) => m.text)
				.join(''),
		).toBe(digest);
	});

	it('a one-part message is not remembered: the same short text may go to the same chat again', async () => {
		const staticData: IDataObject = {};
		const short = { operation: 'send', chatId: '500100', text: 'Ваше обращение принято' };
		await run(short, staticData).execute();
		await run(short, staticData).execute();
		expect(emulator.sentMessages()).toHaveLength(2);
		expect(staticData.sentParts).toBeUndefined();
	});
});
