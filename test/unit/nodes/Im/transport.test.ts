import { serveEmulator, type RunningEmulator } from '../../../../sandbox/core/server';
import { ImEmulator } from '../../../../sandbox/im/emulator';
import { generateDistrict } from '../../../../sandbox/seed/district';
import { imCredentials, imListIncidents, imRequest } from '../../../../nodes/Im/transport';
import { normalizeIm } from '../../../../lib/sources/im';
import { fetchContext } from '../../../helpers/httpContext';

describe('ИМ node transport against the ИМ emulator', () => {
	let server: RunningEmulator;
	const district = generateDistrict();
	const ctx = fetchContext();
	const creds = () => imCredentials({ baseUrl: server.url, token: 'im-sandbox-token' });
	beforeAll(async () => {
		server = await serveEmulator(new ImEmulator(district));
	});
	afterAll(() => server.close());
	beforeEach(async () => {
		await fetch(`${server.url}/__sandbox/reset`, { method: 'POST' });
	});

	it('lists every seeded incident once; most normalize, odd ones fail naming the field', async () => {
		const all = (await imListIncidents(ctx, creds(), {})) as Array<Record<string, unknown>>;
		const seeded = district.appeals.filter((a) => a.channel === 'im');
		expect(all).toHaveLength(seeded.length);
		const failures: string[] = [];
		for (const r of all) {
			try {
				normalizeIm(r);
			} catch (error) {
				failures.push((error as Error).message);
			}
		}
		const odd = seeded.filter((a) =>
			a.oddities?.some((o) => o === 'bad_date' || o === 'empty_text'),
		).length;
		expect(failures).toHaveLength(odd);
		for (const f of failures) expect(f).toMatch(/im:INC-\d+: поле raw\.(createdAt|text)/);
	});

	it('refuses a wrong token', async () => {
		await expect(
			imListIncidents(ctx, imCredentials({ baseUrl: server.url, token: 'nope' }), {}),
		).rejects.toThrow(/401/);
	});

	it('take, answer (published back), reject with a reason; closed incidents refuse actions', async () => {
		const open = (
			(await imListIncidents(ctx, creds(), { status: ['new'] })) as Array<{ id: string }>
		)[0];
		await imRequest(ctx, creds(), {
			method: 'POST',
			path: `/api/v1/incidents/${open.id}/take`,
			body: {},
		});
		const answered = await imRequest<Record<string, unknown>>(ctx, creds(), {
			method: 'POST',
			path: `/api/v1/incidents/${open.id}/answer`,
			body: { text: 'Бригада выехала, свет дали в 14:00' },
		});
		expect(normalizeIm(answered)).toMatchObject({
			status: 'answered',
			answerText: 'Бригада выехала, свет дали в 14:00',
		});
		expect((answered.answer as { publishedUrl: string }).publishedUrl).toMatch(/reply=/);
		await expect(
			imRequest(ctx, creds(), {
				method: 'POST',
				path: `/api/v1/incidents/${open.id}/reject`,
				body: { reason: 'x' },
			}),
		).rejects.toThrow(/409/);
		const another = (
			(await imListIncidents(ctx, creds(), { status: ['new'] })) as Array<{ id: string }>
		)[0];
		await expect(
			imRequest(ctx, creds(), {
				method: 'POST',
				path: `/api/v1/incidents/${another.id}/reject`,
				body: {},
			}),
		).rejects.toThrow(/причина/);
	});

	it('assign an executor, forward out of competence; a forwarded incident refuses further actions', async () => {
		const [first, second] = (await imListIncidents(ctx, creds(), { status: ['new'] })) as Array<{
			id: string;
		}>;
		const assigned = await imRequest<Record<string, unknown>>(ctx, creds(), {
			method: 'POST',
			path: `/api/v1/incidents/${first.id}/assign`,
			body: { executor: 'Иванова А. П.' },
		});
		expect(normalizeIm(assigned)).toMatchObject({
			status: 'in_progress',
			responsible: 'Иванова А. П.',
		});
		await expect(
			imRequest(ctx, creds(), {
				method: 'POST',
				path: `/api/v1/incidents/${first.id}/assign`,
				body: { executor: ' ' },
			}),
		).rejects.toThrow(/исполнитель/);
		const forwarded = await imRequest<Record<string, unknown>>(ctx, creds(), {
			method: 'POST',
			path: `/api/v1/incidents/${second.id}/forward`,
			body: { organization: 'ГБУЗ «Порховская МБ»', comment: 'вопрос здравоохранения' },
		});
		expect(normalizeIm(forwarded).status).toBe('forwarded');
		expect(forwarded.forwardedTo).toEqual({
			organization: 'ГБУЗ «Порховская МБ»',
			comment: 'вопрос здравоохранения',
		});
		await expect(
			imRequest(ctx, creds(), {
				method: 'POST',
				path: `/api/v1/incidents/${second.id}/take`,
				body: {},
			}),
		).rejects.toThrow(/409/);
	});
});
