import type { ResourceModule } from '../../../shared/actions';
import type { PosCredentials } from '../../transport';
import type { PosMap } from '../node.type';
import * as forward from './forward.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as postpone from './postpone.operation';
import * as sendResponse from './sendResponse.operation';
import * as setExecutor from './setExecutor.operation';
import * as takeToWork from './takeToWork.operation';

export const appeal: ResourceModule<PosCredentials, PosMap['appeal']> = {
	name: 'Сообщение',
	value: 'appeal',
	// In the list's (alphabetical) order; a new node starts with reading.
	operations: { takeToWork, setExecutor, postpone, sendResponse, forward, getMany, get },
	defaultOperation: 'getMany',
};
