import { FaultInjector } from './core/faults';
import { serveEmulator, type RunningEmulator } from './core/server';
import type { FaultPlan } from './core/types';
import { ImEmulator } from './im/emulator';
import { MaxEmulator, MAX_SANDBOX_TOKEN } from './max/emulator';
import { OkEmulator } from './ok/emulator';
import { SANDBOX_PORTS } from './ports';
import { PosEmulator } from './pos/emulator';
import { directorySeedTab } from './seed/directory';
import { generateDistrict, DEFAULT_SEED } from './seed/district';
import type { District } from './seed/types';
import { SheetsEmulator } from './sheets/emulator';
import { TelegramEmulator } from './telegram/emulator';
import { VkEmulator } from './vk/emulator';

/** Credentials the sandbox accepts (the demo imports them into n8n; none of them is a real secret). */
export const SANDBOX_CREDENTIALS = {
	pos: { username: 'mcu-dedovichi', password: 'pos-sandbox-password', scope: 'appeals' },
	im: { token: 'im-sandbox-token' },
	vk: {
		groupToken: 'vk-group-token',
		userToken: 'vk-user-token',
		callbackSecret: 'vk-callback-secret',
	},
	ok: {
		applicationKey: 'CBASANDBOX',
		applicationSecretKey: 'ok-sandbox-secret',
		accessToken: 'ok-sandbox-access-token',
	},
	telegram: { token: '7000000001:AAsandbox-telegram-token' },
	max: { token: MAX_SANDBOX_TOKEN, webhookSecret: 'max-sandbox-webhook-secret' },
	sheets: {
		email: 'mcu-reports@sandbox.iam.gserviceaccount.com',
		spreadsheetId: 'mcu-demo-spreadsheet',
	},
} as const;

export interface Sandbox {
	district: District;
	servers: Record<keyof typeof SANDBOX_PORTS, RunningEmulator>;
	urls: Record<keyof typeof SANDBOX_PORTS, string>;
	pos: PosEmulator;
	im: ImEmulator;
	vk: VkEmulator;
	ok: OkEmulator;
	telegram: TelegramEmulator;
	max: MaxEmulator;
	sheets: SheetsEmulator;
	/** The one fault injector every emulator of this sandbox shares. */
	faults: FaultInjector;
	close(): Promise<void>;
}

export interface SandboxOptions {
	seed?: number;
	/** `default` uses the fixed ports of sandbox/ports.ts; `random` picks free ones (tests). */
	ports?: 'default' | 'random' | Partial<Record<keyof typeof SANDBOX_PORTS, number>>;
	faults?: FaultPlan;
	/** Fast retries of webhook/callback deliveries (tests). */
	fastDelivery?: boolean;
}

/** Starts every emulator on 127.0.0.1 with the seeded district. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const district = generateDistrict(options.seed ?? DEFAULT_SEED);
	const faults = new FaultInjector();
	if (options.faults) faults.configure(options.faults);
	const delay = options.fastDelivery ? 50 : 1000;
	const emulators = {
		pos: new PosEmulator(district),
		im: new ImEmulator(district),
		vk: new VkEmulator(district, { callbackDelayMs: delay }),
		ok: new OkEmulator(district),
		telegram: new TelegramEmulator(district, { deliveryDelayMs: delay }),
		// The district's «Справочник» is there from the start, as a technical specialist would have filled it.
		sheets: new SheetsEmulator({ demoTabs: [directorySeedTab()] }),
		max: new MaxEmulator(district, { deliveryDelayMs: delay }),
	};
	const port = (name: keyof typeof SANDBOX_PORTS) =>
		options.ports === 'random'
			? 0
			: typeof options.ports === 'object'
				? (options.ports[name] ?? 0)
				: SANDBOX_PORTS[name];
	const servers = {} as Sandbox['servers'];
	for (const name of Object.keys(emulators) as Array<keyof typeof emulators>) {
		servers[name] = await serveEmulator(emulators[name], { port: port(name), faults });
	}
	const urls = Object.fromEntries(
		Object.entries(servers).map(([k, s]) => [k, s.url]),
	) as Sandbox['urls'];
	return {
		district,
		servers,
		urls,
		...emulators,
		faults,
		close: async () => {
			await Promise.all(Object.values(servers).map((s) => s.close()));
		},
	};
}
