import {
	NodeApiError,
	NodeOperationError,
	type INode,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { AppealValidationError, recordLabel } from '../../lib/appeal';

/**
 * Builds the error item for continue-on-fail: `{ error, details: { record, fields } }`. n8n sends an item whose
 * json has only `error`/`message`/`details` to the node's error output ("continue (using error output)") and
 * merges the original input into it there, so the bad record travels on with the reason — nothing is lost.
 */
export function errorItem(error: Error, record: unknown, itemIndex: number): INodeExecutionData {
	const details: IDataObject = { record: recordLabel(record) };
	if (error instanceof AppealValidationError) {
		details.fields = error.problems.map((p) => ({ path: p.path, message: p.message }));
	} else if ((error as { field?: string }).field) {
		details.fields = [
			{ path: (error as { field?: string }).field as string, message: error.message },
		];
	}
	return { json: { error: error.message, details }, pairedItem: { item: itemIndex } };
}

/**
 * Runs `transform` on every input item. A failure on one item becomes an error item when the user turned on
 * continue-on-fail, otherwise stops the run with a NodeOperationError naming the record — never a crash
 * that loses the other items silently.
 */
export function mapItems(
	ctx: IExecuteFunctions,
	transform: (json: IDataObject, itemIndex: number) => IDataObject | IDataObject[],
): INodeExecutionData[] {
	const items = ctx.getInputData();
	const out: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			const result = transform(items[i].json, i);
			for (const json of Array.isArray(result) ? result : [result])
				out.push({ json, pairedItem: { item: i } });
		} catch (error) {
			if (ctx.continueOnFail()) {
				out.push(errorItem(error as Error, items[i].json, i));
				continue;
			}
			throw new NodeOperationError(ctx.getNode(), error as Error, {
				itemIndex: i,
				description: `Запись ${recordLabel(items[i].json)} (элемент ${i + 1})`,
			});
		}
	}
	return out;
}

/** The error as n8n shows it: NodeApiError / NodeOperationError pass through, anything else is wrapped. */
export function asNodeError(
	node: INode,
	error: unknown,
	itemIndex?: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error as Error, itemIndex === undefined ? {} : { itemIndex });
}

/** Whether a raw parameter value holds an n8n expression anywhere (a string starting with «=»). */
function hasExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(hasExpression);
	if (value && typeof value === 'object') return Object.values(value).some(hasExpression);
	return false;
}

/**
 * A parameter as a function of the item index, resolved once when it holds no expression: n8n's getNodeParameter
 * copies, walks and type-checks the value on every call, which per item cost more than the check itself. With an
 * expression (or outside n8n, where the node's raw parameters are unknown) every item resolves its own. The value is
 * shared between items: read it, do not change it.
 */
export function itemParameter<T>(
	ctx: IExecuteFunctions,
	name: string,
	fallback: T,
): (itemIndex: number) => T {
	const raw = ctx.getNode()?.parameters as Record<string, unknown> | undefined;
	const perItem = (itemIndex: number) => ctx.getNodeParameter(name, itemIndex, fallback) as T;
	if (!raw || hasExpression(raw[name])) return perItem;
	let resolved: { value: T } | undefined;
	return (itemIndex) => (resolved ??= { value: perItem(itemIndex) }).value;
}
