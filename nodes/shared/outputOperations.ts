import {
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

/**
 * One operation of a node with several outputs (Google Sheets v2's `<operation>.operation.ts`): the parameters it
 * shows and what it does with the items. Unlike the aggregate operations of `operations.ts`, it returns every output
 * and handles continue-on-fail per item itself.
 */
export interface OutputsOperation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[][]>;
}

/** Runs the operation the node's `operation` parameter names on the input items. */
export async function routeOutputsOperation(
	ctx: IExecuteFunctions,
	operations: Record<string, OutputsOperation>,
): Promise<INodeExecutionData[][]> {
	const name = ctx.getNodeParameter('operation', 0) as string;
	const operation = Object.prototype.hasOwnProperty.call(operations, name)
		? operations[name]
		: undefined;
	if (!operation) throw new NodeOperationError(ctx.getNode(), `Неизвестная операция «${name}»`);
	return operation.execute.call(ctx, ctx.getInputData());
}
