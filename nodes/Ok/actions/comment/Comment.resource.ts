import type { ResourceModule } from '../../../shared/actions';
import type { OkCredentials } from '../../transport';
import type { OkMap } from '../node.type';
import * as getMany from './getMany.operation';
import * as reply from './reply.operation';

export const comment: ResourceModule<OkCredentials, OkMap['comment']> = {
	name: 'Комментарий в обсуждении',
	value: 'comment',
	operations: { getMany, reply },
};
