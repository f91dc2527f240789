import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { departmentList, type ReportColumn, type TabLayout } from '../../../lib/reports';
import type { SheetsSession } from '../transport';
import { replaceTab } from '../writer';

/** The tab an operation works on, in the spreadsheet resolved from the node or its credential; the session is open. */
export interface SheetsTarget {
	session: SheetsSession;
	spreadsheetId: string;
	title: string;
}

/**
 * One operation of the node (`actions/<operation>.operation.ts`), shared by every node version: v1 selects it with
 * `report`, v2 with `operation`; the other parameters have the same names in both.
 */
export interface ReportOperation {
	/** The tab when «Лист» is empty. */
	defaultTitle: string;
	/** The operation's fields in v2, each shown only for it. */
	description: INodeProperties[];
	execute(
		this: IExecuteFunctions,
		items: INodeExecutionData[],
		target: SheetsTarget,
	): Promise<INodeExecutionData[]>;
}

/** The written tab's summary as the one output item, paired with every input item; a failure says what is left. */
export async function writeReport(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	target: SheetsTarget,
	/** The operation, as the output's `report` field (the same in both versions). */
	report: string,
	write: (records: IDataObject[], masked: boolean) => Promise<IDataObject>,
	failure: string,
): Promise<INodeExecutionData[]> {
	const masked = ctx.getNodeParameter('maskPersonalData', 0, true) as boolean;
	const { session, spreadsheetId, title } = target;
	try {
		const result = await write(
			items.map((i) => i.json),
			masked,
		);
		return [
			{
				json: {
					report,
					spreadsheetId,
					sheet: title,
					...result,
					apiCalls: session.calls,
					maskedPersonalData: masked,
				} as IDataObject,
				pairedItem: items.map((_, i) => ({ item: i })),
			},
		];
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), error as Error, { description: failure });
	}
}

export function departmentsOf(ctx: IExecuteFunctions): string[] {
	return departmentList(ctx.getNodeParameter('correctionDepartments', 0, ''));
}

export function chartOf(ctx: IExecuteFunctions): TabLayout['chart'] {
	const settings = (ctx.getNodeParameter('chart', 0, {}) as IDataObject).settings as
		| TabLayout['chart']
		| undefined;
	return settings?.labelHeader && settings.valueHeader ? settings : undefined;
}

/** A rebuilt tab is written in one request: a failure leaves it as it was. */
export const REBUILT_TAB_FAILURE = (title: string): string =>
	`Отчёт «${title}» не записан; таблица осталась в прежнем состоянии (запись идёт одним запросом)`;

/** What a rebuilt tab holds, worked out from the input items inside the write (so a failure there is reported too). */
export interface RebuiltTab<T> {
	columns: ReportColumn<T>[];
	rows: T[];
	highlight?: TabLayout['highlight'];
	chart?: TabLayout['chart'];
}

/** The reports that replace their whole tab differ only in what it holds: the write and its failure are the same. */
export function rebuildTab<T>(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	target: SheetsTarget,
	report: string,
	tab: (records: IDataObject[]) => RebuiltTab<T>,
): Promise<INodeExecutionData[]> {
	const { session, spreadsheetId, title } = target;
	return writeReport(
		ctx,
		items,
		target,
		report,
		async (records, masked) => {
			const { columns, rows, highlight, chart } = tab(records);
			return replaceTab(session, spreadsheetId, title, columns, rows, masked, highlight, chart);
		},
		REBUILT_TAB_FAILURE(title),
	);
}
