import { startSandbox, type Sandbox } from '../../sandbox';
import {
	intakeWorkflow,
	remindersWorkflow,
	reportsWorkflow,
	SPREADSHEET_ID,
} from '../../scripts/workflows';
import { REGISTER_HEADERS, answerCheckFromText } from '../../lib/reports';
import { sandboxAppealIds, sourceIds } from '../helpers/appealIds';
import { N8nInstance } from '../helpers/n8n';
import { sandboxCredentials } from '../helpers/sandboxCredentials';
import { findSecrets, findSecretsInFile } from '../helpers/secrets';
import { testPrivateKey } from '../helpers/serviceAccount';
import { splitMessage } from '../../lib/text/split';
import { DIRECTORY_SHEET } from '../../lib/reports';
import { DISTRICT_DIRECTORY } from '../../sandbox/seed/directory';

type Run = Awaited<ReturnType<N8nInstance['execute']>>;
type Row = Record<string, unknown>;

/**
 * The shipped workflows in real n8n, one job each, the register as the hand-off (issue 17): the intake reads every
 * emulated source, structures, routes, counts deadlines, checks answers and writes the register; run again it reads
 * ПОС and ИМ only since its last run and adds nothing. The reminders workflow reads the register back, refreshes its
 * deadline columns and sends the digests; the reports workflow rebuilds the report tabs from the register.
 */
