import type { INodeProperties } from 'n8n-workflow';
import * as check from './check.operation';

/** The node's operations by the value of its `operation` parameter (the role of Sheets v2's `<Resource>.resource.ts`). */
export const operations = { check };

export const descriptions: INodeProperties[] = [
	{
		displayName: 'Операция',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: [{ name: 'Проверить ответ', value: 'check', action: 'Проверить ответ на ошибки' }],
		default: 'check',
	},
	...check.description,
];
