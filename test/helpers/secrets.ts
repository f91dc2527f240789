import fs from 'node:fs';
import { SANDBOX_CREDENTIALS } from '../../sandbox';
import { testPrivateKey } from './serviceAccount';

/**
 * Every secret the e2e credentials carry (the sandbox's tokens, passwords, keys and the service account's private
 * key body). A scan of outputs, logs, sheets and n8n's database must find none of them.
 */
export function sandboxSecrets(): string[] {
	const s = SANDBOX_CREDENTIALS;
	const keyBody = testPrivateKey()
		.split('\n')
		.filter((line) => line && !line.startsWith('-----'))[1];
	return [s.pos.password, s.im.token, s.vk.groupToken, s.vk.userToken, s.vk.callbackSecret, s.ok.applicationSecretKey, s.ok.accessToken, s.telegram.token, keyBody];
}

/** The secrets found in a text or a file (empty when clean). */
export function findSecrets(haystack: string | Buffer): string[] {
	const text = Buffer.isBuffer(haystack) ? haystack.toString('latin1') + haystack.toString('utf8') : haystack;
	return sandboxSecrets().filter((secret) => text.includes(secret));
}

export function findSecretsInFile(file: string): string[] {
	return fs.existsSync(file) ? findSecrets(fs.readFileSync(file)) : [];
}
