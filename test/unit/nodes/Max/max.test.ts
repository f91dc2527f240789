import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { serveEmulator, type RunningEmulator } from '../../../../sandbox/core/server';
import { FaultInjector } from '../../../../sandbox/core/faults';
import { MaxEmulator, MAX_DISTRICT_CHAT, dialogChatOf } from '../../../../sandbox/max/emulator';
import { MAX_SEED } from '../../../../sandbox/seed/max';
import { Max } from '../../../../nodes/Max/Max.node';
import { splitMessage } from '../../../../lib/text/split';
import { fetchContext } from '../../../helpers/httpContext';

describe('«МЦУ: MAX» node against the emulator', () => {
	let server: RunningEmulator;
	let emulator: MaxEmulator;
	let faults: FaultInjector;
	beforeAll(async () => {
		emulator = new MaxEmulator(undefined, { rateLimit: 1000 });
		faults = new FaultInjector();
		server = await serveEmulator(emulator, { faults });
	});
	afterAll(() => server.close());
	beforeEach(() => {
		emulator.reset();
		faults.clear();
	});

	type Finish = {
		execution: string;
		handlers: Array<() => unknown>;
		data: { resultData: { error?: unknown } };
	};
	function context(
		parameters: Record<string, unknown>,
		state: Record<string, unknown>,
		options: { items?: INodeExecutionData[]; continueOnFail?: boolean; finish?: Finish } = {},
	) {
		const http = fetchContext('МЦУ: MAX');
		const finish = options.finish;
		const ctx = {
			...(finish
				? {
						onExecutionFinish: (h: () => unknown) => finish.handlers.push(h),
						runExecutionData: finish.data,
					}
				: {}),
			...http,
			getInputData: () => options.items ?? [{ json: {} }],
			getNodeParameter: (name: string, _i: number, fallback?: unknown) =>
				name in parameters ? parameters[name] : fallback,
			getCredentials: async () => ({
				accessToken: emulator.token,
				baseUrl: server.url,
				webhookSecret: 'max-secret-1',
			}),
			getWorkflowStaticData: () => state,
			getMode: () => 'trigger',
			getExecutionId: () => finish?.execution ?? 'exec-1',
			continueOnFail: () => options.continueOnFail ?? false,
		} as unknown as IExecuteFunctions;
		return { ctx, requests: http.requests };
	}
	const run = async (
		parameters: Record<string, unknown>,
		state: Record<string, unknown>,
		options: Parameters<typeof context>[2] = {},
	) => {
		const { ctx, requests } = context(parameters, state, options);
		const [out] = await new Max().execute.call(ctx);
		return { out: out.map((o) => o.json), requests };
	};

	it('cuts a long text at paragraph, line, sentence or word breaks, never over 4000 characters', () => {
		const paragraph = 'Ремонт дороги на ул. Советской назначен на май. '.repeat(40).trim();
		const text = [paragraph, paragraph, paragraph, 'Итог.'].join('\n\n');
		const parts = splitMessage(text, 4000);
		expect(parts.every((p) => p.length <= 4000)).toBe(true);
		expect(parts.join('\n\n')).toBe(text);
		const word = 'а'.repeat(9000);
		expect(splitMessage(word, 4000).map((p) => p.length)).toEqual([4000, 4000, 1000]);
		expect(splitMessage('🙂'.repeat(3000), 4000).every((p) => !/[\ud800-\udbff]$/.test(p))).toBe(
			true,
		);
	});

	it('reads new messages into appeals; the marker is staged, not sent, until the next run; a failing run stores nothing', async () => {
		const state: Record<string, unknown> = {};
		// The seeded blank message fails the run (continue-on-fail off): the marker stays where it was.
		await expect(run({ operation: 'getNew', batchSize: 100, timeout: 0 }, state)).rejects.toThrow(
			/raw\.message\.body\.text/,
		);
		expect(state.cursor).toBeUndefined();
		// A failing request stores nothing either.
		faults.configure({
			rules: [{ emulator: 'max', route: 'GET /updates', kind: 'api_error', code: 400, times: 1 }],
		});
		await expect(run({ operation: 'getNew' }, state)).rejects.toThrow(/MAX/);
		expect(state.cursor).toBeUndefined();
		const first = await run({ operation: 'getNew', batchSize: 100, timeout: 0 }, state, {
			continueOnFail: true,
		});
		expect(first.out.filter((j) => j.source === 'max')).toHaveLength(MAX_SEED.length - 1);
		expect(
			first.out.filter((j) => j.error).map((j) => (j.details as { record: string }).record),
		).toEqual([expect.stringMatching(/^max:mid\./)]);
		expect(state.cursor).toBe(MAX_SEED.length);
		// Staged only: MAX still holds every update until the next run sends the marker.
		expect(emulator.pending()).toHaveLength(MAX_SEED.length);
		// The token only in the Authorization header, never in the URL.
		expect(
			first.requests.every(
				(r) =>
					(r.headers as Record<string, string>).Authorization === emulator.token &&
					!JSON.stringify([r.url, r.qs]).includes(emulator.token),
			),
		).toBe(true);

		emulator.citizenMessage({ user_id: 640001, first_name: 'Зоя' }, 'Когда починят мост в Вязье?');
		await run(
			{
				operation: 'send',
				recipient: 'user',
				userId: '640001',
				text: 'Ответ готовится',
				idempotencyKey: '',
			},
			{},
		);
		const second = await run({ operation: 'getNew', timeout: 0 }, state);
		// The new citizen's message only: the bot's own answer came back as an update and is skipped.
		expect(second.out.map((j) => j.text)).toEqual(['Когда починят мост в Вязье?']);
		expect(emulator.pending()).toHaveLength(2);
		expect(second.requests[0].qs).toMatchObject({ marker: String(MAX_SEED.length) });
	});

	it('after a run that failed later in the workflow, the next run rolls the marker back and reads the same updates again', async () => {
		const state: Record<string, unknown> = {};
		const execution = (id: string): Finish => ({
			execution: id,
			handlers: [],
			data: { resultData: {} },
		});
		const ended = async (f: Finish, error?: unknown) => {
			f.data.resultData.error = error;
			for (const h of f.handlers) await h();
		};
		const first = execution('run-1');
		const read1 = await run({ operation: 'getNew', timeout: 0 }, state, {
			continueOnFail: true,
			finish: first,
		});
		expect(read1.out).toHaveLength(MAX_SEED.length);
		// A later node (the register write) fails: the execution ends with an error.
		await ended(first, { message: 'Sheets: 503' });
		const second = execution('run-2');
		const read2 = await run({ operation: 'getNew', timeout: 0 }, state, {
			continueOnFail: true,
			finish: second,
		});
		expect(read2.out.map((j) => j.id ?? j.error)).toEqual(read1.out.map((j) => j.id ?? j.error));
		expect(read2.requests[0].qs).not.toHaveProperty('marker');
		await ended(second);
		emulator.citizenMessage({ user_id: 640002, first_name: 'Олег' }, 'Спасибо, яму засыпали');
		const read3 = await run({ operation: 'getNew', timeout: 0 }, state, {
			finish: execution('run-3'),
		});
		expect(read3.out.map((j) => j.text)).toEqual(['Спасибо, яму засыпали']);
		expect(read3.requests[0].qs).toMatchObject({ marker: String(MAX_SEED.length) });
	});

	it('a long answer goes in parts, each once: a run retried after a failed part sends only the parts not sent', async () => {
		const text = [
			'Первая часть ответа.'.repeat(150),
			'Вторая часть ответа.'.repeat(150),
			'Третья часть ответа.'.repeat(150),
		].join('\n\n');
		const parts = splitMessage(text, 4000);
		expect(parts).toHaveLength(3);
		const state: Record<string, unknown> = {};
		const params = {
			operation: 'send',
			recipient: 'user',
			userId: '610001',
			text,
			idempotencyKey: 'max:mid.1',
		};
		// The third part is refused: the run fails after two parts went out.
		faults.configure({
			rules: [
				{
					emulator: 'max',
					route: 'POST /messages',
					kind: 'api_error',
					code: 400,
					after: 2,
					times: 1,
				},
			],
		});
		await expect(run(params, state)).rejects.toThrow(/MAX/);
		expect(emulator.sentMessages().map((m) => m.body.text)).toEqual(parts.slice(0, 2));
		const retried = await run(params, state);
		expect(emulator.sentMessages().map((m) => m.body.text)).toEqual(parts);
		expect(retried.out).toEqual([
			{
				ok: true,
				channel: 'max',
				chatId: String(dialogChatOf(610001)),
				userId: '610001',
				messageIds: emulator.sentMessages().map((m) => m.body.mid),
				parts: 3,
				repeated: 2,
			},
		]);
		// Once more: nothing is sent again.
		await run(params, state);
		expect(emulator.sentMessages()).toHaveLength(3);
	});

	it('a part whose answer was lost is read back, not sent twice; one that did not arrive is sent again', async () => {
		const chat = String(MAX_DISTRICT_CHAT.chat_id);
		faults.configure({
			rules: [
				{ emulator: 'max', route: 'POST /messages', kind: 'http_500', afterApply: true, times: 1 },
			],
		});
		const lost = await run(
			{
				operation: 'send',
				recipient: 'chat',
				chatId: chat,
				text: 'Отключение воды 20 ноября с 10 до 14',
				idempotencyKey: 'r1',
			},
			{},
		);
		expect(emulator.sentMessages()).toHaveLength(1);
		expect((lost.out[0].messageIds as string[])[0]).toBe(emulator.sentMessages()[0].body.mid);
		faults.configure({
			rules: [{ emulator: 'max', route: 'POST /messages', kind: 'http_500', times: 1 }],
		});
		await run(
			{
				operation: 'send',
				recipient: 'chat',
				chatId: chat,
				text: 'Отключение света 21 ноября',
				idempotencyKey: 'r2',
			},
			{},
		);
		expect(emulator.sentMessages().map((m) => m.body.text)).toEqual([
			'Отключение воды 20 ноября с 10 до 14',
			'Отключение света 21 ноября',
		]);
		// To a user whose dialog is not known yet nothing can be read back: the error says it may have been sent.
		faults.configure({
			rules: [
				{ emulator: 'max', route: 'POST /messages', kind: 'http_500', afterApply: true, times: 1 },
			],
		});
		await expect(
			run(
				{
					operation: 'send',
					recipient: 'user',
					userId: '610002',
					text: 'Автобус пойдёт по расписанию',
					idempotencyKey: '',
				},
				{},
			),
		).rejects.toThrow(/могла быть выполнена/);
		expect(emulator.sentMessages()).toHaveLength(3);
	});

	it("a reply in the chat links the citizen's message and comes out as the appeal, answered", async () => {
		const state: Record<string, unknown> = {};
		const read = await run({ operation: 'getNew', timeout: 0 }, state, { continueOnFail: true });
		const question = read.out.find((j) => j.kind === 'comment' && !j.parentId)!;
		const [answered] = (
			await run(
				{
					operation: 'reply',
					chatId: String(MAX_DISTRICT_CHAT.chat_id),
					replyTo: question.externalId as string,
					text: 'Водоканал промывает сети, вода будет чистой к вечеру.',
					idempotencyKey: question.id,
				},
				state,
				{ items: [{ json: question }] },
			)
		).out;
		expect(answered).toMatchObject({
			id: question.id,
			status: 'answered',
			answerText: 'Водоканал промывает сети, вода будет чистой к вечеру.',
		});
		expect(answered.answeredAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+03:00$/);
		expect(emulator.sentMessages()[0].link?.message.mid).toBe(question.externalId);
	});
});
