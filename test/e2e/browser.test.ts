import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startSandbox, type Sandbox } from '../../sandbox';
import {
	CREDENTIALS,
	errorsWorkflow,
	intakeWorkflow,
	remindersWorkflow,
	reportsWorkflow,
	weeklyWorkflow,
} from '../../scripts/workflows';
import { N8nInstance } from '../helpers/n8n';
import { E2E_DIR, ROOT } from '../helpers/paths';
import { sandboxCredentials } from '../helpers/sandboxCredentials';
import { testPrivateKey } from '../helpers/serviceAccount';

/**
 * Seen as a person sees it: Debian's chromium logs into n8n with this package and the workflows, opens every workflow
 * and the panels of the routing and deadline nodes, and finds no unknown node, no issue badge. Screenshots are saved.
 */
const CHROMIUM = '/usr/bin/chromium';
const OWNER = {
	email: 'coordinator@dedovichi.example',
	firstName: 'Координатор',
	lastName: 'МЦУ',
	password: 'Mcu-Demo-2026',
};
const SHOTS = path.join(E2E_DIR, 'screenshots');

describe('the workflows in a real browser', () => {
	let sandbox: Sandbox;
	let browser: Browser;
	let page: Page;
	let url: string;
	const n8n = new N8nInstance('browser');
	// The shipped workflows use version 2 of «МЦУ: Отчёт в Google Таблицы» too; this one shows its panel alone.
	const sheetsCredential = { mcuGoogleServiceAccountApi: CREDENTIALS.mcuGoogleServiceAccountApi };
	const reportSheetsV2 = {
		id: 'McuReportSheetsV2',
		name: 'МЦУ: Отчёт в Google Таблицы, версия 2',
		active: false,
		nodes: [
			{
				id: 'c0000000-0000-4000-8000-000000000001',
				name: 'Запуск',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'c0000000-0000-4000-8000-000000000002',
				name: 'Реестр, версия 2',
				type: 'n8n-nodes-mcu.reportSheets',
				typeVersion: 2,
				position: [260, -100],
				parameters: { operation: 'register' },
				credentials: sheetsCredential,
			},
			{
				id: 'c0000000-0000-4000-8000-000000000003',
				name: 'Справочник, версия 2',
				type: 'n8n-nodes-mcu.reportSheets',
				typeVersion: 2,
				position: [260, 100],
				parameters: { operation: 'directory' },
				credentials: sheetsCredential,
			},
		],
		connections: {
			Запуск: {
				main: [
					[
						{ node: 'Реестр, версия 2', type: 'main', index: 0 },
						{ node: 'Справочник, версия 2', type: 'main', index: 0 },
					],
				],
			},
		},
		settings: { executionOrder: 'v1' },
		pinData: {},
		tags: [],
	};
	const workflows = [
		intakeWorkflow(),
		remindersWorkflow(),
		reportsWorkflow(),
		weeklyWorkflow(),
		errorsWorkflow(),
		JSON.parse(fs.readFileSync(path.join(ROOT, 'workflows/deadlines-demo.json'), 'utf8')),
		reportSheetsV2,
	];

	beforeAll(async () => {
		sandbox = await startSandbox({ ports: 'random' });
		await n8n.importCredentials(sandboxCredentials(sandbox, testPrivateKey()));
		for (const wf of workflows) await n8n.importWorkflow(wf);
		url = await n8n.start();
		const setup = await fetch(`${url}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify(OWNER),
		});
		expect(setup.status).toBe(200);
		fs.mkdirSync(SHOTS, { recursive: true });
		browser = await chromium.launch({
			executablePath: CHROMIUM,
			args: ['--no-sandbox', '--disable-dev-shm-usage'],
		});
		page = await browser.newPage({ viewport: { width: 1600, height: 900 }, locale: 'ru-RU' });
		await page.goto(`${url}/signin`);
		await page
			.locator('input[type="email"], input[name="emailOrLdapLoginId"], input[name="email"]')
			.first()
			.fill(OWNER.email);
		await page.locator('input[type="password"]').first().fill(OWNER.password);
		await page.keyboard.press('Enter');
		await page.waitForURL((u) => !u.pathname.includes('signin'), { timeout: 60000 });
	});
	afterAll(async () => {
		await browser?.close();
		await n8n.stop();
		await sandbox?.close();
		n8n.cleanup();
	});

	for (const wf of workflows) {
		it(`opens «${wf.name}» with every node known and no issues`, async () => {
			await page.goto(`${url}/workflow/${wf.id}`);
			const nodeNames = (wf.nodes as Array<{ name: string; type: string }>)
				.filter((n) => !n.type.endsWith('stickyNote'))
				.map((n) => n.name);
			// Every node drawn, and the editor's requests (node types, credentials, issues) answered.
			for (const name of nodeNames)
				await page.getByText(name, { exact: true }).first().waitFor({ timeout: 60000 });
			await page.waitForLoadState('networkidle');
			expect(await page.locator('[data-test-id="node-issues"]').count()).toBe(0);
			expect(await page.getByText(/не установлен|not installed|Install this node/i).count()).toBe(
				0,
			);
			await page.screenshot({ path: path.join(SHOTS, `${wf.id}.png`) });
		});
	}

	it('shows version 2 of «МЦУ: Отчёт в Google Таблицы» with Russian subtitles', async () => {
		await page.goto(`${url}/workflow/McuReportSheetsV2`);
		await page
			.getByText('Справочник, версия 2', { exact: true })
			.first()
			.waitFor({ timeout: 60000 });
		expect(await page.getByText('Реестр обращений', { exact: true }).count()).toBeGreaterThan(0);
		expect(await page.getByText('Прочитать справочник', { exact: true }).count()).toBeGreaterThan(
			0,
		);
		expect(await page.getByText(/^(register|directory)$/).count()).toBe(0);
	});

	for (const [workflow, node, label, file] of [
		['McuIntake', 'МЦУ: Маршрутизация', 'Правила', 'routing-panel'],
		['McuIntake', 'МЦУ: Сроки', 'Свои правила сроков', 'deadlines-panel'],
		[
			'McuReportSheetsV2',
			'Реестр, версия 2',
			'Подразделения для исправлений',
			'report-sheets-v2-panel',
		],
	] as const) {
		it(`opens the panel of «${node}» with its parameters`, async () => {
			await page.goto(`${url}/workflow/${workflow}`);
			await page.getByText(node, { exact: true }).first().waitFor({ timeout: 60000 });
			// Double-click the node itself (its label sits under the icon).
			const box = await page.getByText(node, { exact: true }).first().boundingBox();
			expect(box).not.toBeNull();
			await page.mouse.dblclick(box!.x + box!.width / 2, box!.y - 30);
			await page.getByText(label, { exact: true }).first().waitFor({ timeout: 30000 });
			await page.screenshot({ path: path.join(SHOTS, `${file}.png`) });
			const issues = page.getByText(/Issues:|Parameter .* is required|Параметр .* обязателен/i);
			expect(await issues.allInnerTexts()).toEqual([]);
			await page.keyboard.press('Escape');
		});
	}
});
