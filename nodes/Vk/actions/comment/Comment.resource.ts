import type { ResourceModule } from '../../../shared/actions';
import type { VkCredentials } from '../../transport';
import type { VkMap } from '../node.type';
import * as getMany from './getMany.operation';
import * as reply from './reply.operation';

export const comment: ResourceModule<VkCredentials, VkMap['comment']> = {
	name: 'Комментарий',
	value: 'comment',
	operations: { getMany, reply },
};
