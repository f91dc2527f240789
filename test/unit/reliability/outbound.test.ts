import type { ICredentialTestFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { serveEmulator, type RunningEmulator } from '../../../sandbox/core/server';
import { SheetsEmulator } from '../../../sandbox/sheets/emulator';
import { ReportSheets } from '../../../nodes/ReportSheets/ReportSheets.node';
import { openSheets, type ServiceAccount } from '../../../nodes/ReportSheets/transport';
import { OkEmulator } from '../../../sandbox/ok/emulator';
import { VkEmulator } from '../../../sandbox/vk/emulator';
import { generateDistrict } from '../../../sandbox/seed/district';
import { okCredentialTest } from '../../../nodes/Ok/transport';
import { imCredentials, imRequest } from '../../../nodes/Im/transport';
import { posCredentials, posRequest } from '../../../nodes/Pos/transport';
import { McuGoogleServiceAccountApi } from '../../../credentials/McuGoogleServiceAccountApi.credentials';
import { McuImApi } from '../../../credentials/McuImApi.credentials';
import { McuMaxApi } from '../../../credentials/McuMaxApi.credentials';
import { McuOkApi } from '../../../credentials/McuOkApi.credentials';
import { McuPosApi } from '../../../credentials/McuPosApi.credentials';
import { McuTelegramApi } from '../../../credentials/McuTelegramApi.credentials';
import { McuVkApi } from '../../../credentials/McuVkApi.credentials';
import { fetchContext } from '../../helpers/httpContext';
import { testPrivateKey } from '../../helpers/serviceAccount';
import { reportSheetsNode } from '../../helpers/testNodes';

const node = reportSheetsNode;

/** What n8n's legacy `request` helper (the only one credential tests get) receives, answered by real HTTP. */
function legacyRequestContext() {
	const calls: Array<Record<string, unknown>> = [];
	const ctx = fetchContext();
	const fns = {
		helpers: {
			request: async (options: Record<string, unknown>) => {
				calls.push(options);
				const res = (await ctx.helpers.httpRequest({
					method: options.method as IHttpRequestOptions['method'],
					url: String(options.uri),
					qs: options.qs as IHttpRequestOptions['qs'],
					headers: options.headers as IHttpRequestOptions['headers'],
					body: options.body as string,
					returnFullResponse: true,
				})) as { statusCode: number; headers: Record<string, string>; body: string };
				return res;
			},
		},
	} as unknown as ICredentialTestFunctions;
	return { fns, calls };
}

describe('outbound HTTP goes through n8n and never follows redirects with credentials', () => {
	let server: RunningEmulator;
	let account: ServiceAccount;
	beforeAll(async () => {
		server = await serveEmulator(new SheetsEmulator());
		account = {
			email: 'outbound@sandbox.iam.gserviceaccount.com',
			privateKey: testPrivateKey(),
			tokenUri: `${server.url}/token`,
			sheetsUrl: `${server.url}/`,
		};
	});
	afterAll(() => server.close());

	it("Sheets calls are made with the node's httpRequest helper, redirects off", async () => {
		const ctx = fetchContext();
		const session = await openSheets(account, (o) => ctx.helpers.httpRequest(o), node, {
			retries: 1,
			baseDelayMs: 1,
			maxDelayMs: 1,
		});
		const data = await session.call('spreadsheets.get', (api) =>
			api.spreadsheets.get({ spreadsheetId: 'mcu-demo-spreadsheet' }),
		);
		expect(data?.spreadsheetId).toBe('mcu-demo-spreadsheet');
		const sheetsCalls = ctx.requests.filter((r) =>
			r.url.includes('/v4/spreadsheets/mcu-demo-spreadsheet'),
		);
		expect(sheetsCalls).toHaveLength(1);
		expect(sheetsCalls[0].headers?.authorization ?? sheetsCalls[0].headers?.Authorization).toMatch(
			/^Bearer /,
		);
		expect(ctx.requests.every((r) => r.disableFollowRedirect === true)).toBe(true);
	});

	it("the Google credential test uses n8n's request helper without following redirects", async () => {
		const { fns, calls } = legacyRequestContext();
		const test = new ReportSheets().getNodeType(2).methods!.credentialTest!.mcuSheetsCredentialTest;
		const result = await test.call(fns, {
			id: 'c',
			name: 'c',
			type: 'mcuGoogleServiceAccountApi',
			data: {
				email: account.email,
				privateKey: account.privateKey,
				grantUrl: account.tokenUri,
				sheetsUrl: account.sheetsUrl,
			},
		});
		expect(result).toEqual({ status: 'OK', message: 'Токен получен' });
		expect(calls).toHaveLength(1);
		expect(calls[0]).toMatchObject({
			uri: account.tokenUri,
			method: 'POST',
			followRedirect: false,
			followAllRedirects: false,
		});
	});
});

describe('credentials', () => {
	const district = generateDistrict();
	const all = [
		new McuPosApi(),
		new McuImApi(),
		new McuVkApi(),
		new McuOkApi(),
		new McuTelegramApi(),
		new McuGoogleServiceAccountApi(),
		new McuMaxApi(),
	];

	it('no address defaults to plain HTTP or a local sandbox: production https hosts or nothing', () => {
		const addresses = all.flatMap((c) =>
			c.properties
				.filter((p) => /url/i.test(p.name))
				.map((p) => [c.name, p.name, String(p.default)]),
		);
		expect(addresses.length).toBeGreaterThanOrEqual(8);
		for (const [credential, field, value] of addresses) {
			expect({
				credential,
				field,
				ok: value === '' || (value.startsWith('https://') && !/127\.0\.0\.1|localhost/.test(value)),
			}).toEqual({ credential, field, ok: true });
		}
	});

	it('ПОС and ИМ without a service address refuse to send anything', async () => {
		const ctx = fetchContext();
		await expect(
			posRequest(ctx, posCredentials({ username: 'u', password: 'p' }), {
				method: 'GET',
				path: '/x',
			}),
		).rejects.toThrow(/не указан «Адрес/);
		await expect(
			imRequest(ctx, imCredentials({ token: 't' }), { method: 'GET', path: '/x' }),
		).rejects.toThrow(/не указан «Адрес/);
		expect(ctx.requests).toEqual([]);
	});

	it('declarative credential tests never follow redirects with the secret', () => {
		const declarative = all
			.map((c) => (c as { test?: { request: Record<string, unknown> } }).test)
			.filter((t) => t !== undefined);
		expect(declarative).toHaveLength(5);
		for (const t of declarative)
			expect(t!.request).toMatchObject({
				disableFollowRedirect: true,
				sendCredentialsOnCrossOriginRedirect: false,
			});
	});

	it('the VK credential test sends the token in the POST form, and the VK emulator accepts it', async () => {
		const request = new McuVkApi().test.request as {
			method: string;
			url: string;
			qs?: Record<string, unknown>;
			body: Record<string, string>;
			headers: Record<string, string>;
		};
		expect(JSON.stringify(request.qs ?? {})).not.toContain('accessToken');
		expect(request.method).toBe('POST');
		const server = await serveEmulator(new VkEmulator(district));
		try {
			const form = new URLSearchParams({ access_token: 'vk-group-token', v: '5.199' });
			expect(Object.keys(request.body)).toEqual(['access_token', 'v']);
			const res = await fetch(`${server.url}${request.url}`, {
				method: request.method,
				headers: request.headers,
				body: form,
			});
			const body = (await res.json()) as { response?: unknown; error?: unknown };
			expect(body.error).toBeUndefined();
			expect(body.response).toBeDefined();
			const wrong = await fetch(`${server.url}${request.url}`, {
				method: 'POST',
				headers: request.headers,
				body: new URLSearchParams({ access_token: 'nope', v: '5.199' }),
			});
			expect(((await wrong.json()) as { error: { error_msg: string } }).error.error_msg).toBe(
				new McuVkApi().test.rules![0].properties.value,
			);
		} finally {
			await server.close();
		}
	});

	it("the OK credential test goes through n8n's request helper and checks the signature", async () => {
		const server = await serveEmulator(new OkEmulator(district));
		try {
			const data = (secret: string) => ({
				applicationKey: 'CBASANDBOX',
				applicationSecretKey: secret,
				accessToken: 'ok-sandbox-access-token',
				groupId: district.okGroupId,
				apiUrl: server.url,
			});
			const { fns, calls } = legacyRequestContext();
			expect(
				await okCredentialTest.call(fns, {
					id: 'c',
					name: 'c',
					type: 'mcuOkApi',
					data: data('ok-sandbox-secret'),
				}),
			).toEqual({ status: 'OK', message: 'Подпись и ключ доступа приняты' });
			expect(calls).toHaveLength(1);
			expect(calls[0]).toMatchObject({
				uri: `${server.url}/fb.do`,
				method: 'POST',
				followRedirect: false,
			});
			const wrong = await okCredentialTest.call(fns, {
				id: 'c',
				name: 'c',
				type: 'mcuOkApi',
				data: data('wrong-secret'),
			});
			expect(wrong.status).toBe('Error');
			expect(wrong.message).not.toContain('wrong-secret');
		} finally {
			await server.close();
		}
	});
});
