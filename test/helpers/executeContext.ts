import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { testNode } from './testNodes';

export interface ExecuteContextOptions {
	/** The node's parameters by name; an absent one returns the caller's fallback, as n8n does. */
	parameters: Record<string, unknown>;
	continueOnFail?: boolean;
	mode?: WorkflowExecuteMode;
	/** The node's static data (`getWorkflowStaticData('node')`), kept between runs when the same object is passed. */
	staticData?: IDataObject;
}

/** n8n's execute context, as much of it as the domain nodes use (they make no HTTP calls in these tests). */
export function executeContext(
	name: string,
	items: IDataObject[],
	options: ExecuteContextOptions,
): IExecuteFunctions {
	const node = testNode(name);
	const input: INodeExecutionData[] = items.map((json) => ({ json }));
	const staticData = options.staticData ?? {};
	const ctx = {
		getNode: () => node,
		getInputData: () => input,
		getNodeParameter: (parameter: string, _item: number, fallback?: unknown) =>
			parameter in options.parameters ? options.parameters[parameter] : fallback,
		continueOnFail: () => options.continueOnFail ?? false,
		getMode: () => options.mode ?? 'trigger',
		getWorkflowStaticData: () => staticData,
		helpers: {
			httpRequest: async () => {
				throw new Error('no HTTP in this test');
			},
		},
	};
	return ctx as unknown as IExecuteFunctions;
}
