import { NodeApiError, type INode } from 'n8n-workflow';
import { apiRequest, isAuthExpired, type HttpContext } from '../../../nodes/shared/http';

const node: INode = {
	id: '1',
	name: 'МЦУ: ПОС',
	type: 'n8n-nodes-mcu.pos',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

function fakeContext(
	responses: Array<{ statusCode: number; body: string; headers?: Record<string, string> } | Error>,
) {
	const calls: unknown[] = [];
	const ctx: HttpContext = {
		getNode: () => node,
		helpers: {
			httpRequest: async (options) => {
				calls.push(options);
				const next = responses.shift();
				if (!next) throw new Error('no more responses');
				if (next instanceof Error) throw next;
				return { headers: {}, ...next };
			},
		},
	};
	return { ctx, calls };
}

describe('apiRequest', () => {
	const waits: number[] = [];
	const behaviour = {
		service: 'ПОС',
		wait: async (ms: number) => void waits.push(ms),
		retry: { retries: 4, baseDelayMs: 100, maxDelayMs: 5000 },
	};
	beforeEach(() => (waits.length = 0));

	it('retries 429 (honouring Retry-After), 503, broken JSON and a reset socket, then returns the body', async () => {
		const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
		const { ctx, calls } = fakeContext([
			{ statusCode: 429, body: '{"error":"slow down"}', headers: { 'retry-after': '2' } },
			{ statusCode: 503, body: '{"message":"maintenance"}' },
			{ statusCode: 200, body: '{"content":[1,2' },
			reset,
			{ statusCode: 200, body: '{"content":[1,2,3]}' },
		]);
		const res = await apiRequest<{ content: number[] }>(
			ctx,
			{ method: 'GET', url: 'http://x/appeals' },
			behaviour,
		);
		expect(res.body.content).toEqual([1, 2, 3]);
		expect(calls).toHaveLength(5);
		expect(waits[0]).toBe(2000);
		expect(waits).toHaveLength(4);
	});

	it('gives up after the retries with the service message', async () => {
		const { ctx } = fakeContext(
			Array.from({ length: 5 }, () => ({ statusCode: 502, body: '{"message":"bad gateway"}' })),
		);
		await expect(apiRequest(ctx, { method: 'GET', url: 'http://x' }, behaviour)).rejects.toThrow(
			/ПОС: bad gateway \(HTTP 502\)/,
		);
	});

	it('does not retry a 400 and reports it as NodeApiError', async () => {
		const { ctx, calls } = fakeContext([
			{ statusCode: 400, body: '{"code":"BAD_SIZE","message":"size must be <= 100"}' },
		]);
		const error = await apiRequest(ctx, { method: 'GET', url: 'http://x' }, behaviour).catch(
			(e) => e,
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('ПОС: size must be <= 100 (HTTP 400)');
		expect(calls).toHaveLength(1);
	});

	it('marks 401 as an expired token for the transport to renew', async () => {
		const { ctx } = fakeContext([{ statusCode: 401, body: '{"error":"invalid_token"}' }]);
		const error = await apiRequest(ctx, { method: 'GET', url: 'http://x' }, behaviour).catch(
			(e) => e,
		);
		expect(isAuthExpired(error)).toBe(true);
	});

	it('API errors inside HTTP 200 (VK style) are retried when the API says so', async () => {
		const { ctx } = fakeContext([
			{
				statusCode: 200,
				body: '{"error":{"error_code":6,"error_msg":"Too many requests per second"}}',
			},
			{ statusCode: 200, body: '{"response":{"count":0,"items":[]}}' },
		]);
		const res = await apiRequest<{ response: { count: number } }>(
			ctx,
			{ method: 'GET', url: 'http://x' },
			{
				...behaviour,
				bodyError: (body) => {
					const e = (body as { error?: { error_code: number; error_msg: string } }).error;
					return e
						? { message: e.error_msg, code: e.error_code, retryable: e.error_code === 6 }
						: undefined;
				},
			},
		);
		expect(res.body.response.count).toBe(0);
	});

	it('never puts a token from the URL into the error message', async () => {
		const { ctx } = fakeContext([
			new Error('getaddrinfo ENOTFOUND api.vk.com?access_token=SECRET123'),
		]);
		const error = await apiRequest(ctx, { method: 'GET', url: 'http://x' }, behaviour).catch(
			(e) => e,
		);
		expect(error.message).not.toContain('SECRET123');
	});

	it('sends objects as JSON and URLSearchParams as a form', async () => {
		const { ctx, calls } = fakeContext([
			{ statusCode: 200, body: '{}' },
			{ statusCode: 200, body: '' },
		]);
		await apiRequest(ctx, { method: 'POST', url: 'http://x', body: { a: 1 } }, behaviour);
		await apiRequest(
			ctx,
			{ method: 'POST', url: 'http://x', body: new URLSearchParams({ b: '2' }) },
			behaviour,
		);
		expect(calls[0]).toMatchObject({
			body: '{"a":1}',
			headers: { 'Content-Type': 'application/json' },
		});
		expect(calls[1]).toMatchObject({
			body: 'b=2',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		});
	});
});
