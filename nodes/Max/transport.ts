import type { ICredentialDataDecryptedObject, IHttpRequestMethods } from 'n8n-workflow';
import { apiRequest, type BodyError, type HttpContext } from '../shared/http';

/** The only place that talks to the MAX Bot API. */
export interface MaxCredentials {
	accessToken: string;
	baseUrl: string;
	webhookSecret: string;
}

/** MAX's limit on a message's text (NewMessageBody.text: 4000 characters). */
export const MAX_TEXT_LIMIT = 4000;

/** What MAX allows as a webhook secret. */
export const MAX_SECRET_PATTERN = /^[A-Za-z0-9_-]{5,256}$/;

export function maxCredentials(data: ICredentialDataDecryptedObject): MaxCredentials {
	return {
		accessToken: String(data.accessToken ?? ''),
		baseUrl: String(data.baseUrl || 'https://platform-api2.max.ru').replace(/\/+$/, ''),
		webhookSecret: String(data.webhookSecret ?? ''),
	};
}

/** MAX answers errors as `{code, message}` (and `{success:false, message}` for actions). */
export function maxBodyError(body: unknown, status: number): BodyError | undefined {
	const b = body as { code?: unknown; message?: unknown; success?: unknown } | undefined;
	if (!b || typeof b !== 'object') return undefined;
	if (status < 400 && b.success !== false) return undefined;
	const code = typeof b.code === 'string' ? b.code : String(status);
	const message = typeof b.message === 'string' ? b.message : 'ошибка';
	return {
		message: `${code}: ${message} (HTTP ${status})`,
		code: status,
		retryable: status === 429 || status >= 500,
		// A 500 may come after the message was stored; 429 and 503 come before anything is done.
		mayHaveApplied: status >= 500 && status !== 503,
		authExpired: status === 401,
	};
}

export interface MaxCall {
	method: IHttpRequestMethods;
	path: string;
	qs?: Record<string, string | number | boolean | undefined>;
	body?: unknown;
	/** Long polling holds the request up to `timeout` seconds: allow for it. */
	timeoutMs?: number;
	idempotent?: boolean;
}

export async function maxCall<T = unknown>(
	ctx: HttpContext,
	c: MaxCredentials,
	call: MaxCall,
): Promise<T> {
	const res = await apiRequest<T>(
		ctx,
		{
			method: call.method,
			url: `${c.baseUrl}${call.path}`,
			qs: call.qs,
			body: call.body,
			// The token only in the header: MAX no longer accepts it in the query string, and a URL ends up in logs.
			headers: { Authorization: c.accessToken },
			timeoutMs: call.timeoutMs,
			idempotent: call.idempotent,
		},
		{ service: 'MAX', bodyError: maxBodyError },
	);
	return res.body;
}
