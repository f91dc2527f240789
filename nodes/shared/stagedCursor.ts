import type { IExecuteFunctions } from 'n8n-workflow';
import {
	changedReadFrom,
	takeChanged,
	type ChangedCursor,
	type ChangedRecord,
} from '../../lib/sources/cursor';

/**
 * A cursor the service itself confirms when it receives it back (Telegram's `offset`, MAX's `marker`): sending the
 * next value tells the service to forget everything before it. So the value a read returns is only staged: it is
 * stored in the workflow's static data once the read's items are built and handed over, and confirmed at the service
 * by the next run's read — never by a second request of the same run, which would make the service forget records
 * whose items are not out yet. A read or a build that fails stores nothing.
 *
 * n8n saves static data of failed runs too, so a run that failed after this node (the register write) would still
 * stage its cursor. Where n8n tells a node how its execution ended (`onExecutionFinish`), the outcome is kept in
 * this process: the next run after a failed one rolls back to the cursor before it and reads the same records again
 * (writes downstream upsert by id, so a re-read is harmless). Where the outcome is unknown (another worker, a
 * restart) the staged cursor is used; the failed execution keeps its items and can be retried in n8n.
 */
export interface StagedCursorState<T> {
	/** The value the next read sends (confirming everything before it at the service). */
	cursor?: T;
	/** The value before it: sent again when the execution that staged `cursor` failed. */
	previous?: T;
	/** The execution that staged `cursor`. */
	stagedBy?: string;
	/** When it was staged (ISO 8601), for people reading the static data. */
	stagedAt?: string;
}

/** Executions of this process that staged a cursor → whether they failed. */
const outcomes = new Map<string, boolean>();
const OUTCOMES_KEPT = 1000;

/** The run's end as n8n records it on the execution (not part of the typed node API, hence the guard). */
export function runFailed(ctx: IExecuteFunctions): boolean | undefined {
	const data = (ctx as unknown as { runExecutionData?: { resultData?: { error?: unknown } } })
		.runExecutionData;
	return data?.resultData ? data.resultData.error !== undefined : undefined;
}

export async function readWithStagedCursor<T, R, O>(
	ctx: IExecuteFunctions,
	state: StagedCursorState<T>,
	read: (cursor: T | undefined) => Promise<{ records: R[]; next: T | undefined }>,
	handOver: (records: R[]) => Promise<O> | O,
): Promise<O> {
	let cursor = state.cursor;
	if (state.stagedBy !== undefined && outcomes.get(state.stagedBy) === true)
		cursor = state.previous;
	const { records, next } = await read(cursor);
	const out = await handOver(records);
	if (next !== undefined && next !== cursor) {
		const execution = String(ctx.getExecutionId?.() ?? '');
		state.previous = cursor;
		state.cursor = next;
		state.stagedBy = execution || undefined;
		state.stagedAt = new Date().toISOString();
		if (execution && ctx.onExecutionFinish) {
			ctx.onExecutionFinish(() => {
				const failed = runFailed(ctx);
				if (failed === undefined) return;
				outcomes.set(execution, failed);
				for (const key of outcomes.keys()) {
					if (outcomes.size <= OUTCOMES_KEPT) break;
					outcomes.delete(key);
				}
			});
		}
	} else if (cursor !== state.cursor) {
		// Rolled back and nothing new: the rolled-back value is the one to send next.
		state.cursor = cursor;
		delete state.stagedBy;
	}
	return out;
}

/** How far before its cursor a changed-since read re-reads (ms), as the ПОС/ИМ triggers do. */
export const CHANGED_OVERLAP_MS = 5 * 60000;

/**
 * A get-many that hands over only what changed since the last run (ПОС, ИМ): the first run reads from `firstFrom`
 * (the configured window; undefined reads everything), later runs from the staged cursor minus the overlap, and
 * records already handed over (same id and update time) are dropped. The cursor is staged in the node's static
 * data once the items are built and used by the next run — rolled back when this run failed (readWithStagedCursor).
 */
export async function readChangedSince<R, O>(
	ctx: IExecuteFunctions,
	options: {
		fetch: (from: string | undefined) => Promise<R[]>;
		stamp: (record: R) => Omit<ChangedRecord<R>, 'record'>;
		firstFrom?: string;
		overlapMs?: number;
	},
	handOver: (records: R[]) => Promise<O> | O,
): Promise<O> {
	const overlapMs = options.overlapMs ?? CHANGED_OVERLAP_MS;
	const state = ctx.getWorkflowStaticData('node') as StagedCursorState<ChangedCursor>;
	return readWithStagedCursor(
		ctx,
		state,
		async (cursor) => {
			const records = await options.fetch(changedReadFrom(cursor, overlapMs, options.firstFrom));
			const { fresh, next } = takeChanged(
				records.map((record) => ({ ...options.stamp(record), record })),
				cursor,
				overlapMs,
			);
			return { records: fresh.map((r) => r.record), next };
		},
		handOver,
	);
}
