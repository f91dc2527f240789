import { serveEmulator, type RunningEmulator } from '../../../../sandbox/core/server';
import { PosEmulator } from '../../../../sandbox/pos/emulator';
import { posCredentials, posListMessages, posRequest } from '../../../../nodes/Pos/transport';
import { normalizePos } from '../../../../lib/sources/pos';
import { fetchContext } from '../../../helpers/httpContext';

const district = {
	seed: 1,
	now: '2026-11-20T12:00:00+03:00',
	name: 'Дедовичский район',
	vkGroupId: 1,
	okGroupId: '1',
	telegramChannel: 'x',
	settlements: [
		{
			id: 'dedovichi',
			name: 'Дедовичи',
			kind: 'городское поселение',
			streets: ['Советская'],
			villages: [],
		},
	],
	departments: [],
	people: [],
	appeals: Array.from({ length: 250 }, (_, i) => ({
		seq: i + 1,
		channel: 'pos' as const,
		kind: (i % 3 === 0 ? 'appeal59' : 'message') as 'appeal59' | 'message',
		createdAt: new Date(Date.parse('2026-09-01T09:00:00+03:00') + i * 3600000 * 7)
			.toISOString()
			.replace('Z', '+00:00'),
		author: {
			id: `p${i}`,
			surname: 'Петрова',
			name: 'Анна',
			patronymic: 'Сергеевна',
			phone: '+79110000001',
			email: 'a@example.ru',
			vkId: 1,
			okId: '1',
			telegramId: 1,
		},
		text: `Сообщение ${i + 1}: яма на дороге`,
		settlementId: 'dedovichi',
		expected: { topic: 'roads', settlementId: 'dedovichi', flags: [] },
		...(i % 5 === 0
			? {
					answer: {
						at: new Date(Date.parse('2026-09-05T09:00:00+03:00') + i * 3600000 * 7)
							.toISOString()
							.replace('Z', '+00:00'),
						text: 'Ремонт выполнен',
						by: {
							name: 'Смирнов Пётр Андреевич',
							position: 'начальник отдела',
							department: 'roads',
						},
						late: false,
						formal: false,
					},
				}
			: {}),
	})),
};

