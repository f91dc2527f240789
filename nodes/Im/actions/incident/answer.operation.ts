import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import type { ImCredentials } from '../../transport';
import { INCIDENT_ID_FIELD, executeImAction, requiredText } from '../common';

export const option = { name: 'Ответить', value: 'answer', action: 'Ответить автору' };

export const description: INodeProperties[] = [
	INCIDENT_ID_FIELD,
	{
		displayName: 'Текст ответа',
		name: 'answerText',
		type: 'string',
		typeOptions: { rows: 6 },
		required: true,
		default: '',
	},
];

/** The answer the adapter publishes to the incident's author. */
export async function execute(
	this: IExecuteFunctions,
	c: ImCredentials,
): Promise<INodeExecutionData[][]> {
	return executeImAction(this, c, 'answer', (i) => ({
		text: requiredText(this, 'answerText', i, 'Пустой текст ответа'),
	}));
}
