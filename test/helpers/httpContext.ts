import type { IHttpRequestOptions } from 'n8n-workflow';
import type { HttpContext } from '../../nodes/shared/http';
import { testNode } from './testNodes';

/**
 * A stand-in for n8n's `this.helpers.httpRequest` in unit tests of transports, doing real HTTP with fetch and
 * answering in the same shape n8n does for `returnFullResponse: true, ignoreHttpStatusErrors: true, encoding: 'text'`.
 * (The e2e suite runs the same transports inside real n8n.)
 */
export function fetchContext(
	name = 'test node',
): HttpContext & { requests: IHttpRequestOptions[] } {
	const node = testNode(name);
	const requests: IHttpRequestOptions[] = [];
	return {
		requests,
		getNode: () => node,
		helpers: {
			httpRequest: async (options: IHttpRequestOptions) => {
				requests.push(options);
				const url = new URL(options.url);
				for (const [k, v] of Object.entries((options.qs ?? {}) as Record<string, string>))
					url.searchParams.set(k, String(v));
				const res = await fetch(url, {
					method: options.method ?? 'GET',
					headers: options.headers as Record<string, string>,
					body: options.body === undefined ? undefined : String(options.body),
					signal: AbortSignal.timeout(options.timeout ?? 30000),
				});
				const text = await res.text();
				const headers: Record<string, string> = {};
				res.headers.forEach((v, k) => (headers[k] = v));
				if (!options.returnFullResponse) return options.json ? JSON.parse(text) : text;
				return { statusCode: res.status, headers, body: text };
			},
		},
	};
}
