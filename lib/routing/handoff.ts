import type { Routed, RoutedContact } from '../appeal/types';
import type { RoutingDecision } from './index';

const NO_CONTACT: RoutedContact = { telegramChatId: null, maxChatId: null, email: null };
const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** Where a routed copy of the appeal goes: the matched rule's branch, or no rule. */
export type RoutedBranch = { rule: number } | { rule: null; corrected: boolean };

export interface RoutedCopy<T> {
	branch: RoutedBranch;
	record: T & { routing: Routed };
}

/**
 * The appeal as routing hands it on: one copy per matched rule, with the rule's department, responsible,
 * contacts and deadline (`routing`, typed `Routed`); with no rule, one copy that says why. When the coordinator's
 * correction overrode the rules, what the rules alone decided is kept in `corrections.computed.department`.
 */
export function routedCopies<T extends Record<string, unknown>>(
	appeal: T,
	decision: RoutingDecision,
): Array<RoutedCopy<T>> {
	const corrections = decision.correctedDepartment ? computedKept(appeal, decision) : undefined;
	const withCorrections = corrections ? { corrections } : {};
	if (decision.matches.length === 0) {
		if (decision.correctedDepartment) {
			const why = [
				`подразделение исправлено координатором: ${decision.correctedDepartment}`,
				'правила с этим подразделением нет',
			];
			const routing: Routed = { rule: null, why, contact: NO_CONTACT, deadline: null };
			return [
				{
					branch: { rule: null, corrected: true },
					record: {
						...appeal,
						department: decision.correctedDepartment,
						...withCorrections,
						routing,
					},
				},
			];
		}
		const routing: Routed = { rule: null, why: ['ни одно правило не подошло'] };
		return [{ branch: { rule: null, corrected: false }, record: { ...appeal, routing } }];
	}
	return decision.matches.map((match) => {
		const a = match.rule.assign;
		const routing: Routed = {
			rule: match.rule.name,
			why: match.why,
			contact: {
				telegramChatId: a.telegramChatId ?? null,
				maxChatId: a.maxChatId ?? null,
				email: a.email ?? null,
			},
			deadline: a.deadline ?? null,
		};
		const record = {
			...appeal,
			department: a.department ?? appeal.department ?? null,
			responsible: a.responsible ?? appeal.responsible ?? null,
			...withCorrections,
			routing,
		};
		return { branch: { rule: match.index }, record };
	});
}

/** The appeal's corrections plus what the rules alone would have assigned (for the register's computed column). */
function computedKept(
	appeal: Record<string, unknown>,
	decision: RoutingDecision,
): Record<string, unknown> {
	const corrections = isObject(appeal.corrections) ? appeal.corrections : {};
	const computed = isObject(corrections.computed) ? corrections.computed : {};
	return {
		...corrections,
		computed: {
			...computed,
			department: decision.computed?.[0]?.rule.assign.department ?? appeal.department ?? null,
		},
	};
}
