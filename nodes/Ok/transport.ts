import type {
	ICredentialDataDecryptedObject,
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	INodeCredentialTestResult,
} from 'n8n-workflow';
import { okSignature } from '../../lib/sources/ok';
import { credentialTestContext } from '../shared/credentialTest';
import { apiRequest, type BodyError, type HttpContext } from '../shared/http';

/** The only place that talks to the OK API (`/fb.do`, signed requests, OK's error shape). */
export interface OkCredentials {
	applicationKey: string;
	applicationSecretKey: string;
	accessToken: string;
	groupId: string;
	apiUrl: string;
}

export function okCredentials(data: ICredentialDataDecryptedObject): OkCredentials {
	return {
		applicationKey: String(data.applicationKey ?? ''),
		applicationSecretKey: String(data.applicationSecretKey ?? ''),
		accessToken: String(data.accessToken ?? ''),
		groupId: String(data.groupId ?? ''),
		apiUrl: String(data.apiUrl || 'https://api.ok.ru').replace(/\/+$/, ''),
	};
}

/** OK error codes worth retrying: 1 unknown, 2 service unavailable, 9 call limit, 10 … 2000-ish are fatal. */
const RETRYABLE = new Set([1, 2, 9]);

export function okBodyError(body: unknown): BodyError | undefined {
	const b = body as { error_code?: number; error_msg?: string } | undefined;
	if (!b || typeof b !== 'object' || Array.isArray(b) || b.error_code === undefined)
		return undefined;
	// Code 1 (unknown error) may come after OK applied a write; 2 and 9 (unavailable, call limit) come before.
	return {
		message: `ошибка ${b.error_code}: ${b.error_msg ?? ''}`,
		code: b.error_code,
		retryable: RETRYABLE.has(Number(b.error_code)),
		mayHaveApplied: Number(b.error_code) === 1,
		authExpired: b.error_code === 102,
	};
}

/** Methods that add something and carry no idempotency key: never retried blindly (see writeOnce). */
const OK_WRITES = new Set(['discussions.addComment', 'mediatopic.post']);

export async function okCall<T = unknown>(
	ctx: HttpContext,
	c: OkCredentials,
	method: string,
	params: Record<string, string | number | undefined> = {},
): Promise<T> {
	const signed: Record<string, string> = {
		application_key: c.applicationKey,
		format: 'json',
		method,
	};
	for (const [k, v] of Object.entries(params)) if (v !== undefined) signed[k] = String(v);
	const form = new URLSearchParams({
		...signed,
		sig: okSignature(signed, c.accessToken, c.applicationSecretKey),
		access_token: c.accessToken,
	});
	// Every call is a POST to fb.do: reads are safe to repeat, writes are not.
	const request = {
		method: 'POST' as const,
		url: `${c.apiUrl}/fb.do`,
		body: form,
		idempotent: !OK_WRITES.has(method),
	};
	const { body } = await apiRequest<T>(ctx, request, {
		service: 'Одноклассники',
		bodyError: okBodyError,
	});
	return body;
}

/**
 * Credential test: a signed `users.getCurrentUser` call checks the key, the secret and the token together — through
 * n8n's request helper (its SSRF filter and proxy), no redirects followed.
 */
export async function okCredentialTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const c = okCredentials(credential.data ?? {});
	try {
		await okCall(credentialTestContext(this, 'n8n-nodes-mcu.ok'), c, 'users.getCurrentUser');
		return { status: 'OK', message: 'Подпись и ключ доступа приняты' };
	} catch (error) {
		return { status: 'Error', message: (error as Error).message };
	}
}
