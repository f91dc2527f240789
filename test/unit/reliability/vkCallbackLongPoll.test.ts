/**
 * VK Long Poll trigger (the Callback trigger's polling twin): when VK has lost the event history (`failed: 1`, e.g.
 * n8n was stopped for days), the catch-up reads the wall from the last poll — not just the last 24 hours — bounded by
 * the node's «Догонять пропущенное не дальше, дней».
 */
import type { IDataObject } from 'n8n-workflow';
import { startSandbox, SANDBOX_CREDENTIALS, type Sandbox } from '../../../sandbox';
import { VkTrigger, catchUpSince } from '../../../nodes/Vk/VkTrigger.node';
import { pollContext } from '../../helpers/pollContext';

const DAY = 86400;

describe('VK Long Poll catch-up follows the stored cursor', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ ports: 'random' });
	});
	afterAll(async () => sandbox.close());

	async function activated(maxDays: number) {
		sandbox.vk.reset();
		const creds = {
			accessToken: SANDBOX_CREDENTIALS.vk.groupToken,
			keyKind: 'community',
			groupId: sandbox.district.vkGroupId,
			apiUrl: sandbox.urls.vk,
		};
		const poll = pollContext(
			{ events: ['wall_reply_new'], mentionKeywords: '', firstRun: 'now', catchUpMaxDays: maxDays },
			creds,
		);
		// The first poll only remembers where VK's event stream is («from now»).
		expect(await new VkTrigger().poll.call(poll.ctx)).toBeNull();
		return poll;
	}

	/** A citizen's comment under the newest post, dated `daysAgo` (VK would have sent its event then). */
	function commentFrom(daysAgo: number, text: string) {
		const posts = (sandbox.vk.dump() as { posts: Array<{ id: number; date: number }> }).posts;
		const newest = [...posts].sort((a, b) => b.date - a.date)[0];
		const c = sandbox.vk.citizenComment(newest.id, 777000 + daysAgo, text);
		c.date = Math.floor(Date.now() / 1000) - daysAgo * DAY;
		return c.id;
	}

	const emittedIds = (out: Awaited<ReturnType<VkTrigger['poll']>>) =>
		(out?.[0] ?? []).map((i) => Number((i.json.raw as IDataObject).id));

	it('n8n stopped for 3 days and VK lost the history: the comments of those days arrive', async () => {
		const poll = await activated(30);
		const now = Math.floor(Date.now() / 1000);
		(poll.staticData as IDataObject).polledAt = now - 3 * DAY;
		// VK no longer has events from that far back: a_check answers failed: 1.
		((poll.staticData as IDataObject).lp as IDataObject).ts = '99999999';
		const twoDaysAgo = commentFrom(2, 'Во дворе не горит фонарь');
		const fewHoursAgo = commentFrom(0, 'Снова нет воды');
		const out = await new VkTrigger().poll.call(poll.ctx);
		expect(emittedIds(out).sort()).toEqual([twoDaysAgo, fewHoursAgo].sort());
		expect((poll.staticData as IDataObject).polledAt).toBeGreaterThanOrEqual(now);
		// Caught up: the next poll repeats nothing.
		expect(await new VkTrigger().poll.call(poll.ctx)).toBeNull();
	});

	it('the catch-up goes back no further than the configured maximum', async () => {
		const poll = await activated(30);
		(poll.staticData as IDataObject).polledAt = Math.floor(Date.now() / 1000) - 60 * DAY;
		((poll.staticData as IDataObject).lp as IDataObject).ts = '99999999';
		const old = commentFrom(40, 'Старая жалоба на дорогу');
		const recent = commentFrom(20, 'Жалоба на уборку снега');
		const emitted = emittedIds(await new VkTrigger().poll.call(poll.ctx));
		// Exactly the citizens' comments of the last 30 days (the seeded ones among them), the 40-day-old one not.
		const floor = Math.floor(Date.now() / 1000) - 30 * DAY;
		const window = sandbox.vk
			.allComments()
			.filter((c) => c.from_id > 0 && c.date >= floor)
			.map((c) => c.id);
		expect(window).toContain(recent);
		expect(emitted.sort()).toEqual(window.sort());
		expect(emitted).not.toContain(old);
	});

	it('catchUpSince: the last poll less a 10-minute overlap, bounded by the maximum; no cursor — the maximum', () => {
		const now = 1_800_000_000;
		expect(catchUpSince(now - 3 * DAY, now, 30)).toBe(now - 3 * DAY - 600);
		expect(catchUpSince(now - 90 * DAY, now, 30)).toBe(now - 30 * DAY);
		expect(catchUpSince(undefined, now, 7)).toBe(now - 7 * DAY);
	});
});
