import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import type { ImCredentials } from '../../transport';
import { INCIDENT_ID_FIELD, executeImAction, requiredText } from '../common';

export const option = {
	name: 'Перенаправить',
	value: 'forward',
	action: 'Перенаправить в другую организацию',
};

export const description: INodeProperties[] = [
	INCIDENT_ID_FIELD,
	{
		displayName: 'Организация',
		name: 'organization',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'ГБУЗ «Порховская межрайонная больница»',
		description: 'Куда перенаправить инцидент, если вопрос вне компетенции района',
	},
	{
		displayName: 'Комментарий',
		name: 'comment',
		type: 'string',
		default: '',
	},
];

export async function execute(
	this: IExecuteFunctions,
	c: ImCredentials,
): Promise<INodeExecutionData[][]> {
	return executeImAction(this, c, 'forward', (i) => {
		const organization = requiredText(this, 'organization', i, 'Не указана организация');
		const comment = String(this.getNodeParameter('comment', i, '') ?? '').trim();
		return { organization, comment: comment || undefined };
	});
}
