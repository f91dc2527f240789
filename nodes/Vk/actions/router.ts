import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { routeAction, type ResourceMap } from '../../shared/actions';
import { vkCredentials, type VkCredentials } from '../transport';
import { comment } from './comment/Comment.resource';
import { mention } from './mention/Mention.resource';
import { message } from './message/Message.resource';
import type { VkMap } from './node.type';
import { post } from './post/Post.resource';

export const resources: ResourceMap<VkCredentials, VkMap> = { comment, post, message, mention };

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return routeAction(this, resources, vkCredentials(await this.getCredentials('mcuVkApi')));
}