describe('workflows «Приём обращений», «Напоминания о сроках», «Отчёты» on the sandbox district', () => {
	let sandbox: Sandbox;
	const n8n = new N8nInstance('intake');
	let run: Run;
	let again: Run;
	let reminders: Run;
	let reports: Run;
	const TAB = 'Реестр обращений';
	const register = () => {
		const grid = sandbox.sheets.values(SPREADSHEET_ID, TAB);
		return grid
			.slice(1)
			.map((r) => Object.fromEntries(grid[0].map((h, i) => [String(h), r[i]])) as Row);
	};
	const ids = (items: Row[]) => items.map((i) => String(i.id)).sort();
	// n8n records no run for a node that got no items (the if's empty branch).
	const itemsOf = (r: Run, node: string) => {
		try {
			return r.items(node);
		} catch {
			return [];
		}
	};
	// The sandbox's spreadsheet starts with a default tab and the district's «Справочник».
	const tabs = () =>
		sandbox.sheets
			.get(SPREADSHEET_ID)!
			.sheets.map((s) => s.properties.title)
			.filter((t) => t !== 'Лист1' && t !== DIRECTORY_SHEET)
			.sort();
	// Who the «Справочник» names, by role: department → Telegram chat.
	const chatsOf = (role: string) =>
		new Map(
			DISTRICT_DIRECTORY.filter((r) => r[1] === role).map(([department, , , telegram]) => [
				department,
				telegram,
			]),
		);

	beforeAll(async () => {
		sandbox = await startSandbox({ ports: 'random', fastDelivery: true });
		// Every other department head also has a MAX chat in «Справочник» (the sandbox's leaves them empty).
		const directory = sandbox.sheets
			.get(SPREADSHEET_ID)!
			.sheets.find((s) => s.properties.title === DIRECTORY_SHEET)!;
		let head = 0;
		for (const row of directory.cells.slice(1))
			if (row?.[1]?.v === 'Руководитель' && head++ % 2 === 0)
				row[4] = { v: String(-7_000_000_000 - head) };
		await n8n.importCredentials(sandboxCredentials(sandbox, testPrivateKey()));
		await n8n.importWorkflow(intakeWorkflow());
		const remind = remindersWorkflow();
		for (const node of remind.nodes) {
			if (node.name !== 'МЦУ: Напоминания') continue;
			// Reminders go out only in office hours; the test must not depend on the clock.
			node.parameters.options = { workingTimeOnly: false };
		}
		await n8n.importWorkflow(remind);
		await n8n.importWorkflow(reportsWorkflow());
		run = await n8n.execute('McuIntake');
	});
	afterAll(async () => {
		await sandbox.close();
		n8n.cleanup();
	});

	describe('intake', () => {
		it('reads every source and writes each valid appeal once into the register', () => {
			expect(run.error).toBeUndefined();
			const valid = run.items('МЦУ: Сроки').filter((i) => typeof i.id === 'string' && !i.error);
			expect(sandbox.sheets.values(SPREADSHEET_ID, TAB)[0]).toEqual(REGISTER_HEADERS);
			const registered = register().map((r) => String(r.ID));
			expect(new Set(registered).size).toBe(registered.length);
			expect(registered.sort()).toEqual([...new Set(ids(valid))]);
			expect(new Set(registered.map((id) => id.split(':')[0]))).toEqual(
				new Set(['pos', 'im', 'vk', 'ok', 'telegram', 'max']),
			);
			// The routing names departments only: «Ответственный» stays empty until a coordinator sets one.
			expect(
				register()
					.filter((r) => r['Ответственный'])
					.map((r) => [r.ID, r['Ответственный']]),
			).toEqual([]);
			// Every record a normalizer accepts is in the register, no more, no fewer; the odd ones are error items.
			const expected = sandboxAppealIds(sandbox);
			for (const source of ['pos', 'im', 'telegram'] as const)
				expect([source, sourceIds(registered, source)]).toEqual([source, expected[source]]);
			// Only the register is written: reminders and reports are other workflows.
			expect(tabs()).toEqual([TAB]);
			expect(
				sandbox.telegram.sentMessages().filter((m) => String(m.text).startsWith('Напоминание МЦУ')),
			).toEqual([]);
		});

		it('routes by topic: every branch receives exactly its topics, the rest goes to «Не распределено»', () => {
			const rules = intakeWorkflow().nodes.find((n) => n.name === 'МЦУ: Маршрутизация')!.parameters
				.rules as { rule: Array<{ topics: string[]; department: string }> };
			let total = 0;
			rules.rule.forEach((rule, i) => {
				const branch = run.items('МЦУ: Маршрутизация', i);
				total += branch.length;
				expect(branch.length).toBeGreaterThan(0);
				for (const item of branch) {
					expect([item.id, rule.topics.includes(String(item.topic))]).toEqual([item.id, true]);
					expect(item.department).toBe(rule.department);
				}
			});
			const fallback = run.items('МЦУ: Маршрутизация', rules.rule.length);
			expect(
				fallback.every((i) => !rules.rule.some((r) => r.topics.includes(String(i.topic)))),
			).toBe(true);
			expect(total + fallback.length).toBe(run.items('Размеченные').length);
		});

		it('counts deadlines; nothing personal in the shared sheet', () => {
			expect(
				run.items('МЦУ: Сроки').filter((a) => a.deadlineStatus === 'overdue').length,
			).toBeGreaterThan(0);
			const sheet = JSON.stringify(sandbox.sheets.values(SPREADSHEET_ID, TAB));
			for (const person of sandbox.district.people.slice(0, 50)) {
				expect(sheet).not.toContain(person.phone);
				expect(sheet).not.toContain(`${person.surname} ${person.name} ${person.patronymic}`);
			}
		});

		it("the answer check's verdict is in the register: exactly the answers sent for rework, the others checked or empty", () => {
			const rework = run
				.items('МЦУ: Контроль ответов', 1)
				.filter((a) => (a.answerCheck as { ok?: boolean } | undefined)?.ok === false);
			const passed = run.items('МЦУ: Контроль ответов', 0).filter((a) => a.answerCheck);
			expect(rework.length).toBeGreaterThan(5);
			expect(passed.length).toBeGreaterThan(0);
			const verdicts = new Map(
				register().map((r) => [String(r.ID), String(r['Проверка ответа'] ?? '')]),
			);
			const with_ = (test: (v: string) => boolean) =>
				[...verdicts]
					.filter(([, v]) => test(v))
					.map(([id]) => id)
					.sort();
			expect(with_((v) => v.startsWith('На доработку: '))).toEqual([...new Set(ids(rework))]);
			expect(with_((v) => v === 'Без замечаний' || v.startsWith('Принят с замечаниями'))).toEqual([
				...new Set(ids(passed)),
			]);
			// Read back, each cell gives the findings the check made.
			for (const a of rework.slice(0, 10)) {
				const back = answerCheckFromText(verdicts.get(String(a.id)));
				const made = (a.answerCheck as { errors: Array<{ code: string; severity: string }> })
					.errors;
				expect([a.id, back?.errors.map((e) => `${e.code}:${e.severity}`)]).toEqual([
					a.id,
					made.map((e) => `${e.code}:${e.severity}`),
				]);
			}
		});

		it('acknowledges new ПОС messages', () => {
			const taken = run.items('ПОС: взять в работу');
			expect(taken.length).toBeGreaterThan(0);
			expect(
				taken.every((t) => t.status === 'in_progress' && t.sourceStatus === 'TAKE_TO_WORK'),
			).toBe(true);
		});

		it('a second run reads ПОС and ИМ since the first (only what changed: the messages it took to work) and adds no row', async () => {
			const before = register().length;
			again = await n8n.execute('McuIntake');
			expect(again.error).toBeUndefined();
			expect(ids(again.items('ПОС'))).toEqual(ids(run.items('ПОС: взять в работу')));
			expect(again.items('Инцидент-менеджмент')).toEqual([]);
			expect(itemsOf(again, 'ПОС: взять в работу')).toEqual([]);
			expect(register().length).toBe(before);
			expect(again.items('Реестр обращений')[0]).toMatchObject({ inserted: 0 });
			// The taken messages' new status is in the register.
			const rows = new Map(register().map((r) => [String(r.ID), r]));
			for (const id of ids(run.items('ПОС: взять в работу')))
				expect([id, rows.get(id)?.['Статус']]).toEqual([id, 'В работе']);
		});
	});

	describe('reminders, from the register', () => {
		beforeAll(async () => {
			reminders = await n8n.execute('McuReminders');
		});

		it('reads every appeal back, recomputes the deadlines and writes the register back without a new row', () => {
			expect(reminders.error).toBeUndefined();
			expect(ids(reminders.items('Реестр: все обращения'))).toEqual(
				register()
					.map((r) => String(r.ID))
					.sort(),
			);
			expect(reminders.items('Реестр обращений')[0]).toMatchObject({ inserted: 0 });
			const status = new Map(
				reminders.items('МЦУ: Сроки').map((a) => [String(a.id), a.deadlineStatus]),
			);
			const labels: Record<string, string> = { overdue: 'Просрочено', due_soon: 'Срок истекает' };
			for (const row of register())
				if (labels[String(status.get(String(row.ID)))])
					expect([row.ID, row['Контроль срока']]).toEqual([
						row.ID,
						labels[String(status.get(String(row.ID)))],
					]);
		});

		it('the overdue tab holds exactly the overdue and due-soon appeals', () => {
			const grid = sandbox.sheets.values(SPREADSHEET_ID, 'Просроченные и истекающие');
			const expected = reminders
				.items('МЦУ: Сроки')
				.filter((a) => a.deadlineStatus === 'overdue' || a.deadlineStatus === 'due_soon');
			expect(expected.length).toBeGreaterThan(0);
			expect(
				grid
					.slice(1)
					.map((r) => String(r[0]))
					.sort(),
			).toEqual(ids(expected));
		});

		it("sends the digests: each to its recipient's Telegram, MAX for those with a chat there; answers for rework go back", () => {
			const digests = reminders.items('МЦУ: Напоминания');
			expect(digests.length).toBeGreaterThan(3);
			// Every recipient has a chat: the routing names no one, «Справочник» gives each department's responsible.
			expect(digests.filter((d) => !d.telegramChatId).map((d) => d.recipient)).toEqual([]);
			const chats = (level: string) =>
				[
					...new Set(digests.filter((d) => d.level === level).map((d) => String(d.telegramChatId))),
				].sort();
			const due = reminders
				.items('МЦУ: Сроки')
				.filter(
					(a) =>
						a.deadlineStatus === 'overdue' ||
						a.deadlineStatus === 'due_soon' ||
						(a.answerCheck as { ok?: boolean } | undefined)?.ok === false,
				);
			const responsibleChats = [
				...new Set(
					due.map((a) => chatsOf('Ответственный').get(String(a.department))).filter(Boolean),
				),
			].sort();
			expect(responsibleChats.length).toBeGreaterThan(5);
			expect(chats('responsible')).toEqual(responsibleChats);
			// Heads: the departments of appeals a working day or more overdue (the level's default threshold).
			const late = due.filter(
				(a) =>
					a.deadlineStatus === 'overdue' &&
					-Number(
						(a.deadlineInfo as { workingDaysLeft?: number } | undefined)?.workingDaysLeft ?? 0,
					) >= 1,
			);
			const headChats = [
				...new Set(
					late.map((a) => chatsOf('Руководитель').get(String(a.department))).filter(Boolean),
				),
			].sort();
			expect(headChats.length).toBeGreaterThan(3);
			expect(chats('head')).toEqual(headChats);
			expect(chats('coordinator')).toEqual(['7001']);
			expect(chats('curator')).toEqual(['7002']);
			// Each chat got its digests and nothing else; «МЦУ: Telegram» sends a digest over Telegram's limit in parts.
			const sent = sandbox.telegram
				.sentMessages()
				.filter((m) => Number(m.chat.id) >= 5000 && Number(m.chat.id) < 8000);
			expect(sent.every((m) => String(m.text).length <= 4096)).toBe(true);
			const byChat = (pairs: Array<[unknown, unknown]>) => {
				const m = new Map<string, string>();
				for (const [chat, text] of pairs)
					m.set(String(chat), (m.get(String(chat)) ?? '') + String(text));
				return [...m].sort();
			};
			expect(byChat(sent.map((m) => [m.chat.id, m.text]))).toEqual(
				byChat(digests.map((d) => [d.telegramChatId, d.text])),
			);
			// MAX received exactly the digests whose recipient has a MAX chat (in MAX's 4000-character parts).
			const withMax = digests.filter((d) => d.maxChatId);
			expect(withMax.length).toBeGreaterThan(0);
			expect(withMax.length).toBeLessThan(digests.length);
			const expectedMax = withMax
				.flatMap((d) => splitMessage(String(d.text), 4000).map((part) => `${d.maxChatId}|${part}`))
				.sort();
			const toChats = sandbox.max.sentMessages().filter((m) => m.recipient.user_id === undefined);
			expect(toChats.map((m) => `${m.recipient.chat_id}|${m.body.text}`).sort()).toEqual(
				expectedMax,
			);
			// Rework: exactly the register's answers «На доработку» of the departments in «Справочник», each to its
			// department's responsible there.
			const rework = register().filter(
				(r) =>
					String(r['Проверка ответа'] ?? '').startsWith('На доработку') &&
					chatsOf('Ответственный').has(String(r['Подразделение'])),
			);
			expect(rework.length).toBeGreaterThan(0);
			const reminded = digests
				.filter((d) => Number(d.rework) > 0)
				.flatMap((d) =>
					(d.appealIds as string[])
						.filter((id) => rework.some((r) => r.ID === id))
						.map((id) => `${id}|${d.telegramChatId}`),
				);
			expect([...new Set(reminded)].sort()).toEqual(
				rework
					.map((r) => `${r.ID}|${chatsOf('Ответственный').get(String(r['Подразделение']))}`)
					.sort(),
			);
		});

		it('run again the same day, nothing is sent to MAX twice', async () => {
			const toChats = () =>
				sandbox.max.sentMessages().filter((m) => m.recipient.user_id === undefined).length;
			const before = toChats();
			const second = await n8n.execute('McuReminders');
			expect(second.error).toBeUndefined();
			expect(toChats()).toBe(before);
		});
	});

	describe('reports, from the register', () => {
		beforeAll(async () => {
			reports = await n8n.execute('McuReports');
		});

		it("fills every report tab; answer errors are the register's, every one of them", () => {
			expect(reports.error).toBeUndefined();
			expect(tabs()).toEqual(
				[
					TAB,
					'Просроченные и истекающие',
					'Ошибки в ответах',
					'Рейтинг подразделений',
					'Рейтинг поселений',
					'Сводка',
					'ССТУ (прошлый месяц)',
				].sort(),
			);
			const errors = sandbox.sheets.values(SPREADSHEET_ID, 'Ошибки в ответах');
			const expected = register().flatMap((r) =>
				(answerCheckFromText(r['Проверка ответа'])?.errors ?? []).map(() => String(r.ID)),
			);
			expect(expected.length).toBeGreaterThan(10);
			expect(
				errors
					.slice(1)
					.map((r) => String(r[0]))
					.sort(),
			).toEqual(expected.sort());
		});

		it('ranks departments by score; the summary and the rating carry a chart; the register is laid out', () => {
			const rating = sandbox.sheets.values(SPREADSHEET_ID, 'Рейтинг подразделений');
			expect(rating[0]).toEqual(expect.arrayContaining(['Место', 'Подразделение', 'Балл']));
			expect(rating.length).toBeGreaterThan(5);
			const place = rating[0].indexOf('Место');
			const score = rating[0].indexOf('Балл');
			const ranked = rating.slice(1).filter((r) => r[place] !== '—');
			// Competition ranking: a place is 1 + the number of bodies with a higher score (ties share a place).
			for (const r of ranked)
				expect(r[place]).toBe(1 + ranked.filter((o) => Number(o[score]) > Number(r[score])).length);
			for (let i = 1; i < ranked.length; i++)
				expect(Number(ranked[i - 1][score])).toBeGreaterThanOrEqual(Number(ranked[i][score]));
			expect(rating.find((r) => r[1] === 'Не распределено')?.[place]).toBe('—');
			const tab = (title: string) =>
				sandbox.sheets.get(SPREADSHEET_ID)!.sheets.find((s) => s.properties.title === title)!;
			expect(tab('Сводка').charts).toHaveLength(1);
			expect(tab('Рейтинг подразделений').charts).toHaveLength(1);
			expect(tab(TAB).properties.gridProperties.frozenRowCount).toBe(1);
			expect(tab(TAB).basicFilter).toBeDefined();
			expect(tab(TAB).conditionalFormats.length).toBeGreaterThan(0);
		});
	});

	it("no secret in the items, the CLI output, the spreadsheet or n8n's database", () => {
		expect(findSecrets(JSON.stringify([run.raw, again.raw, reminders.raw, reports.raw]))).toEqual(
			[],
		);
		expect(findSecrets(n8n.cliLog)).toEqual([]);
		expect(findSecrets(JSON.stringify(sandbox.sheets.dump()))).toEqual([]);
		// Credentials are stored encrypted; execution data must not carry them either.
		expect(findSecretsInFile(n8n.databaseFile())).toEqual([]);
		// The scan itself works: the credentials file n8n imported did contain them.
		expect(findSecrets(JSON.stringify(sandboxCredentials(sandbox, testPrivateKey())))).toHaveLength(
			10,
		); // all but the VK user token, which these credentials do not use
	});
});
