import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { routeOperation } from '../../shared/actions';
import { runAggregate } from '../../shared/operations';
import { operations } from './operations';

/** Every operation builds its table from all input items together. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return runAggregate(this, async (items) => routeOperation(this, operations, items));
}
