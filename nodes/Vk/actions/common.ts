import {
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { normalizeVk, type VkRecordInput } from '../../../lib/sources/vk';
import { messageTextField } from '../../shared/actions';
import { executeSource } from '../../shared/sourceNode';
import type { VkCredentials } from '../transport';

/** Fields more than one VK operation has. */
export const COUNT_FIELD: INodeProperties = {
	displayName: 'Сколько последних записей',
	name: 'count',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 100 },
	default: 20,
};

export const MESSAGE_FIELD = messageTextField('message', '');

/**
 * Runs a VK operation on every input item: records come out as appeals (or as they are, for writes). Everything
 * but the mention search works on the community's wall, so a credential without the community id fails each item.
 */
export function executeVk(
	ctx: IExecuteFunctions,
	c: VkCredentials,
	run: (itemIndex: number) => Promise<{ records: unknown[]; normalize: boolean }>,
	options: { needsCommunity: boolean } = { needsCommunity: true },
): Promise<INodeExecutionData[][]> {
	return executeSource(ctx, {
		run: async (i) => {
			if (options.needsCommunity && !c.groupId) {
				throw new NodeOperationError(
					ctx.getNode(),
					'В учётных данных ВКонтакте не указан ID сообщества',
					{ itemIndex: i },
				);
			}
			return run(i);
		},
		normalize: (record) => normalizeVk(record as VkRecordInput),
		label: (record) => ({ source: 'vk', externalId: (record as VkRecordInput)?.item?.id }),
	});
}
