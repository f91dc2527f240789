import { apiRequest, type HttpContext } from '../shared/http';
import { vkCall, type VkCredentials } from './transport';

/** VK Bots Long Poll (groups.getLongPollServer + a_check): events since `ts`, so a poll costs O(new events). */
export interface LongPollState {
	server: string;
	key: string;
	ts: string;
}

export interface LongPollEvent {
	type: string;
	object: unknown;
	group_id?: number;
	event_id?: string;
}

export async function vkLongPollServer(ctx: HttpContext, c: VkCredentials): Promise<LongPollState> {
	const r = await vkCall<{ server: string; key: string; ts: string | number }>(
		ctx,
		c,
		'groups.getLongPollServer',
		{ group_id: c.groupId },
	);
	return { server: r.server, key: r.key, ts: String(r.ts) };
}

/**
 * New events since the stored `ts` (no waiting). `lost` is true when VK says the history is gone (failed: 1):
 * the caller then catches up by reading the wall.
 */
export async function vkLongPollCheck(
	ctx: HttpContext,
	c: VkCredentials,
	state: LongPollState,
): Promise<{ events: LongPollEvent[]; state: LongPollState; lost: boolean }> {
	for (let attempt = 0; attempt < 2; attempt++) {
		const { body } = await apiRequest<{
			ts?: string | number;
			updates?: LongPollEvent[];
			failed?: number;
		}>(
			ctx,
			{
				method: 'GET',
				url: state.server,
				qs: { act: 'a_check', key: state.key, ts: state.ts, wait: 0 },
			},
			{ service: 'ВКонтакте (Long Poll)' },
		);
		if (!body?.failed)
			return {
				events: body?.updates ?? [],
				state: { ...state, ts: String(body?.ts ?? state.ts) },
				lost: false,
			};
		if (body.failed === 1)
			return { events: [], state: { ...state, ts: String(body.ts ?? state.ts) }, lost: true };
		// failed 2 (key expired) or 3 (information lost): a new key and ts from VK.
		const fresh = await vkLongPollServer(ctx, c);
		state = body.failed === 2 ? { ...fresh, ts: state.ts } : fresh;
		if (body.failed === 3) return { events: [], state, lost: true };
	}
	return { events: [], state, lost: true };
}
