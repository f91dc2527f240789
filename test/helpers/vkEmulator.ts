import { serveEmulator, type RunningEmulator } from '../../sandbox/core/server';
import { VkEmulator } from '../../sandbox/vk/emulator';
import { generateDistrict } from '../../sandbox/seed/district';
import { vkCredentials, type VkCredentials } from '../../nodes/Vk/transport';
import { fetchContext } from './httpContext';

/**
 * The seeded district's VK emulator for one test file: served before its tests, reset before each, closed after.
 * `creds` are the node's credentials for it (the community's token unless another is given).
 */
export function useVkEmulator() {
	const district = generateDistrict();
	let server: RunningEmulator | undefined;
	let emulator: VkEmulator | undefined;
	beforeAll(async () => {
		emulator = new VkEmulator(district, { callbackDelayMs: 20 });
		server = await serveEmulator(emulator);
	});
	afterAll(() => server?.close());
	beforeEach(async () => {
		await fetch(`${server!.url}/__sandbox/reset`, { method: 'POST' });
	});
	return {
		district,
		ctx: fetchContext(),
		get server(): RunningEmulator {
			return server!;
		},
		get emulator(): VkEmulator {
			return emulator!;
		},
		creds: (token = 'vk-group-token'): VkCredentials =>
			vkCredentials({
				accessToken: token,
				keyKind: 'community',
				groupId: district.vkGroupId,
				apiUrl: server!.url,
				apiVersion: '5.199',
				callbackSecret: 's3cr3t',
			}),
	};
}
