import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { routeAction, type ResourceMap } from '../../shared/actions';
import { imCredentials, type ImCredentials } from '../transport';
import { incident } from './incident/Incident.resource';
import type { ImMap } from './node.type';

export const resources: ResourceMap<ImCredentials, ImMap> = { incident };

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return routeAction(this, resources, imCredentials(await this.getCredentials('mcuImApi')));
}
