import { serveEmulator, type RunningEmulator } from '../../../../sandbox/core/server';
import { OkEmulator } from '../../../../sandbox/ok/emulator';
import { generateDistrict } from '../../../../sandbox/seed/district';
import { okCall, okCredentials } from '../../../../nodes/Ok/transport';
import { okRecentComments } from '../../../../nodes/Ok/reads';
import { normalizeOkComment, okSignature } from '../../../../lib/sources/ok';
import { fetchContext } from '../../../helpers/httpContext';

describe('OK emulator with the OK transport', () => {
	const district = generateDistrict();
	let server: RunningEmulator;
	let emulator: OkEmulator;
	const ctx = fetchContext();
	const creds = (secret = 'ok-sandbox-secret') =>
		okCredentials({
			applicationKey: 'CBASANDBOX',
			applicationSecretKey: secret,
			accessToken: 'ok-sandbox-access-token',
			groupId: district.okGroupId,
			apiUrl: server.url,
		});
	beforeAll(async () => {
		emulator = new OkEmulator(district);
		server = await serveEmulator(emulator);
	});
	afterAll(() => server.close());
	beforeEach(async () => {
		await fetch(`${server.url}/__sandbox/reset`, { method: 'POST' });
	});

	it('signs like OK documents (hand-computed value)', () => {
		// md5("application_key=CBASANDBOXformat=jsonmethod=users.getCurrentUser" + md5("ok-sandbox-access-token" + "ok-sandbox-secret"))
		const { createHash } = require('node:crypto') as typeof import('node:crypto');
		const md5 = (s: string) => createHash('md5').update(s).digest('hex');
		const expected = md5(
			`application_key=CBASANDBOXformat=jsonmethod=users.getCurrentUser${md5('ok-sandbox-access-tokenok-sandbox-secret')}`,
		);
		expect(
			okSignature(
				{
					method: 'users.getCurrentUser',
					format: 'json',
					application_key: 'CBASANDBOX',
					access_token: 'x',
				},
				'ok-sandbox-access-token',
				'ok-sandbox-secret',
			),
		).toBe(expected);
	});

	it('checks the signature like OK does', async () => {
		await expect(okCall(ctx, creds('wrong-secret'), 'users.getCurrentUser')).rejects.toThrow(
			/ошибка 104: PARAM_SIGNATURE/,
		);
		await expect(okCall(ctx, creds(), 'users.getCurrentUser')).resolves.toMatchObject({
			uid: '570000000',
		});
	});

	it("reads every comment of the group's discussions through pages; they normalize", async () => {
		const records = await okRecentComments(ctx, creds(), 100);
		const groupReplies = emulator.allComments().filter((c) => c.author_type === 'GROUP');
		expect(groupReplies.length).toBeGreaterThan(5);
		expect(records).toHaveLength(emulator.allComments().length - groupReplies.length);
		// A reply of the group answers the comment it replies to.
		const answered = records.filter((r) => r.answer);
		expect(answered).toHaveLength(groupReplies.length);
		for (const r of answered) {
			const reply = groupReplies.find((g) => g.reply_to_comment_id === r.comment.id)!;
			expect(r.answer!.text).toBe(reply.text);
			if (r.comment.date !== '31.02.2026')
				expect(normalizeOkComment(r)).toMatchObject({ status: 'answered', answerText: reply.text });
		}
		const ok = records.filter((r) => {
			try {
				normalizeOkComment(r);
				return true;
			} catch (error) {
				expect((error as Error).message).toMatch(/raw\.(date|text)/);
				return false;
			}
		});
		expect(ok.length).toBeGreaterThan(records.length * 0.9);
	});

	it('replies in a discussion and retries a call limit', async () => {
		await fetch(`${server.url}/__sandbox/faults`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({
				rules: [{ route: 'discussions.addComment', kind: 'api_error', code: 9, times: 1 }],
			}),
		});
		const [first] = await okRecentComments(ctx, creds(), 1);
		const r = await okCall<{ id: string }>(ctx, creds(), 'discussions.addComment', {
			discussionId: first.discussion.id,
			discussionType: 'GROUP_TOPIC',
			comment: 'Заявка передана в МБУ «Благоустройство»',
		});
		expect(r.id).toMatch(/^adm/);
		expect(server.calls.get('discussions.addComment')).toBe(2);
	});
});
