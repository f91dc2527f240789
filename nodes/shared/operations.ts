import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { asNodeError } from './items';

/**
 * Runs a node that builds its output from all input items together (a report, not a per-item transform). With
 * continue-on-fail, a failure becomes one error item paired with every input item; otherwise it stops the run as
 * a NodeOperationError. Which operation builds it is the router's job (shared/actions.ts `routeOperation`).
 */
export async function runAggregate(
	ctx: IExecuteFunctions,
	build: (items: INodeExecutionData[]) => Promise<INodeExecutionData[]>,
): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	try {
		return [await build(items)];
	} catch (error) {
		if (!ctx.continueOnFail()) throw asNodeError(ctx.getNode(), error);
		return [
			[
				{
					json: { error: (error as Error).message },
					pairedItem: items.map((_, item) => ({ item })),
				},
			],
		];
	}
}
