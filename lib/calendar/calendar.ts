import { BUILTIN_YEARS, FIXED_HOLIDAYS } from './builtin';
import type { CalendarYear } from './types';
import { daysInYear, doyToIso, monthDayToDoy, parseIsoDate, weekdayOfJan1 } from './dates';

/** Per-day codes in a year table. */
const OFF = 0;
const WORKING = 1;
const SHORTENED = 2;

/** A year precomputed for O(1) lookups: day codes, prefix sums of working days, and the list of working days. */
interface YearTable {
	year: number;
	known: boolean;
	source: string;
	codes: Uint8Array;
	/** cum[i] = working days among days of year 0..i-1. */
	cum: Int32Array;
	/** cumShort[i] = shortened days among days of year 0..i-1. */
	cumShort: Int32Array;
	/** Day-of-year of every working day, in order. */
	workingDoys: Int16Array;
	holidays: Map<number, string>;
}

export interface CalendarOptions {
	/** Years to load over the built-in ones (or instead, with `builtin: false`). */
	years?: readonly CalendarYear[];
	/** Include the built-in 2025–2026 calendars (default true). */
	builtin?: boolean;
	/** Called once per year that has no loaded calendar (default: collected in `warnings` only). */
	onWarning?: (message: string, year: number) => void;
}

export interface DayInfo {
	date: string;
	working: boolean;
	shortened: boolean;
	holiday: string | null;
	/** false when the year's calendar was not loaded and the fallback rule answered. */
	known: boolean;
}

export function unknownYearWarning(year: number): string {
	return (
		`Производственный календарь на ${year} год не загружен: для ${year} года используются только выходные ` +
		`(суббота, воскресенье) и праздники ст. 112 ТК РФ, без переносов по постановлению Правительства. ` +
		`Загрузите календарь ${year} года (XML в формате xmlcalendar или список дат), чтобы сроки были точными.`
	);
}

/**
 * The Russian production calendar: which days are working, shortened or off, and working-day arithmetic.
 * Every year is precomputed once (prefix sums), so each call is a few array lookups.
 */
export class ProductionCalendar {
	private readonly loaded = new Map<number, CalendarYear>();
	private readonly tables = new Map<number, YearTable>();
	private lastTable: YearTable | undefined;
	private readonly onWarning?: (message: string, year: number) => void;
	/** Warnings about years answered by the fallback rule, one per year. */
	readonly warnings: string[] = [];

	constructor(options: CalendarOptions = {}) {
		if (options.builtin !== false) for (const y of BUILTIN_YEARS) this.loaded.set(y.year, y);
		for (const y of options.years ?? []) this.loaded.set(y.year, y);
		this.onWarning = options.onWarning;
	}

	/** Adds or replaces a year (from a decree file, a URL, a spreadsheet…). */
	setYear(year: CalendarYear): void {
		this.loaded.set(year.year, year);
		this.tables.delete(year.year);
		this.lastTable = undefined;
	}

	knownYears(): number[] {
		return [...this.loaded.keys()].sort((a, b) => a - b);
	}

	isYearKnown(year: number): boolean {
		return this.loaded.has(year);
	}

	yearSource(year: number): string {
		return this.table(year).source;
	}

	isWorkingDay(isoDate: string): boolean {
		const [year, doy] = parseIsoDate(isoDate);
		return this.table(year).codes[doy] !== OFF;
	}

	isShortenedDay(isoDate: string): boolean {
		const [year, doy] = parseIsoDate(isoDate);
		return this.table(year).codes[doy] === SHORTENED;
	}

	dayInfo(isoDate: string): DayInfo {
		const [year, doy] = parseIsoDate(isoDate);
		const t = this.table(year);
		return {
			date: doyToIso(year, doy),
			working: t.codes[doy] !== OFF,
			shortened: t.codes[doy] === SHORTENED,
			holiday: t.holidays.get(doy) ?? null,
			known: t.known,
		};
	}

	/**
	 * The n-th working day after `isoDate` (day 1 = the first working day after it); negative n counts back
	 * (day -1 = the last working day before it); n = 0 returns the date itself.
	 */
	addWorkingDays(isoDate: string, n: number): string {
		if (!Number.isInteger(n))
			throw new RangeError(`Число рабочих дней должно быть целым, получено ${n}`);
		const [startYear, doy] = parseIsoDate(isoDate);
		let year = startYear;
		if (n === 0) return doyToIso(year, doy);
		let t = this.table(year);
		if (n > 0) {
			// Index (0-based) in workingDoys of the n-th working day after doy.
			let k = t.cum[doy + 1] + n - 1;
			while (k >= t.workingDoys.length) {
				k -= t.workingDoys.length;
				t = this.table(++year);
			}
			return doyToIso(year, t.workingDoys[k]);
		}
		let k = t.cum[doy] + n;
		while (k < 0) {
			t = this.table(--year);
			k += t.workingDoys.length;
		}
		return doyToIso(year, t.workingDoys[k]);
	}

	/** The date itself when it is a working day, else the nearest working day in the given direction. */
	nearestWorkingDay(isoDate: string, direction: 'previous' | 'next'): string {
		if (this.isWorkingDay(isoDate)) return isoDate.slice(0, 10);
		return this.addWorkingDays(isoDate, direction === 'next' ? 1 : -1);
	}

