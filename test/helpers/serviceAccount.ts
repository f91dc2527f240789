import { generateKeyPairSync } from 'node:crypto';

let cached: string | undefined;

/**
 * A throwaway RSA key, as in a service account's JSON key (tests sign real RS256 JWTs with it). One per test process,
 * so secret scans know which key to look for.
 */
export function testPrivateKey(): string {
	if (!cached) {
		const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
		cached = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
	}
	return cached;
}
