import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import type { PosCredentials } from '../../transport';
import { POS_ID_FIELD, executePosAction } from '../common';

export const option = {
	name: 'Взять в работу',
	value: 'takeToWork',
	action: 'Взять сообщение в работу',
};

export const description: INodeProperties[] = [POS_ID_FIELD];

export async function execute(
	this: IExecuteFunctions,
	c: PosCredentials,
): Promise<INodeExecutionData[][]> {
	return executePosAction(this, c, 'takeToWork', 'take-to-work', () => ({}));
}