describe('ПОС node transport against the ПОС emulator', () => {
	let server: RunningEmulator;
	let emulator: PosEmulator;
	const ctx = fetchContext();
	const creds = () =>
		posCredentials({
			baseUrl: server.url,
			username: 'mcu-dedovichi',
			password: 'pos-sandbox-password',
			scope: 'appeals',
		});

	beforeAll(async () => {
		emulator = new PosEmulator(district as never);
		server = await serveEmulator(emulator);
	});
	afterAll(() => server.close());
	beforeEach(async () => {
		await fetch(`${server.url}/__sandbox/reset`, { method: 'POST' });
	});

	it('lists every message exactly once across pages, oldest update first', async () => {
		const all = (await posListMessages(ctx, creds(), {})) as Array<{
			posId: string;
			updatedAt: string;
		}>;
		expect(all).toHaveLength(250);
		expect(new Set(all.map((m) => m.posId)).size).toBe(250);
		const times = all.map((m) => Date.parse(m.updatedAt));
		expect([...times].sort((a, b) => a - b)).toEqual(times);
		expect(server.calls.get('GET /appeals')).toBe(3);
	});

	it('filters by update time and status; rejects a page size over 100', async () => {
		const since = (await posListMessages(ctx, creds(), {
			updatedFrom: '2026-11-01T00:00:00+03:00',
		})) as Array<{ updatedAt: string }>;
		expect(since.length).toBeGreaterThan(0);
		expect(
			since.every((m) => Date.parse(m.updatedAt) >= Date.parse('2026-11-01T00:00:00+03:00')),
		).toBe(true);
		const answered = (await posListMessages(ctx, creds(), { status: ['SEND_RESPONSE'] })) as Array<{
			status: string;
		}>;
		expect(answered).toHaveLength(50);
		await expect(
			posRequest(ctx, creds(), {
				method: 'GET',
				path: '/appeal-service/external-appeal-system/appeals',
				qs: { size: 500 },
			}),
		).rejects.toThrow(/size должен быть от 1 до 100/);
	});

	it('actions change status and history; invalid transitions are refused', async () => {
		const id = '5500002';
		const path = `/appeal-service/external-appeal-system/appeals/${id}`;
		await posRequest(ctx, creds(), { method: 'POST', path: `${path}/take-to-work`, body: {} });
		await posRequest(ctx, creds(), {
			method: 'POST',
			path: `${path}/set-executor`,
			body: { executor: 'Иванов И. И.' },
		});
		await posRequest(ctx, creds(), {
			method: 'POST',
			path: `${path}/response`,
			body: { answerType: 'SUPPORTED', comment: 'Яма заделана 24.11.2026' },
		});
		const message = await posRequest(ctx, creds(), { method: 'GET', path });
		const appeal = normalizePos(message);
		expect(appeal).toMatchObject({
			status: 'answered',
			responsible: 'Иванов И. И.',
			answerText: 'Яма заделана 24.11.2026',
		});
		await expect(
			posRequest(ctx, creds(), {
				method: 'POST',
				path: `${path}/response`,
				body: { answerType: 'SUPPORTED', comment: 'ещё раз' },
			}),
		).rejects.toThrow(/409/);
		await expect(
			posRequest(ctx, creds(), { method: 'POST', path: `${path}/postpone`, body: {} }),
		).rejects.toThrow(/409|newDate/);
	});

	it('an intermediate answer keeps the message open for the final one; the normalizer keeps both', async () => {
		const id = '5500003';
		const path = `/appeal-service/external-appeal-system/appeals/${id}`;
		await posRequest(ctx, creds(), { method: 'POST', path: `${path}/take-to-work`, body: {} });
		await posRequest(ctx, creds(), {
			method: 'POST',
			path: `${path}/response`,
			body: { answerType: 'INTERMEDIATE', comment: 'Ремонт будет выполнен до 30.11.2026' },
		});
		expect(normalizePos(await posRequest(ctx, creds(), { method: 'GET', path }))).toMatchObject({
			status: 'answered',
			answerIntermediate: true,
			answerHistory: [],
		});
		await posRequest(ctx, creds(), {
			method: 'POST',
			path: `${path}/response`,
			body: { answerType: 'SUPPORTED', comment: 'Яма заделана 25.11.2026' },
		});
		const appeal = normalizePos(await posRequest(ctx, creds(), { method: 'GET', path }));
		expect(appeal).toMatchObject({
			answerText: 'Яма заделана 25.11.2026',
			answerIntermediate: false,
		});
		expect(appeal.answerHistory).toEqual([
			{ at: expect.any(String), text: 'Ремонт будет выполнен до 30.11.2026', intermediate: true },
		]);
		await expect(
			posRequest(ctx, creds(), {
				method: 'POST',
				path: `${path}/response`,
				body: { answerType: 'SUPPORTED', comment: 'ещё раз' },
			}),
		).rejects.toThrow(/409/);
	});

	it('survives 429 and 503 faults and an expired token mid-run, losing nothing', async () => {
		await fetch(`${server.url}/__sandbox/faults`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({
				rules: [
					// Rules are tried in order; each fires once, so requests 1–4 meet one fault each.
					{ emulator: 'pos', route: 'GET /appeals', kind: 'http_429', retryAfter: 0, times: 1 },
					{ emulator: 'pos', route: 'GET /appeals', kind: 'http_503', times: 1 },
					{ emulator: 'pos', route: 'GET /appeals', kind: 'expired_token', times: 1 },
					{ emulator: 'pos', route: 'GET /appeals', kind: 'truncated_json', times: 1 },
				],
			}),
		});
		const all = (await posListMessages(ctx, creds(), {})) as Array<{ posId: string }>;
		expect(new Set(all.map((m) => m.posId)).size).toBe(250);
		const log = (await (await fetch(`${server.url}/__sandbox/faults`)).json()) as Array<{
			kind: string;
		}>;
		expect(log.map((l) => l.kind)).toEqual([
			'http_429',
			'http_503',
			'expired_token',
			'truncated_json',
		]);
	});

	it('records arriving between pages are picked up, none twice', async () => {
		await fetch(`${server.url}/__sandbox/faults`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({
				rules: [
					{
						emulator: 'pos',
						route: 'GET /appeals',
						kind: 'insert_records',
						code: 3,
						after: 1,
						times: 1,
					},
				],
			}),
		});
		const all = (await posListMessages(ctx, creds(), {})) as Array<{ posId: string }>;
		expect(all).toHaveLength(253);
		expect(new Set(all.map((m) => m.posId)).size).toBe(253);
	});
});
