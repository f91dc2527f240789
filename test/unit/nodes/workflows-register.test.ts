import * as fs from 'node:fs';
import * as path from 'node:path';
import { contactsFromDirectory } from '../../../lib/reminders';
import { departmentList, readDirectory } from '../../../lib/reports';
import { directorySeedTab } from '../../../sandbox/seed/directory';
import {
	intakeWorkflow,
	remindersWorkflow,
	reportsWorkflow,
	shippedWorkflows,
} from '../../../scripts/workflows';

type Json = Record<string, any>;

const shipped = (file: string): Json =>
	JSON.parse(fs.readFileSync(path.join(__dirname, '../../../workflows', file), 'utf8'));
const byType = (wf: Json, type: string) =>
	wf.nodes.filter((n: Json) => n.type === `n8n-nodes-mcu.${type}`);
const departmentsOf = (wf: Json) => [
	...new Set<string>(
		byType(intakeWorkflow(), 'routing')[0].parameters.rules.rule.map((r: Json) => r.department),
	),
];

// Every node that writes or reads the register offers, in «Подразделение (исправлено)», exactly the departments the
// intake's routing rules use (a department correction is matched to them when read back).
describe('shipped workflows: register drop-down of corrected departments', () => {
	const check = (wf: Json) => {
		const departments = departmentsOf(wf);
		expect(departments.length).toBeGreaterThan(1);
		const registerNodes = byType(wf, 'reportSheets').filter((n: Json) =>
			['register', 'readRegister'].includes(n.parameters.operation),
		);
		expect(registerNodes.length).toBeGreaterThan(0);
		// Read as the node reads it: names with commas in them («Отдел культуры, спорта и …») stay whole.
		for (const n of registerNodes)
			expect([n.name, departmentList(n.parameters.correctionDepartments)]).toEqual([
				n.name,
				departments,
			]);
	};
	it.each(['intake.json', 'reminders.json', 'reports.json'])(
		'%s, generated and as shipped',
		(file) => {
			check(shippedWorkflows()[file]);
			check(shipped(file));
		},
	);
});

/** Issue 17: one job per workflow, the register as the hand-off. */
describe('one job per workflow', () => {
	const names = (wf: Json) =>
		wf.nodes
			.filter((n: Json) => !n.type.endsWith('stickyNote'))
			.map((n: Json) => n.name)
			.sort();
	const reports = (wf: Json) =>
		byType(wf, 'reportSheets')
			.map((n: Json) => `${n.parameters.operation}:${n.parameters.sheetName}`)
			.sort();
	const targets = (wf: Json, from: string) =>
		(wf.connections[from]?.main ?? [])
			.flat()
			.map((c: Json) => c.node)
			.sort();

	it('the intake reads ПОС and ИМ since the last run and ends in the register; reminders and reports are not in it', () => {
		const wf = intakeWorkflow() as Json;
		expect(
			byType(wf, 'pos').find((n: Json) => n.parameters.operation === 'getMany').parameters,
		).toMatchObject({ onlyChanged: true });
		expect(byType(wf, 'im')[0].parameters).toMatchObject({
			operation: 'getMany',
			onlyChanged: true,
		});
		expect(reports(wf)).toEqual(['register:Реестр обращений']);
		expect([...byType(wf, 'reminders'), ...byType(wf, 'rating')]).toEqual([]);
		expect(targets(wf, 'МЦУ: Сроки')).toEqual([
			'Кого спросить об оценке',
			'МЦУ: Контроль ответов',
			'Новые в ПОС?',
		]);
		expect(targets(wf, 'Ответы вместе')).toEqual(['Реестр обращений']);
	});

	it('reminders: working days at 9:00, register → deadlines → register, overdue tab, reminders to Telegram and MAX', () => {
		const wf = remindersWorkflow() as Json;
		expect(
			wf.nodes.find((n: Json) => n.type === 'n8n-nodes-base.scheduleTrigger').parameters.rule
				.interval,
		).toEqual([{ field: 'cronExpression', expression: '0 9 * * 1-5' }]);
		expect(targets(wf, 'Реестр: все обращения')).toEqual(['МЦУ: Сроки']);
		expect(targets(wf, 'МЦУ: Сроки')).toEqual([
			'МЦУ: Напоминания',
			'Просроченные',
			'Реестр обращений',
		]);
		expect(reports(wf)).toEqual([
			'overdue:Просроченные и истекающие',
			'readRegister:Реестр обращений',
			'register:Реестр обращений',
		]);
		expect(names(wf)).toEqual([
			'MAX: отправить напоминания',
			'Есть чат в MAX?',
			'Запуск вручную',
			'МЦУ: Напоминания',
			'МЦУ: Сроки',
			'Отправить напоминания',
			'По рабочим дням в 9:00',
			'Просроченные',
			'Реестр обращений',
			'Реестр: все обращения',
		]);
		// Contacts come from the tab «Справочник» of the credential's spreadsheet, none are listed in the node.
		const reminders = byType(wf, 'reminders')[0];
		expect(reminders.parameters).toEqual({
			contactsFrom: 'sheet',
			spreadsheetId: '',
			sheetName: 'Справочник',
			options: {},
		});
		expect(Object.keys(reminders.credentials)).toEqual(['mcuGoogleServiceAccountApi']);
	});

	it('reports: nightly at 2:00 from the register — answer errors, ratings, summary, ССТУ', () => {
		const wf = reportsWorkflow() as Json;
		expect(
			wf.nodes.find((n: Json) => n.type === 'n8n-nodes-base.scheduleTrigger').parameters.rule
				.interval,
		).toEqual([{ field: 'cronExpression', expression: '0 2 * * *' }]);
		expect(reports(wf)).toEqual([
			'answerErrors:Ошибки в ответах',
			'readRegister:Реестр обращений',
			'table:Рейтинг подразделений',
			'table:Рейтинг поселений',
			'table:ССТУ (прошлый месяц)',
			'table:Сводка',
		]);
		expect(targets(wf, 'МЦУ: Сроки')).toEqual([
			'Ошибки в ответах',
			'Рейтинг подразделений',
			'Рейтинг поселений',
			'Сводка',
			'Таблица ССТУ',
		]);
	});

	it('the nodes that stayed in the intake keep their ids', () => {
		const ids = Object.fromEntries(
			(intakeWorkflow() as Json).nodes.map((n: Json) => [n.name, n.id.slice(-3)]),
		);
		expect([
			ids['ПОС'],
			ids['МЦУ: Маршрутизация'],
			ids['МЦУ: Сроки'],
			ids['Реестр обращений'],
			ids['МЦУ: Контроль ответов'],
			ids['MAX: спросить'],
		]).toEqual(['105', '115', '118', '119', '125', '145']);
	});
});

