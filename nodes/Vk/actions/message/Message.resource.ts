import type { ResourceModule } from '../../../shared/actions';
import type { VkCredentials } from '../../transport';
import type { VkMap } from '../node.type';
import * as send from './send.operation';

export const message: ResourceModule<VkCredentials, VkMap['message']> = {
	name: 'Личное сообщение',
	value: 'message',
	operations: { send },
};
