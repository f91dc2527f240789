import { generateKeyPairSync } from 'node:crypto';

/** A throwaway RSA key, as in a service account's JSON key (tests sign real RS256 JWTs with it). */
export function testPrivateKey(): string {
	const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
	return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}
