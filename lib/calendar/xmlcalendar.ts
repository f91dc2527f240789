import type { CalendarYear, DayMark, MarkedDay } from './types';
import { monthDayToDoy } from './dates';

/** A calendar file that cannot be used; the message names the element or row at fault. */
export class CalendarFormatError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'CalendarFormatError';
	}
}

const MARKS: Record<string, DayMark> = { '1': 'off', '2': 'shortened', '3': 'working' };

/** Larger files are not production calendars (a year is ~10 KB); parsing stops before any pattern runs. */
export const MAX_CALENDAR_CHARS = 1_000_000;

/** A tag as quoted in an error message: a hostile 100k-character tag is not copied whole. */
const shown = (tag: string) => (tag.length > 120 ? `${tag.slice(0, 120)}…` : tag);

function attributes(tag: string): Record<string, string> {
	const attrs: Record<string, string> = {};
	// Names start only where a name may start and every repetition is bounded: linear on a 100k-character tag.
	for (const m of tag.matchAll(
		/(?<![\w-])([A-Za-z_][\w-]{0,63})\s{0,16}=\s{0,16}("([^"]{0,4000})"|'([^']{0,4000})')/g,
	)) {
		attrs[m[1]] = (m[3] ?? m[4]).replace(/&quot;/g, '"').replace(/&amp;/g, '&');
	}
	return attrs;
}

/**
 * Parses a production calendar in the open xmlcalendar format:
 * `<calendar year="2026"><holidays><holiday id="1" title="…"/></holidays><days><day d="01.09" t="1" f="01.03"/></days></calendar>`.
 * `d` is month.day; `t` 1 = day off, 2 = shortened working day, 3 = working weekend day; `h` = holiday id; `f` = moved from.
 */
export function parseXmlCalendar(xml: string, source = 'xmlcalendar'): CalendarYear {
	if (typeof xml !== 'string' || !xml.includes('<calendar')) {
		throw new CalendarFormatError(
			'Это не календарь в формате xmlcalendar: нет элемента <calendar>',
		);
	}
	if (xml.length > MAX_CALENDAR_CHARS) {
		throw new CalendarFormatError(
			`Календарь xmlcalendar больше ${MAX_CALENDAR_CHARS.toLocaleString('ru-RU')} символов — это не производственный календарь`,
		);
	}
	const calendarTag = /<calendar\b[^<>]*>/.exec(xml)?.[0];
	if (!calendarTag)
		throw new CalendarFormatError('Календарь xmlcalendar: элемент <calendar> не закрыт');
	const year = Number(attributes(calendarTag).year);
	if (!Number.isInteger(year) || year < 1900 || year > 2200) {
		throw new CalendarFormatError(
			`Календарь xmlcalendar: у <calendar> нет правильного атрибута year (${shown(calendarTag)})`,
		);
	}
	const titles = new Map<string, string>();
	for (const m of xml.matchAll(/<holiday\b[^<>]*>/g)) {
		const a = attributes(m[0]);
		if (a.id) titles.set(a.id, a.title ?? '');
	}
	const days: MarkedDay[] = [];
	const seen = new Set<string>();
	for (const m of xml.matchAll(/<day\b[^<>]*>/g)) {
		const a = attributes(m[0]);
		const mark = MARKS[a.t ?? ''];
		if (!mark)
			throw new CalendarFormatError(
				`Календарь ${year}: у ${shown(m[0])} атрибут t должен быть 1, 2 или 3`,
			);
		if (monthDayToDoy(year, a.d ?? '') < 0) {
			throw new CalendarFormatError(
				`Календарь ${year}: у ${shown(m[0])} атрибут d должен быть датой ММ.ДД этого года`,
			);
		}
		const date = a.d.replace('.', '-');
		if (seen.has(date))
			throw new CalendarFormatError(`Календарь ${year}: день ${a.d} указан дважды`);
		seen.add(date);
		const day: MarkedDay = { date, mark };
		if (a.h && titles.has(a.h)) day.holiday = titles.get(a.h);
		else if (a.h) day.holiday = `праздник ${a.h}`;
		if (a.f) day.movedFrom = a.f.replace('.', '-');
		days.push(day);
	}
	// A tag that is never closed would be skipped silently: the year would lose its holidays.
	const opened = xml.match(/<day\b/g)?.length ?? 0;
	if (opened !== days.length)
		throw new CalendarFormatError(
			`Календарь ${year}: ${opened - days.length} из ${opened} элементов <day> не закрыты`,
		);
	if (!days.length)
		throw new CalendarFormatError(`Календарь ${year}: нет ни одного элемента <day>`);
	return { year, source, days };
}

/** Renders a year back to xmlcalendar (for export and round-trip tests). */
export function toXmlCalendar(year: CalendarYear): string {
	const titles = [...new Set(year.days.map((d) => d.holiday).filter((t): t is string => !!t))];
	const code = { off: 1, shortened: 2, working: 3 } as const;
	const holidays = titles.map(
		(t, i) =>
			`<holiday id="${i + 1}" title="${t.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"/>`,
	);
	const days = year.days.map((d) => {
		const h = d.holiday ? ` h="${titles.indexOf(d.holiday) + 1}"` : '';
		const f = d.movedFrom ? ` f="${d.movedFrom.replace('-', '.')}"` : '';
		return `<day d="${d.date.replace('-', '.')}" t="${code[d.mark]}"${h}${f}/>`;
	});
	return `<?xml version="1.0" encoding="UTF-8"?>\n<calendar year="${year.year}" lang="ru" country="ru">\n<holidays>${holidays.join('')}</holidays>\n<days>${days.join('')}</days>\n</calendar>\n`;
}
