import type { DeadlineUnit } from '../deadlines';
import { compilePhrase, findPhrase, stems, type CompiledPhrase } from '../text/russian';

/**
 * Routing rules the coordinator edits (in the node's parameters or in a spreadsheet tab): conditions on the
 * appeal → who is responsible. Empty conditions match anything; within a condition any listed value matches.
 */
export interface RoutingRule {
	/** Shown as the node's output name and written to the appeal. */
	name: string;
	topics?: string[];
	settlements?: string[];
	sources?: string[];
	kinds?: string[];
	/** Any of these flags present (e.g. `obscene`, `escalation`). */
	flags?: string[];
	/** Any of these words or phrases in the text, in any word form. */
	keywords?: string[];
	assign: RoutingAssignment;
}

export interface RoutingAssignment {
	department?: string;
	responsible?: string;
	telegramChatId?: string;
	maxChatId?: string;
	email?: string;
	/** A deadline override for appeals this rule routes (used by «МЦУ: Сроки» via `deadlineOverride`). */
	deadline?: { unit: DeadlineUnit; amount: number };
}

export interface CompiledRule {
	rule: RoutingRule;
	keywords: CompiledPhrase[];
	sets: {
		topics?: Set<string>;
		settlements?: Set<string>;
		sources?: Set<string>;
		kinds?: Set<string>;
		flags?: Set<string>;
	};
}

const setOf = (values?: string[]) => {
	const clean = (values ?? []).map((v) => v.trim().toLowerCase()).filter(Boolean);
	return clean.length ? new Set(clean) : undefined;
};

export function compileRules(rules: RoutingRule[]): CompiledRule[] {
	return rules.map((rule) => ({
		rule,
		keywords: (rule.keywords ?? [])
			.map((k) => k.trim())
			.filter(Boolean)
			.map(compilePhrase),
		sets: {
			topics: setOf(rule.topics),
			settlements: setOf(rule.settlements),
			sources: setOf(rule.sources),
			kinds: setOf(rule.kinds),
			flags: setOf(rule.flags),
		},
	}));
}

/**
 * The fields routing reads. They are `unknown` on purpose: any n8n item can come in, so values are checked
 * where they are read, and a record of any shape (an `Appeal`, an item's json) is accepted without a cast.
 */
export interface RoutableAppeal {
	text?: unknown;
	topic?: unknown;
	settlement?: unknown;
	settlementName?: unknown;
	source?: unknown;
	kind?: unknown;
	/** Flags such as `obscene`, `escalation`. */
	flags?: unknown;
	/** The coordinator's corrections from the register (`readCorrections`); a corrected department beats the rules. */
	corrections?: unknown;
}

export interface RuleMatch {
	index: number;
	rule: RoutingRule;
	/** Why it matched, for people checking the routing: «тема: roads», «слово: яма». */
	why: string[];
}

const low = (v: unknown) => (typeof v === 'string' ? v.trim().toLowerCase() : '');

function matchRule(
	compiled: CompiledRule,
	appeal: RoutableAppeal,
	textStems: () => string[],
): string[] | null {
	const why: string[] = [];
	const { sets } = compiled;
	if (sets.topics) {
		if (!sets.topics.has(low(appeal.topic))) return null;
		why.push(`тема: ${appeal.topic}`);
	}
	if (sets.settlements) {
		const s = [low(appeal.settlement), low(appeal.settlementName)].find(
			(v) => v && sets.settlements!.has(v),
		);
		if (!s) return null;
		why.push(`поселение: ${s}`);
	}
	if (sets.sources) {
		if (!sets.sources.has(low(appeal.source))) return null;
		why.push(`источник: ${appeal.source}`);
	}
	if (sets.kinds) {
		if (!sets.kinds.has(low(appeal.kind))) return null;
		why.push(`вид: ${appeal.kind}`);
	}
	if (sets.flags) {
		const f = (Array.isArray(appeal.flags) ? (appeal.flags as unknown[]) : []).find((x) =>
			sets.flags!.has(low(x)),
		);
		if (!f) return null;
		why.push(`признак: ${f}`);
	}
	if (compiled.keywords.length) {
		const t = textStems();
		const k = compiled.keywords.find((p) => findPhrase(t, p) >= 0);
		if (!k) return null;
		why.push(`слово: ${k.phrase}`);
	}
	return why;
}

/** Rules that match, in order: the first one only (default) or all of them. */
export function routeAppeal(
	appeal: RoutableAppeal,
	rules: CompiledRule[],
	mode: 'first' | 'all' = 'first',
): RuleMatch[] {
	let cached: string[] | undefined;
	const textStems = () => (cached ??= stems(typeof appeal.text === 'string' ? appeal.text : ''));
	const matches: RuleMatch[] = [];
	for (let i = 0; i < rules.length; i++) {
		const why = matchRule(rules[i], appeal, textStems);
		if (!why) continue;
		matches.push({
			index: i,
			rule: rules[i].rule,
			why: why.length ? why : ['правило без условий'],
		});
		if (mode === 'first') break;
	}
	return matches;
}

