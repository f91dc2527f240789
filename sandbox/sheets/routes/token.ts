import { randomBytes, verify } from 'node:crypto';
import type { SandboxRequest, SandboxResponse } from '../../core/types';
import { googleError } from '../errors';
import type { SheetsStore } from '../state';

/** The OAuth token endpoint of a service account (JWT bearer) and of a refresh token. */
export function token(store: SheetsStore, req: SandboxRequest): SandboxResponse {
	if (req.method !== 'POST')
		return {
			status: 405,
			body: { error: 'invalid_request', error_description: 'Method Not Allowed' },
		};
	const p = req.params;
	const bad = (error: string, description: string): SandboxResponse => ({
		status: 400,
		body: { error, error_description: description },
	});
	if (p.grant_type === 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
		const parts = String(p.assertion ?? '').split('.');
		if (parts.length !== 3 || parts.some((s) => !/^[A-Za-z0-9_-]+$/.test(s)))
			return bad('invalid_grant', 'Invalid JWT: not a signed JWT.');
		let header: { alg?: string; typ?: string };
		let claims: { iss?: string; scope?: string; aud?: string; exp?: number; iat?: number };
		try {
			header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'));
			claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
		} catch {
			return bad('invalid_grant', 'Invalid JWT: the header or the claim set is not JSON.');
		}
		// Any signature is accepted, but it must be one an RSA key of 1024–4096 bits could have made.
		const signature = Buffer.from(parts[2], 'base64url');
		if (header.alg !== 'RS256' || signature.length < 128 || signature.length > 512)
			return bad('invalid_grant', 'Invalid JWT Signature.');
		if (!claims.iss)
			return bad('invalid_grant', 'Invalid JWT: missing iss (the service account e-mail).');
		const publicKey = store.options.serviceAccountKeys?.[claims.iss];
		if (
			publicKey &&
			!verify('RSA-SHA256', Buffer.from(`${parts[0]}.${parts[1]}`), publicKey, signature)
		)
			return bad('invalid_grant', 'Invalid JWT Signature.');
		if (!claims.aud) return bad('invalid_grant', 'Invalid JWT: missing aud.');
		if (!claims.scope)
			return bad('invalid_scope', 'Invalid OAuth scope or ID token audience provided.');
		const now = Date.now() / 1000;
		if (
			typeof claims.exp !== 'number' ||
			claims.exp < now ||
			(typeof claims.iat === 'number' && (claims.exp - claims.iat > 3600 || claims.iat > now + 300))
		) {
			return bad(
				'invalid_grant',
				'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.',
			);
		}
	} else if (p.grant_type === 'refresh_token') {
		if (!p.refresh_token)
			return bad('invalid_request', 'Missing required parameter: refresh_token');
		if (store.refreshTokens.size && !store.refreshTokens.has(p.refresh_token))
			return bad('invalid_grant', 'Bad Request');
	} else if (!p.grant_type) {
		return bad('invalid_request', 'Missing required parameter: grant_type');
	} else {
		return bad('unsupported_grant_type', `Invalid grant_type: ${p.grant_type}`);
	}
	const value = `ya29.sandbox-${randomBytes(24).toString('base64url')}`;
	const ttl = store.options.tokenTtlSec ?? 3600;
	store.tokens.set(value, Date.now() + ttl * 1000);
	return {
		status: 200,
		headers: { 'Cache-Control': 'no-cache, no-store, max-age=0, must-revalidate' },
		body: { access_token: value, expires_in: ttl, token_type: 'Bearer' },
	};
}

const bearerOf = (req: SandboxRequest | undefined) =>
	/^Bearer\s+(\S+)$/i.exec(String(req?.headers.authorization ?? ''))?.[1];

/** Google's 401 when the request carries no access token, an unknown or an expired one; undefined when it may pass. */
export function unauthenticated(
	store: SheetsStore,
	req: SandboxRequest,
): SandboxResponse | undefined {
	const token = bearerOf(req);
	const expiry = token ? store.tokens.get(token) : undefined;
	if (token && expiry !== undefined && expiry >= Date.now()) return undefined;
	const message = token
		? 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.'
		: 'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.';
	return {
		...googleError(401, 'UNAUTHENTICATED', message),
		headers: { 'WWW-Authenticate': 'Bearer realm="https://accounts.google.com/"' },
	};
}

/** Expires the request's token, or every token when it carries none the endpoint issued. */
export function expireTokens(store: SheetsStore, req?: SandboxRequest): void {
	const token = bearerOf(req);
	if (token && store.tokens.has(token)) store.tokens.set(token, 0);
	else store.tokens.clear();
}
