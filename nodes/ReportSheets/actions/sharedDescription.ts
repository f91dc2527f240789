import { NodeConnectionTypes, type INodeTypeDescription } from 'n8n-workflow';

/** What both versions of the node declare alike: only the selector and its fields differ between them. */
export const SHARED_DESCRIPTION: Pick<
	INodeTypeDescription,
	'defaults' | 'usableAsTool' | 'inputs' | 'outputs' | 'credentials'
> = {
	defaults: { name: 'МЦУ: Отчёт в Google Таблицы' },
	usableAsTool: true,
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [
		{ name: 'mcuGoogleServiceAccountApi', required: true, testedBy: 'mcuSheetsCredentialTest' },
	],
};
