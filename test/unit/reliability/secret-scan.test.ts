import { SANDBOX_CREDENTIALS } from '../../../sandbox';
import { PARTIAL_LENGTH, findSecrets, sandboxSecrets, secretForms } from '../../helpers/secrets';

const s = SANDBOX_CREDENTIALS;

describe('secret scans find secrets in every form they leak in', () => {
	it.each(sandboxSecrets().map((secret) => [secret.slice(0, 24), secret]))(
		'%s: as is, URL-encoded, base64 at any alignment, and a fragment',
		(_, secret) => {
			const forms = [
				`log: ${secret} end`,
				`GET /x?token=${encodeURIComponent(secret)}&a=1`,
				`blob ${Buffer.from(`${secret}`).toString('base64')}`,
				`Authorization: Basic ${Buffer.from(`user:${secret}`).toString('base64')}`,
				`b ${Buffer.from(`xy${secret}tail`).toString('base64url')}`,
			];
			// Some 12-character fragment of every secret is its own (not generic words, not shared with another secret).
			const fragment = secretForms(secret).partial.find(
				(w) => !sandboxSecrets().some((o) => o !== secret && o.includes(w)),
			);
			expect(fragment).toHaveLength(PARTIAL_LENGTH);
			forms.push(`fragment …${fragment}…`);
			for (const text of forms)
				expect({ text, found: findSecrets(text) }).toEqual({ text, found: [secret] });
		},
	);

	it('finds a leaked fragment inside a Buffer (n8n database file)', () => {
		expect(findSecrets(Buffer.from(`\u0000\u0001${s.telegram.token.slice(5, 20)}\u0000`))).toEqual([
			s.telegram.token,
		]);
	});

	it('does not take generic words for fragments', () => {
		const clean =
			'x-access-token header; sandbox-password field; user-token; callback-secret; 12-char-words; mcu-dedovichi';
		expect(findSecrets(clean)).toEqual([]);
	});
});
