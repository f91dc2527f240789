/** How a day of a production calendar is marked (xmlcalendar `t`: 1 day off, 2 shortened, 3 working weekend day). */
export type DayMark = 'off' | 'shortened' | 'working';

/** One explicitly marked day of a year; days not listed follow the weekend rule (Saturday and Sunday off). */
export interface MarkedDay {
	/** `MM-DD` */
	date: string;
	mark: DayMark;
	/** Holiday title, when the day is a public holiday. */
	holiday?: string;
	/** `MM-DD` of the day off this one was moved from (transfers by decree). */
	movedFrom?: string;
}

/** A complete production calendar of one year. */
export interface CalendarYear {
	year: number;
	/** Where it comes from: a decree, a file, a URL, a spreadsheet… — shown in warnings and reports. */
	source: string;
	days: MarkedDay[];
}
