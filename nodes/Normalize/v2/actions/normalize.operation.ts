import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { OperationModule } from '../../../shared/actions';
import {
	EXPORT_INPUTS,
	INPUTS,
	MAPPING_PROPERTY,
	normalizeInputItems,
	type NormalizeInput,
} from '../../inputs';

/**
 * The operation for one input: every input does the same (its own normalizer on every item), so one module serves
 * them all; only the export inputs have fields (their column names).
 */
export function normalizeOperation(input: NormalizeInput): OperationModule<void> {
	return {
		option: { name: INPUTS[input].label, value: input, action: INPUTS[input].action },
		description: EXPORT_INPUTS.includes(input) ? [MAPPING_PROPERTY] : [],
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			return normalizeInputItems(this, input);
		},
	};
}
