import { generateKeyPairSync } from 'node:crypto';
import type { IHttpRequestOptions } from 'n8n-workflow';
import { serveEmulator, type RunningEmulator } from '../../../sandbox/core/server';
import { PosEmulator } from '../../../sandbox/pos/emulator';
import { SheetsEmulator } from '../../../sandbox/sheets/emulator';
import { posCredentials, posRequest } from '../../../nodes/Pos/transport';
import { accessToken, type ServiceAccount } from '../../../nodes/ReportSheets/transport';
import { fetchContext } from '../../helpers/httpContext';
import { testPrivateKey } from '../../helpers/serviceAccount';
import { reportSheetsNode } from '../../helpers/testNodes';

const node = reportSheetsNode;
const district = {
	seed: 1,
	now: '2026-11-20T12:00:00+03:00',
	name: 'Дедовичский район',
	vkGroupId: 1,
	okGroupId: '1',
	telegramChannel: 'x',
	settlements: [
		{
			id: 'dedovichi',
			name: 'Дедовичи',
			kind: 'городское поселение',
			streets: ['Советская'],
			villages: [],
		},
	],
	departments: [],
	people: [],
	appeals: [],
};

describe('token caches are keyed on every secret input', () => {
	it("ПОС: a credential with the same gateway and login but a wrong password never gets the first one's token", async () => {
		const server: RunningEmulator = await serveEmulator(new PosEmulator(district as never));
		try {
			const ctx = fetchContext();
			const path = '/appeal-service/external-appeal-system/appeals';
			const right = posCredentials({
				baseUrl: server.url,
				username: 'mcu-dedovichi',
				password: 'pos-sandbox-password',
				scope: 'appeals',
			});
			const wrong = posCredentials({
				baseUrl: server.url,
				username: 'mcu-dedovichi',
				password: 'not-the-password',
				scope: 'appeals',
			});
			await posRequest(ctx, right, { method: 'GET', path, qs: { page: 0, size: 1 } });
			const logins = () => ctx.requests.filter((r) => r.url.endsWith('/auth/oauth/token')).length;
			expect(logins()).toBe(1);
			const before = ctx.requests.length;
			await expect(
				posRequest(ctx, wrong, { method: 'GET', path, qs: { page: 0, size: 1 } }),
			).rejects.toThrow(/ПОС/);
			const duringWrong = ctx.requests.slice(before);
			// Only logins with the wrong password: no appeals request carried the first credential's token.
			expect(duringWrong.length).toBeGreaterThan(0);
			expect(duringWrong.filter((r) => !r.url.endsWith('/auth/oauth/token'))).toEqual([]);
			// The right credential still uses its cached token.
			const logins2 = logins();
			await posRequest(ctx, right, { method: 'GET', path, qs: { page: 0, size: 1 } });
			expect(logins()).toBe(logins2);
		} finally {
			await server.close();
		}
	});

	it('Google: the same service-account e-mail with another or an unreadable key never gets the cached token', async () => {
		const server: RunningEmulator = await serveEmulator(new SheetsEmulator());
		try {
			const ctx = fetchContext();
			const tokenRequests: IHttpRequestOptions[] = [];
			const httpRequest = (options: IHttpRequestOptions) => {
				tokenRequests.push(options);
				return ctx.helpers.httpRequest(options);
			};
			const email = `cache-${Date.now()}@sandbox.iam.gserviceaccount.com`;
			const base = { email, tokenUri: `${server.url}/token`, sheetsUrl: `${server.url}/` };
			const first: ServiceAccount = { ...base, privateKey: testPrivateKey() };
			const other: ServiceAccount = {
				...base,
				privateKey: generateKeyPairSync('rsa', { modulusLength: 2048 })
					.privateKey.export({ type: 'pkcs8', format: 'pem' })
					.toString(),
			};
			const broken: ServiceAccount = { ...base, privateKey: 'not a key' };
			const token = await accessToken(first, httpRequest, node);
			expect(await accessToken(first, httpRequest, node)).toBe(token);
			expect(tokenRequests).toHaveLength(1);
			await expect(accessToken(broken, httpRequest, node)).rejects.toThrow(/закрытый ключ/);
			await accessToken(other, httpRequest, node);
			expect(tokenRequests).toHaveLength(2);
		} finally {
			await server.close();
		}
	});
});
