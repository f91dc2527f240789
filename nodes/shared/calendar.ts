import type { IExecuteFunctions } from 'n8n-workflow';
import { ProductionCalendar, parseDateList, parseXmlCalendar, type DateListRow } from '../../lib/calendar';

export interface CalendarSourceOptions {
	calendarXml?: string;
	calendarUrl?: string;
	/** JSON array of dates/rows, or one date per line (`2027-01-01 выходной`). */
	calendarDates?: string | DateListRow[];
}

function dateRows(value: string | DateListRow[]): DateListRow[] {
	if (Array.isArray(value)) return value;
	const text = value.trim();
	if (text.startsWith('[')) return JSON.parse(text) as DateListRow[];
	return text.split(/\r?\n/);
}

/**
 * The production calendar a node uses: built-in years plus what the user loaded in the node's options
 * (xmlcalendar XML text, a URL to such a file, a list of dates). A fresh instance per execution, so one
 * workflow's years never leak into another's.
 */
export async function loadCalendar(ctx: IExecuteFunctions, options: CalendarSourceOptions): Promise<ProductionCalendar> {
	const calendar = new ProductionCalendar();
	if (options.calendarUrl) {
		const xml = (await ctx.helpers.httpRequest({ url: options.calendarUrl, json: false })) as string;
		calendar.setYear(parseXmlCalendar(String(xml), options.calendarUrl));
	}
	if (options.calendarXml) calendar.setYear(parseXmlCalendar(options.calendarXml, 'XML в настройках узла'));
	if (options.calendarDates && (Array.isArray(options.calendarDates) || options.calendarDates.trim())) {
		for (const year of parseDateList(dateRows(options.calendarDates), 'список дат в настройках узла')) {
			calendar.setYear(year);
		}
	}
	return calendar;
}

export const CALENDAR_OPTION_PROPERTIES = [
	{
		displayName: 'Календарь: XML (Xmlcalendar)',
		name: 'calendarXml',
		type: 'string' as const,
		typeOptions: { rows: 4 },
		default: '',
		description: 'Производственный календарь года в формате xmlcalendar; заменяет встроенный для этого года',
	},
	{
		displayName: 'Календарь: Ссылка На XML',
		name: 'calendarUrl',
		type: 'string' as const,
		default: '',
		description: 'Адрес файла xmlcalendar, загружается при каждом запуске',
	},
	{
		displayName: 'Календарь: Список Дат',
		name: 'calendarDates',
		type: 'string' as const,
		typeOptions: { rows: 4 },
		default: '',
		description:
			'Одна дата в строке: «2027-01-01» (выходной), «2027-11-06 рабочий», «2027-12-30 сокращённый»; или JSON-массив из таблицы. Описывает весь год.',
	},
];
