/**
 * `npm run demo`: the main job on the embedded sandbox. Starts the emulators with the seeded Дедовичский район and a
 * real n8n with this package, the workflows and the sandbox credentials loaded and an owner account; runs the intake,
 * then the reminders and the reports workflows (they read the register the intake wrote); prints what happened, what
 * each workflow did, and where to look. Ctrl-C stops everything. `--once` exits after the summary.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openSheets } from '../nodes/ReportSheets/transport';
import { startSandbox, SANDBOX_CREDENTIALS } from '../sandbox';
import { DISTRICT_DIRECTORY } from '../sandbox/seed/directory';
import { HISTORY_SHEET, generateHistory, historyGrid, pasteTab } from '../sandbox/seed/history';
import { DIRECTORY_SHEET } from '../lib/reports';
import { plural } from '../lib/deadlines/status';
import { shippedWorkflows, SPREADSHEET_ID } from './workflows';
import { installPackedPackage } from '../test/helpers/e2e-global-setup';
import { N8nInstance } from '../test/helpers/n8n';
import { fetchContext } from '../test/helpers/httpContext';
import { ROOT } from '../test/helpers/paths';
import { sandboxCredentials } from '../test/helpers/sandboxCredentials';
import { testPrivateKey } from '../test/helpers/serviceAccount';

/** «553 обращения», «21 контакт»: the count with its noun agreed, as Russian needs. */
const appeals = (n: number) => `${n} ${plural(n, 'обращение', 'обращения', 'обращений')}`;
const contacts = (n: number) => `${n} ${plural(n, 'контакт', 'контакта', 'контактов')}`;

const DEMO_DIR = path.join(ROOT, '.demo');
const OWNER = {
	email: 'coordinator@dedovichi.example',
	firstName: 'Координатор',
	lastName: 'МЦУ',
	password: 'Mcu-Demo-2026',
};
const N8N_PORT = Number(process.env.MCU_DEMO_PORT ?? 5678);

const count = <T>(items: T[], key: (t: T) => string) => {
	const m = new Map<string, number>();
	for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
	return [...m.entries()].sort((a, b) => b[1] - a[1]);
};

