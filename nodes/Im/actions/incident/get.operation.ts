import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { imRequest, type ImCredentials } from '../../transport';
import { INCIDENT_ID_FIELD, executeIm, incidentPath } from '../common';

export const option = { name: 'Получить', value: 'get', action: 'Получить инцидент' };

export const description: INodeProperties[] = [INCIDENT_ID_FIELD];

export async function execute(
	this: IExecuteFunctions,
	c: ImCredentials,
): Promise<INodeExecutionData[][]> {
	return executeIm(this, async (i) => ({
		records: [await imRequest(this, c, { method: 'GET', path: incidentPath(this, i) })],
		normalize: true,
	}));
}
