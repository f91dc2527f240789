import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';
import { mayHaveApplied } from './http';
import { asNodeError } from './items';
import { backoffDelay, sleep, type RetryPolicy } from './retry';

/**
 * A write the service offers no idempotency key for (a comment, an answer, a forward), sent at most once in effect:
 * before sending, `find` lists what the service already holds that this write would produce (our own comment with
 * this text under that comment, our history entry with this status and text); when the send fails in a way that
 * may follow its application (timeout, reset, 500 — apiRequest marks those), `find` runs again and a new match
 * means the write was applied: it is not sent again. No new match — it was not applied, and is sent again.
 * When the service cannot be read back, the error says the write may have been applied.
 */
export interface WriteOnceOptions<T> {
	node: INode;
	/** Name of the service for messages («ПОС», «Одноклассники»…). */
	service: string;
	/** Ids of entries at the service that match this write (stable ids: comment ids, history positions). */
	find: () => Promise<string[]>;
	send: () => Promise<T>;
	/** Sends at most (the first one included). */
	attempts?: number;
	policy?: RetryPolicy;
	wait?: (ms: number) => Promise<void>;
}

export type WriteOnceResult<T> =
	/** The service answered the send. */
	| { applied: 'sent'; value: T }
	/** The answer was lost, but reading back found the entry the send produced. */
	| { applied: 'found'; id: string };

const POLICY: RetryPolicy = { retries: 2, baseDelayMs: 500, maxDelayMs: 5000 };

export async function writeOnce<T>(options: WriteOnceOptions<T>): Promise<WriteOnceResult<T>> {
	const attempts = options.attempts ?? 3;
	const policy = options.policy ?? POLICY;
	const before = new Set(await options.find());
	let last: unknown;
	for (let n = 0; n < attempts; n++) {
		if (n > 0) await (options.wait ?? sleep)(backoffDelay(n - 1, policy));
		try {
			return { applied: 'sent', value: await options.send() };
		} catch (error) {
			if (!mayHaveApplied(error)) throw asNodeError(options.node, error);
			last = error;
		}
		let after: string[];
		try {
			after = await options.find();
		} catch (error) {
			throw new NodeApiError(options.node, {} as JsonObject, {
				message: `${options.service}: запись могла быть выполнена, проверить не удалось (${(error as Error).message}); повторно не отправлялась`,
			});
		}
		const added = after.find((id) => !before.has(id));
		if (added !== undefined) return { applied: 'found', id: added };
	}
	throw new NodeApiError(options.node, {} as JsonObject, {
		message: `${options.service}: запись не выполнена — ни одна из попыток (${attempts}) не получила ответа, а проверка показала, что записи нет (${(last as Error).message.replace(/\. Запись могла быть выполнена.*$/, '')})`,
	});
}
