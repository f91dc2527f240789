import { startSandbox, type Sandbox } from '../../sandbox';
import { intakeWorkflow, SPREADSHEET_ID } from '../../scripts/workflows';
import { SATISFACTION_LABELS, STATUS_LABELS } from '../../lib/reports/register';
import { N8nInstance } from '../helpers/n8n';
import { sandboxCredentials } from '../helpers/sandboxCredentials';
import { testPrivateKey } from '../helpers/serviceAccount';

/**
 * The satisfaction follow-up end to end in real n8n, with the shipped intake workflow: answered VK and OK appeals get
 * «Проблема решена?» where the citizen wrote; the citizens' replies, read by the next run, are linked to their appeals
 * through the workflow's static data — «нет» reopens the appeal in the register, «да» rates it — and the replies
 * themselves never become appeals. A third run changes nothing.
 */
describe('satisfaction follow-up in the intake workflow', () => {
	let sandbox: Sandbox;
	const n8n = new N8nInstance('satisfaction');
	const QUESTION = 'Проблема решена? Ответьте «да» или «нет».';
	let first: Awaited<ReturnType<N8nInstance['execute']>>;
	let second: Awaited<ReturnType<N8nInstance['execute']>>;
	type Asked = {
		id: string;
		source: string;
		author: { id: string };
		raw: Record<string, unknown>;
		parentId: string;
	};
	let asked: Asked[];

	const register = () => {
		const rows = sandbox.sheets.values(SPREADSHEET_ID, 'Реестр обращений');
		const header = rows[0].map(String);
		return new Map(
			rows.slice(1).map((r) => [String(r[0]), Object.fromEntries(header.map((h, i) => [h, r[i]]))]),
		);
	};
	const questionsSent = () => ({
		vk: sandbox.vk.allComments().filter((c) => c.from_id < 0 && c.text === QUESTION),
		ok: sandbox.ok.allComments().filter((c) => c.author_type === 'GROUP' && c.text === QUESTION),
	});

	beforeAll(async () => {
		sandbox = await startSandbox({ ports: 'random', fastDelivery: true });
		await n8n.importCredentials(sandboxCredentials(sandbox, testPrivateKey()));
		const workflow = intakeWorkflow();
		for (const node of workflow.nodes) {
			// The seeded answers are from the autumn of 2026: ask about all of them, right away.
			if (node.name === 'Кого спросить об оценке')
				Object.assign(node.parameters, { delayHours: 0, maxAgeDays: 3650, question: QUESTION });
		}
		await n8n.importWorkflow(workflow);
		first = await n8n.execute('McuIntake');
	});
	afterAll(async () => {
		await sandbox.close();
		n8n.cleanup();
	});

	it('asks each answered VK and OK author once, under their own comment', () => {
		expect(first.error).toBeUndefined();
		asked = first.items('Кого спросить об оценке') as unknown as Asked[];
		const bySource = (s: string) => asked.filter((a) => a.source === s);
		expect(bySource('vk').length).toBeGreaterThan(3);
		expect(bySource('ok').length).toBeGreaterThan(3);
		// One open question per author.
		expect(new Set(asked.map((a) => `${a.source}:${a.author.id}`)).size).toBe(asked.length);
		const sent = questionsSent();
		expect(sent.vk).toHaveLength(bySource('vk').length);
		expect(sent.ok).toHaveLength(bySource('ok').length);
		for (const a of bySource('vk'))
			expect(sent.vk.filter((q) => q.reply_to_comment === a.raw.id)).toHaveLength(1);
		for (const a of bySource('ok'))
			expect(sent.ok.filter((q) => q.reply_to_comment_id === a.raw.id)).toHaveLength(1);
		// Every one asked had been answered, and the question is not taken for the answer.
		const rows = register();
		for (const a of asked) expect(rows.get(a.id)?.['Статус']).toBe(STATUS_LABELS.answered);
	});

	it('links the replies: «нет» reopens, «да» rates, a question back is a new appeal; replies are not appeals', async () => {
		const vk = asked.filter((a) => a.source === 'vk');
		const ok = asked.filter((a) => a.source === 'ok');
		const [unhappy, unclear] = vk;
		const [happy] = ok;
		const postOf = (a: Asked) => Number(a.raw.post_id);
		const noReply = sandbox.vk.citizenComment(
			postOf(unhappy),
			Number(unhappy.author.id),
			'Нет, ничего не сделали, яма как была',
			Number(unhappy.raw.id),
		);
		const question = sandbox.vk.citizenComment(
			postOf(unclear),
			Number(unclear.author.id),
			'А когда починят фонарь на ул. Школьной?',
		);
		const yesReply = sandbox.ok.citizenComment(
			happy.parentId.replace('ok:', ''),
			String(happy.author.id),
			'Житель',
			'Да, спасибо, всё убрали',
		);
		second = await n8n.execute('McuIntake');
		expect(second.error).toBeUndefined();

		const linked = second.items('Ответы заявителей', 1);
		expect(linked.map((l) => [l.appealId, l.value]).sort()).toEqual(
			[
				[happy.id, 'satisfied'],
				[unhappy.id, 'unsatisfied'],
			].sort(),
		);
		const rows = register();
		expect(rows.get(unhappy.id)).toMatchObject({
			Статус: STATUS_LABELS.in_progress,
			'Оценка заявителя': SATISFACTION_LABELS.unsatisfied,
		});
		expect(String(rows.get(unhappy.id)?.['Признаки'])).toMatch(/reopened/);
		expect(rows.get(happy.id)).toMatchObject({
			Статус: STATUS_LABELS.answered,
			'Оценка заявителя': SATISFACTION_LABELS.satisfied,
		});
		const ids = [...rows.keys()];
		expect(ids.some((id) => id.endsWith(`_c${noReply.id}`))).toBe(false);
		expect(ids.some((id) => id.endsWith(`_${yesReply.id}`))).toBe(false);
		expect(ids.some((id) => id.endsWith(`_c${question.id}`))).toBe(true);
		// Nobody is asked twice about one appeal; only the two who replied may now be asked about another of theirs.
		const askedAgain = second.items('Кого спросить об оценке') as unknown as Asked[];
		for (const a of askedAgain) {
			expect(asked.map((x) => x.id)).not.toContain(a.id);
			expect([
				`${unhappy.source}:${unhappy.author.id}`,
				`${happy.source}:${happy.author.id}`,
			]).toContain(`${a.source}:${a.author.id}`);
		}
		expect(questionsSent().vk.length + questionsSent().ok.length).toBe(
			asked.length + askedAgain.length,
		);
	});

	it('a third run keeps the reopened appeal open and links nothing again', async () => {
		const before = sandbox.sheets.values(SPREADSHEET_ID, 'Реестр обращений').length;
		const third = await n8n.execute('McuIntake');
		expect(third.error).toBeUndefined();
		expect(third.items('Ответы заявителей', 1)).toEqual([]);
		expect(third.items('Кого спросить об оценке')).toEqual([]);
		const unhappy = asked.filter((a) => a.source === 'vk')[0];
		expect(register().get(unhappy.id)).toMatchObject({
			Статус: STATUS_LABELS.in_progress,
			'Оценка заявителя': SATISFACTION_LABELS.unsatisfied,
		});
		expect(sandbox.sheets.values(SPREADSHEET_ID, 'Реестр обращений').length).toBe(before);
	});
});
