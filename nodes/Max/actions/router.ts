import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { routeAction, type ResourceMap } from '../../shared/actions';
import { maxCredentials, type MaxCredentials } from '../transport';
import { message } from './message/Message.resource';
import type { MaxMap } from './node.type';

export const resources: ResourceMap<MaxCredentials, MaxMap> = { message };

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return routeAction(this, resources, maxCredentials(await this.getCredentials('mcuMaxApi')));
}
