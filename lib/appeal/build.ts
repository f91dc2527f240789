import type { Appeal, AppealKind, AppealSource } from './types';

/** The minimum a source adapter must know; everything else gets its neutral default. */
export interface AppealCore {
	source: AppealSource;
	externalId: string;
	kind: AppealKind;
	receivedAt: string;
	text: string;
	raw: unknown;
}

/** Build a full record with neutral defaults so adapters only set what their source has. */
export function makeAppeal(core: AppealCore, fields: Partial<Appeal> = {}): Appeal {
	return {
		id: `${core.source}:${core.externalId}`,
		url: null,
		registeredAt: null,
		author: { name: null },
		address: null,
		settlement: null,
		category: null,
		topic: null,
		totkCode: null,
		department: null,
		responsible: null,
		status: 'new',
		deadline: null,
		extendedDeadline: null,
		answeredAt: null,
		answerText: null,
		satisfaction: 'unknown',
		flags: [],
		...core,
		...fields,
	} as Appeal;
}
