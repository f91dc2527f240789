import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { routeAction, type ResourceMap } from '../../shared/actions';
import { posCredentials, type PosCredentials } from '../transport';
import { appeal } from './appeal/Appeal.resource';
import { category } from './category/Category.resource';
import type { PosMap } from './node.type';

export const resources: ResourceMap<PosCredentials, PosMap> = { appeal, category };

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return routeAction(this, resources, posCredentials(await this.getCredentials('mcuPosApi')));
}
