import type { ICredentialTestFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';
import type { HttpContext } from './http';

/**
 * n8n gives a credential test function only its legacy `request` helper — which still applies n8n's SSRF filter
 * and proxy settings, unlike the global fetch. This adapts it to the context our transports take (full responses,
 * HTTP errors as statuses, no redirects followed with the credentials).
 */
export function credentialTestContext(
	fns: ICredentialTestFunctions,
	nodeType: string,
): HttpContext {
	const node: INode = {
		id: 'credential-test',
		name: 'credential test',
		type: nodeType,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	return {
		getNode: () => node,
		helpers: {
			httpRequest: async (options: IHttpRequestOptions) => {
				const res = (await fns.helpers.request({
					method: options.method ?? 'GET',
					uri: options.url,
					qs: options.qs,
					headers: options.headers,
					body: options.body,
					json: false,
					timeout: options.timeout ?? 30000,
					resolveWithFullResponse: true,
					simple: false,
					followRedirect: false,
					followAllRedirects: false,
				})) as { statusCode: number; headers?: Record<string, unknown>; body: unknown };
				return { statusCode: res.statusCode, headers: res.headers ?? {}, body: res.body };
			},
		},
	};
}
