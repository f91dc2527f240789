/**
 * Polling cost: the ПОС trigger's poll() against the emulator holding many old messages and 10 new ones. The
 * requests a poll makes must not grow with the old ones (the cursor is sent as `updatedFrom`, the source filters).
 * Run: npx tsx bench/polling.ts [old]
 */
import { PosTrigger } from '../nodes/Pos/PosTrigger.node';
import { SANDBOX_CREDENTIALS } from '../sandbox';
import { serveEmulator } from '../sandbox/core/server';
import { PosEmulator } from '../sandbox/pos/emulator';
import { pollContext } from '../test/helpers/pollContext';

export interface PollCost {
	old: number;
	requests: number;
	emitted: number;
	ms: number;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function pollCost(old: number, fresh = 10): Promise<PollCost> {
	// The old messages were last updated an hour ago (outside the trigger's overlap window); the new ones now.
	let clockOffset = -3600000;
	const emulator = new PosEmulator(undefined, { now: () => new Date(Date.now() + clockOffset) });
	emulator.insertRecords(old);
	clockOffset = 0;
	const server = await serveEmulator(emulator);
	try {
		const s = SANDBOX_CREDENTIALS.pos;
		const { ctx, requests } = pollContext(
			{ event: 'new', firstRun: 'now' },
			{
				baseUrl: server.url,
				loginPath: '/auth/oauth/token',
				username: s.username,
				password: s.password,
				scope: s.scope,
				appealsPath: '/appeal-service/external-appeal-system/appeals',
				urlTemplate: '',
			},
		);
		const trigger = new PosTrigger();
		// Source timestamps have whole seconds: keep the old, the cursor and the new ones in different seconds.
		await pause(1100);
		if ((await trigger.poll.call(ctx)) !== null)
			throw new Error('the first poll («from now») emitted old messages');
		await pause(1100);
		emulator.insertRecords(fresh);
		const before = requests.length;
		const t = Date.now();
		const out = await trigger.poll.call(ctx);
		return {
			old,
			requests: requests.length - before,
			emitted: out?.[0].length ?? 0,
			ms: Date.now() - t,
		};
	} finally {
		await server.close();
	}
}

if (require.main === module) {
	void (async () => {
		for (const old of [100, Number(process.argv[2] ?? 100000)])
			console.log(JSON.stringify(await pollCost(old)));
	})();
}
