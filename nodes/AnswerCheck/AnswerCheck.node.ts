import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { operationSubtitle } from '../shared/actions';
import { descriptions } from './actions/operations';
import { router } from './actions/router';

/** Answer checks before or after sending; each operation lives in `actions/<operation>.operation.ts`. */
export class AnswerCheck implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'МЦУ: Контроль ответов',
		name: 'answerCheck',
		icon: { light: 'file:answerCheck.svg', dark: 'file:answerCheck.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(descriptions),
		description: 'Проверка ответов на «отписки» и ошибки до или после отправки',
		defaults: { name: 'МЦУ: Контроль ответов' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['В порядке', 'На доработку'],
		properties: descriptions,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
