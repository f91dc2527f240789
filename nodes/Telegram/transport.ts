import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { apiRequest, type BodyError, type HttpContext } from '../shared/http';

/** The only place that talks to the Telegram Bot API. */
export interface TelegramCredentials {
	accessToken: string;
	baseUrl: string;
}

export function telegramCredentials(data: ICredentialDataDecryptedObject): TelegramCredentials {
	return {
		accessToken: String(data.accessToken ?? ''),
		baseUrl: String(data.baseUrl || 'https://api.telegram.org').replace(/\/+$/, ''),
	};
}

export function telegramBodyError(body: unknown, status: number): BodyError | undefined {
	const b = body as
		| {
				ok?: boolean;
				error_code?: number;
				description?: string;
				parameters?: { retry_after?: number };
		  }
		| undefined;
	if (!b || b.ok !== false) return undefined;
	const code = b.error_code ?? status;
	return {
		message: `${code}: ${b.description ?? 'ошибка'}`,
		code,
		retryable: code === 429 || code >= 500,
		// A 5xx may come after the message was sent (a gateway lost the answer); a 429 is a refusal.
		mayHaveApplied: code >= 500,
		retryAfterMs:
			b.parameters?.retry_after !== undefined ? b.parameters.retry_after * 1000 : undefined,
	};
}

export async function telegramCall<T = unknown>(
	ctx: HttpContext,
	c: TelegramCredentials,
	method: string,
	body: Record<string, unknown> = {},
): Promise<T> {
	const res = await apiRequest<{ ok: boolean; result: T }>(
		ctx,
		{
			method: 'POST',
			url: `${c.baseUrl}/bot${c.accessToken}/${method}`,
			body,
			idempotent: !/^(send|forward|copy)/.test(method),
		},
		{ service: 'Telegram', bodyError: telegramBodyError },
	);
	return res.body.result;
}
