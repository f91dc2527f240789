import {
	NodeConnectionTypes,
	type INodeTypeBaseDescription,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { operationProperties, optionSubtitle } from '../../../shared/actions';
import { INPUT_SUBTITLES } from '../../inputs';
import { operations } from './operations';

/** Version 2: the input is the node's `operation`, each with its own fields. */
export const versionDescription = (
	baseDescription: INodeTypeBaseDescription,
): INodeTypeDescription => ({
	...baseDescription,
	version: 2,
	subtitle: optionSubtitle('operation', INPUT_SUBTITLES),
	defaults: { name: 'МЦУ: Нормализация' },
	usableAsTool: true,
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	properties: operationProperties('Что на входе', operations),
});
