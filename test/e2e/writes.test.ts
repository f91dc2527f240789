import { startSandbox, type Sandbox } from '../../sandbox';
import { CREDENTIALS } from '../../scripts/workflows';
import { N8nInstance } from '../helpers/n8n';
import { sandboxCredentials } from '../helpers/sandboxCredentials';
import { findSecrets, findSecretsInFile } from '../helpers/secrets';
import { testPrivateKey } from '../helpers/serviceAccount';

/**
 * Every write operation of the source nodes, run by real n8n against the sandbox with faults on the write routes:
 * each changes the emulated service's state as the real one would, exactly once, and the node returns the updated
 * record normalized. Chains pass the record along, so the second and later nodes use their default `{{ $json… }}` ids.
 */
describe('write operations of the source nodes in real n8n', () => {
	let sandbox: Sandbox;
	const n8n = new N8nInstance('writes');
	let run: Awaited<ReturnType<N8nInstance['execute']>>;
	const picked = {} as {
		imChain: string;
		imForward: string;
		imReject: string;
		posChain: number;
		posForward: number;
		posDeadline: string;
		vkComment: { id: number; post_id: number; from_id: number };
		okDiscussion: string;
		tgChat: number;
	};

	type Node = {
		name: string;
		type: string;
		parameters: Record<string, unknown>;
		credentials?: Record<string, unknown>;
	};
	const node = (
		name: string,
		type: string,
		credential: keyof typeof CREDENTIALS,
		parameters: Record<string, unknown>,
	): Node => ({
		name,
		type: `n8n-nodes-mcu.${type}`,
		parameters,
		credentials: { [credential]: CREDENTIALS[credential] },
	});

	function workflow() {
		const chains: Node[][] = [
			[
				node('ИМ: взять', 'im', 'mcuImApi', { operation: 'take', incidentId: picked.imChain }),
				node('ИМ: исполнитель', 'im', 'mcuImApi', {
					operation: 'assign',
					executor: 'Петров П. П., ЖКХ',
				}),
				node('ИМ: ответ', 'im', 'mcuImApi', {
					operation: 'answer',
					answerText: 'Аварийная бригада выехала, электроснабжение восстановлено в 15:20.',
				}),
			],
			[
				node('ИМ: перенаправить', 'im', 'mcuImApi', {
					operation: 'forward',
					incidentId: picked.imForward,
					organization: 'ГБУЗ «Порховская МБ»',
					comment: 'вопрос здравоохранения',
				}),
			],
			[
				node('ИМ: отклонить', 'im', 'mcuImApi', {
					operation: 'reject',
					incidentId: picked.imReject,
					reason: 'Не относится к компетенции органов местного самоуправления',
				}),
			],
			[
				node('ПОС: исполнитель', 'pos', 'mcuPosApi', {
					resource: 'appeal',
					operation: 'setExecutor',
					posId: String(picked.posChain),
					executor: 'Сидорова Е. А.',
				}),
				node('ПОС: отложить', 'pos', 'mcuPosApi', {
					resource: 'appeal',
					operation: 'postpone',
					newDate: '={{ DateTime.fromISO($json.deadline).plus({ days: 10 }).toISO() }}',
					comment: 'Нужен выезд на место',
				}),
				node('ПОС: ответ', 'pos', 'mcuPosApi', {
					resource: 'appeal',
					operation: 'sendResponse',
					answerType: 'SUPPORTED',
					answerText: 'Яма на ул. Советской заделана 20.11.2026, фото приложено.',
				}),
			],
			[
				node('ПОС: перенаправить', 'pos', 'mcuPosApi', {
					resource: 'appeal',
					operation: 'forward',
					posId: String(picked.posForward),
					target: 'parent',
					opaId: '',
					comment: 'Региональная дорога',
				}),
			],
			[
				node('ВК: ответить', 'vk', 'mcuVkApi', {
					resource: 'comment',
					operation: 'reply',
					replyPostId: String(picked.vkComment.post_id),
					replyToComment: String(picked.vkComment.id),
					message: 'Здравствуйте! Заявка передана в ЖКХ, срок — 3 рабочих дня.',
				}),
			],
			[
				node('ВК: сообщение', 'vk', 'mcuVkApi', {
					resource: 'message',
					operation: 'send',
					userId: String(picked.vkComment.from_id),
					message: 'Ответ на ваше обращение направлен.',
				}),
			],
			[
				node('ОК: ответить', 'ok', 'mcuOkApi', {
					resource: 'comment',
					operation: 'reply',
					discussionId: picked.okDiscussion,
					text: 'Спасибо, передали в администрацию поселения.',
				}),
			],
			[
				node('Telegram: отправить', 'telegram', 'mcuTelegramApi', {
					resource: 'message',
					operation: 'send',
					chatId: String(picked.tgChat),
					text: 'Ваше обращение зарегистрировано.',
				}),
			],
		];
		const nodes: Array<Record<string, unknown>> = [
			{
				id: 'm',
				name: 'Старт',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
		];
		const connections: Record<
			string,
			{ main: Array<Array<{ node: string; type: string; index: number }>> }
		> = { Старт: { main: [[]] } };
		chains.forEach((chain, row) => {
			chain.forEach((n, col) => {
				nodes.push({
					id: `${row}-${col}`,
					typeVersion: 1,
					position: [250 * (col + 1), 150 * row],
					...n,
				});
				const from = col === 0 ? 'Старт' : chain[col - 1].name;
				connections[from] ??= { main: [[]] };
				connections[from].main[0].push({ node: n.name, type: 'main', index: 0 });
			});
		});
		return {
			id: 'McuWrites',
			name: 'МЦУ: записи в источники (e2e)',
			nodes,
			connections,
			settings: { executionOrder: 'v1' },
		};
	}

	beforeAll(async () => {
		sandbox = await startSandbox({ ports: 'random', fastDelivery: true });
		const imNew = sandbox.im.all().filter((i) => i.status === 'new');
		[picked.imChain, picked.imForward, picked.imReject] = imNew.slice(0, 3).map((i) => i.id);
		const posOpen = sandbox.pos
			.all()
			.filter((m) => ['MODERATION_ACCEPT', 'TAKE_TO_WORK'].includes(m.status));
		picked.posChain = posOpen[0].id;
		picked.posDeadline = posOpen[0].deadline;
		picked.posForward = posOpen[1].id;
		const vkComments = sandbox.vk.allComments();
		// A comment not answered yet: the only community reply to it will be ours.
		picked.vkComment = vkComments.find(
			(c) =>
				c.from_id > 0 &&
				c.from_id < 999000000 &&
				!vkComments.some((r) => r.reply_to_comment === c.id),
		)!;
		const okComment = sandbox.ok.allComments()[0];
		picked.okDiscussion = (
			sandbox.ok.dump() as {
				discussions: Array<{ object_id: string; comments: Array<{ id: string }> }>;
			}
		).discussions.find((d) => d.comments.some((c) => c.id === okComment.id))!.object_id;
		picked.tgChat = sandbox.telegram
			.pending()
			.find((u) => u.message?.chat.type === 'private')!.message!.chat.id;
		// Every write route fails once or twice before it works, and then some writes are applied and their answer
		// lost (500, 502, a reset, a held and dropped connection): retries must not double anything.
		const lost = (
			emulator: string,
			route: string,
			...kinds: Array<'http_500' | 'http_502' | 'connection_reset' | 'timeout'>
		) => kinds.map((kind) => ({ emulator, route, kind, times: 1, afterApply: true, holdMs: 300 }));
		sandbox.faults.configure({
			seed: 7,
			rules: [
				{ emulator: 'im', route: 'POST /incidents/*', kind: 'http_503', times: 2 },
				...lost('im', 'POST /incidents/*', 'http_500', 'connection_reset', 'timeout'),
				{ emulator: 'pos', route: 'POST /appeals/*', kind: 'http_429', times: 2, retryAfter: 1 },
				...lost('pos', 'POST /appeals/*', 'http_502', 'connection_reset', 'timeout'),
				{ emulator: 'vk', route: 'wall.createComment', kind: 'api_error', code: 6, times: 1 },
				...lost('vk', 'wall.createComment', 'connection_reset'),
				{ emulator: 'vk', route: 'messages.send', kind: 'http_502', times: 1 },
				...lost('vk', 'messages.send', 'http_500'),
				{ emulator: 'ok', route: 'discussions.addComment', kind: 'http_503', times: 1 },
				...lost('ok', 'discussions.addComment', 'timeout'),
				{ emulator: 'telegram', route: 'sendMessage', kind: 'http_429', times: 1, retryAfter: 1 },
			],
		});
		await n8n.importCredentials(sandboxCredentials(sandbox, testPrivateKey()));
		await n8n.importWorkflow(workflow());
		run = await n8n.execute('McuWrites');
	});
	afterAll(async () => {
		await sandbox.close();
		n8n.cleanup();
	});

	it('runs without an error and every injected fault was retried', () => {
		expect(run.error).toBeUndefined();
		const log = sandbox.faults.log;
		expect(log.filter((f) => !f.afterApply)).toHaveLength(8);
		expect(new Set(log.map((f) => f.emulator))).toEqual(
			new Set(['im', 'pos', 'vk', 'ok', 'telegram']),
		);
		// Every write applied with its answer lost (3 ИМ, 3 ПОС, 2 VK, 1 OK) happened; the checks below count each once.
		expect(
			log
				.filter((f) => f.afterApply)
				.map((f) => `${f.emulator} ${f.kind}`)
				.sort(),
		).toEqual(
			[
				'im http_500',
				'im connection_reset',
				'im timeout',
				'pos http_502',
				'pos connection_reset',
				'pos timeout',
				'vk connection_reset',
				'vk http_500',
				'ok timeout',
			].sort(),
		);
	});

	it('ИМ: take → assign → answer, forward and reject change the incidents once', () => {
		const byId = new Map(sandbox.im.all().map((i) => [i.id, i]));
		const chained = byId.get(picked.imChain)!;
		expect(chained).toMatchObject({ status: 'answered', executor: 'Петров П. П., ЖКХ' });
		expect(chained.takenAt).toBeTruthy();
		expect(chained.answer?.text).toBe(
			'Аварийная бригада выехала, электроснабжение восстановлено в 15:20.',
		);
		expect(byId.get(picked.imForward)).toMatchObject({
			status: 'forwarded',
			forwardedTo: { organization: 'ГБУЗ «Порховская МБ»', comment: 'вопрос здравоохранения' },
		});
		expect(byId.get(picked.imReject)).toMatchObject({
			status: 'rejected',
			rejectReason: 'Не относится к компетенции органов местного самоуправления',
		});
		// The nodes return the updated incident as a normalized appeal.
		expect(run.items('ИМ: исполнитель')[0]).toMatchObject({
			id: `im:${picked.imChain}`,
			status: 'in_progress',
			responsible: 'Петров П. П., ЖКХ',
		});
		expect(run.items('ИМ: ответ')[0]).toMatchObject({
			status: 'answered',
			answerText: expect.stringContaining('бригада'),
		});
		expect(run.items('ИМ: перенаправить')[0]).toMatchObject({ status: 'forwarded' });
	});

	it('ПОС: set executor → postpone by 10 days → answer, and forward, each one history entry', () => {
		const chained = sandbox.pos.all().find((m) => m.id === picked.posChain)!;
		const statuses = chained.history.map((h) => h.status);
		expect(statuses.slice(-3)).toEqual(['SET_EXECUTOR', 'POSTPONE', 'SEND_RESPONSE']);
		expect(statuses.filter((s) => s === 'POSTPONE')).toHaveLength(1);
		expect(Date.parse(chained.deadline) - Date.parse(picked.posDeadline)).toBe(
			10 * 24 * 3600 * 1000,
		);
		expect(chained.history.at(-1)).toMatchObject({
			answer: { answerType: 'SUPPORTED', comment: expect.stringContaining('Яма') },
		});
		const forwarded = sandbox.pos.all().find((m) => m.id === picked.posForward)!;
		expect(forwarded.status).toBe('FORWARD_TO_PARENT');
		expect(forwarded.history.filter((h) => h.status === 'FORWARD_TO_PARENT')).toHaveLength(1);
		expect(run.items('ПОС: ответ')[0]).toMatchObject({
			id: `pos:${picked.posChain}`,
			status: 'answered',
		});
	});

	it('VK, OK and Telegram: one reply, one message each — a retried send is not doubled', () => {
		const vkReplies = sandbox.vk
			.allComments()
			.filter((c) => c.reply_to_comment === picked.vkComment.id && c.from_id < 0);
		expect(vkReplies).toHaveLength(1);
		expect(vkReplies[0]).toMatchObject({
			post_id: picked.vkComment.post_id,
			from_id: -sandbox.vk.groupId,
			text: 'Здравствуйте! Заявка передана в ЖКХ, срок — 3 рабочих дня.',
		});
		const vkMessages = sandbox.vk.messages().filter((m) => m.peer_id === picked.vkComment.from_id);
		expect(vkMessages).toHaveLength(1);
		const okReplies = sandbox.ok
			.allComments()
			.filter((c) => c.author_type === 'GROUP' && c.id.startsWith('adm'));
		expect(okReplies).toHaveLength(1);
		expect(okReplies[0].text).toBe('Спасибо, передали в администрацию поселения.');
		const sent = sandbox.telegram.sentMessages().filter((m) => m.chat.id === picked.tgChat);
		expect(sent).toHaveLength(1);
		expect(sent[0].text).toBe('Ваше обращение зарегистрировано.');
		// Write results carry what the service returned, never a token.
		expect(findSecrets(JSON.stringify(run.raw))).toEqual([]);
		expect(findSecrets(n8n.cliLog)).toEqual([]);
		expect(findSecretsInFile(n8n.databaseFile())).toEqual([]);
	});
});
