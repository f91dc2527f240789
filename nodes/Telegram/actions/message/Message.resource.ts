import type { ResourceModule } from '../../../shared/actions';
import type { TelegramCredentials } from '../../transport';
import type { TelegramMap } from '../node.type';
import * as getNew from './getNew.operation';
import * as send from './send.operation';

export const message: ResourceModule<TelegramCredentials, TelegramMap['message']> = {
	name: 'Сообщение',
	value: 'message',
	operations: { getNew, send },
};
