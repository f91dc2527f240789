import { normalizeIm } from '../../lib/sources/im';
import { normalizePos } from '../../lib/sources/pos';
import { normalizeTelegram } from '../../lib/sources/telegram';
import type { Sandbox } from '../../sandbox';

/** The ids of the records a normalizer accepts: the appeals a register must hold, no more, no fewer. */
export function appealIds(records: unknown[], normalize: (r: never) => { id: string }): string[] {
	return records.flatMap((r) => {
		try {
			return [normalize(r as never).id];
		} catch {
			return [];
		}
	});
}

/** Every valid appeal of the sources whose emulators hold plain records: ПОС, ИМ and every update Telegram ever held. */
export function sandboxAppealIds(sandbox: Sandbox): Record<'pos' | 'im' | 'telegram', string[]> {
	return {
		pos: appealIds(sandbox.pos.all(), normalizePos).sort(),
		im: appealIds(sandbox.im.all(), normalizeIm).sort(),
		telegram: appealIds(
			(sandbox.telegram.dump() as { updates: unknown[] }).updates,
			normalizeTelegram,
		).sort(),
	};
}

/** The ids of one source among register ids, sorted. */
export const sourceIds = (ids: string[], source: string): string[] =>
	ids.filter((id) => id.startsWith(`${source}:`)).sort();
