import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import type { ImCredentials } from '../../transport';
import { INCIDENT_ID_FIELD, executeImAction, requiredText } from '../common';

export const option = {
	name: 'Назначить исполнителя',
	value: 'assign',
	action: 'Назначить исполнителя',
};

export const description: INodeProperties[] = [
	INCIDENT_ID_FIELD,
	{
		displayName: 'Исполнитель',
		name: 'executor',
		type: 'string',
		required: true,
		default: '={{ $json.responsible }}',
		description:
			'ФИО или должность исполнителя; по умолчанию — ответственный, назначенный маршрутизацией',
	},
];

export async function execute(
	this: IExecuteFunctions,
	c: ImCredentials,
): Promise<INodeExecutionData[][]> {
	return executeImAction(this, c, 'assign', (i) => ({
		executor: requiredText(this, 'executor', i, 'Не указан исполнитель'),
	}));
}
