import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import type { ImCredentials } from '../../transport';
import { INCIDENT_ID_FIELD, executeImAction } from '../common';

export const option = { name: 'Взять в работу', value: 'take', action: 'Взять инцидент в работу' };

export const description: INodeProperties[] = [INCIDENT_ID_FIELD];

export async function execute(
	this: IExecuteFunctions,
	c: ImCredentials,
): Promise<INodeExecutionData[][]> {
	return executeImAction(this, c, 'take', () => ({}));
}
