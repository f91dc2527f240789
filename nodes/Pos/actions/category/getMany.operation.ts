import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { posRequest, type PosCredentials } from '../../transport';
import { executePos } from '../common';

export const option = { name: 'Получить много', value: 'getMany', action: 'Получить категории' };

export const description: INodeProperties[] = [];

/** The region's categories (subjects) as they are: they are not appeals. */
export async function execute(
	this: IExecuteFunctions,
	c: PosCredentials,
): Promise<INodeExecutionData[][]> {
	return executePos(this, c, async () => {
		const subjects = await posRequest<unknown[]>(this, c, {
			method: 'GET',
			path: '/inbox-service/subjects/region/60',
		});
		return { records: Array.isArray(subjects) ? subjects : [], normalize: false };
	});
}
