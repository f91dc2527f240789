import type { ReportColumn } from './register';
import { columnLetter } from './upsert';

/**
 * Sheets API requests that make a report tab pleasant to open: frozen bold header, widths, date formats,
 * a filter, colours for overdue / due soon, and drop-downs on status columns. Built once, sent in one
 * `spreadsheets.batchUpdate` together with `addSheet` (the sheet id is chosen here, so no extra call).
 */
export interface TabLayout {
	sheetId: number;
	title: string;
	/** `staff`: a column people fill (the coordinator's corrections): its header is coloured apart. */
	columns: Array<
		Pick<ReportColumn<never>, 'header' | 'width' | 'format' | 'choices'> & { staff?: boolean }
	>;
	/** Rows to format and filter (grows with the data; generous so later runs need no re-layout). */
	rows: number;
	/** Header of the column whose text colours a row (`Контроль срока`), and the colours per value. */
	highlight?: {
		header: string;
		rules: Array<{ equals: string; color: 'red' | 'yellow' | 'green' }>;
	};
	/** A bar chart of one column against another (the summary's topics, the rating's scores), placed right of the table. */
	chart?: { title: string; labelHeader: string; valueHeader: string };
}

const COLORS = {
	red: { red: 0.98, green: 0.8, blue: 0.8 },
	yellow: { red: 1, green: 0.95, blue: 0.7 },
	green: { red: 0.85, green: 0.94, blue: 0.85 },
};

const NUMBER_FORMATS: Record<string, { type: string; pattern: string }> = {
	datetime: { type: 'DATE_TIME', pattern: 'dd.mm.yyyy hh:mm' },
	date: { type: 'DATE', pattern: 'dd.mm.yyyy' },
	number: { type: 'NUMBER', pattern: '0.##' },
	percent: { type: 'PERCENT', pattern: '0%' },
	text: { type: 'TEXT', pattern: '@' },
};

/** A stable sheet id for a tab title (ids must be unique inside a spreadsheet, any int32). */
export function sheetIdFor(title: string): number {
	let h = 2166136261;
	for (const ch of title) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619);
	return (h >>> 1) % 2000000000;
}

/** Header cells of the first row, columns [from, to): bold, wrapped, centred, in their colour. */
function headerFormat(
	sheetId: number,
	from: number,
	to: number,
	backgroundColor: { red: number; green: number; blue: number },
): object {
	return {
		repeatCell: {
			range: {
				sheetId,
				startRowIndex: 0,
				endRowIndex: 1,
				startColumnIndex: from,
				endColumnIndex: to,
			},
			cell: {
				userEnteredFormat: {
					textFormat: { bold: true },
					backgroundColor,
					wrapStrategy: 'WRAP',
					verticalAlignment: 'MIDDLE',
				},
			},
			fields: 'userEnteredFormat(textFormat,backgroundColor,wrapStrategy,verticalAlignment)',
		},
	};
}

/** A staff column's header: pale yellow, where the blue ones are the package's. */
const staffHeader = (sheetId: number, index: number): object =>
	headerFormat(sheetId, index, index + 1, { red: 1, green: 0.95, blue: 0.7 });

/** Width, number format and drop-down of one column (also for columns added to an existing tab). */
export function columnRequests(
	sheetId: number,
	index: number,
	column: TabLayout['columns'][number],
): object[] {
	const requests: object[] = [];
	if (column.staff) requests.push(staffHeader(sheetId, index));
	requests.push({
		updateDimensionProperties: {
			range: { sheetId, dimension: 'COLUMNS', startIndex: index, endIndex: index + 1 },
			properties: { pixelSize: column.width },
			fields: 'pixelSize',
		},
	});
	const format = column.format ? NUMBER_FORMATS[column.format] : undefined;
	if (format) {
		requests.push({
			repeatCell: {
				range: { sheetId, startRowIndex: 1, startColumnIndex: index, endColumnIndex: index + 1 },
				cell: { userEnteredFormat: { numberFormat: format } },
				fields: 'userEnteredFormat.numberFormat',
			},
		});
	}
	if (column.choices?.length) {
		requests.push({
			setDataValidation: {
				range: { sheetId, startRowIndex: 1, startColumnIndex: index, endColumnIndex: index + 1 },
				// Not strict: a value outside the list is allowed and reported by the next run, never refused in the sheet.
				rule: {
					condition: {
						type: 'ONE_OF_LIST',
						values: column.choices.map((v) => ({ userEnteredValue: v })),
					},
					strict: false,
					showCustomUi: true,
				},
			},
		});
	}
	return requests;
}

export function layoutRequests(tab: TabLayout, options: { addSheet: boolean }): object[] {
	const { sheetId } = tab;
	const columnCount = tab.columns.length;
	const requests: object[] = [];
	if (options.addSheet) {
		requests.push({
			addSheet: {
				properties: {
					sheetId,
					title: tab.title,
					gridProperties: {
						rowCount: Math.max(tab.rows + 1, 100),
						columnCount: Math.max(columnCount, 26),
						frozenRowCount: 1,
					},
				},
			},
		});
	} else {
		requests.push({
			updateSheetProperties: {
				properties: { sheetId, gridProperties: { frozenRowCount: 1 } },
				fields: 'gridProperties.frozenRowCount',
			},
		});
	}
	requests.push(headerFormat(sheetId, 0, columnCount, { red: 0.85, green: 0.9, blue: 0.97 }));
	tab.columns.forEach((column, index) => requests.push(...columnRequests(sheetId, index, column)));
	if (tab.highlight) {
		const col = tab.columns.findIndex((c) => c.header === tab.highlight!.header);
		if (col >= 0) {
			const letter = columnLetter(col);
			tab.highlight.rules.forEach((rule, i) => {
				requests.push({
					addConditionalFormatRule: {
						index: i,
						rule: {
							ranges: [
								{ sheetId, startRowIndex: 1, startColumnIndex: 0, endColumnIndex: columnCount },
							],
							booleanRule: {
								condition: {
									type: 'CUSTOM_FORMULA',
									values: [{ userEnteredValue: `=$${letter}2="${rule.equals}"` }],
								},
								format: { backgroundColor: COLORS[rule.color] },
							},
						},
					},
				});
			});
		}
	}
	requests.push({
		setBasicFilter: {
			filter: {
				range: { sheetId, startRowIndex: 0, startColumnIndex: 0, endColumnIndex: columnCount },
			},
		},
	});
	const label = tab.chart ? tab.columns.findIndex((c) => c.header === tab.chart!.labelHeader) : -1;
	const value = tab.chart ? tab.columns.findIndex((c) => c.header === tab.chart!.valueHeader) : -1;
	if (tab.chart && label >= 0 && value >= 0) {
		// The range reaches well below today's rows, so later runs with more rows stay in the chart.
		const source = (column: number) => ({
			sourceRange: {
				sources: [
					{
						sheetId,
						startRowIndex: 0,
						endRowIndex: Math.max(tab.rows + 1, 1000),
						startColumnIndex: column,
						endColumnIndex: column + 1,
					},
				],
			},
		});
		requests.push({
			addChart: {
				chart: {
					spec: {
						title: tab.chart.title,
						basicChart: {
							chartType: 'BAR',
							legendPosition: 'NO_LEGEND',
							headerCount: 1,
							domains: [{ domain: source(label) }],
							series: [{ series: source(value), targetAxis: 'BOTTOM_AXIS' }],
						},
					},
					position: {
						overlayPosition: { anchorCell: { sheetId, rowIndex: 1, columnIndex: columnCount + 1 } },
					},
				},
			},
		});
	}
	return requests;
}
