import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { vkSearchMentions } from '../../reads';
import type { VkCredentials } from '../../transport';
import { executeVk } from '../common';

export const option = { name: 'Найти', value: 'search', action: 'Найти упоминания' };

export const description: INodeProperties[] = [
	{
		displayName: 'Ключевые слова',
		name: 'query',
		type: 'string',
		required: true,
		default: 'Дедовичи',
		description: 'Через запятую; каждое ищется отдельно (newsfeed.search), результаты объединяются',
	},
	{
		displayName: 'Начиная с',
		name: 'startTime',
		type: 'dateTime',
		default: '',
	},
];

/** Posts anywhere in VK that mention the keywords: a search, not the community's wall. */
export async function execute(
	this: IExecuteFunctions,
	c: VkCredentials,
): Promise<INodeExecutionData[][]> {
	return executeVk(
		this,
		c,
		async (i) => {
			const keywords = (this.getNodeParameter('query', i) as string)
				.split(',')
				.map((k) => k.trim())
				.filter(Boolean);
			const start = this.getNodeParameter('startTime', i, '') as string;
			return {
				records: await vkSearchMentions(
					this,
					c,
					keywords,
					start ? Math.floor(Date.parse(start) / 1000) : undefined,
				),
				normalize: true,
			};
		},
		{ needsCommunity: false },
	);
}
