import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startSandbox, type Sandbox } from '../../sandbox';
import { errorsWorkflow, intakeWorkflow, remindersWorkflow, reportsWorkflow, weeklyWorkflow } from '../../scripts/workflows';
import { N8nInstance } from '../helpers/n8n';
import { E2E_DIR, ROOT } from '../helpers/paths';
import { sandboxCredentials } from '../helpers/sandboxCredentials';
import { testPrivateKey } from '../helpers/serviceAccount';

/**
 * Seen as a person sees it: Debian's chromium logs into n8n with this package and the workflows, opens every workflow
 * and the panels of the routing and deadline nodes, and finds no unknown node, no issue badge. Screenshots are saved.
 */
const CHROMIUM = '/usr/bin/chromium';
const OWNER = { email: 'coordinator@dedovichi.example', firstName: 'Координатор', lastName: 'МЦУ', password: 'Mcu-Demo-2026' };
const SHOTS = path.join(E2E_DIR, 'screenshots');

describe('the workflows in a real browser', () => {
	let sandbox: Sandbox;
	let browser: Browser;
	let page: Page;
	let url: string;
	const n8n = new N8nInstance('browser');
	const workflows = [intakeWorkflow(), remindersWorkflow(), reportsWorkflow(), weeklyWorkflow(), errorsWorkflow(), JSON.parse(fs.readFileSync(path.join(ROOT, 'workflows/deadlines-demo.json'), 'utf8'))];

	beforeAll(async () => {
		sandbox = await startSandbox({ ports: 'random' });
		await n8n.importCredentials(sandboxCredentials(sandbox, testPrivateKey()));
		for (const wf of workflows) await n8n.importWorkflow(wf);
		url = await n8n.start();
		const setup = await fetch(`${url}/rest/owner/setup`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(OWNER) });
		expect(setup.status).toBe(200);
		fs.mkdirSync(SHOTS, { recursive: true });
		browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
		page = await browser.newPage({ viewport: { width: 1600, height: 900 }, locale: 'ru-RU' });
		await page.goto(`${url}/signin`);
		await page.locator('input[type="email"], input[name="emailOrLdapLoginId"], input[name="email"]').first().fill(OWNER.email);
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
			const nodeNames = (wf.nodes as Array<{ name: string; type: string }>).filter((n) => !n.type.endsWith('stickyNote')).map((n) => n.name);
			await page.getByText(nodeNames[0], { exact: true }).first().waitFor({ timeout: 60000 });
			await page.waitForTimeout(1500);
			for (const name of nodeNames) expect(await page.getByText(name, { exact: true }).count()).toBeGreaterThan(0);
			expect(await page.locator('[data-test-id="node-issues"]').count()).toBe(0);
			expect(await page.getByText(/не установлен|not installed|Install this node/i).count()).toBe(0);
			await page.screenshot({ path: path.join(SHOTS, `${wf.id}.png`) });
		});
	}

	for (const [node, label, file] of [
		['МЦУ: Маршрутизация', 'Правила', 'routing-panel'],
		['МЦУ: Сроки', 'Свои правила сроков', 'deadlines-panel'],
	] as const) {
		it(`opens the panel of «${node}» with its parameters`, async () => {
			await page.goto(`${url}/workflow/McuIntake`);
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
