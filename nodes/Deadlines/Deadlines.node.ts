import { DateTime } from 'luxon';
import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import {
	DEFAULT_POLICIES,
	applyDeadline,
	mergePolicies,
	type DayOffRule,
	type DeadlineUnit,
	type PolicyOverride,
} from '../../lib/deadlines';
import { loadCalendar } from '../shared/calendar';
import { mapItems } from '../shared/items';
import { deadlinesProperties } from './description';
import { itemJson } from '../shared/appealJson';

interface RuleParameter {
	source: PolicyOverride['source'];
	kind: PolicyOverride['kind'];
	unit: DeadlineUnit;
	amount: number;
	extensionDays: number;
	dayOff: DayOffRule;
}

export class Deadlines implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'МЦУ: Сроки',
		name: 'deadlines',
		usableAsTool: true,
		icon: { light: 'file:deadlines.svg', dark: 'file:deadlines.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{$parameter["sourceDeadline"] === "recompute" ? "пересчёт сроков" : "сроки и статусы"}}',
		description:
			'Срок ответа, статус (в срок, истекает, просрочено) и остаток времени по каждому обращению',
		defaults: { name: 'МЦУ: Сроки' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: deadlinesProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const options = this.getNodeParameter('options', 0, {}) as IDataObject;
		const nowParam = (this.getNodeParameter('now', 0, '') as string).trim();
		const now = nowParam ? DateTime.fromISO(nowParam, { setZone: true }) : DateTime.now();
		if (!now.isValid) {
			throw new NodeOperationError(
				this.getNode(),
				`«Момент расчёта»: не дата ISO 8601 — «${nowParam}»`,
			);
		}
		let calendar;
		try {
			calendar = await loadCalendar(this, options);
		} catch (error) {
			throw new NodeOperationError(this.getNode(), error as Error, {
				description: 'Не удалось загрузить производственный календарь из настроек узла',
			});
		}
		const rules = ((this.getNodeParameter('rules', 0, {}) as IDataObject).rule ??
			[]) as RuleParameter[];
		const common = {
			officeHours: {
				start: (options.officeStart as string) || '09:00',
				end: (options.officeEnd as string) || '18:00',
				shortenedByMinutes: 60,
			},
			timeZone: (options.timeZone as string) || 'Europe/Moscow',
		};
		const base = DEFAULT_POLICIES.map((p) => ({ ...p, ...common }));
		const policies = mergePolicies(
			base,
			rules.map((r) => ({
				source: r.source,
				kind: r.kind,
				unit: r.unit,
				amount: r.amount,
				dayOff: r.dayOff,
				extension:
					r.extensionDays > 0 ? { unit: 'calendar_days' as const, amount: r.extensionDays } : null,
				basis: 'Правило, заданное в узле «МЦУ: Сроки»',
			})),
		);
		const sourceDeadline = this.getNodeParameter('sourceDeadline', 0, 'keep') as
			| 'keep'
			| 'recompute';
		const dueSoon = {
			workingDays: (options.dueSoonDays as number | undefined) ?? 3,
			workingHours: (options.dueSoonHours as number | undefined) ?? 2,
		};
		const out = mapItems(this, (json) => {
			const result = applyDeadline(json, { policies, calendar, now, sourceDeadline, dueSoon });
			return itemJson({ ...json, ...result });
		});
		return [out];
	}
}
