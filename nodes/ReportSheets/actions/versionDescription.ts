import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { optionSubtitle } from '../../shared/actions';
import { OPERATION_OPTIONS, spreadsheetIdProperty, type OperationName } from './fields';
import { operations } from './router';
import { SHARED_DESCRIPTION } from './sharedDescription';

/** What each operation does, in the nodes panel and on the canvas. */
const ACTIONS: Record<OperationName, string> = {
	answerErrors: 'Записать ошибки в ответах',
	overdue: 'Записать просроченные и истекающие',
	readRegister: 'Прочитать реестр',
	directory: 'Прочитать справочник',
	register: 'Записать реестр обращений',
	table: 'Записать таблицу из входных элементов',
};

const operation: INodeProperties = {
	displayName: 'Операция',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: OPERATION_OPTIONS.map((option) => ({ ...option, action: ACTIONS[option.value] })),
	default: 'register',
};

/** Version 2: the selector is `operation`, as in every node of the package; each operation declares its fields. */
export const versionDescription: Omit<
	INodeTypeDescription,
	'displayName' | 'name' | 'group' | 'description'
> = {
	version: 2,
	subtitle: optionSubtitle(
		'operation',
		Object.fromEntries(OPERATION_OPTIONS.map((o) => [o.value, o.name])),
	),
	...SHARED_DESCRIPTION,
	properties: [
		operation,
		spreadsheetIdProperty,
		...Object.values(operations).flatMap((op) => op.description),
	],
};
