import { serveEmulator, type RunningEmulator } from '../../../../sandbox/core/server';
import { PosEmulator } from '../../../../sandbox/pos/emulator';

/** The emulator on its own (raw HTTP); what the node's transport does with it is in test/unit/nodes/Pos/transport.test.ts. */
describe('ПОС emulator', () => {
	let server: RunningEmulator;

	beforeAll(async () => {
		server = await serveEmulator(new PosEmulator());
	});
	afterAll(() => server.close());

	it("refuses requests without a valid token, in the gateway's error shape", async () => {
		const res = await fetch(`${server.url}/appeal-service/external-appeal-system/appeals`);
		expect(res.status).toBe(401);
		const bad = await fetch(`${server.url}/auth/oauth/token`, {
			method: 'POST',
			body: new URLSearchParams({ grant_type: 'password', username: 'x', password: 'y' }),
		});
		expect(bad.status).toBe(401);
		expect(((await bad.json()) as { error: string }).error).toBe('invalid_grant');
	});
});
