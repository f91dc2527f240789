import { vkCall } from '../../../../nodes/Vk/transport';
import { vkPostComments, vkSearchMentions, vkWallPosts } from '../../../../nodes/Vk/reads';
import { vkLongPollCheck, vkLongPollServer } from '../../../../nodes/Vk/longPoll';
import { normalizeVk } from '../../../../lib/sources/vk';
import { useVkEmulator } from '../../../helpers/vkEmulator';

// Long polling takes longer on a busy 2-core machine than jest's default 5 s.
jest.setTimeout(30000);

describe('VK transport and reads against the emulator', () => {
	const env = useVkEmulator();
	const { district, ctx, creds } = env;

	it("VK's error envelope becomes the error; search needs a user token", async () => {
		await expect(
			vkCall(ctx, creds('bad'), 'wall.get', { owner_id: -district.vkGroupId }),
		).rejects.toThrow(/ошибка 5: User authorization failed/);
		await expect(vkSearchMentions(ctx, creds(), ['Дедович'])).rejects.toThrow(/ошибка 27/);
		const found = await vkSearchMentions(ctx, creds('vk-user-token'), ['Дедовичах']);
		expect(found.length).toBeGreaterThan(0);
	});

	it("the node's reads return every citizen comment, answered by the community's reply; odd ones fail naming the field", async () => {
		const posts = await vkWallPosts(ctx, creds(), 100);
		let total = 0;
		const failures: string[] = [];
		const normalizedIds: string[] = [];
		const answered: Array<{
			id: string;
			answeredAt: string | null;
			answerText: string | null;
			status: string;
		}> = [];
		for (const post of posts) {
			for (const c of await vkPostComments(ctx, creds(), Number(post.item.id))) {
				total++;
				try {
					const appeal = normalizeVk(c);
					normalizedIds.push(appeal.id);
					if (appeal.answerText) answered.push(appeal);
				} catch (error) {
					failures.push((error as Error).message);
				}
			}
		}
		const all = env.emulator.allComments();
		const replies = all.filter((c) => c.from_id < 0);
		expect(total).toBe(all.length - replies.length);
		for (const f of failures) expect(f).toMatch(/raw\.(date|text)/);
		// Every seeded reply answers exactly its comment: status, time and text come from the reply.
		const normalized = new Set(normalizedIds);
		expect(replies.length).toBeGreaterThan(5);
		expect(answered.length).toBe(
			replies.filter((r) => [...normalized].some((id) => id.endsWith(`_c${r.reply_to_comment}`)))
				.length,
		);
		for (const a of answered) {
			const reply = replies.find((r) => a.id.endsWith(`_c${r.reply_to_comment}`))!;
			expect(a).toMatchObject({
				status: 'answered',
				answerText: reply.text,
				answeredAt: new Date(reply.date * 1000 + 3 * 3600000)
					.toISOString()
					.replace('.000Z', '+03:00'),
			});
		}
	});

	it('retries rate limits (errors 6, 9) and succeeds', async () => {
		await fetch(`${env.server.url}/__sandbox/faults`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({
				rules: [
					{ route: 'wall.get', kind: 'api_error', code: 6, times: 1 },
					{ route: 'wall.get', kind: 'api_error', code: 9, times: 1 },
				],
			}),
		});
		const posts = await vkWallPosts(ctx, creds(), 5);
		expect(posts).toHaveLength(5);
		expect(env.server.calls.get('wall.get')).toBe(3);
	});

	it("retries a gateway's HTTP 429 and 503 that do not carry VK's error shape", async () => {
		const before = env.server.calls.get('wall.get') ?? 0;
		await fetch(`${env.server.url}/__sandbox/faults`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({
				rules: [
					{ route: 'wall.get', kind: 'http_429', times: 1, retryAfter: 1 },
					{ route: 'wall.get', kind: 'http_503', times: 1 },
				],
			}),
		});
		const posts = await vkWallPosts(ctx, creds(), 5);
		expect(posts).toHaveLength(5);
		expect((env.server.calls.get('wall.get') ?? 0) - before).toBe(3);
	});

	it('Bots Long Poll gives exactly the new events since ts; a lost history is reported', async () => {
		let state = await vkLongPollServer(ctx, creds());
		expect((await vkLongPollCheck(ctx, creds(), state)).events).toEqual([]);
		await fetch(`${env.server.url}/__sandbox/insert`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ count: 3 }),
		});
		const check = await vkLongPollCheck(ctx, creds(), state);
		expect(check.events.map((e) => e.type)).toEqual([
			'wall_reply_new',
			'wall_reply_new',
			'message_new',
		]);
		state = check.state;
		expect((await vkLongPollCheck(ctx, creds(), state)).events).toEqual([]);
		expect((await vkLongPollCheck(ctx, creds(), { ...state, ts: '999999' })).lost).toBe(true);
	});
});
