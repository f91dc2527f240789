import { NodeOperationError, type ICredentialDataDecryptedObject } from 'n8n-workflow';
import { asNodeError } from '../shared/items';
import { collectPages } from '../shared/paging';
import { apiRequest, isAuthExpired, type ApiRequest, type HttpContext } from '../shared/http';
import { TokenCache } from '../shared/tokenCache';

/** The only place that talks to the ПОС REST gateway: token, retries, paging. */
export interface PosCredentials {
	baseUrl: string;
	loginPath: string;
	username: string;
	password: string;
	scope: string;
	appealsPath: string;
	urlTemplate: string;
}

export function posCredentials(data: ICredentialDataDecryptedObject): PosCredentials {
	return {
		baseUrl: String(data.baseUrl ?? '').replace(/\/+$/, ''),
		loginPath: String(data.loginPath || '/auth/oauth/token'),
		username: String(data.username ?? ''),
		password: String(data.password ?? ''),
		scope: String(data.scope ?? ''),
		appealsPath: String(data.appealsPath || '/appeal-service/external-appeal-system/appeals'),
		urlTemplate: String(data.urlTemplate ?? ''),
	};
}

const SERVICE = 'ПОС';

/** Tokens per gateway, login route, user, password and scope: a wrong password never reuses another's token. */
const tokens = new TokenCache();

const tokenInputs = (c: PosCredentials) => [
	c.baseUrl,
	c.loginPath,
	c.username,
	c.password,
	c.scope,
];

async function getToken(ctx: HttpContext, c: PosCredentials, renew = false): Promise<string> {
	// No default address: a token must never go to whatever happens to listen where a default pointed.
	if (!/^https?:\/\//i.test(c.baseUrl))
		throw new NodeOperationError(
			ctx.getNode(),
			'ПОС: в учётных данных не указан «Адрес шлюза» — адрес REST-шлюза ПОС вашего региона (https://…)',
		);
	const cached = renew ? undefined : tokens.get(tokenInputs(c), 30000);
	if (cached) return cached;
	const form = new URLSearchParams({
		grant_type: 'password',
		username: c.username,
		password: c.password,
		scope: c.scope,
	});
	const { body } = await apiRequest<{ access_token?: string; expires_in?: number }>(
		ctx,
		{ method: 'POST', url: `${c.baseUrl}${c.loginPath}`, body: form, idempotent: true },
		{ service: SERVICE },
	);
	if (!body?.access_token) throw new Error('ПОС: сервер авторизации не выдал access_token');
	tokens.set(tokenInputs(c), body.access_token, (body.expires_in ?? 300) * 1000);
	return body.access_token;
}

/** A call with the bearer token; a token the gateway no longer accepts is renewed once. */
export async function posRequest<T = unknown>(
	ctx: HttpContext,
	c: PosCredentials,
	request: Omit<ApiRequest, 'url'> & { path: string },
): Promise<T> {
	const send = async (token: string) =>
		apiRequest<T>(
			ctx,
			{
				...request,
				url: `${c.baseUrl}${request.path}`,
				headers: { ...(request.headers ?? {}), Authorization: `Bearer ${token}` },
			},
			{ service: SERVICE },
		);
	try {
		return (await send(await getToken(ctx, c))).body;
	} catch (error) {
		if (!isAuthExpired(error)) throw asNodeError(ctx.getNode(), error);
		tokens.delete(tokenInputs(c));
		return (await send(await getToken(ctx, c, true))).body;
	}
}

export interface PosPage {
	content: unknown[];
	page: number;
	size: number;
	totalElements: number;
	totalPages: number;
}

export interface PosListFilter {
	updatedFrom?: string;
	status?: string[];
	pageSize?: number;
	/** Stop after this many records (get many with a limit). */
	limit?: number;
}

/** Every message matching the filter, page by page (sorted by update time). */
export async function posListMessages(
	ctx: HttpContext,
	c: PosCredentials,
	filter: PosListFilter,
): Promise<unknown[]> {
	return collectPages(
		async (page, size) => {
			const body = await posRequest<PosPage>(ctx, c, {
				method: 'GET',
				path: c.appealsPath,
				qs: {
					updatedFrom: filter.updatedFrom,
					status: filter.status?.length ? filter.status.join(',') : undefined,
					page,
					size,
				},
			});
			return {
				items: Array.isArray(body?.content) ? body.content : [],
				totalPages: body?.totalPages,
			};
		},
		{
			pageSize: Math.min(Math.max(filter.pageSize ?? 100, 1), 100),
			limit: filter.limit,
			idOf: (r) =>
				String((r as { posId?: unknown; id?: unknown }).posId ?? (r as { id?: unknown }).id),
		},
	);
}

export function posActionPath(c: PosCredentials, posId: string, action: string): string {
	return `${c.appealsPath}/${encodeURIComponent(posId)}/${action}`;
}
