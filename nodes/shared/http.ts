import { NodeApiError, type IHttpRequestMethods, type IHttpRequestOptions, type INode, type JsonObject } from 'n8n-workflow';
import {
	DEFAULT_RETRY,
	isRetryableStatus,
	isTransientNetworkError,
	parseRetryAfter,
	withRetry,
	type RetryPolicy,
} from './retry';

/** What every n8n context we call from (execute, poll, webhook, load options) offers for HTTP. */
export interface HttpContext {
	getNode(): INode;
	helpers: { httpRequest(options: IHttpRequestOptions): Promise<unknown> };
}

export interface ApiRequest {
	method: IHttpRequestMethods;
	url: string;
	qs?: Record<string, string | number | boolean | undefined>;
	/** Objects are sent as JSON; URLSearchParams as a form. */
	body?: unknown;
	headers?: Record<string, string>;
	timeoutMs?: number;
}

export interface ApiResponse<T = unknown> {
	status: number;
	headers: Record<string, unknown>;
	body: T;
}

/** A response the caller's API considers an error even with HTTP 200 (VK, OK, Telegram put errors in the body). */
export interface BodyError {
	message: string;
	code?: string | number;
	/** Rate limits and the like: retry after a pause. */
	retryable?: boolean;
	retryAfterMs?: number;
	/** The token is no longer valid: the transport may renew it once. */
	authExpired?: boolean;
}

export interface RequestBehaviour {
	/** Name of the service for error messages («ПОС», «ВКонтакте»…). */
	service: string;
	retry?: RetryPolicy;
	/** Inspect a parsed body for API-level errors. */
	bodyError?: (body: unknown, status: number) => BodyError | undefined;
	/** Wait function (tests make it instant). */
	wait?: (ms: number) => Promise<void>;
}

/** Thrown (inside NodeApiError's cause) when a token stopped working: the transport renews once and retries. */
export class AuthExpiredError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'AuthExpiredError';
	}
}

function cleanQuery(qs: ApiRequest['qs']): Record<string, string> | undefined {
	if (!qs) return undefined;
	const out: Record<string, string> = {};
	for (const [k, v] of Object.entries(qs)) if (v !== undefined) out[k] = String(v);
	return out;
}

function parseBody(text: unknown): { ok: true; value: unknown } | { ok: false } {
	if (typeof text !== 'string') return { ok: true, value: text };
	if (text.trim() === '') return { ok: true, value: undefined };
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch {
		return { ok: false };
	}
}

/** A copy of an error body without anything that looks like a secret (tokens, keys, passwords, signatures). */
export function redact(value: unknown, depth = 0): unknown {
	if (depth > 6 || value === null || typeof value !== 'object') return value;
	if (Array.isArray(value)) {
		return value
			.filter((v) => !(v && typeof v === 'object' && /token|secret|password|sig|key/i.test(String((v as { key?: unknown }).key ?? ''))))
			.map((v) => redact(v, depth + 1));
	}
	const out: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
		out[k] = /token|secret|password|^sig$|api_?key|authorization/i.test(k) ? '***' : redact(v, depth + 1);
	}
	return out;
}

function messageOf(body: unknown): string | undefined {
	if (!body || typeof body !== 'object') return typeof body === 'string' && body.length < 300 ? body : undefined;
	const b = body as Record<string, unknown>;
	const nested = b.error && typeof b.error === 'object' ? (b.error as Record<string, unknown>) : undefined;
	const candidates = [b.message, b.error_description, nested?.message, b.description, b.error_msg, typeof b.error === 'string' ? b.error : undefined];
	return candidates.find((c): c is string => typeof c === 'string' && c.length > 0);
}

/**
 * One HTTP call through n8n's own helper (proxies, n8n's settings), with retries and backoff on 429, 5xx,
 * timeouts and broken JSON, honouring Retry-After. Failures become a NodeApiError carrying the service's own
 * message — never the request itself, so tokens in URLs or headers cannot leak into errors.
 */
export async function apiRequest<T = unknown>(ctx: HttpContext, request: ApiRequest, behaviour: RequestBehaviour): Promise<ApiResponse<T>> {
	const headers: Record<string, string> = { Accept: 'application/json', ...(request.headers ?? {}) };
	let body: unknown = request.body;
	if (body !== undefined && !(body instanceof URLSearchParams) && typeof body !== 'string') {
		body = JSON.stringify(body);
		headers['Content-Type'] ??= 'application/json';
	} else if (body instanceof URLSearchParams) {
		headers['Content-Type'] ??= 'application/x-www-form-urlencoded';
		body = body.toString();
	}
	const options: IHttpRequestOptions = {
		method: request.method,
		url: request.url,
		qs: cleanQuery(request.qs),
		headers,
		body: body as IHttpRequestOptions['body'],
		json: false,
		encoding: 'text',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: request.timeoutMs ?? 30000,
	};
	return withRetry<ApiResponse<T>>(
		async () => {
			let response: { statusCode: number; headers: Record<string, unknown>; body: unknown };
			try {
				response = (await ctx.helpers.httpRequest(options)) as typeof response;
			} catch (error) {
				const failure = new NodeApiError(ctx.getNode(), { message: `${behaviour.service}: нет ответа` } as JsonObject, {
					message: `${behaviour.service}: сервис не ответил (${(error as Error).message.replace(/access_token=[^&\s]+/g, 'access_token=***')})`,
				});
				if (isTransientNetworkError(error)) return { done: false, error: failure };
				throw failure;
			}
			const parsed = parseBody(response.body);
			if (!parsed.ok) {
				const error = new NodeApiError(ctx.getNode(), { message: 'broken JSON' } as JsonObject, {
					message: `${behaviour.service}: ответ не является корректным JSON (HTTP ${response.statusCode})`,
					httpCode: String(response.statusCode),
				});
				return { done: false, error };
			}
			const status = response.statusCode;
			const bodyError = behaviour.bodyError?.(parsed.value, status);
			if (bodyError) {
				const error = new NodeApiError(ctx.getNode(), (redact(parsed.value) ?? {}) as JsonObject, {
					message: `${behaviour.service}: ${bodyError.message}`,
					httpCode: String(bodyError.code ?? status),
				});
				if (bodyError.authExpired) throw Object.assign(error, { authExpired: true });
				if (bodyError.retryable) return { done: false, error, retryAfterMs: bodyError.retryAfterMs };
				throw error;
			}
			if (status >= 400) {
				const error = new NodeApiError(ctx.getNode(), (redact(parsed.value) ?? {}) as JsonObject, {
					message: `${behaviour.service}: ${messageOf(parsed.value) ?? 'ошибка'} (HTTP ${status})`,
					httpCode: String(status),
				});
				if (status === 401) throw Object.assign(error, { authExpired: true });
				if (isRetryableStatus(status)) {
					return { done: false, error, retryAfterMs: parseRetryAfter(response.headers['retry-after']) };
				}
				throw error;
			}
			return { done: true, value: { status, headers: response.headers, body: parsed.value as T } };
		},
		behaviour.retry ?? DEFAULT_RETRY,
		behaviour.wait,
	);
}

/** True for the error apiRequest throws when the service says the token is no longer valid. */
export function isAuthExpired(error: unknown): boolean {
	return (error as { authExpired?: boolean })?.authExpired === true;
}
