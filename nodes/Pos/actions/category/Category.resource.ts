import type { ResourceModule } from '../../../shared/actions';
import type { PosCredentials } from '../../transport';
import type { PosMap } from '../node.type';
import * as getMany from './getMany.operation';

export const category: ResourceModule<PosCredentials, PosMap['category']> = {
	name: 'Категория',
	value: 'category',
	operations: { getMany },
};
