import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { routeAction, type ResourceMap } from '../../shared/actions';
import { okCredentials, type OkCredentials } from '../transport';
import { comment } from './comment/Comment.resource';
import type { OkMap } from './node.type';

export const resources: ResourceMap<OkCredentials, OkMap> = { comment };

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return routeAction(this, resources, okCredentials(await this.getCredentials('mcuOkApi')));
}
