import { sleep, type ICredentialDataDecryptedObject } from 'n8n-workflow';
import { apiRequest, type BodyError, type HttpContext } from '../shared/http';

/** The only place that talks to the VK API: token, version, VK's error envelope, rate limits, retries. */
export interface VkCredentials {
	accessToken: string;
	tokenType: 'community' | 'user';
	groupId: number;
	apiVersion: string;
	apiUrl: string;
	callbackSecret: string;
	confirmation: string;
}

export function vkCredentials(data: ICredentialDataDecryptedObject): VkCredentials {
	return {
		accessToken: String(data.accessToken ?? ''),
		tokenType: data.keyKind === 'user' ? 'user' : 'community',
		groupId: Math.abs(Number(data.groupId ?? 0)),
		apiVersion: String(data.apiVersion || '5.199'),
		apiUrl: String(data.apiUrl || 'https://api.vk.com').replace(/\/+$/, ''),
		callbackSecret: String(data.callbackSecret ?? ''),
		confirmation: String(data.confirmation ?? ''),
	};
}

/** VK error codes worth retrying: 6 too many requests per second, 9 flood control, 10 internal, 29 rate limit. */
const RETRYABLE = new Set([1, 6, 9, 10, 29]);

export function vkBodyError(body: unknown): BodyError | undefined {
	const error = (body as { error?: { error_code?: number; error_msg?: string } })?.error;
	// Only VK's own error shape; anything else (a gateway's 429 or 503 page) is left to the HTTP status rules.
	if (!error || typeof error !== 'object' || !Number.isInteger(Number(error.error_code)))
		return undefined;
	const code = Number(error.error_code);
	return {
		message: `ошибка ${code}: ${error.error_msg ?? 'без описания'}`,
		code,
		retryable: RETRYABLE.has(code),
		// Unknown and internal errors may come after VK applied a write; rate limits come before.
		mayHaveApplied: code === 1 || code === 10,
		// Code 29 is a daily-ish quota: waiting a second does not help, but the next retry waits longer anyway.
		retryAfterMs: code === 6 ? 400 : code === 9 || code === 29 ? 3000 : undefined,
	};
}

/** Requests per second VK allows per token: 3 for a user token, 20 for a community token. */
export const VK_RATE = { user: 3, community: 20 } as const;

const nextSlot = new Map<string, number>();

/** Waits for this token's next free slot, so a burst of calls stays inside VK's per-second limit. */
export async function vkThrottle(
	token: string,
	perSecond: number,
	now = () => Date.now(),
): Promise<void> {
	const interval = 1000 / perSecond;
	const t = now();
	const slot = Math.max(t, nextSlot.get(token) ?? 0);
	nextSlot.set(token, slot + interval);
	if (slot > t) await sleep(slot - t);
}

/** Methods that change something and carry no idempotency key: never retried blindly (see writeOnce). */
const VK_WRITES = new Set(['wall.createComment', 'wall.post', 'groups.addCallbackServer']);

export async function vkCall<T = unknown>(
	ctx: HttpContext,
	c: VkCredentials,
	method: string,
	params: Record<string, string | number | boolean | undefined> = {},
): Promise<T> {
	await vkThrottle(c.accessToken, VK_RATE[c.tokenType]);
	// POST with a form keeps the token out of URLs (and out of proxy logs).
	const form = new URLSearchParams();
	for (const [k, v] of Object.entries(params)) if (v !== undefined) form.set(k, String(v));
	form.set('access_token', c.accessToken);
	form.set('v', c.apiVersion);
	const { body } = await apiRequest<{ response: T }>(
		ctx,
		{
			method: 'POST',
			url: `${c.apiUrl}/method/${method}`,
			body: form,
			// Every VK call is a POST: reads are safe to repeat, and messages.send is with its random_id.
			idempotent:
				method === 'messages.send' ? params.random_id !== undefined : !VK_WRITES.has(method),
		},
		{ service: 'ВКонтакте', bodyError: vkBodyError },
	);
	return body.response;
}