async function main(): Promise<void> {
	const once = process.argv.includes('--once');
	console.log('1/5 Сборка пакета и установка в папку узлов n8n…');
	fs.rmSync(path.join(DEMO_DIR, 'home'), { recursive: true, force: true });
	installPackedPackage(DEMO_DIR, path.join(DEMO_DIR, 'nodes'));

	console.log('2/5 Песочница: ПОС, ИМ, ВКонтакте, Одноклассники, Telegram, MAX, Google Таблицы…');
	const sandbox = await startSandbox({ ports: 'default' });
	const n8n = new N8nInstance(
		'demo',
		{ WEBHOOK_URL: `http://127.0.0.1:${N8N_PORT}/` },
		{ home: path.join(DEMO_DIR, 'home'), nodesDir: path.join(DEMO_DIR, 'nodes') },
	);
	const stopAll = async () => {
		await n8n.stop();
		await sandbox.close();
	};
	process.on('SIGINT', () => void stopAll().then(() => process.exit(0)));
	process.on('SIGTERM', () => void stopAll().then(() => process.exit(0)));

	// The district's labelled history, as a coordinator pastes a ПОС/ИМ cabinet export into the tab «История».
	const history = generateHistory(sandbox.district.seed);
	const http = fetchContext('demo');
	const session = await openSheets(
		{
			email: SANDBOX_CREDENTIALS.sheets.email,
			privateKey: testPrivateKey(),
			tokenUri: `${sandbox.urls.sheets}/token`,
			sheetsUrl: `${sandbox.urls.sheets}/`,
		},
		http.helpers.httpRequest,
		http.getNode(),
	);
	await pasteTab(session, SPREADSHEET_ID, HISTORY_SHEET, historyGrid(history));
	console.log(
		`   лист «${HISTORY_SHEET}»: ${appeals(history.length)} из выгрузки ПОС/ИМ с категориями — на них учится модель тем`,
	);
	console.log(
		`   лист «${DIRECTORY_SHEET}»: ${contacts(DISTRICT_DIRECTORY.length)} района — кому уходят напоминания (ответственные и руководители подразделений, координатор, куратор), еженедельное сообщение и сообщения об ошибках`,
	);

	console.log('3/5 n8n: учётные данные песочницы и готовые процессы…');
	await n8n.importCredentials(sandboxCredentials(sandbox, testPrivateKey()));
	for (const wf of Object.values(shippedWorkflows())) {
		await n8n.importWorkflow(wf);
	}

	console.log(
		'4/5 Запуск процессов: «МЦУ: Приём обращений», затем «МЦУ: Напоминания о сроках» и «МЦУ: Отчёты»…',
	);
	const execute = async (id: string) => {
		const started = Date.now();
		const result = await n8n.execute(id);
		if (result.error)
			console.log(`   ${id}: процесс завершился с ошибкой: ${result.error.message}`);
		return { result, seconds: (Date.now() - started) / 1000 };
	};
	const intake = await execute('McuIntake');
	const run = intake.result;
	const reminders = await execute('McuReminders');
	const reportsRun = await execute('McuReports');
	const items = (r: typeof run, node: string, output = 0) => (r.error ? [] : r.items(node, output));

	console.log('5/5 Редактор n8n…');
	const url = await n8n.start(N8N_PORT);
	await fetch(`${url}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(OWNER),
	});

	const reports = path.join(DEMO_DIR, 'reports');
	fs.mkdirSync(reports, { recursive: true });
	const xlsx = path.join(reports, 'mcu-reports.xlsx');
	const html = path.join(reports, 'mcu-reports.html');
	fs.writeFileSync(
		xlsx,
		Buffer.from(
			await (await fetch(`${sandbox.urls.sheets}/export/${SPREADSHEET_ID}.xlsx`)).arrayBuffer(),
		),
	);
	fs.writeFileSync(
		html,
		await (await fetch(`${sandbox.urls.sheets}/export/${SPREADSHEET_ID}.html`)).text(),
	);

	const register = sandbox.sheets.values(SPREADSHEET_ID, 'Реестр обращений');
	const header = register[0] ?? [];
	const col = (name: string) => header.indexOf(name);
	const rows = register.slice(1);
	const rating = sandbox.sheets.values(SPREADSHEET_ID, 'Рейтинг подразделений');
	const errors = sandbox.sheets.values(SPREADSHEET_ID, 'Ошибки в ответах').slice(1);
	const structured = run.error
		? []
		: [...run.items('МЦУ: Структурирование', 0), ...run.items('МЦУ: Структурирование', 1)];
	const decidedBy = (by: string | null) =>
		structured.filter(
			(r) =>
				((r.classification as { decidedBy?: string | null } | undefined)?.decidedBy ?? null) === by,
		).length;
	const lines = [
		'',
		`Готово. Район: ${sandbox.district.name}; в песочнице ${appeals(sandbox.district.appeals.length)}.`,
		`В реестре ${appeals(rows.length)} по каналам: ${count(rows, (r) => String(r[col('Источник')]))
			.map(([k, n]) => `${k} ${n}`)
			.join(', ')}.`,
		`Тему определили: исправление координатора — ${decidedBy('correction')}, категория ПОС/ИМ — ${decidedBy('category')}, модель — ${decidedBy('model')}, словарь — ${decidedBy('dictionary')}; на ручную разметку — ${run.error ? '—' : run.items('МЦУ: Структурирование', 1).length} (из ${structured.length}).`,
		`Категория расходится с текстом (признак category_text_mismatch): ${structured.filter((r) => (r.flags as string[] | undefined)?.includes('category_text_mismatch')).length}.`,
		`Распределено по подразделениям: ${count(rows, (r) =>
			String(r[col('Подразделение')] || 'не распределено'),
		)
			.slice(0, 6)
			.map(([k, n]) => `${k} — ${n}`)
			.join('; ')}.`,
		`Контроль сроков: просрочено ${rows.filter((r) => r[col('Контроль срока')] === 'Просрочено').length}, срок истекает ${rows.filter((r) => r[col('Контроль срока')] === 'Срок истекает').length}.`,
		sandbox.telegram.sentMessages().length
			? `Напоминаний отправлено в Telegram: ${sandbox.telegram.sentMessages().length}.`
			: 'Напоминания: сейчас нерабочее время (они уходят по рабочим дням с 9:00 до 18:00 по Москве) — не отправлялись.',
		`Сообщений ПОС взято в работу: ${run.error ? '—' : items(run, 'ПОС: взять в работу').length}.`,
		`Ошибок в ответах найдено: ${errors.length}.`,
		`Рейтинг (лучшие): ${rating
			.slice(1, 4)
			.map((r) => `${r[0]}. ${r[1]} — ${r[rating[0].indexOf('Балл')]}`)
			.join('; ')}.`,
		'',
		'По процессам:',
		`  «Приём обращений» (${intake.seconds.toFixed(1)} с): из источников ${items(run, 'Все обращения').length} записей, в реестр новых строк ${items(run, 'Реестр обращений')[0]?.inserted ?? '—'}, изменено ячеек ${items(run, 'Реестр обращений')[0]?.cellsWritten ?? '—'}, ответов на доработку ${items(run, 'МЦУ: Контроль ответов', 1).length}.`,
		`  «Напоминания о сроках» (${reminders.seconds.toFixed(1)} с): из реестра ${appeals(items(reminders.result, 'Реестр: все обращения').length)}, обновлено ячеек ${items(reminders.result, 'Реестр обращений')[0]?.cellsWritten ?? '—'}, на листе «Просроченные и истекающие» ${Math.max(0, (sandbox.sheets.values(SPREADSHEET_ID, 'Просроченные и истекающие') ?? []).length - 1)}, сводок-напоминаний ${items(reminders.result, 'МЦУ: Напоминания').length}.`,
		`  «Отчёты» (${reportsRun.seconds.toFixed(1)} с): из реестра ${appeals(items(reportsRun.result, 'Реестр: все обращения').length)}; строк: ошибки в ответах ${errors.length}, рейтинг подразделений ${Math.max(0, rating.length - 1)}, сводка ${Math.max(0, sandbox.sheets.values(SPREADSHEET_ID, 'Сводка').length - 1)}, ССТУ ${Math.max(0, sandbox.sheets.values(SPREADSHEET_ID, 'ССТУ (прошлый месяц)').length - 1)}.`,
		'',
		`Редактор n8n: ${url}  (вход: ${OWNER.email} / ${OWNER.password})`,
		`Таблица отчётов: ${xlsx}`,
		`                 ${html}`,
		`Песочница: ПОС ${sandbox.urls.pos}, ИМ ${sandbox.urls.im}, VK ${sandbox.urls.vk}, OK ${sandbox.urls.ok}, Telegram ${sandbox.urls.telegram}, MAX ${sandbox.urls.max}, Sheets ${sandbox.urls.sheets} (логин ПОС ${SANDBOX_CREDENTIALS.pos.username})`,
		once ? '' : 'Ctrl-C — остановить n8n и песочницу.',
	];
	console.log(lines.join('\n'));
	if (once) {
		await stopAll();
		process.exit(run.error || reminders.result.error || reportsRun.result.error ? 1 : 0);
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