const sameName = (a: unknown, b: unknown) =>
	low(a).replace(/ё/g, 'е').replace(/\s+/g, ' ') === low(b).replace(/ё/g, 'е').replace(/\s+/g, ' ');

export interface RoutingDecision {
	matches: RuleMatch[];
	/** The department the coordinator set in the register, when there is one. */
	correctedDepartment?: string;
	/** What the rules alone decided (for the register's computed column) when a correction overrode them. */
	computed?: RuleMatch[];
}

/**
 * Routing with the coordinator's word first: an appeal whose department was corrected in the register goes to the
 * first rule that assigns that department (its responsible, contacts and deadline come along); when no rule does,
 * `matches` is empty and `correctedDepartment` says where it belongs. Otherwise the rules decide (`routeAppeal`).
 */
export function routeWithCorrections(
	appeal: RoutableAppeal,
	rules: CompiledRule[],
	mode: 'first' | 'all' = 'first',
): RoutingDecision {
	const department = (appeal.corrections as { department?: unknown } | null | undefined)
		?.department;
	const corrected = typeof department === 'string' ? department.trim() : '';
	if (!corrected) return { matches: routeAppeal(appeal, rules, mode) };
	const computed = routeAppeal(appeal, rules, mode);
	const index = rules.findIndex((r) => sameName(r.rule.assign.department, corrected));
	const why = [`подразделение исправлено координатором: ${corrected}`];
	const matches = index >= 0 ? [{ index, rule: rules[index].rule, why }] : [];
	return {
		matches,
		correctedDepartment: index >= 0 ? rules[index].rule.assign.department! : corrected,
		computed,
	};
}

/** A rules table row that cannot be used; names the row and the column. */
export class RoutingTableError extends Error {
	constructor(row: number, column: string, message: string) {
		super(`Таблица маршрутизации, строка ${row}, столбец «${column}»: ${message}`);
		this.name = 'RoutingTableError';
	}
}

/** Column headers of the routing tab a coordinator edits (Russian, as in the shipped template). */
export const ROUTING_TABLE_COLUMNS = {
	name: 'Правило',
	topics: 'Темы',
	settlements: 'Поселения',
	sources: 'Источники',
	kinds: 'Виды',
	flags: 'Признаки',
	keywords: 'Ключевые слова',
	department: 'Подразделение',
	responsible: 'Ответственный',
	telegramChatId: 'Telegram',
	maxChatId: 'MAX',
	email: 'E-mail',
	deadlineDays: 'Срок (рабочих дней)',
} as const;

const list = (v: unknown) =>
	v === undefined || v === null
		? []
		: String(v)
				.split(/[,;\n]/)
				.map((x) => x.trim())
				.filter(Boolean);

/** Rules from spreadsheet rows (objects keyed by the header). Empty rows are skipped; row numbers count the header. */
export function parseRoutingTable(rows: Array<Record<string, unknown>>): RoutingRule[] {
	const c = ROUTING_TABLE_COLUMNS;
	const rules: RoutingRule[] = [];
	rows.forEach((row, i) => {
		const rowNumber = i + 2;
		const name = String(row[c.name] ?? '').trim();
		const department = String(row[c.department] ?? '').trim();
		if (!name && !department && !row[c.keywords] && !row[c.topics]) return;
		if (!name) throw new RoutingTableError(rowNumber, c.name, 'нужно название правила');
		if (!department && !row[c.responsible]) {
			throw new RoutingTableError(
				rowNumber,
				c.department,
				'укажите подразделение или ответственного',
			);
		}
		let deadline: RoutingAssignment['deadline'];
		const days = row[c.deadlineDays];
		if (days !== undefined && days !== null && String(days).trim() !== '') {
			const n = Number(String(days).replace(',', '.'));
			if (!Number.isInteger(n) || n <= 0)
				throw new RoutingTableError(
					rowNumber,
					c.deadlineDays,
					`ожидается целое число дней, получено «${days}»`,
				);
			deadline = { unit: 'working_days', amount: n };
		}
		const email = String(row[c.email] ?? '').trim();
		if (email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
			throw new RoutingTableError(rowNumber, c.email, `не похоже на адрес e-mail: «${email}»`);
		rules.push({
			name,
			topics: list(row[c.topics]),
			settlements: list(row[c.settlements]),
			sources: list(row[c.sources]),
			kinds: list(row[c.kinds]),
			flags: list(row[c.flags]),
			keywords: list(row[c.keywords]),
			assign: {
				department: department || undefined,
				responsible: String(row[c.responsible] ?? '').trim() || undefined,
				telegramChatId: String(row[c.telegramChatId] ?? '').trim() || undefined,
				maxChatId: String(row[c.maxChatId] ?? '').trim() || undefined,
				email: email || undefined,
				deadline,
			},
		});
	});
	return rules;
}

export * from './handoff';
