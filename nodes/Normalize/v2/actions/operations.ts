import type { OperationModule } from '../../../shared/actions';
import { INPUTS, type NormalizeInput } from '../../inputs';
import { normalizeOperation } from './normalize.operation';

/** The node's operations by the value of its `operation` parameter: one per input, in the order of INPUTS. */
export const operations = Object.fromEntries(
	(Object.keys(INPUTS) as NormalizeInput[]).map((input) => [input, normalizeOperation(input)]),
) as Record<NormalizeInput, OperationModule<void>>;
