/**
 * A cursor the service itself confirms when it receives it back (Telegram's `offset`, MAX's `marker`): sending the
 * next value tells the service to forget everything before it. So the value a read returns is only staged: it is
 * stored (in the workflow's static data) once the read's items are built and handed over, and confirmed at the
 * service by the next run's read — never by a second request of the same run, which would make the service forget
 * records whose items are not out yet. A read or a build that fails stores nothing: the next run reads the same
 * records again (writes downstream upsert by id, so a re-read is harmless).
 */
export interface StagedCursorState<T> {
	/** The value the next read sends (confirming everything before it at the service). */
	cursor?: T;
	/** When it was staged (ISO 8601), for people reading the static data. */
	stagedAt?: string;
}

export async function readWithStagedCursor<T, R, O>(
	state: StagedCursorState<T>,
	read: (cursor: T | undefined) => Promise<{ records: R[]; next: T | undefined }>,
	handOver: (records: R[]) => Promise<O> | O,
): Promise<O> {
	const { records, next } = await read(state.cursor);
	const out = await handOver(records);
	if (next !== undefined && next !== state.cursor) {
		state.cursor = next;
		state.stagedAt = new Date().toISOString();
	}
	return out;
}
