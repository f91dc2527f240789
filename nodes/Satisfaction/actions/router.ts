import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { routeOutputsOperation } from '../../shared/outputOperations';
import { operations } from './operations';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return routeOutputsOperation(this, operations);
}
