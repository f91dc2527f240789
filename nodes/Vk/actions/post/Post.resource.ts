import type { ResourceModule } from '../../../shared/actions';
import type { VkCredentials } from '../../transport';
import type { VkMap } from '../node.type';
import * as getMany from './getMany.operation';

export const post: ResourceModule<VkCredentials, VkMap['post']> = {
	name: 'Запись на стене',
	value: 'post',
	operations: { getMany },
};
