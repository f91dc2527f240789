import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { asNodeError } from './items';

/**
 * One operation of a node, the way n8n's own nodes split them (Google Sheets v2: `<operation>.operation.ts`):
 * the parameters it shows and what it does with the items.
 */
export interface NodeOperation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]>;
}

/**
 * Runs a node that builds its output from all input items together (a report, not a per-item transform). With
 * continue-on-fail, a failure becomes one error item paired with every input item; otherwise it stops the run as
 * a NodeOperationError.
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
		return [[{ json: { error: (error as Error).message }, pairedItem: items.map((_, item) => ({ item })) }]];
	}
}

/** `runAggregate` for the operation the node's `operation` parameter names. */
export async function runAggregateOperation(ctx: IExecuteFunctions, operations: Record<string, NodeOperation>): Promise<INodeExecutionData[][]> {
	return runAggregate(ctx, async (items) => {
		const name = ctx.getNodeParameter('operation', 0) as string;
		const operation = Object.prototype.hasOwnProperty.call(operations, name) ? operations[name] : undefined;
		if (!operation) throw new NodeOperationError(ctx.getNode(), `Неизвестная операция «${name}»`);
		return operation.execute.call(ctx, items);
	});
}

/** A canvas subtitle that names the chosen option in Russian (n8n would show the internal value). */
export function optionSubtitle(parameter: string, labels: Record<string, string>): string {
	return `={{ (${JSON.stringify(labels)})[$parameter["${parameter}"]] }}`;
}
