/**
 * Writes happen once: a request that is not idempotent is never retried blindly after a failure that may follow its
 * application; writes without an idempotency key (ПОС actions, ИМ actions, VK and OK comments) read the service back
 * before a resend (writeOnce); VK messages carry a random_id named by the appeal and the purpose. The sandbox's
 * `afterApply` faults apply the write and then lose the answer (500, 502, reset, held and dropped connection).
 */
import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	INodeExecutionData,
	INode,
} from 'n8n-workflow';
import { startSandbox, SANDBOX_CREDENTIALS, type Sandbox } from '../../../sandbox';
import type { FaultRule } from '../../../sandbox/core/types';
import { Im } from '../../../nodes/Im/Im.node';
import { Ok } from '../../../nodes/Ok/Ok.node';
import { Pos } from '../../../nodes/Pos/Pos.node';
import { Vk, vkRandomId } from '../../../nodes/Vk/Vk.node';
import { apiRequest, mayHaveApplied, type HttpContext } from '../../../nodes/shared/http';
import { writeOnce } from '../../../nodes/shared/writeOnce';
import { fetchContext } from '../../helpers/httpContext';

const node: INode = {
	id: '1',
	name: 'МЦУ: запись',
	type: 'n8n-nodes-mcu.test',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
const noWait = {
	wait: async () => undefined,
	retry: { retries: 3, baseDelayMs: 1, maxDelayMs: 1 },
};

function scripted(responses: Array<{ statusCode: number; body: string } | Error>) {
	const calls: unknown[] = [];
	const ctx: HttpContext = {
		getNode: () => node,
		helpers: {
			httpRequest: async (options) => {
				calls.push(options);
				const next = responses.shift();
				if (!next) throw new Error('no more responses');
				if (next instanceof Error) throw next;
				return { headers: {}, ...next };
			},
		},
	};
	return { ctx, calls };
}

const netError = (code: string, message = 'socket hang up') =>
	Object.assign(new Error(message), { code });

describe('apiRequest retries only what is safe to repeat', () => {
	const ok = { statusCode: 200, body: '{"id":1}' };
	it.each([
		['HTTP 500', { statusCode: 500, body: '{"message":"internal"}' }],
		['HTTP 502', { statusCode: 502, body: '<html>bad gateway</html>' }],
		['HTTP 504', { statusCode: 504, body: '{"message":"gateway timeout"}' }],
		['a reset connection', netError('ECONNRESET')],
		['a timeout', netError('ECONNABORTED', 'timeout of 30000ms exceeded')],
		['a broken answer with HTTP 200', { statusCode: 200, body: '{"id":' }],
	])(
		'a POST is not sent again after %s: the error says the write may have been applied',
		async (_label, failure) => {
			const { ctx, calls } = scripted([failure, ok]);
			const error = await apiRequest(
				ctx,
				{ method: 'POST', url: 'http://x/answer', body: { text: 'a' } },
				{ service: 'ПОС', ...noWait },
			).catch((e) => e);
			expect(calls).toHaveLength(1);
			expect(mayHaveApplied(error)).toBe(true);
			expect(error.message).toMatch(
				/^ПОС: .*Запись могла быть выполнена: повторно не отправлялась/,
			);
		},
	);

	it.each([
		['HTTP 429', { statusCode: 429, body: '{"message":"slow down"}' }],
		['HTTP 503', { statusCode: 503, body: '{"message":"maintenance"}' }],
		['a refused connection', netError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1')],
	])('a POST is retried after %s (the service did not take it)', async (_label, failure) => {
		const { ctx, calls } = scripted([failure, ok]);
		const res = await apiRequest(
			ctx,
			{ method: 'POST', url: 'http://x/answer', body: {} },
			{ service: 'ПОС', ...noWait },
		);
		expect(res.body).toEqual({ id: 1 });
		expect(calls).toHaveLength(2);
	});

	it('rate limits inside the body are retried, an «internal error» that may follow a write is not', async () => {
		const vkStyle = (body: unknown) => {
			const e = (body as { error?: { error_code: number } }).error;
			return e
				? {
						message: `ошибка ${e.error_code}`,
						retryable: true,
						mayHaveApplied: e.error_code === 10,
					}
				: undefined;
		};
		const limited = scripted([{ statusCode: 200, body: '{"error":{"error_code":6}}' }, ok]);
		await apiRequest(
			limited.ctx,
			{ method: 'POST', url: 'http://x' },
			{ service: 'ВКонтакте', bodyError: vkStyle, ...noWait },
		);
		expect(limited.calls).toHaveLength(2);
		const internal = scripted([{ statusCode: 200, body: '{"error":{"error_code":10}}' }, ok]);
		const error = await apiRequest(
			internal.ctx,
			{ method: 'POST', url: 'http://x' },
			{ service: 'ВКонтакте', bodyError: vkStyle, ...noWait },
		).catch((e) => e);
		expect(internal.calls).toHaveLength(1);
		expect(mayHaveApplied(error)).toBe(true);
	});

	it('GET, PUT, DELETE and a POST marked idempotent are retried after a 500 and a reset', async () => {
		for (const request of [
			{ method: 'GET' as const, url: 'http://x' },
			{ method: 'PUT' as const, url: 'http://x' },
			{ method: 'DELETE' as const, url: 'http://x' },
			{ method: 'POST' as const, url: 'http://x', idempotent: true },
		]) {
			const { ctx, calls } = scripted([
				{ statusCode: 500, body: '{}' },
				netError('ECONNRESET'),
				ok,
			]);
			await apiRequest(ctx, request, { service: 'ПОС', ...noWait });
			expect(calls).toHaveLength(3);
		}
	});
});

describe('writeOnce', () => {
	const unknown = () =>
		Object.assign(new Error('ПОС: сервис не ответил'), { mayHaveApplied: true });
	const fast = { node, service: 'ПОС', wait: async () => undefined };

	it('an applied write whose answer was lost is found and not sent again', async () => {
		const service: string[] = ['old'];
		let sends = 0;
		const result = await writeOnce({
			...fast,
			find: async () => [...service],
			send: async () => {
				sends++;
				service.push('ours');
				throw unknown();
			},
		});
		expect(result).toEqual({ applied: 'found', id: 'ours' });
		expect(sends).toBe(1);
	});

	it('a write that did not arrive is sent again, once it is known to be missing', async () => {
		let sends = 0;
		const result = await writeOnce({
			...fast,
			find: async () => ['old'],
			send: async () => {
				if (++sends < 3) throw unknown();
				return 'done';
			},
		});
		expect(result).toEqual({ applied: 'sent', value: 'done' });
		expect(sends).toBe(3);
	});

	it('when the service cannot be read back, the error says the write may have been applied', async () => {
		let finds = 0;
		const error = await writeOnce({
			...fast,
			find: async () => {
				if (++finds > 1) throw new Error('ПОС: нет ответа');
				return [];
			},
			send: async () => {
				throw unknown();
			},
		}).catch((e) => e);
		expect(error.message).toBe(
			'ПОС: запись могла быть выполнена, проверить не удалось (ПОС: нет ответа); повторно не отправлялась',
		);
	});

	it('other errors pass through without a read-back or a resend', async () => {
		let finds = 0;
		let sends = 0;
		const error = await writeOnce({
			...fast,
			find: async () => (finds++, []),
			send: async () => {
				sends++;
				throw new Error('ПОС: Ответ уже направлен (HTTP 409)');
			},
		}).catch((e) => e);
		expect(error.message).toBe('ПОС: Ответ уже направлен (HTTP 409)');
		expect([finds, sends]).toEqual([1, 1]);
	});
});

describe('source nodes write once against the sandbox when the answer to a write is lost', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ ports: 'random' });
	});
	afterAll(async () => sandbox.close());
	// ПОС is not reset: that would drop the transport's cached token, and the 401s would eat the faults.
	beforeEach(() => {
		sandbox.im.reset();
		sandbox.vk.reset();
		sandbox.ok.reset();
	});

	const credentials = (): Record<string, ICredentialDataDecryptedObject> => {
		const s = SANDBOX_CREDENTIALS;
		return {
			mcuPosApi: {
				baseUrl: sandbox.urls.pos,
				username: s.pos.username,
				password: s.pos.password,
				scope: s.pos.scope,
			},
			mcuImApi: { baseUrl: sandbox.urls.im, token: s.im.token },
			mcuVkApi: {
				accessToken: s.vk.groupToken,
				keyKind: 'community',
				groupId: sandbox.district.vkGroupId,
				apiUrl: sandbox.urls.vk,
			},
			mcuOkApi: {
				applicationKey: s.ok.applicationKey,
				applicationSecretKey: s.ok.applicationSecretKey,
				accessToken: s.ok.accessToken,
				groupId: sandbox.district.okGroupId,
				apiUrl: sandbox.urls.ok,
			},
		};
	};

	type Executable = { execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> };
	async function run(
		n: Executable,
		parameters: Record<string, unknown>,
		items: INodeExecutionData[] = [{ json: {} }],
	) {
		const http = fetchContext('МЦУ: запись');
		const ctx = {
			...http,
			getInputData: () => items,
			getNodeParameter: (name: string, _i: number, fallback?: unknown) =>
				name in parameters ? parameters[name] : fallback,
			getCredentials: async (type: string) => credentials()[type],
			getExecutionId: () => 'exec-1',
			continueOnFail: () => false,
		} as unknown as IExecuteFunctions;
		const [out] = await n.execute.call(ctx);
		return out.map((o) => o.json);
	}

	const lose = (
		emulator: string,
		route: string,
		kind: FaultRule['kind'],
		times = 1,
	): FaultRule => ({ emulator, route, kind, times, afterApply: true, holdMs: 100 });

	it.each(['http_500', 'connection_reset', 'timeout'] as const)(
		'ПОС answer and forward after a lost answer (%s): one history entry each',
		async (kind) => {
			const open = sandbox.pos
				.all()
				.filter((m) => ['MODERATION_ACCEPT', 'TAKE_TO_WORK'].includes(m.status));
			sandbox.faults.configure({
				rules: [
					lose('pos', 'POST /appeals/{id}/response', kind),
					lose('pos', 'POST /appeals/{id}/forward', kind),
				],
			});
			await run(new Pos(), {
				resource: 'appeal',
				operation: 'sendResponse',
				posId: open[0].posId,
				answerType: 'EXPLAINED',
				answerText: 'Ремонт назначен на май.',
			});
			await run(new Pos(), {
				resource: 'appeal',
				operation: 'forward',
				posId: open[1].posId,
				target: 'parent',
				opaId: '',
				comment: 'Дорога региональная',
			});
			expect(sandbox.faults.log).toHaveLength(2);
			const [answered, forwarded] = [open[0], open[1]].map(
				(m) => sandbox.pos.all().find((x) => x.id === m.id)!,
			);
			expect(answered.history.filter((h) => h.status === 'SEND_RESPONSE')).toHaveLength(1);
			expect(forwarded.history.filter((h) => h.status === 'FORWARD_TO_PARENT')).toHaveLength(1);
		},
	);

	it('ПОС: a write refused with a 500 before it was applied is sent again once it is known to be missing', async () => {
		const open = sandbox.pos.all().find((m) => m.status === 'MODERATION_ACCEPT')!;
		const before = open.history.length;
		sandbox.faults.configure({
			rules: [{ emulator: 'pos', route: 'POST /appeals/*', kind: 'http_500', times: 1 }],
		});
		const [out] = await run(new Pos(), {
			resource: 'appeal',
			operation: 'takeToWork',
			posId: open.posId,
		});
		expect(out).toMatchObject({ id: `pos:${open.posId}` });
		const after = sandbox.pos.all().find((x) => x.id === open.id)!;
		expect(after.history.slice(before).map((h) => h.status)).toEqual(['TAKE_TO_WORK']);
	});

	it('ИМ answer after a lost answer: answered once, no «already answered» error', async () => {
		const incident = sandbox.im.all().find((i) => i.status === 'new')!;
		sandbox.faults.configure({ rules: [lose('im', 'POST /incidents/*', 'connection_reset')] });
		const [out] = await run(new Im(), {
			operation: 'answer',
			incidentId: incident.id,
			answerText: 'Свет дали в 18:00.',
		});
		expect(out).toMatchObject({ id: `im:${incident.id}`, status: 'answered' });
		expect(sandbox.faults.log).toHaveLength(1);
	});

	it('VK reply after a lost answer: one community reply, reported with its id', async () => {
		const comments = sandbox.vk.allComments();
		const target = comments.find(
			(c) => c.from_id > 0 && !comments.some((r) => r.reply_to_comment === c.id),
		)!;
		sandbox.faults.configure({ rules: [lose('vk', 'wall.createComment', 'http_500')] });
		const [out] = await run(new Vk(), {
			resource: 'comment',
			operation: 'reply',
			replyPostId: String(target.post_id),
			replyToComment: String(target.id),
			message: 'Передали в ЖКХ.',
		});
		const replies = sandbox.vk.allComments().filter((c) => c.reply_to_comment === target.id);
		expect(replies).toHaveLength(1);
		expect(out).toEqual({ commentId: replies[0].id, ok: true, verified: true });
	});

	it('OK reply after a lost answer: one group comment', async () => {
		const discussion = (
			sandbox.ok.dump() as {
				discussions: Array<{ object_id: string; comments: Array<{ id: string }> }>;
			}
		).discussions[0];
		sandbox.faults.configure({ rules: [lose('ok', 'discussions.addComment', 'timeout')] });
		await run(new Ok(), {
			operation: 'reply',
			discussionId: discussion.object_id,
			replyToCommentId: discussion.comments[0].id,
			text: 'Спасибо, передали.',
		});
		const ours = sandbox.ok
			.allComments()
			.filter((c) => c.author_type === 'GROUP' && c.text === 'Спасибо, передали.');
		expect(ours).toHaveLength(1);
	});

	it('VK messages: a lost answer is retried under the same random_id (one message); the same question about another appeal is sent', async () => {
		const userId = String(
			sandbox.vk.allComments().find((c) => c.from_id > 0 && c.from_id < 999000000)!.from_id,
		);
		sandbox.faults.configure({ rules: [lose('vk', 'messages.send', 'http_500')] });
		const ask = (appealId: string) =>
			run(new Vk(), {
				resource: 'message',
				operation: 'send',
				userId,
				appealId,
				purpose: 'followUp',
				message: 'Проблема решена?',
			});
		await ask('vk:1_2_c3');
		await ask('vk:1_2_c3');
		await ask('vk:1_9_c10');
		const sent = sandbox.vk.messages().filter((m) => String(m.peer_id) === userId);
		expect(sent.map((m) => m.random_id).sort()).toEqual(
			[
				vkRandomId(sandbox.district.vkGroupId, userId, 'vk:1_2_c3|followUp'),
				vkRandomId(sandbox.district.vkGroupId, userId, 'vk:1_9_c10|followUp'),
			].sort(),
		);
		expect(sandbox.faults.log).toHaveLength(1);
	});
});
