import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { normalizeIm } from '../../../lib/sources/im';
import { executeSource } from '../../shared/sourceNode';
import { writeOnce } from '../../shared/writeOnce';
import { imRequest, type ImCredentials } from '../transport';

/** The field every operation on one incident has. */
export const INCIDENT_ID_FIELD: INodeProperties = {
	displayName: 'ID инцидента',
	name: 'incidentId',
	type: 'string',
	required: true,
	default: '={{ $json.externalId }}',
};

/** Runs an ИМ operation on every input item: incidents come out as appeals. */
export function executeIm(
	ctx: IExecuteFunctions,
	run: (itemIndex: number) => Promise<{ records: unknown[]; normalize: boolean }>,
): Promise<INodeExecutionData[][]> {
	return executeSource(ctx, {
		run,
		normalize: (record) => normalizeIm(record),
		label: (record) => ({ source: 'im', externalId: (record as IDataObject)?.id }),
	});
}

/** The incident's path from the item's id, required. */
export function incidentPath(ctx: IExecuteFunctions, i: number): string {
	const id = String(ctx.getNodeParameter('incidentId', i) ?? '').trim();
	if (!id) throw new NodeOperationError(ctx.getNode(), 'Не указан ID инцидента', { itemIndex: i });
	return `/api/v1/incidents/${encodeURIComponent(id)}`;
}

/** A text parameter that must not be empty: trimmed, else the item fails with `message`. */
export function requiredText(
	ctx: IExecuteFunctions,
	name: string,
	i: number,
	message: string,
): string {
	const value = String(ctx.getNodeParameter(name, i) ?? '').trim();
	if (!value) throw new NodeOperationError(ctx.getNode(), message, { itemIndex: i });
	return value;
}

export type ImAction = 'take' | 'assign' | 'forward' | 'answer' | 'reject';

/**
 * Runs an action (the adapter's route is its name) on the incident of every input item and returns the incident as
 * it is afterwards.
 */
export function executeImAction(
	ctx: IExecuteFunctions,
	c: ImCredentials,
	operation: ImAction,
	body: (itemIndex: number) => IDataObject,
): Promise<INodeExecutionData[][]> {
	return executeIm(ctx, async (i) => {
		const path = incidentPath(ctx, i);
		const read = async () => imRequest<ImIncidentState>(ctx, c, { method: 'GET', path });
		const sent = body(i);
		// The adapter has no idempotency key: an action whose answer was lost is checked on the incident before a resend.
		await writeOnce({
			node: ctx.getNode(),
			service: 'Инцидент-менеджмент',
			find: async () => ownImChange(await read(), operation, sent),
			send: async () =>
				imRequest(ctx, c, { method: 'POST', path: `${path}/${operation}`, body: sent }),
		});
		return { records: [await read()], normalize: true };
	});
}

interface ImIncidentState {
	status?: string;
	executor?: string | null;
	updatedAt?: string;
	forwardedTo?: { organization?: string } | null;
	answer?: { text?: string } | null;
	rejectReason?: string | null;
}

/** The incident's change this action would have made, as `action@updatedAt` (each write moves updatedAt). */
export function ownImChange(
	incident: ImIncidentState,
	operation: string,
	body: IDataObject,
): string[] {
	const done: Record<string, boolean> = {
		take: incident?.status === 'in_work',
		assign: incident?.executor === body.executor,
		forward:
			incident?.status === 'forwarded' && incident.forwardedTo?.organization === body.organization,
		answer: incident?.status === 'answered' && incident.answer?.text === body.text,
		reject: incident?.status === 'rejected' && incident.rejectReason === body.reason,
	};
	return done[operation] ? [`${operation}@${String(incident.updatedAt)}`] : [];
}
