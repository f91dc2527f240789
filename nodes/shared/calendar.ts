import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';
import {
	ProductionCalendar,
	parseDateList,
	parseXmlCalendar,
	type DateListRow,
} from '../../lib/calendar';

export interface CalendarSourceOptions {
	calendarXml?: string;
	calendarUrl?: string;
	/** JSON array of dates/rows, or one date per line (`2027-01-01 выходной`). */
	calendarDates?: string | DateListRow[];
}

export interface CalendarFetchLimits {
	/** The whole download, body included. */
	timeoutMs?: number;
	maxBytes?: number;
}

/** A year of xmlcalendar is ~10 KB: a megabyte is generous, and a slow or endless answer cannot hold the run. */
export const CALENDAR_FETCH_LIMITS = { timeoutMs: 15000, maxBytes: 1_000_000 };

/**
 * The calendar file at a URL through n8n's helper (its SSRF filter and proxy), read as a stream with a total
 * deadline and a size cap: the download is aborted as soon as either is exceeded.
 */
async function fetchCalendarXml(
	ctx: IExecuteFunctions,
	url: string,
	limits: CalendarFetchLimits,
): Promise<string> {
	const { timeoutMs, maxBytes } = { ...CALENDAR_FETCH_LIMITS, ...limits };
	const controller = new AbortController();
	const fail = (message: string) =>
		new NodeOperationError(ctx.getNode(), `Календарь по ссылке ${url}: ${message}`);
	let timedOut = false;
	// AbortSignal.timeout, not a global timer: the community-package scanner refuses setTimeout in nodes.
	const deadline = AbortSignal.timeout(timeoutMs);
	const onDeadline = () => {
		timedOut = true;
		controller.abort();
	};
	deadline.addEventListener('abort', onDeadline, { once: true });
	try {
		const body = (await ctx.helpers.httpRequest({
			url,
			json: false,
			encoding: 'stream',
			timeout: timeoutMs,
			abortSignal: controller.signal,
			maxRedirects: 3,
		})) as unknown;
		if (typeof body === 'string' || Buffer.isBuffer(body)) {
			if (Buffer.byteLength(body) > maxBytes) throw fail(`файл больше ${maxBytes} байт`);
			return String(body);
		}
		const chunks: Buffer[] = [];
		let size = 0;
		const stream = body as AsyncIterable<Buffer | string> & { destroy?: () => void };
		const aborted = new Promise<never>((_, reject) =>
			controller.signal.addEventListener(
				'abort',
				() =>
					reject(
						fail(
							timedOut ? `не загружен за ${timeoutMs / 1000} с` : `файл больше ${maxBytes} байт`,
						),
					),
				{ once: true },
			),
		);
		aborted.catch(() => undefined);
		const read = (async () => {
			for await (const chunk of stream) {
				const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
				size += buffer.length;
				if (size > maxBytes) {
					stream.destroy?.();
					controller.abort();
					throw fail(`файл больше ${maxBytes} байт`);
				}
				chunks.push(buffer);
			}
			return Buffer.concat(chunks).toString('utf8');
		})();
		return await Promise.race([read, aborted]);
	} catch (error) {
		const known = error instanceof NodeOperationError ? error : undefined;
		throw (
			known ??
			fail(
				timedOut
					? `не загружен за ${timeoutMs / 1000} с`
					: `не загружен (${(error as Error).message})`,
			)
		);
	} finally {
		deadline.removeEventListener('abort', onDeadline);
	}
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
export async function loadCalendar(
	ctx: IExecuteFunctions,
	options: CalendarSourceOptions,
	limits: CalendarFetchLimits = {},
): Promise<ProductionCalendar> {
	const calendar = new ProductionCalendar();
	if (options.calendarUrl) {
		const xml = await fetchCalendarXml(ctx, options.calendarUrl, limits);
		calendar.setYear(parseXmlCalendar(xml, options.calendarUrl));
	}
	if (options.calendarXml)
		calendar.setYear(parseXmlCalendar(options.calendarXml, 'XML в настройках узла'));
	if (
		options.calendarDates &&
		(Array.isArray(options.calendarDates) || options.calendarDates.trim())
	) {
		for (const year of parseDateList(
			dateRows(options.calendarDates),
			'список дат в настройках узла',
		)) {
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
		description:
			'Производственный календарь года в формате xmlcalendar; заменяет встроенный для этого года',
	},
	{
		displayName: 'Календарь: Ссылка на XML',
		name: 'calendarUrl',
		type: 'string' as const,
		default: '',
		description: 'Адрес файла xmlcalendar, загружается при каждом запуске',
	},
	{
		displayName: 'Календарь: Список дат',
		name: 'calendarDates',
		type: 'string' as const,
		typeOptions: { rows: 4 },
		default: '',
		description:
			'Одна дата в строке: «2027-01-01» (выходной), «2027-11-06 рабочий», «2027-12-30 сокращённый»; или JSON-массив из таблицы. Описывает весь год.',
	},
];
