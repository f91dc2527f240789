import {
	NodeConnectionTypes,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';
import { normalizeOkComment, type OkCommentInput } from '../../lib/sources/ok';
import { pollAppeals, pollingProperties } from '../shared/polling';
import { OK_DESCRIPTION } from './actions/versionDescription';
import { okRecentComments } from './reads';
import { okCredentialTest, okCredentials } from './transport';

export class OkTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'МЦУ: Одноклассники Trigger',
		name: 'okTrigger',
		icon: { light: 'file:ok.svg', dark: 'file:ok.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'Новые комментарии',
		description: OK_DESCRIPTION,
		defaults: { name: 'МЦУ: Одноклассники — новые' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'mcuOkApi', required: true, testedBy: 'mcuOkCredentialTest' }],
		properties: [
			{
				displayName: 'Сколько последних обсуждений смотреть',
				name: 'topics',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 100 },
				default: 20,
			},
			...pollingProperties,
		],
	};

	methods = { credentialTest: { mcuOkCredentialTest: okCredentialTest } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const c = okCredentials(await this.getCredentials('mcuOkApi'));
		const topics = this.getNodeParameter('topics', 20) as number;
		return pollAppeals<OkCommentInput>(this, {
			fetch: async () => {
				const records = await okRecentComments(this, c, topics);
				return records.flatMap((record) => {
					try {
						const appeal = normalizeOkComment(record);
						return [{ id: appeal.id, at: appeal.receivedAt, record }];
					} catch {
						// Not normalizable (e.g. no readable date): emitted once as an error item.
						return [{ id: `ok:${record.discussion.id}_${String(record.comment.id)}`, record }];
					}
				});
			},
			normalize: (record) => normalizeOkComment(record),
			label: (record) => ({
				source: 'ok',
				externalId: `${record.discussion.id}_${String(record.comment.id)}`,
			}),
		});
	}
}
