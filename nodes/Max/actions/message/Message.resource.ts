import type { ResourceModule } from '../../../shared/actions';
import type { MaxCredentials } from '../../transport';
import type { MaxMap } from '../node.type';
import * as getNew from './getNew.operation';
import * as reply from './reply.operation';
import * as send from './send.operation';

export const message: ResourceModule<MaxCredentials, MaxMap['message']> = {
	name: 'Сообщение',
	value: 'message',
	operations: { getNew, send, reply },
};
