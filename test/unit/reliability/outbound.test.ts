import type { ICredentialTestFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';
import { serveEmulator, type RunningEmulator } from '../../../sandbox/core/server';
import { SheetsEmulator } from '../../../sandbox/sheets/emulator';
import { ReportSheets } from '../../../nodes/ReportSheets/ReportSheets.node';
import { openSheets, type ServiceAccount } from '../../../nodes/ReportSheets/transport';
import { fetchContext } from '../../helpers/httpContext';
import { testPrivateKey } from '../../helpers/serviceAccount';

const node: INode = { id: 'n', name: 'report', type: 'n8n-nodes-mcu.reportSheets', typeVersion: 1, position: [0, 0], parameters: {} };

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
		account = { email: 'outbound@sandbox.iam.gserviceaccount.com', privateKey: testPrivateKey(), tokenUri: `${server.url}/token`, sheetsUrl: `${server.url}/` };
	});
	afterAll(() => server.close());

	it('Sheets calls are made with the node\'s httpRequest helper, redirects off', async () => {
		const ctx = fetchContext();
		const session = await openSheets(account, (o) => ctx.helpers.httpRequest(o), node, { retries: 1, baseDelayMs: 1, maxDelayMs: 1 });
		const data = await session.call('spreadsheets.get', (api) => api.spreadsheets.get({ spreadsheetId: 'mcu-demo-spreadsheet' }));
		expect(data?.spreadsheetId).toBe('mcu-demo-spreadsheet');
		const sheetsCalls = ctx.requests.filter((r) => r.url.includes('/v4/spreadsheets/mcu-demo-spreadsheet'));
		expect(sheetsCalls).toHaveLength(1);
		expect(sheetsCalls[0].headers?.authorization ?? sheetsCalls[0].headers?.Authorization).toMatch(/^Bearer /);
		expect(ctx.requests.every((r) => r.disableFollowRedirect === true)).toBe(true);
	});

	it('the Google credential test uses n8n\'s request helper without following redirects', async () => {
		const { fns, calls } = legacyRequestContext();
		const test = new ReportSheets().methods.credentialTest.mcuSheetsCredentialTest;
		const result = await test.call(fns, {
			id: 'c',
			name: 'c',
			type: 'mcuGoogleServiceAccountApi',
			data: { email: account.email, privateKey: account.privateKey, grantUrl: account.tokenUri, sheetsUrl: account.sheetsUrl },
		});
		expect(result).toEqual({ status: 'OK', message: 'Токен получен' });
		expect(calls).toHaveLength(1);
		expect(calls[0]).toMatchObject({ uri: account.tokenUri, method: 'POST', followRedirect: false, followAllRedirects: false });
	});
});