	/**
	 * Working days left from a to b: those in (a, b] when b is after a; when b is before a, minus those in [b, a)
	 * (how many working days b is behind). Either way `workingDaysBetween(a, addWorkingDays(a, n)) === n`.
	 */
	workingDaysBetween(a: string, b: string): number {
		const [ya, da] = parseIsoDate(a);
		const [yb, db] = parseIsoDate(b);
		if (ya < yb || (ya === yb && da <= db)) return this.forwardCount(ya, da, yb, db);
		// [b, a) = (b, a] - w(a) + w(b)
		const wa = this.table(ya).codes[da] === OFF ? 0 : 1;
		const wb = this.table(yb).codes[db] === OFF ? 0 : 1;
		return -(this.forwardCount(yb, db, ya, da) - wa + wb);
	}

	/** Working days in (a, b], a ≤ b. */
	private forwardCount(ya: number, da: number, yb: number, db: number): number {
		if (ya === yb) {
			const t = this.table(ya);
			return t.cum[db + 1] - t.cum[da + 1];
		}
		const ta = this.table(ya);
		let total = ta.workingDoys.length - ta.cum[da + 1];
		for (let y = ya + 1; y < yb; y++) total += this.table(y).workingDoys.length;
		return total + this.table(yb).cum[db + 1];
	}

	/** Shortened working days in (a, b], a ≤ b (for working-hour arithmetic over long spans). */
	shortenedDaysBetween(a: string, b: string): number {
		const [ya, da] = parseIsoDate(a);
		const [yb, db] = parseIsoDate(b);
		if (ya > yb || (ya === yb && da > db)) return 0;
		if (ya === yb) {
			const t = this.table(ya);
			return t.cumShort[db + 1] - t.cumShort[da + 1];
		}
		const ta = this.table(ya);
		let total = ta.cumShort[ta.codes.length] - ta.cumShort[da + 1];
		for (let y = ya + 1; y < yb; y++) {
			const t = this.table(y);
			total += t.cumShort[t.codes.length];
		}
		return total + this.table(yb).cumShort[db + 1];
	}

	/** Number of working days in a year (247 in 2025 and 2026). */
	workingDaysInYear(year: number): number {
		return this.table(year).workingDoys.length;
	}

	private table(year: number): YearTable {
		const last = this.lastTable;
		if (last !== undefined && last.year === year) return last;
		let t = this.tables.get(year);
		if (!t) {
			t = this.build(year);
			this.tables.set(year, t);
		}
		this.lastTable = t;
		return t;
	}

	private build(year: number): YearTable {
		if (!Number.isInteger(year) || year < 1900 || year > 2200) {
			throw new RangeError(`Год ${year} вне поддерживаемого диапазона 1900–2200`);
		}
		const size = daysInYear(year);
		const codes = new Uint8Array(size);
		const jan1 = weekdayOfJan1(year);
		for (let doy = 0; doy < size; doy++) {
			const weekday = (jan1 + doy) % 7;
			codes[doy] = weekday === 0 || weekday === 6 ? OFF : WORKING;
		}
		const holidays = new Map<number, string>();
		const loaded = this.loaded.get(year);
		if (loaded) {
			for (const day of loaded.days) {
				const doy = monthDayToDoy(year, day.date);
				if (doy < 0) continue;
				codes[doy] = day.mark === 'off' ? OFF : day.mark === 'shortened' ? SHORTENED : WORKING;
				if (day.holiday) holidays.set(doy, day.holiday);
			}
		} else {
			applyStatutoryRules(year, codes, holidays);
			const message = unknownYearWarning(year);
			this.warnings.push(message);
			this.onWarning?.(message, year);
		}
		const cum = new Int32Array(size + 1);
		const cumShort = new Int32Array(size + 1);
		const working: number[] = [];
		for (let doy = 0; doy < size; doy++) {
			cum[doy + 1] = cum[doy] + (codes[doy] === OFF ? 0 : 1);
			cumShort[doy + 1] = cumShort[doy] + (codes[doy] === SHORTENED ? 1 : 0);
			if (codes[doy] !== OFF) working.push(doy);
		}
		return {
			year,
			known: !!loaded,
			source: loaded ? loaded.source : 'ТК РФ ст. 112 (без постановления о переносах)',
			codes,
			cum,
			cumShort,
			workingDoys: Int16Array.from(working),
			holidays,
		};
	}
}

/**
 * Fallback for a year without a loaded calendar: fixed holidays (ТК РФ ст. 112 ч. 1); a non-January holiday on
 * a weekend moves to the next working day (ч. 2); the working day before a holiday is shortened (ст. 95).
 */
function applyStatutoryRules(year: number, codes: Uint8Array, holidays: Map<number, string>): void {
	const holidayDoys: number[] = [];
	for (const [monthDay, title] of Object.entries(FIXED_HOLIDAYS)) {
		const doy = monthDayToDoy(year, monthDay);
		holidays.set(doy, title);
		holidayDoys.push(doy);
	}
	const holidaySet = new Set(holidayDoys);
	const weekendHolidays = holidayDoys.filter(
		(doy) => codes[doy] === OFF && !monthDayOf(year, doy).startsWith('01-'),
	);
	for (const doy of holidayDoys) codes[doy] = OFF;
	for (const doy of weekendHolidays) {
		let moved = doy + 1;
		while (moved < codes.length && (codes[moved] === OFF || holidaySet.has(moved))) moved++;
		if (moved < codes.length) codes[moved] = OFF;
	}
	for (const doy of holidayDoys) {
		if (doy > 0 && codes[doy - 1] === WORKING && !holidaySet.has(doy - 1))
			codes[doy - 1] = SHORTENED;
	}
}

function monthDayOf(year: number, doy: number): string {
	return doyToIso(year, doy).slice(5);
}
