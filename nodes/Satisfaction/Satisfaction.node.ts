import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { operationSubtitle } from '../shared/actions';
import { descriptions, outputsFor } from './actions/operations';
import { router } from './actions/router';

/** The satisfaction follow-up: whom to ask, linking the replies, recognizing them; each operation lives in `actions/<operation>.operation.ts`. */
export class Satisfaction implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'МЦУ: Оценка заявителей',
		name: 'satisfaction',
		icon: { light: 'file:satisfaction.svg', dark: 'file:satisfaction.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(descriptions),
		description:
			'Вопрос «Проблема решена?» автору из соцсетей, привязка его ответа к обращению, повторное открытие при недовольстве',
		defaults: { name: 'МЦУ: Оценка заявителей' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: `={{(${outputsFor.toString()})($parameter.operation)}}`,
		properties: descriptions,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
