import {
	NodeConnectionTypes,
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeBaseDescription,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { optionSubtitle } from '../../shared/actions';
import {
	EXPORT_INPUTS,
	INPUTS,
	INPUT_SUBTITLES,
	MAPPING_PROPERTY,
	isNormalizeInput,
	normalizeInputItems,
} from '../inputs';

/** Version 1: the input is chosen by the parameter `input` (kept for workflows saved with it). */
// eslint-disable-next-line @n8n/community-nodes/icon-validation -- a version of Normalize: the icon is in the base description, resolved beside Normalize.node.ts
export class NormalizeV1 implements INodeType {
	description: INodeTypeDescription;

	constructor(baseDescription: INodeTypeBaseDescription) {
		this.description = {
			...baseDescription,
			version: 1,
			subtitle: optionSubtitle('input', INPUT_SUBTITLES),
			defaults: { name: 'МЦУ: Нормализация' },
			usableAsTool: true,
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			properties: [
				{
					displayName: 'Что на входе',
					name: 'input',
					type: 'options',
					options: Object.entries(INPUTS).map(([value, input]) => ({ name: input.label, value })),
					default: 'posExport',
				},
				{ ...MAPPING_PROPERTY, displayOptions: { show: { input: EXPORT_INPUTS } } },
			],
		};
	}

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const input = this.getNodeParameter('input', 0) as string;
		if (!isNormalizeInput(input))
			throw new NodeOperationError(this.getNode(), `Неизвестный вход «${input}»`);
		return normalizeInputItems(this, input);
	}
}
