import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { AppealValidationError, recordLabel } from '../../lib/appeal';

/** Builds the error item n8n routes to the error output (or keeps in main) when continue-on-fail is on. */
export function errorItem(error: Error, record: unknown, itemIndex: number): INodeExecutionData {
	const json: IDataObject = { error: error.message, record: recordLabel(record) };
	if (error instanceof AppealValidationError) {
		json.fields = error.problems.map((p) => ({ path: p.path, message: p.message }));
	} else if ((error as { field?: string }).field) {
		json.fields = [{ path: (error as { field?: string }).field as string, message: error.message }];
	}
	return { json, pairedItem: { item: itemIndex } };
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
			for (const json of Array.isArray(result) ? result : [result]) out.push({ json, pairedItem: { item: i } });
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
