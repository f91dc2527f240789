import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import type { ImCredentials } from '../../transport';
import { INCIDENT_ID_FIELD, executeImAction, requiredText } from '../common';

export const option = { name: 'Отклонить', value: 'reject', action: 'Отклонить с причиной' };

export const description: INodeProperties[] = [
	INCIDENT_ID_FIELD,
	{
		displayName: 'Причина отклонения',
		name: 'reason',
		type: 'string',
		required: true,
		default: '',
	},
];

export async function execute(
	this: IExecuteFunctions,
	c: ImCredentials,
): Promise<INodeExecutionData[][]> {
	return executeImAction(this, c, 'reject', (i) => ({
		reason: requiredText(this, 'reason', i, 'Не указана причина отклонения'),
	}));
}
