import { createSign } from 'node:crypto';
import {
	NodeApiError,
	type ICredentialDataDecryptedObject,
	type IHttpRequestOptions,
	type INode,
	type JsonObject,
} from 'n8n-workflow';
// The Sheets-only client of the googleapis family: the whole googleapis package is ~200 MB for this one API.
import { auth as googleAuth, sheets as sheetsApi, type sheets_v4 } from '@googleapis/sheets';
import { redactText } from '../shared/http';
import {
	SHEETS_RETRY,
	isRetryableStatus,
	isTransientNetworkError,
	withRetry,
	type RetryPolicy,
} from '../shared/retry';
import { TokenCache } from '../shared/tokenCache';

/** The only place that talks to Google: the service-account token and the Sheets client. */
export interface ServiceAccount {
	email: string;
	privateKey: string;
	tokenUri: string;
	sheetsUrl: string;
}

export const SHEETS_SCOPE = 'https://www.googleapis.com/auth/spreadsheets';

export function serviceAccountFrom(data: ICredentialDataDecryptedObject): ServiceAccount {
	const key = String(data.privateKey ?? '').replace(/\\n/g, '\n');
	return {
		email: String(data.email ?? ''),
		privateKey: key,
		tokenUri: String(data.grantUrl || 'https://oauth2.googleapis.com/token'),
		sheetsUrl: String(data.sheetsUrl || 'https://sheets.googleapis.com/').replace(/\/?$/, '/'),
	};
}

const b64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/** The signed JWT of the OAuth 2.0 service-account flow (RFC 7523), as Google documents it. */
export function signServiceAccountJwt(
	account: ServiceAccount,
	nowSeconds = Math.floor(Date.now() / 1000),
): string {
	const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }));
	const claims = b64url(
		JSON.stringify({
			iss: account.email,
			scope: SHEETS_SCOPE,
			aud: account.tokenUri,
			iat: nowSeconds,
			exp: nowSeconds + 3600,
		}),
	);
	const signer = createSign('RSA-SHA256');
	signer.update(`${header}.${claims}`);
	return `${header}.${claims}.${b64url(signer.sign(account.privateKey))}`;
}

/** Tokens keyed on the token endpoint, the e-mail and the private key: another key never gets this one's token. */
const tokens = new TokenCache();

type HttpRequest = (options: IHttpRequestOptions) => Promise<unknown>;

interface FullResponse {
	statusCode: number;
	headers?: Record<string, unknown>;
	body: unknown;
}

/** Every call to Google goes through n8n's helper (its SSRF filter and proxy) and never follows a redirect. */
const send = async (
	httpRequest: HttpRequest,
	options: IHttpRequestOptions,
): Promise<FullResponse> =>
	(await httpRequest({
		timeout: 60000,
		...options,
		json: false,
		encoding: 'text',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		disableFollowRedirect: true,
		sendCredentialsOnCrossOriginRedirect: false,
	})) as FullResponse;

const bodyText = (body: unknown) =>
	typeof body === 'string'
		? body
		: body === undefined || body === null
			? ''
			: Buffer.isBuffer(body)
				? body.toString('utf8')
				: JSON.stringify(body);

/** An access token for the account (cached until a minute before it expires). */
export async function accessToken(
	account: ServiceAccount,
	httpRequest: HttpRequest,
	node: INode,
	renew = false,
): Promise<string> {
	const inputs = [account.tokenUri, account.email, account.privateKey];
	const cached = renew ? undefined : tokens.get(inputs, 60000);
	if (cached) return cached;
	let assertion: string;
	try {
		assertion = signServiceAccountJwt(account);
	} catch {
		throw new NodeApiError(node, {} as JsonObject, {
			message:
				'Google: закрытый ключ сервисного аккаунта не читается (нужно поле private_key из JSON-ключа целиком)',
		});
	}
	const body = (await withRetry(async () => {
		let res: FullResponse;
		try {
			res = await send(httpRequest, {
				method: 'POST',
				url: account.tokenUri,
				headers: {
					'Content-Type': 'application/x-www-form-urlencoded',
					Accept: 'application/json',
				},
				body: new URLSearchParams({
					grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
					assertion,
				}).toString(),
			});
		} catch (error) {
			const failure = new NodeApiError(node, {} as JsonObject, {
				message: `Google: сервер токенов не ответил (${redactText(String((error as Error)?.message ?? error))})`,
			});
			if (isTransientNetworkError(error)) return { done: false as const, error: failure };
			throw failure;
		}
		const text = bodyText(res.body);
		let parsed: unknown;
		try {
			parsed = text ? JSON.parse(text) : undefined;
		} catch {
			parsed = undefined;
		}
		if (res.statusCode >= 200 && res.statusCode < 300 && parsed)
			return { done: true as const, value: parsed };
		const p = parsed as { error?: unknown; error_description?: unknown } | undefined;
		const reason = redactText(
			String(p?.error_description ?? p?.error ?? (text.slice(0, 200) || 'нет ответа')),
		);
		const failure = new NodeApiError(node, {} as JsonObject, {
			message: `Google: токен не выдан (${res.statusCode} ${reason})`,
			httpCode: String(res.statusCode),
		});
		if (isRetryableStatus(res.statusCode) || (res.statusCode < 300 && !parsed))
			return { done: false as const, error: failure };
		throw failure;
	})) as { access_token?: string; expires_in?: number };
	if (!body?.access_token) {
		throw new NodeApiError(node, {} as JsonObject, {
			message: 'Google: сервер токенов не вернул access_token',
		});
	}
	tokens.set(inputs, body.access_token, (body.expires_in ?? 3600) * 1000);
	return body.access_token;
}

