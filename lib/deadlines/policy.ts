import type { AppealKind, AppealSource } from '../appeal/types';

export const DEADLINE_UNITS = ['calendar_days', 'working_days', 'working_hours'] as const;
export type DeadlineUnit = (typeof DEADLINE_UNITS)[number];

/** What to do when a deadline counted in calendar days falls on a day off. */
export type DayOffRule = 'previous' | 'next' | 'keep';

export interface OfficeHours {
	/** `HH:mm`, local time of the policy's time zone. */
	start: string;
	end: string;
	/** A shortened pre-holiday day ends this many minutes earlier (ТК РФ ст. 95: one hour). */
	shortenedByMinutes: number;
}

/** A deadline rule, as data: which appeals it covers and how their deadline is counted. */
export interface DeadlinePolicy {
	id: string;
	/** Shown to people (reports, node output). */
	title: string;
	/** `*` matches any. The most specific matching policy wins (source over kind), later ones over earlier. */
	source: AppealSource | '*';
	kind: AppealKind | '*';
	unit: DeadlineUnit;
	amount: number;
	/** How far the deadline may be extended (59-ФЗ: up to 30 days with notice to the citizen); null = not allowed. */
	extension: { unit: DeadlineUnit; amount: number } | null;
	dayOff: DayOffRule;
	countFrom: 'registeredAt' | 'receivedAt';
	officeHours: OfficeHours;
	timeZone: string;
	/** The legal or practical source of the rule. */
	basis: string;
	/** false when the rule is a reasonable default that nobody has confirmed for this region. */
	verified: boolean;
}

export const DEFAULT_OFFICE_HOURS: OfficeHours = {
	start: '09:00',
	end: '18:00',
	shortenedByMinutes: 60,
};
export const DEFAULT_TIME_ZONE = 'Europe/Moscow';

const common = {
	officeHours: DEFAULT_OFFICE_HOURS,
	timeZone: DEFAULT_TIME_ZONE,
	countFrom: 'registeredAt' as const,
};

/**
 * Defaults from ../shared/domain.md §3. Every one can be overridden (node parameters or `mergePolicies`).
 * «previous working day» for 59-ФЗ follows the usual instructions on office work: an answer due on a day off
 * is sent on the working day before it.
 */
export const DEFAULT_POLICIES: readonly DeadlinePolicy[] = [
	{
		...common,
		id: 'fallback',
		title: 'Прочие обращения: 30 дней',
		source: '*',
		kind: '*',
		unit: 'calendar_days',
		amount: 30,
		extension: { unit: 'calendar_days', amount: 30 },
		dayOff: 'previous',
		basis: 'По аналогии с 59-ФЗ ст. 12 (срок не установлен для канала)',
		verified: false,
	},
	{
		...common,
		id: 'fz59',
		title: 'Обращение по 59-ФЗ: 30 дней со дня регистрации',
		source: '*',
		kind: 'appeal59',
		unit: 'calendar_days',
		amount: 30,
		extension: { unit: 'calendar_days', amount: 30 },
		dayOff: 'previous',
		basis: '59-ФЗ ст. 12 ч. 1 (30 дней), ч. 2 (продление не более чем на 30 дней с уведомлением)',
		verified: true,
	},
	{
		...common,
		id: 'pos_message',
		title: 'Сообщение ПОС: до 30 дней',
		source: 'pos',
		kind: 'message',
		unit: 'calendar_days',
		amount: 30,
		extension: { unit: 'calendar_days', amount: 30 },
		dayOff: 'previous',
		basis:
			'ПП РФ от 10.11.2020 № 1802; «до 30 дней» по публичным заявлениям, рабочие/календарные дни не подтверждены',
		verified: false,
	},
	{
		...common,
		id: 'im_incident',
		title: 'Инцидент ИМ: 8 рабочих часов',
		source: 'im',
		kind: 'incident',
		unit: 'working_hours',
		amount: 8,
		extension: null,
		dayOff: 'keep',
		countFrom: 'receivedAt',
		basis:
			'Региональные нормы ЦУР (Ульяновская обл.: ответ в 8 часов; Башкортостан: проект за 8 рабочих часов)',
		verified: false,
	},
	...(['vk', 'ok', 'telegram', 'max', 'official'] as const).map(
		(source): DeadlinePolicy => ({
			...common,
			id: `${source}_social`,
			title: 'Сообщение в соцсети: 1 рабочий день',
			source,
			kind: '*',
			unit: 'working_days',
			amount: 1,
			extension: null,
			dayOff: 'keep',
			countFrom: 'receivedAt',
			basis: 'Региональные нормы ЦУР (Смоленская обл.: реакция в течение 1 дня)',
			verified: false,
		}),
	),
];

/** A partial policy keyed by source and kind; fields left out keep the policy it overrides. */
export type PolicyOverride = Partial<DeadlinePolicy> & Pick<DeadlinePolicy, 'source' | 'kind'>;

/** Applies overrides: one for the same source and kind changes that policy, otherwise it becomes a new one. */
export function mergePolicies(
	base: readonly DeadlinePolicy[],
	overrides: readonly PolicyOverride[],
): DeadlinePolicy[] {
	const result = base.map((p) => ({ ...p }));
	for (const o of overrides) {
		const index = result.findIndex((p) => p.source === o.source && p.kind === o.kind);
		if (index >= 0) {
			result[index] = { ...result[index], ...definedOnly(o) };
		} else {
			const template = selectPolicy(
				result,
				o.source === '*' ? 'import' : o.source,
				o.kind === '*' ? 'message' : o.kind,
			);
			result.push({
				...template,
				...definedOnly(o),
				id: o.id ?? `custom_${o.source}_${o.kind}`,
				title: o.title ?? `Настройка: ${o.source} / ${o.kind}`,
			});
		}
	}
	return result;
}

function definedOnly<T extends object>(o: T): Partial<T> {
	return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The policy for a source and kind: exact source beats `*`, then exact kind beats `*`; later wins ties. */
export function selectPolicy(
	policies: readonly DeadlinePolicy[],
	source: string,
	kind: string,
): DeadlinePolicy {
	let best: DeadlinePolicy | undefined;
	let bestScore = -1;
	for (const p of policies) {
		if ((p.source !== '*' && p.source !== source) || (p.kind !== '*' && p.kind !== kind)) continue;
		const score = (p.source === source ? 2 : 0) + (p.kind === kind ? 1 : 0);
		if (score >= bestScore) {
			best = p;
			bestScore = score;
		}
	}
	if (!best)
		throw new Error(
			`Нет правила срока для источника «${source}» и вида «${kind}» (нет правила «*/*»)`,
		);
	return best;
}
