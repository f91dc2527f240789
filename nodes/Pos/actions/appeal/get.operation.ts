import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import type { PosCredentials } from '../../transport';
import { POS_ID_FIELD, executePos, posIdOf, readMessage } from '../common';

export const option = {
	name: 'Получить по номеру',
	value: 'get',
	action: 'Получить одно сообщение по номеру',
};

export const description: INodeProperties[] = [POS_ID_FIELD];

export async function execute(
	this: IExecuteFunctions,
	c: PosCredentials,
): Promise<INodeExecutionData[][]> {
	return executePos(this, c, async (i) => ({
		records: [await readMessage(this, c, posIdOf(this, i))],
		normalize: true,
	}));
}