/** The fetch googleapis calls, carried by n8n's helper instead of the global fetch. */
export function n8nFetch(httpRequest: HttpRequest): typeof fetch {
	return (async (input: string | URL | Request, init: RequestInit = {}) => {
		const headers: Record<string, string> = {};
		new Headers(init.headers).forEach((v, k) => (headers[k] = v));
		const url = input instanceof Request ? input.url : String(input);
		const res = await send(httpRequest, {
			method: (init.method ?? 'GET').toUpperCase() as IHttpRequestOptions['method'],
			url,
			headers,
			body: init.body === undefined || init.body === null ? undefined : String(init.body),
		});
		const out = new Headers();
		for (const [k, v] of Object.entries(res.headers ?? {}))
			if (v !== undefined && v !== null) out.set(k, Array.isArray(v) ? v.join(', ') : String(v));
		const empty = [101, 204, 205, 304].includes(res.statusCode);
		return new Response(empty ? null : bodyText(res.body), {
			status: res.statusCode,
			headers: out,
		});
	}) as typeof fetch;
}

export function statusOf(error: unknown): number | undefined {
	const e = error as {
		status?: unknown;
		code?: unknown;
		response?: { status?: unknown };
		httpCode?: unknown;
	};
	for (const v of [e?.response?.status, e?.status, e?.httpCode, e?.code]) {
		const n = Number(v);
		if (Number.isInteger(n) && n >= 100 && n < 600) return n;
	}
	return undefined;
}

export function googleMessage(error: unknown): string {
	const e = error as { response?: { data?: { error?: { message?: string } } }; message?: string };
	return e?.response?.data?.error?.message ?? e?.message ?? String(error);
}

export interface SheetsSession {
	api: sheets_v4.Sheets;
	/**
	 * Runs one Sheets call with retries (429, 5xx, timeouts) and a renewed token on 401; `undefined` when the
	 * answer has one of the `expected` statuses (e.g. 400 for a tab that does not exist yet).
	 */
	call<T>(
		label: string,
		fn: (api: sheets_v4.Sheets) => Promise<{ data: T }>,
		expected?: number[],
	): Promise<T | undefined>;
	/** Calls made in this session, per method label (for tests and the benchmark). */
	calls: Record<string, number>;
}

export async function openSheets(
	account: ServiceAccount,
	httpRequest: HttpRequest,
	node: INode,
	retry: RetryPolicy = SHEETS_RETRY,
): Promise<SheetsSession> {
	const client = new googleAuth.OAuth2();
	client.setCredentials({ access_token: await accessToken(account, httpRequest, node) });
	// n8n's helper instead of gaxios' own fetch (SSRF filter, proxy, no redirects); retries are ours (retry: false).
	const api = sheetsApi({
		version: 'v4',
		auth: client,
		rootUrl: account.sheetsUrl,
		retry: false,
		fetchImplementation: n8nFetch(httpRequest),
	} as never) as sheets_v4.Sheets;
	const calls: Record<string, number> = {};
	let renewed = false;
	const call = async <T>(
		label: string,
		fn: (api: sheets_v4.Sheets) => Promise<{ data: T }>,
		expected: number[] = [],
	): Promise<T | undefined> =>
		withRetry<T | undefined>(async () => {
			calls[label] = (calls[label] ?? 0) + 1;
			try {
				return { done: true as const, value: (await fn(api)).data };
			} catch (error) {
				const status = statusOf(error);
				if (status !== undefined && expected.includes(status))
					return { done: true as const, value: undefined };
				if (status === 401 && !renewed) {
					renewed = true;
					client.setCredentials({
						access_token: await accessToken(account, httpRequest, node, true),
					});
					return { done: false as const, error: error as Error, retryAfterMs: 0 };
				}
				const failure = new NodeApiError(node, {} as JsonObject, {
					message: `Google Sheets (${label}): ${googleMessage(error)}`,
					httpCode: status ? String(status) : undefined,
				});
				// Without a status (a reset reused connection, "fetch failed") the call may or may not have been applied;
				// sending it again is safe for every call the writer makes: reads, values.batchUpdate with explicit
				// ranges, and values.append only as one unit with the re-read of the IDs it skips (see writeRegister).
				if ((status && isRetryableStatus(status)) || (!status && isTransientNetworkError(error))) {
					const retryAfter = Number(
						(error as { response?: { headers?: Record<string, string> } }).response?.headers?.[
							'retry-after'
						],
					);
					return {
						done: false as const,
						error: failure,
						retryAfterMs: Number.isFinite(retryAfter) ? retryAfter * 1000 : undefined,
						rateLimited: status === 429,
					};
				}
				throw failure;
			}
		}, retry);
	return { api, call, calls };
}
