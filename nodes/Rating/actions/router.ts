import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { runAggregateOperation } from '../../shared/operations';
import { operations } from './operations';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return runAggregateOperation(this, operations);
}
