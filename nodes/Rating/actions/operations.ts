import type { INodeExecutionData } from 'n8n-workflow';
import { operationProperties, type OperationModule } from '../../shared/actions';
import * as rating from './rating.operation';
import * as sstu from './sstu.operation';
import * as summary from './summary.operation';

/** The node's operations by the value of its `operation` parameter (the role of Sheets v2's `<Resource>.resource.ts`). */
export const operations: Record<
	'rating' | 'summary' | 'sstu',
	OperationModule<INodeExecutionData[], INodeExecutionData[]>
> = { rating, summary, sstu };

export const descriptions = operationProperties('Что построить', operations);