/** Issue 17: the district's people, chats and spreadsheet are set once (credential, «Справочник»), not in the workflows. */
describe('no district settings inside the shipped workflows', () => {
	const all = (file: string) => [shippedWorkflows()[file] as Json, shipped(file)];

	it.each(['intake.json', 'reminders.json', 'reports.json'])(
		"%s: every node uses the credential's spreadsheet",
		(file) => {
			for (const wf of all(file)) {
				const withId = wf.nodes.filter((n: Json) => 'spreadsheetId' in n.parameters);
				expect(withId.length).toBeGreaterThan(0);
				for (const n of withId)
					expect([n.name, n.parameters.spreadsheetId, Object.keys(n.credentials ?? {})]).toEqual([
						n.name,
						'',
						['mcuGoogleServiceAccountApi'],
					]);
			}
		},
	);

	it("routing rules name departments only; each has its «Ответственный» and «Руководитель» in the sandbox's «Справочник»", () => {
		for (const wf of all('intake.json')) {
			const rules = byType(wf, 'routing')[0].parameters.rules.rule;
			expect(rules).toHaveLength(9);
			for (const r of rules)
				expect([r.name, r.responsible, r.telegramChatId, r.maxChatId, r.email]).toEqual([
					r.name,
					'',
					'',
					'',
					'',
				]);
			const { heads, responsibleByDepartment } = contactsFromDirectory(
				readDirectory(directorySeedTab().values).contacts,
			);
			const departments = rules.map((r: Json) => r.department).sort();
			expect(Object.keys(responsibleByDepartment!).sort()).toEqual(departments);
			expect(Object.keys(heads).sort()).toEqual(departments);
		}
	});
});

describe('departmentList', () => {
	it('one per line or «;» when names have commas, commas otherwise', () => {
		expect(departmentList('Отдел ЖКХ, Отдел благоустройства')).toEqual([
			'Отдел ЖКХ',
			'Отдел благоустройства',
		]);
		expect(departmentList('Отдел культуры, спорта\n Отдел ЖКХ \n\n')).toEqual([
			'Отдел культуры, спорта',
			'Отдел ЖКХ',
		]);
		expect(departmentList('Отдел экономики, торговли; Отдел ЖКХ')).toEqual([
			'Отдел экономики, торговли',
			'Отдел ЖКХ',
		]);
		expect(departmentList(undefined)).toEqual([]);
	});
});
