import type { ResourceModule } from '../../../shared/actions';
import type { ImCredentials } from '../../transport';
import type { ImMap } from '../node.type';
import * as answer from './answer.operation';
import * as assign from './assign.operation';
import * as forward from './forward.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as reject from './reject.operation';
import * as take from './take.operation';

export const incident: ResourceModule<ImCredentials, ImMap['incident']> = {
	name: 'Инцидент',
	value: 'incident',
	// In the list's (alphabetical) order; a new node starts with reading.
	operations: { take, assign, answer, reject, forward, get, getMany },
	defaultOperation: 'getMany',
};
