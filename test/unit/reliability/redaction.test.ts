import type { INode } from 'n8n-workflow';
import { apiRequest, redact, redactText, type HttpContext } from '../../../nodes/shared/http';

const node: INode = {
	id: '1',
	name: 'МЦУ: ВКонтакте',
	type: 'n8n-nodes-mcu.vk',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
const SECRET = 'vk1.a.SuperSecretTokenValue_0123456789';

describe('redact: secrets in error bodies never reach errors or logs', () => {
	it('hides secret keys at any depth', () => {
		let deep: Record<string, unknown> = { access_token: SECRET };
		for (let i = 0; i < 50; i++) deep = { level: i, inner: deep };
		const out = JSON.stringify(redact(deep));
		expect(out).not.toContain(SECRET);
		expect(out).toContain('"level":49');
	});

	it('survives very deep nesting and cycles', () => {
		let deep: unknown = { password: SECRET };
		for (let i = 0; i < 100000; i++) deep = [deep];
		let bottom = redact(deep);
		for (let i = 0; i < 100000; i++) bottom = (bottom as unknown[])[0];
		expect(bottom).toEqual({ password: '***' });
		const cyclic: Record<string, unknown> = { name: 'a', cookie: SECRET };
		cyclic.self = cyclic;
		cyclic.list = [cyclic, { signature: SECRET }];
		const copy = redact(cyclic) as Record<string, unknown>;
		expect(JSON.stringify(copy)).not.toContain(SECRET);
		expect(copy.name).toBe('a');
	});

	it.each([
		'private_key',
		'privateKey',
		'cookie',
		'set-cookie',
		'Set-Cookie',
		'signature',
		'sig',
		'assertion',
		'password',
		'client_secret',
		'refresh_token',
		'access_token',
		'Authorization',
		'api_key',
		'session_key',
	])('hides the key %s', (key) => {
		const out = redact({ error: { headers: { [key]: SECRET, other: 'visible' } } }) as {
			error: { headers: Record<string, unknown> };
		};
		expect(out.error.headers[key]).toBe('***');
		expect(out.error.headers.other).toBe('visible');
	});

	it('drops VK request_params entries that carry secrets and keeps the rest', () => {
		const body = {
			error: {
				error_code: 5,
				error_msg: 'User authorization failed: invalid access_token (4).',
				request_params: [
					{ key: 'method', value: 'wall.get' },
					{ key: 'access_token', value: SECRET },
					{ key: 'sig', value: SECRET },
				],
			},
		};
		const out = redact(body) as typeof body;
		expect(out.error.request_params).toEqual([{ key: 'method', value: 'wall.get' }]);
		expect(out.error.error_msg).toBe('User authorization failed: invalid access_token (4).');
	});

	it.each([
		[
			`https://api.vk.com/method/wall.get?owner_id=-1&access_token=${SECRET}&v=5.199`,
			'owner_id=-1',
		],
		[`grant_type=password&username=mcu&password=${SECRET}&scope=appeals`, 'username=mcu'],
		[`client_secret=${SECRET}; refresh_token=${SECRET}`, 'client_secret=***'],
		[`sent with Authorization: Bearer ${SECRET} to the gateway`, 'to the gateway'],
		[`{"token":"${SECRET}","id":7}`, '"id":7'],
		[`token=${SECRET}`, 'token=***'],
		[`https://api.telegram.org/bot123456789:AAH${SECRET}/getMe`, '/getMe'],
		[`assertion=${SECRET}&grant_type=jwt`, 'grant_type=jwt'],
	])('hides secrets inside string values: %s', (text, kept) => {
		const out = redact({ message: text, nested: [{ detail: text }] });
		expect(JSON.stringify(out)).not.toContain(SECRET);
		expect(redactText(text)).toContain(kept);
	});

	it('hides a PEM private key inside a string', () => {
		const pem = `key: -----BEGIN PRIVATE KEY-----\nMIIEv${SECRET}QIBADAN\n-----END PRIVATE KEY-----\n`;
		expect(redactText(pem)).not.toContain(SECRET);
	});

	it('is linear on a huge string without separators (no catastrophic backtracking)', () => {
		const huge = `${'a'.repeat(100000)}=${SECRET}`;
		expect(redactText(huge)).toBe(huge);
		const tokens = `${'token='.repeat(20000)}${SECRET}`;
		expect(redactText(tokens)).not.toContain(SECRET);
	});
});

describe('apiRequest does not follow redirects with credentials', () => {
	it('asks n8n not to follow redirects and refuses a 3xx naming only the target origin', async () => {
		const calls: Array<Record<string, unknown>> = [];
		const ctx: HttpContext = {
			getNode: () => node,
			helpers: {
				httpRequest: async (options) => {
					calls.push(options as unknown as Record<string, unknown>);
					return {
						statusCode: 307,
						headers: { location: `https://evil.example/collect?access_token=${SECRET}` },
						body: '',
					};
				},
			},
		};
		const error = await apiRequest(
			ctx,
			{
				method: 'POST',
				url: 'https://api.vk.com/method/wall.get',
				body: new URLSearchParams({ access_token: SECRET }),
			},
			{ service: 'ВКонтакте' },
		).catch((e: Error) => e);
		expect(calls).toHaveLength(1);
		expect(calls[0].disableFollowRedirect).toBe(true);
		expect(calls[0].sendCredentialsOnCrossOriginRedirect).toBe(false);
		expect((error as Error).message).toMatch(/ВКонтакте: .*перенаправ.*https:\/\/evil\.example/);
		expect(JSON.stringify(error)).not.toContain(SECRET);
		expect((error as Error).message).not.toContain(SECRET);
	});

	it('strips secrets from a network error message', async () => {
		const ctx: HttpContext = {
			getNode: () => node,
			helpers: {
				httpRequest: async () => {
					throw new Error(`connect ECONNREFUSED for https://x/?password=${SECRET}&token=${SECRET}`);
				},
			},
		};
		const error = await apiRequest(
			ctx,
			{ method: 'GET', url: 'https://x/' },
			{ service: 'ПОС' },
		).catch((e: Error) => e);
		expect((error as Error).message).not.toContain(SECRET);
	});
});
