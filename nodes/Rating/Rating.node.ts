import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { optionSubtitle } from '../shared/actions';
import { descriptions, operations } from './actions/operations';
import { router } from './actions/router';

/** The rating, the period summary and the ССТУ table; each operation lives in `actions/<operation>.operation.ts`. */
export class Rating implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'МЦУ: Рейтинг и сводка',
		name: 'rating',
		icon: { light: 'file:rating.svg', dark: 'file:rating.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: optionSubtitle(
			'operation',
			Object.fromEntries(
				Object.values(operations).map(({ option }) => [option.value, option.name]),
			),
		),
		description:
			'Рейтинг подразделений, организаций и поселений; сводный анализ за период; таблица в форме ССТУ',
		defaults: { name: 'МЦУ: Рейтинг' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: descriptions,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
