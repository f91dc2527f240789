import { createHash } from 'node:crypto';

/**
 * Access tokens shared by every node of this n8n process until they expire, keyed on a hash of every input the
 * token depends on — secrets included. A second credential with the same login but another password (or the same
 * service-account e-mail with another key) never gets the first one's token; the secrets themselves are not kept
 * as map keys.
 */
export class TokenCache {
	private readonly tokens = new Map<string, { token: string; expiresAt: number }>();

	static keyOf(inputs: readonly string[]): string {
		return createHash('sha256').update(JSON.stringify(inputs)).digest('hex');
	}

	/** The cached token when it stays valid for at least `marginMs` more. */
	get(inputs: readonly string[], marginMs: number): string | undefined {
		const cached = this.tokens.get(TokenCache.keyOf(inputs));
		return cached && cached.expiresAt > Date.now() + marginMs ? cached.token : undefined;
	}

	set(inputs: readonly string[], token: string, ttlMs: number): void {
		this.tokens.set(TokenCache.keyOf(inputs), { token, expiresAt: Date.now() + ttlMs });
	}

	delete(inputs: readonly string[]): void {
		this.tokens.delete(TokenCache.keyOf(inputs));
	}
}
