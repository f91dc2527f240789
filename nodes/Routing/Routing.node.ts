import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { compileRules, parseRoutingTable, routeWithCorrections, type RoutingRule } from '../../lib/routing';
import { asNodeError, errorItem } from '../shared/items';
import { configuredOutputs, routingProperties } from './description';

interface RuleParameter {
	name?: string;
	topics?: string[];
	settlements?: string;
	sources?: string[];
	kinds?: string[];
	flags?: string[];
	keywords?: string;
	department?: string;
	responsible?: string;
	telegramChatId?: string;
	maxChatId?: string;
	email?: string;
	deadlineDays?: number;
}

const splitList = (v?: string) => (v ?? '').split(/[,;\n]/).map((x) => x.trim()).filter(Boolean);

function rulesFromParameters(params: RuleParameter[]): RoutingRule[] {
	return params.map((p, i) => ({
		name: p.name?.trim() || `Правило ${i + 1}`,
		topics: p.topics,
		settlements: splitList(p.settlements),
		sources: p.sources,
		kinds: p.kinds,
		flags: p.flags,
		keywords: splitList(p.keywords),
		assign: {
			department: p.department?.trim() || undefined,
			responsible: p.responsible?.trim() || undefined,
			telegramChatId: p.telegramChatId?.trim() || undefined,
			maxChatId: p.maxChatId?.trim() || undefined,
			email: p.email?.trim() || undefined,
			deadline: p.deadlineDays ? { unit: 'working_days', amount: p.deadlineDays } : undefined,
		},
	}));
}

export class Routing implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'МЦУ: Маршрутизация',
		name: 'routing',
		icon: 'file:routing.svg',
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["mode"] === "table" ? "правила из таблицы" : "правила в узле"}}',
		description: 'Направляет обращение ответственному подразделению по правилам, которые координатор меняет без кода',
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
		let rules: RoutingRule[];
		try {
			if (mode === 'table') {
				const raw = this.getNodeParameter('table', 0, []) as unknown;
				const rows = typeof raw === 'string' ? (JSON.parse(raw) as unknown) : raw;
				if (!Array.isArray(rows)) {
					throw new NodeOperationError(this.getNode(), 'Строки таблицы правил: ожидается массив строк');
				}
				rules = parseRoutingTable(rows as Array<Record<string, unknown>>);
			} else {
				rules = rulesFromParameters(((this.getNodeParameter('rules', 0, {}) as IDataObject).rule ?? []) as RuleParameter[]);
			}
		} catch (error) {
			throw new NodeOperationError(this.getNode(), error as Error, { description: 'Правила маршрутизации не прочитаны' });
		}
		const compiled = compileRules(rules);
		const outputCount = mode === 'table' ? 2 : rules.length + 1;
		const fallback = outputCount - 1;
		const outputs: INodeExecutionData[][] = Array.from({ length: outputCount }, () => []);
		for (let i = 0; i < items.length; i++) {
			try {
				const appeal = items[i].json;
				const decision = routeWithCorrections(appeal as never, compiled, matchMode);
				const { matches } = decision;
				// A correction overrode the rules: keep what they decided, for the register's computed column.
				const corrections = decision.correctedDepartment
					? {
							...(appeal.corrections as IDataObject),
							computed: {
								...((appeal.corrections as IDataObject).computed as IDataObject | undefined),
								department: decision.computed?.[0]?.rule.assign.department ?? (appeal.department as string | null | undefined) ?? null,
							},
						}
					: undefined;
				if (matches.length === 0) {
					if (decision.correctedDepartment) {
						// The coordinator named a department no rule assigns: it is distributed all the same (table mode's first
						// output; with rules in the node there is no branch for it, so it goes out of «Не распределено» with it).
						const why = [`подразделение исправлено координатором: ${decision.correctedDepartment}`, 'правила с этим подразделением нет'];
						outputs[mode === 'table' ? 0 : fallback].push({
							json: { ...appeal, department: decision.correctedDepartment, corrections, routing: { rule: null, why, contact: { telegramChatId: null, maxChatId: null, email: null }, deadline: null } },
							pairedItem: { item: i },
						});
						continue;
					}
					outputs[fallback].push({
						json: { ...appeal, routing: { rule: null, why: ['ни одно правило не подошло'] } },
						pairedItem: { item: i },
					});
					continue;
				}
				for (const match of matches) {
					const a = match.rule.assign;
					const json: IDataObject = {
						...appeal,
						department: a.department ?? appeal.department ?? null,
						responsible: a.responsible ?? appeal.responsible ?? null,
						...(corrections ? { corrections } : {}),
						routing: {
							rule: match.rule.name,
							why: match.why,
							contact: { telegramChatId: a.telegramChatId ?? null, maxChatId: a.maxChatId ?? null, email: a.email ?? null },
							deadline: a.deadline ?? null,
						},
					};
					outputs[mode === 'table' ? 0 : match.index].push({ json, pairedItem: { item: i } });
				}
			} catch (error) {
				if (!this.continueOnFail()) throw asNodeError(this.getNode(), error, i);
				outputs[fallback].push(errorItem(error as Error, items[i].json, i));
			}
		}
		return outputs;
	}
}
