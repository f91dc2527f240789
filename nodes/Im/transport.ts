import { NodeOperationError, type ICredentialDataDecryptedObject } from 'n8n-workflow';
import { apiRequest, type ApiRequest, type HttpContext } from '../shared/http';
import { collectPages } from '../shared/paging';

/** The only place that talks to the «Инцидент-менеджмент» REST adapter. */
export interface ImCredentials {
	baseUrl: string;
	token: string;
}

export function imCredentials(data: ICredentialDataDecryptedObject): ImCredentials {
	return {
		baseUrl: String(data.baseUrl ?? '').replace(/\/+$/, ''),
		token: String(data.token ?? ''),
	};
}

export async function imRequest<T = unknown>(
	ctx: HttpContext,
	c: ImCredentials,
	request: Omit<ApiRequest, 'url'> & { path: string },
): Promise<T> {
	// No default address: the token must never go to whatever happens to listen where a default pointed.
	if (!/^https?:\/\//i.test(c.baseUrl))
		throw new NodeOperationError(
			ctx.getNode(),
			'Инцидент-менеджмент: в учётных данных не указан «Адрес REST-адаптера» — адрес REST-адаптера ИМ вашего региона (https://…)',
		);
	const { body } = await apiRequest<T>(
		ctx,
		{
			...request,
			url: `${c.baseUrl}${request.path}`,
			headers: { ...(request.headers ?? {}), Authorization: `Bearer ${c.token}` },
		},
		{ service: 'Инцидент-менеджмент' },
	);
	return body;
}

interface ImPage {
	items?: unknown[];
	content?: unknown[];
	totalPages?: number;
}

export async function imListIncidents(
	ctx: HttpContext,
	c: ImCredentials,
	filter: { updatedSince?: string; status?: string[]; limit?: number },
): Promise<unknown[]> {
	return collectPages(
		async (page, size) => {
			const body = await imRequest<ImPage>(ctx, c, {
				method: 'GET',
				path: '/api/v1/incidents',
				qs: {
					updatedSince: filter.updatedSince,
					status: filter.status?.length ? filter.status.join(',') : undefined,
					page,
					size,
				},
			});
			return { items: body?.items ?? body?.content ?? [], totalPages: body?.totalPages };
		},
		{ pageSize: 100, limit: filter.limit, idOf: (r) => String((r as { id?: unknown }).id) },
	);
}
