import type { CalendarYear, DayMark, MarkedDay } from './types';
import { CalendarFormatError } from './xmlcalendar';
import { parseIsoDate, CalendarDateError } from './dates';

/** One row of a plain list: a date string (a day off) or a date with its kind. */
export type DateListRow = string | { date: string; type?: string; title?: string };

const TYPE_WORDS: Array<[RegExp, DayMark]> = [
	[/^(off|holiday|day ?off|выходной|праздник|праздничный|нерабочий|1)$/i, 'off'],
	[/^(shortened|short|сокращ[её]нный|предпраздничный|2)$/i, 'shortened'],
	[/^(working|work|рабочий|рабочая суббота|рабочий выходной|3)$/i, 'working'],
];

function markOf(type: string | undefined, rowLabel: string): DayMark {
	if (type === undefined || type.trim() === '') return 'off';
	const word = type.trim();
	for (const [pattern, mark] of TYPE_WORDS) if (pattern.test(word)) return mark;
	throw new CalendarFormatError(
		`${rowLabel}: непонятный тип дня «${word}» (ожидается: выходной, сокращённый или рабочий)`,
	);
}

/**
 * Reads a plain list of dates (for example rows of a spreadsheet) into calendar years, one per year found.
 * A bare date is a day off; `2027-11-03 сокращённый` or `{date, type}` mark shortened and working days.
 * Like xmlcalendar, unlisted Saturdays and Sundays are days off and every other unlisted day is a working day,
 * so a list describes the whole year it mentions and replaces what the calendar had for it.
 */
export function parseDateList(rows: readonly DateListRow[], source = 'список дат'): CalendarYear[] {
	const years = new Map<number, Map<string, MarkedDay>>();
	rows.forEach((row, index) => {
		const rowLabel = `Список дат, строка ${index + 1}`;
		let date: string;
		let type: string | undefined;
		let title: string | undefined;
		if (typeof row === 'string') {
			const trimmed = row.trim();
			if (trimmed === '' || trimmed.startsWith('#')) return;
			const m = /^([^\s;,]+)(?:[\s;,]+(.+))?$/.exec(trimmed)!;
			date = m[1];
			type = m[2];
		} else if (row && typeof row === 'object' && typeof row.date === 'string') {
			({ date, type, title } = row);
		} else {
			throw new CalendarFormatError(`${rowLabel}: нужна дата ГГГГ-ММ-ДД или объект {date, type}`);
		}
		const ru = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(date);
		if (ru) date = `${ru[3]}-${ru[2]}-${ru[1]}`;
		try {
			parseIsoDate(date);
		} catch (error) {
			if (error instanceof CalendarDateError)
				throw new CalendarFormatError(`${rowLabel}: ${error.message}`);
			throw error;
		}
		const year = Number(date.slice(0, 4));
		const monthDay = date.slice(5, 10);
		const day: MarkedDay = { date: monthDay, mark: markOf(type, rowLabel) };
		if (title) day.holiday = title;
		if (!years.has(year)) years.set(year, new Map());
		years.get(year)!.set(monthDay, day);
	});
	return [...years.entries()]
		.sort(([a], [b]) => a - b)
		.map(([year, days]) => ({
			year,
			source,
			days: [...days.values()].sort((a, b) => a.date.localeCompare(b.date)),
		}));
}
