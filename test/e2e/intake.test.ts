import { startSandbox, type Sandbox } from '../../sandbox';
import { intakeWorkflow, SPREADSHEET_ID } from '../../scripts/workflows';
import { REGISTER_HEADERS } from '../../lib/reports';
import { sandboxAppealIds, sourceIds } from '../helpers/appealIds';
import { N8nInstance } from '../helpers/n8n';
import { sandboxCredentials } from '../helpers/sandboxCredentials';
import { findSecrets, findSecretsInFile } from '../helpers/secrets';
import { testPrivateKey } from '../helpers/serviceAccount';
import { splitMessage } from '../../lib/text/split';

/**
 * The main job in real n8n: the shipped intake workflow reads every emulated source, structures, routes, counts
 * deadlines and writes the shared spreadsheet; run twice, it doubles nothing.
 */
describe('workflow «МЦУ: Приём и контроль обращений» on the sandbox district', () => {
	let sandbox: Sandbox;
	const n8n = new N8nInstance('intake');
	let run: Awaited<ReturnType<N8nInstance['execute']>>;

	beforeAll(async () => {
		sandbox = await startSandbox({ ports: 'random', fastDelivery: true });
		await n8n.importCredentials(sandboxCredentials(sandbox, testPrivateKey()));
		const workflow = intakeWorkflow();
		// Reminders go out only in office hours; the test must not depend on the clock.
		for (const node of workflow.nodes as Array<{ name: string; parameters: Record<string, unknown> }>) {
			if (node.name !== 'МЦУ: Напоминания') continue;
			node.parameters.options = { workingTimeOnly: false };
			// Every other department head also has a MAX chat (the shipped workflow leaves them empty).
			const heads = (node.parameters.heads as { head: Array<Record<string, string>> }).head;
			heads.forEach((head, i) => {
				if (i % 2 === 0) head.maxChatId = String(-7_000_000_000 - i);
			});
		}
		await n8n.importWorkflow(workflow);
		run = await n8n.execute('McuIntake');
	});
	afterAll(async () => {
		await sandbox.close();
		n8n.cleanup();
	});

	it('reads every source and writes each valid appeal once into the register', () => {
		expect(run.error).toBeUndefined();
		const valid = run.items('МЦУ: Сроки').filter((i) => typeof i.id === 'string' && !i.error);
		const register = sandbox.sheets.values(SPREADSHEET_ID, 'Реестр обращений');
		expect(register[0]).toEqual(REGISTER_HEADERS);
		const ids = register.slice(1).map((r) => r[0]);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids.length).toBe(new Set(valid.map((v) => v.id)).size);
		const sources = new Set(ids.map((id) => String(id).split(':')[0]));
		expect(sources).toEqual(new Set(['pos', 'im', 'vk', 'ok', 'telegram', 'max']));
		// Every record a normalizer accepts is in the register, no more, no fewer; the odd ones are error items.
		const expected = sandboxAppealIds(sandbox);
		for (const source of ['pos', 'im', 'telegram'] as const) expect([source, sourceIds(ids.map(String), source)]).toEqual([source, expected[source]]);
	});

	it('routes by topic: every branch receives exactly its topics, the rest goes to «Не распределено»', () => {
		const rules = (intakeWorkflow().nodes as Array<{ name: string; parameters: { rules?: { rule: Array<{ topics: string[]; department: string }> } } }>).find((n) => n.name === 'МЦУ: Маршрутизация')!.parameters.rules!.rule;
		let total = 0;
		rules.forEach((rule, i) => {
			const branch = run.items('МЦУ: Маршрутизация', i);
			total += branch.length;
			expect(branch.length).toBeGreaterThan(0);
			for (const item of branch) {
				expect([item.id, rule.topics.includes(String(item.topic))]).toEqual([item.id, true]);
				expect(item.department).toBe(rule.department);
			}
		});
		const fallback = run.items('МЦУ: Маршрутизация', rules.length);
		expect(fallback.every((i) => !rules.some((r) => r.topics.includes(String(i.topic))))).toBe(true);
		expect(total + fallback.length).toBe(run.items('Размеченные').length);
	});

	it('counts deadlines; nothing personal in the shared sheet', () => {
		const withDeadlines = run.items('МЦУ: Сроки');
		expect(withDeadlines.filter((a) => a.deadlineStatus === 'overdue').length).toBeGreaterThan(0);
		const sheet = JSON.stringify(sandbox.sheets.values(SPREADSHEET_ID, 'Реестр обращений'));
		for (const person of sandbox.district.people.slice(0, 50)) {
			expect(sheet).not.toContain(person.phone);
			expect(sheet).not.toContain(`${person.surname} ${person.name} ${person.patronymic}`);
		}
	});

	it('sends reminder digests, acknowledges new ПОС messages, fills every report tab', () => {
		const digests = run.items('МЦУ: Напоминания');
		expect(digests.length).toBeGreaterThan(3);
		const sent = sandbox.telegram.sentMessages();
		expect(sent.length).toBe(run.items('Отправить напоминания').length);
		expect(sent.some((m) => String(m.text).startsWith('Напоминание МЦУ'))).toBe(true);
		// MAX received exactly the digests whose recipient has a MAX chat (in MAX's 4000-character parts), and nothing
		// else went to a chat: the other MAX messages are the follow-up questions to users.
		const withMax = digests.filter((d) => d.maxChatId);
		expect(withMax.length).toBeGreaterThan(0);
		expect(withMax.length).toBeLessThan(digests.length);
		const expectedMax = withMax.flatMap((d) => splitMessage(String(d.text), 4000).map((part) => `${d.maxChatId}|${part}`)).sort();
		const toChats = sandbox.max.sentMessages().filter((m) => m.recipient.user_id === undefined);
		expect(toChats.map((m) => `${m.recipient.chat_id}|${m.body.text}`).sort()).toEqual(expectedMax);
		const taken = run.items('ПОС: взять в работу');
		expect(taken.length).toBeGreaterThan(0);
		expect(taken.every((t) => t.status === 'in_progress' && t.sourceStatus === 'TAKE_TO_WORK')).toBe(true);
		const titles = sandbox.sheets.get(SPREADSHEET_ID)!.sheets.map((s) => s.properties.title);
		expect(titles).toEqual(expect.arrayContaining(['Реестр обращений', 'Просроченные и истекающие', 'Ошибки в ответах', 'Рейтинг подразделений', 'Рейтинг поселений', 'Сводка', 'ССТУ (прошлый месяц)']));
		const rating = sandbox.sheets.values(SPREADSHEET_ID, 'Рейтинг подразделений');
		expect(rating[0]).toEqual(expect.arrayContaining(['Место', 'Подразделение', 'Балл']));
		expect(rating.length).toBeGreaterThan(5);
		// Ranks follow the score; «Не распределено» is listed without a place.
		const place = rating[0].indexOf('Место');
		const score = rating[0].indexOf('Балл');
		const ranked = rating.slice(1).filter((r) => r[place] !== '—');
		// Competition ranking: a place is 1 + the number of bodies with a higher score (ties share a place).
		for (const r of ranked) expect(r[place]).toBe(1 + ranked.filter((o) => Number(o[score]) > Number(r[score])).length);
		for (let i = 1; i < ranked.length; i++) expect(Number(ranked[i - 1][score])).toBeGreaterThanOrEqual(Number(ranked[i][score]));
		expect(rating.find((r) => r[1] === 'Не распределено')?.[place]).toBe('—');
		expect(sandbox.sheets.values(SPREADSHEET_ID, 'Ошибки в ответах').length).toBeGreaterThan(10);
		// The summary and the rating carry a chart; the register is laid out (frozen header, filter, colours).
		const tab = (title: string) => sandbox.sheets.get(SPREADSHEET_ID)!.sheets.find((s) => s.properties.title === title)!;
		expect(tab('Сводка').charts).toHaveLength(1);
		expect(tab('Рейтинг подразделений').charts).toHaveLength(1);
		expect(tab('Реестр обращений').properties.gridProperties.frozenRowCount).toBe(1);
		expect(tab('Реестр обращений').basicFilter).toBeDefined();
		expect(tab('Реестр обращений').conditionalFormats.length).toBeGreaterThan(0);
	});

	it('no secret in the items, the CLI output, the spreadsheet or n8n\'s database', () => {
		expect(findSecrets(JSON.stringify(run.raw))).toEqual([]);
		expect(findSecrets(n8n.cliLog)).toEqual([]);
		expect(findSecrets(JSON.stringify(sandbox.sheets.dump()))).toEqual([]);
		// Credentials are stored encrypted; execution data must not carry them either.
		expect(findSecretsInFile(n8n.databaseFile())).toEqual([]);
		// The scan itself works: the credentials file n8n imported did contain them.
		expect(findSecrets(JSON.stringify(sandboxCredentials(sandbox, testPrivateKey())))).toHaveLength(10); // all but the VK user token, which these credentials do not use
	});

	it('a second run changes rows in place and adds none', async () => {
		const before = sandbox.sheets.values(SPREADSHEET_ID, 'Реестр обращений').length;
		const toChats = () => sandbox.max.sentMessages().filter((m) => m.recipient.user_id === undefined).length;
		const digestsInMax = toChats();
		const again = await n8n.execute('McuIntake');
		expect(again.error).toBeUndefined();
		const register = sandbox.sheets.values(SPREADSHEET_ID, 'Реестр обращений');
		expect(register.length).toBe(before);
		expect(again.items('Реестр обращений')[0]).toMatchObject({ inserted: 0 });
		// The same day's digests are not sent to MAX again.
		expect(toChats()).toBe(digestsInMax);
	});
});
