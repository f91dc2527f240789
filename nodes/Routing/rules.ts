import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { parseRoutingTable, type RoutingRule } from '../../lib/routing';

/** One rule as the node's «Правила» collection stores it. */
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

const splitList = (v?: string) =>
	(v ?? '')
		.split(/[,;\n]/)
		.map((x) => x.trim())
		.filter(Boolean);

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

function tableRows(ctx: IExecuteFunctions): Array<Record<string, unknown>> {
	const raw: unknown = ctx.getNodeParameter('table', 0, []);
	const rows: unknown = typeof raw === 'string' ? JSON.parse(raw) : raw;
	if (!Array.isArray(rows) || !rows.every((row) => typeof row === 'object' && row !== null)) {
		throw new NodeOperationError(ctx.getNode(), 'Строки таблицы правил: ожидается массив строк');
	}
	return rows as Array<Record<string, unknown>>;
}

/** The rules from where the node's «Откуда правила» says; a rule that cannot be read stops the run. */
export function readRules(ctx: IExecuteFunctions, mode: string): RoutingRule[] {
	try {
		if (mode === 'table') return parseRoutingTable(tableRows(ctx));
		return rulesFromParameters(
			((ctx.getNodeParameter('rules', 0, {}) as IDataObject).rule ?? []) as RuleParameter[],
		);
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), error as Error, {
			description: 'Правила маршрутизации не прочитаны',
		});
	}
}
