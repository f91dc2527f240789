import type { ResourceModule } from '../../../shared/actions';
import type { VkCredentials } from '../../transport';
import type { VkMap } from '../node.type';
import * as search from './search.operation';

export const mention: ResourceModule<VkCredentials, VkMap['mention']> = {
	name: 'Упоминание (поиск)',
	value: 'mention',
	operations: { search },
};
