import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { Appeal } from '../../lib/appeal';
import { asNodeError, errorItem } from './items';
import { itemJson } from './appealJson';

/**
 * The execute loop every source node shares: for each input item run the operation, normalize every record it
 * returns into an appeal (the source record kept in `raw`), and keep going past a bad record or a failed item
 * when continue-on-fail is on — each becomes an error item naming the source, the record and the field.
 */
export async function executeSource(
	ctx: IExecuteFunctions,
	options: {
		run: (itemIndex: number) => Promise<{ records: unknown[]; normalize: boolean }>;
		/** Omitted by nodes whose operations only write (their results pass through as they are). */
		normalize?: (record: unknown) => Appeal;
		label: (record: unknown) => unknown;
	},
): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const out: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			const { records, normalize } = await options.run(i);
			for (const record of records) {
				if (!normalize || !options.normalize) {
					out.push({ json: record as IDataObject, pairedItem: { item: i } });
					continue;
				}
				try {
					out.push({
						json: itemJson(options.normalize(record)),
						pairedItem: { item: i },
					});
				} catch (error) {
					if (!ctx.continueOnFail()) throw asNodeError(ctx.getNode(), error, i);
					out.push(errorItem(error as Error, options.label(record), i));
				}
			}
		} catch (error) {
			if (!ctx.continueOnFail()) throw asNodeError(ctx.getNode(), error, i);
			out.push(errorItem(error as Error, items[i].json, i));
		}
	}
	return [out];
}
