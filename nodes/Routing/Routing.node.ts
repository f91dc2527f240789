import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import {
	compileRules,
	routeWithCorrections,
	routedCopies,
	type RoutedBranch,
} from '../../lib/routing';
import { asNodeError, errorItem } from '../shared/items';
import { configuredOutputs, routingProperties } from './description';
import { readRules } from './rules';

export class Routing implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'МЦУ: Маршрутизация',
		name: 'routing',
		icon: { light: 'file:routing.svg', dark: 'file:routing.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["mode"] === "table" ? "правила из таблицы" : "правила в узле"}}',
		description:
			'Направляет обращение ответственному подразделению по правилам, которые координатор меняет без кода',
		defaults: { name: 'МЦУ: Маршрутизация' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: `={{(${configuredOutputs})($parameter)}}`,
		properties: routingProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const mode = this.getNodeParameter('mode', 0) as string;
		const matchMode = this.getNodeParameter('matchMode', 0, 'first') as 'first' | 'all';
		const rules = readRules(this, mode);
		const compiled = compileRules(rules);
		// Rules in the node: one output per rule, then «Не распределено»; from a table: «Распределено», «Не распределено».
		const outputCount = mode === 'table' ? 2 : rules.length + 1;
		const fallback = outputCount - 1;
		const outputOf = (branch: RoutedBranch) => {
			if (branch.rule !== null) return mode === 'table' ? 0 : branch.rule;
			// A department the coordinator named but no rule assigns is distributed all the same; with rules in the
			// node there is no branch for it, so it leaves through «Не распределено» with its department set.
			return branch.corrected && mode === 'table' ? 0 : fallback;
		};
		const outputs: INodeExecutionData[][] = Array.from({ length: outputCount }, () => []);
		for (let i = 0; i < items.length; i++) {
			try {
				const appeal = items[i].json;
				for (const copy of routedCopies(
					appeal,
					routeWithCorrections(appeal, compiled, matchMode),
				)) {
					outputs[outputOf(copy.branch)].push({ json: copy.record, pairedItem: { item: i } });
				}
			} catch (error) {
				if (!this.continueOnFail()) throw asNodeError(this.getNode(), error, i);
				outputs[fallback].push(errorItem(error as Error, items[i].json, i));
			}
		}
		return outputs;
	}
}
