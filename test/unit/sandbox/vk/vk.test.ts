import { Agent, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { VK } from 'vk-io';
import { vkCall } from '../../../../nodes/Vk/transport';
import { useVkEmulator } from '../../../helpers/vkEmulator';

// Long polling and the vk-io client take longer on a busy 2-core machine than jest's default 5 s.
jest.setTimeout(30000);

describe('VK emulator', () => {
	const env = useVkEmulator();
	const { district, ctx, creds } = env;

	it('serves a real VK client library (vk-io): wall.get, wall.getComments, createComment', async () => {
		// vk-io defaults to an https agent; the emulator speaks plain http on 127.0.0.1.
		const vk = new VK({
			token: 'vk-group-token',
			apiBaseUrl: `${env.server.url}/method`,
			apiMode: 'sequential',
			agent: new Agent() as never,
		});
		const wall = await vk.api.wall.get({ owner_id: -district.vkGroupId, count: 100 });
		expect(wall.count).toBe(
			district.appeals.filter((a) => a.channel === 'vk' && a.kind === 'post').length,
		);
		const withComments = wall.items.find((p) => (p.comments?.count ?? 0) > 0)!;
		const comments = await vk.api.wall.getComments({
			owner_id: -district.vkGroupId,
			post_id: withComments.id!,
			count: 100,
		});
		expect(comments.items.length).toBe(withComments.comments!.count);
		const reply = await vk.api.wall.createComment({
			owner_id: -district.vkGroupId,
			post_id: withComments.id!,
			message: 'Здравствуйте! Информация передана в отдел ЖКХ.',
			from_group: district.vkGroupId,
		});
		expect(reply.comment_id).toBeGreaterThan(0);
		await expect(
			vk.api.wall.get({ owner_id: -district.vkGroupId, count: 500 }),
		).rejects.toMatchObject({ code: 100 });
	});

	it("refuses bad tokens and missing versions in VK's envelope", async () => {
		const bad = await fetch(
			`${env.server.url}/method/wall.get?access_token=bad&v=5.199&owner_id=-${district.vkGroupId}`,
		);
		expect(((await bad.json()) as { error: { error_code: number } }).error.error_code).toBe(5);
		const res = await fetch(
			`${env.server.url}/method/wall.get?access_token=vk-group-token&owner_id=-${district.vkGroupId}`,
		);
		expect(((await res.json()) as { error: { error_code: number } }).error.error_code).toBe(8);
	});

	it('Bots Long Poll: vk-io receives a new comment', async () => {
		const vk = new VK({
			token: 'vk-group-token',
			apiBaseUrl: `${env.server.url}/method`,
			pollingGroupId: district.vkGroupId,
			agent: new Agent() as never,
		});
		const received = new Promise<string>((resolve) =>
			vk.updates.on('wall_reply_new', (context) =>
				resolve(String((context as unknown as { text?: string }).text)),
			),
		);
		await vk.updates.startPolling();
		await fetch(`${env.server.url}/__sandbox/insert`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ count: 1 }),
		});
		await expect(received).resolves.toMatch(/нет воды/);
		await vk.updates.stop();
	});

	it('Callback API: confirmation, secret, and retries until the server answers "ok"', async () => {
		const got: Array<Record<string, unknown>> = [];
		let failFirst = true;
		const hook = createServer((req, res) => {
			let body = '';
			req.on('data', (d) => (body += d));
			req.on('end', () => {
				const event = JSON.parse(body) as Record<string, unknown>;
				if (event.type === 'confirmation') {
					res.end('a1b2c3d4');
					return;
				}
				got.push(event);
				if (failFirst) {
					failFirst = false;
					res.statusCode = 500;
					res.end('oops');
					return;
				}
				res.end('ok');
			});
		});
		await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
		const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/`;
		const { server_id } = await vkCall<{ server_id: number }>(
			ctx,
			creds(),
			'groups.addCallbackServer',
			{ group_id: district.vkGroupId, url, title: 'n8n', secret_key: 's3cr3t' },
		);
		await vkCall(ctx, creds(), 'groups.setCallbackSettings', {
			group_id: district.vkGroupId,
			server_id,
			api_version: '5.199',
			wall_reply_new: 1,
		});
		await fetch(`${env.server.url}/__sandbox/insert`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ count: 1 }),
		});
		// The emulator's own event: every delivery it began (the insert's, retries included) has ended.
		await env.emulator.deliveriesSettled();
		expect(got).toHaveLength(2);
		expect(got[0]).toMatchObject({
			type: 'wall_reply_new',
			secret: 's3cr3t',
			group_id: district.vkGroupId,
		});
		expect(got[1].event_id).toBe(got[0].event_id);
		expect(env.emulator.deliveries).toEqual([
			{ event_id: got[0].event_id, attempts: 2, delivered: true },
		]);
		hook.close();
	});
});
