import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { routeAction, type ResourceMap } from '../../shared/actions';
import { telegramCredentials, type TelegramCredentials } from '../transport';
import { message } from './message/Message.resource';
import type { TelegramMap } from './node.type';

export const resources: ResourceMap<TelegramCredentials, TelegramMap> = { message };

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return routeAction(
		this,
		resources,
		telegramCredentials(await this.getCredentials('mcuTelegramApi')),
	);
}
