import fs from 'node:fs';
import { SANDBOX_CREDENTIALS } from '../../sandbox';
import { testPrivateKey } from './serviceAccount';

/**
 * Every secret the e2e credentials carry (the sandbox's tokens, passwords, keys and the service account's private
 * key body). A scan of outputs, logs, sheets and n8n's database must find none of them, in any form.
 */
export function sandboxSecrets(): string[] {
	const s = SANDBOX_CREDENTIALS;
	const keyBody = testPrivateKey()
		.split('\n')
		.filter((line) => line && !line.startsWith('-----'))[1];
	return [
		s.pos.password,
		s.im.token,
		s.vk.groupToken,
		s.vk.userToken,
		s.vk.callbackSecret,
		s.ok.applicationSecretKey,
		s.ok.accessToken,
		s.telegram.token,
		s.max.token,
		s.max.webhookSecret,
		keyBody,
	];
}

/** Shortest leaked fragment the scan finds. */
export const PARTIAL_LENGTH = 12;

/** Words a window of a readable sandbox secret may consist of without being a leak («access-token», «allback-secr»). */
const GENERIC_WORDS = [
	'access',
	'token',
	'secret',
	'password',
	'group',
	'user',
	'callback',
	'webhook',
	'telegram',
	'sandbox',
];

/** Positions of a secret that are not generic words or separators: `vk` in «vk-group-token», all of a random key. */
function distinctivePositions(secret: string): boolean[] {
	const own = [...secret].map((c) => /[A-Za-z0-9]/.test(c));
	const lower = secret.toLowerCase();
	for (const word of GENERIC_WORDS)
		for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1))
			own.fill(false, at, at + word.length);
	return own;
}

/**
 * The forms a secret can leak in: as is, URL-encoded (query strings, forms), base64 and base64url at each of the
 * three byte alignments (inside a Basic header or an encoded blob), and every fragment of 12 or more characters.
 */
export function secretForms(secret: string): { whole: string[]; partial: string[] } {
	const whole = new Set<string>([
		secret,
		encodeURIComponent(secret),
		encodeURIComponent(secret).replace(/%20/g, '+'),
	]);
	for (let k = 0; k < 3; k++) {
		const bytes = Buffer.concat([Buffer.alloc(k, 0x20), Buffer.from(secret)]);
		for (const encoding of ['base64', 'base64url'] as const) {
			const encoded = bytes.toString(encoding).replace(/=+$/, '');
			// Characters that depend on bytes around the secret are dropped: 4 at a shifted start, 4 at the end.
			const stable =
				k === 0
					? encoded.slice(0, encoded.length - (bytes.length % 3 ? 4 : 0))
					: encoded.slice(4, encoded.length - 4);
			if (stable.length >= 8) whole.add(stable);
		}
	}
	const partial = new Set<string>();
	const own = distinctivePositions(secret);
	for (let i = 0; i + PARTIAL_LENGTH <= secret.length; i++) {
		// A fragment counts when it carries at least two of the secret's own characters («access-token» alone does not).
		if (own.slice(i, i + PARTIAL_LENGTH).filter(Boolean).length >= 2)
			partial.add(secret.slice(i, i + PARTIAL_LENGTH));
	}
	return { whole: [...whole], partial: [...partial] };
}

/** The secrets found in a text or a file (empty when clean), in any of their forms. */
export function findSecrets(haystack: string | Buffer): string[] {
	const text = Buffer.isBuffer(haystack)
		? haystack.toString('latin1') + haystack.toString('utf8')
		: haystack;
	const found = new Set<string>();
	const windows = new Map<string, string>();
	const secrets = sandboxSecrets();
	for (const secret of secrets) {
		const { whole, partial } = secretForms(secret);
		if (whole.some((form) => text.includes(form))) found.add(secret);
		// A fragment two secrets share («max-sandbox-») names neither.
		for (const w of partial)
			if (!secrets.some((other) => other !== secret && other.includes(w))) windows.set(w, secret);
	}
	if (windows.size) {
		// One pass over the text for all fragments: a two-character prefilter, then a lookup of the 12-character window.
		const first = new Uint8Array(65536);
		for (const w of windows.keys())
			first[((w.charCodeAt(0) & 0xff) << 8) | (w.charCodeAt(1) & 0xff)] = 1;
		for (let i = 0; i + PARTIAL_LENGTH <= text.length; i++) {
			if (!first[((text.charCodeAt(i) & 0xff) << 8) | (text.charCodeAt(i + 1) & 0xff)]) continue;
			const secret = windows.get(text.slice(i, i + PARTIAL_LENGTH));
			if (secret) found.add(secret);
		}
	}
	return sandboxSecrets().filter((s) => found.has(s));
}

export function findSecretsInFile(file: string): string[] {
	return fs.existsSync(file) ? findSecrets(fs.readFileSync(file)) : [];
}
