import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { Appeal } from '../../../lib/appeal';
import { emptyFollowUpState, type FollowUpState } from '../../../lib/satisfaction/followUp';
import { appealOf } from '../../shared/appealJson';

/** Static-data key shared by the «ask» and «link» nodes of one workflow. */
const STATE_KEY = 'mcuSatisfactionFollowUp';

const isAppeal = (json: IDataObject): boolean =>
	typeof json.id === 'string' &&
	typeof json.source === 'string' &&
	typeof json.receivedAt === 'string' &&
	typeof json.text === 'string' &&
	!json.error;

/**
 * What «ask» and «link» start from: the follow-up state of the workflow, the appeals among the items (the rest passes
 * through), and the input item each appeal came from.
 */
export function followUpInput(ctx: IExecuteFunctions, items: INodeExecutionData[]) {
	const staticData = ctx.getWorkflowStaticData('global');
	const state = (staticData[STATE_KEY] as FollowUpState | undefined) ?? emptyFollowUpState();
	const appeals: Appeal[] = [];
	const appealItem: number[] = [];
	const passThrough: INodeExecutionData[] = [];
	items.forEach((item, i) => {
		if (isAppeal(item.json)) {
			appeals.push(appealOf(item.json));
			appealItem.push(i);
		} else passThrough.push({ json: item.json, pairedItem: { item: i } });
	});
	const pairedOf = new Map(appeals.map((a, k) => [a.id, appealItem[k]]));
	return {
		state,
		appeals,
		passThrough,
		paired: (id: string) => ({ item: pairedOf.get(id) ?? 0 }),
		/** Keeps the changed state for the next run. */
		save: () => {
			staticData[STATE_KEY] = state;
		},
	};
}
