import {
	BUILTIN_YEARS,
	CalendarFormatError,
	ProductionCalendar,
	addWorkingDays,
	isWorkingDay,
	parseDateList,
	parseXmlCalendar,
	toXmlCalendar,
	workingDaysBetween,
} from '../../../lib/calendar';

/** Brute-force reference: walks day by day with Date, independent of the precomputed tables. */
function bruteAddWorkingDays(cal: ProductionCalendar, iso: string, n: number): string {
	const d = new Date(`${iso}T00:00:00Z`);
	let left = Math.abs(n);
	while (left > 0) {
		d.setUTCDate(d.getUTCDate() + Math.sign(n));
		if (cal.isWorkingDay(d.toISOString().slice(0, 10))) left--;
	}
	return d.toISOString().slice(0, 10);
}

describe('built-in 2025 (ПП РФ № 1335)', () => {
	const cal = new ProductionCalendar();
	it.each([
		['2025-01-01'],
		['2025-01-02'],
		['2025-01-03'],
		['2025-01-06'],
		['2025-01-07'],
		['2025-01-08'],
		['2025-05-01'],
		['2025-05-02'],
		['2025-05-08'],
		['2025-05-09'],
		['2025-06-12'],
		['2025-06-13'],
		['2025-11-03'],
		['2025-11-04'],
		['2025-12-31'],
	])('%s is a day off on a weekday', (date) => {
		expect(cal.isWorkingDay(date)).toBe(false);
	});
	it('moves: 4 Jan → 2 May, 5 Jan → 31 Dec, 23 Feb → 8 May, 8 Mar → 13 Jun', () => {
		const y = BUILTIN_YEARS.find((x) => x.year === 2025)!;
		const moved = Object.fromEntries(
			y.days.filter((d) => d.movedFrom).map((d) => [d.date, d.movedFrom]),
		);
		expect(moved).toEqual({
			'05-02': '01-04',
			'12-31': '01-05',
			'05-08': '02-23',
			'06-13': '03-08',
			'11-03': '11-01',
		});
	});
	it('Saturday 1 November is a shortened working day', () => {
		expect(cal.isWorkingDay('2025-11-01')).toBe(true);
		expect(cal.isShortenedDay('2025-11-01')).toBe(true);
	});
	it.each([['2025-03-07'], ['2025-04-30'], ['2025-06-11'], ['2025-11-01']])(
		'%s is shortened',
		(date) => {
			expect(cal.isShortenedDay(date)).toBe(true);
			expect(cal.isWorkingDay(date)).toBe(true);
		},
	);
	it('has exactly the four shortened days and 247 working days', () => {
		let shortened = 0;
		for (
			let d = new Date('2025-01-01T00:00:00Z');
			d.getUTCFullYear() === 2025;
			d.setUTCDate(d.getUTCDate() + 1)
		) {
			if (cal.isShortenedDay(d.toISOString().slice(0, 10))) shortened++;
		}
		expect(shortened).toBe(4);
		expect(cal.workingDaysInYear(2025)).toBe(247);
	});
	it('ordinary weekends stay off and ordinary weekdays stay working', () => {
		expect(cal.isWorkingDay('2025-02-22')).toBe(false);
		expect(cal.isWorkingDay('2025-02-24')).toBe(true);
		expect(cal.isWorkingDay('2025-01-09')).toBe(true);
	});
});

describe('built-in 2026 (ПП РФ № 1466)', () => {
	const cal = new ProductionCalendar();
	it.each([
		['2026-01-01'],
		['2026-01-02'],
		['2026-01-05'],
		['2026-01-06'],
		['2026-01-07'],
		['2026-01-08'],
		['2026-01-09'],
		['2026-02-23'],
		['2026-03-09'],
		['2026-05-01'],
		['2026-05-11'],
		['2026-06-12'],
		['2026-11-04'],
		['2026-12-31'],
	])('%s is a day off on a weekday', (date) => {
		expect(cal.isWorkingDay(date)).toBe(false);
		expect(cal.dayInfo(date).known).toBe(true);
	});
	it('moves 3 Jan → 9 Jan and 4 Jan → 31 Dec', () => {
		const y = BUILTIN_YEARS.find((x) => x.year === 2026)!;
		expect(y.days.find((d) => d.date === '01-09')?.movedFrom).toBe('01-03');
		expect(y.days.find((d) => d.date === '12-31')?.movedFrom).toBe('01-04');
	});
	it.each([['2026-04-30'], ['2026-05-08'], ['2026-06-11'], ['2026-11-03']])(
		'%s is shortened',
		(date) => {
			expect(cal.isShortenedDay(date)).toBe(true);
			expect(cal.isWorkingDay(date)).toBe(true);
		},
	);
	it('has 247 working days; Monday 12 January is the first', () => {
		expect(cal.workingDaysInYear(2026)).toBe(247);
		expect(cal.addWorkingDays('2025-12-31', 1)).toBe('2026-01-12');
	});
	it('May 2026: 1–3 and 9–11 off, 4–8 working', () => {
		const may = Array.from({ length: 12 }, (_, i) =>
			cal.isWorkingDay(`2026-05-${String(i + 1).padStart(2, '0')}`),
		);
		expect(may).toEqual([
			false,
			false,
			false,
			true,
			true,
			true,
			true,
			true,
			false,
			false,
			false,
			true,
		]);
		expect(cal.addWorkingDays('2026-04-30', 1)).toBe('2026-05-04');
		expect(cal.addWorkingDays('2026-05-08', 1)).toBe('2026-05-12');
		expect(cal.workingDaysBetween('2026-04-30', '2026-05-12')).toBe(6);
	});
	it('holiday titles are known', () => {
		expect(cal.dayInfo('2026-05-09').holiday).toBe('День Победы');
		expect(cal.dayInfo('2026-05-11').holiday).toBeNull();
	});
});

describe('working-day arithmetic', () => {
	const cal = new ProductionCalendar();
	it('day 1 is the first working day after the date; n = 0 is the date itself', () => {
		expect(cal.addWorkingDays('2026-11-20', 1)).toBe('2026-11-23');
		expect(cal.addWorkingDays('2026-11-21', 1)).toBe('2026-11-23');
		expect(cal.addWorkingDays('2026-11-21', 0)).toBe('2026-11-21');
	});
	it('counts back with negative n', () => {
		expect(cal.addWorkingDays('2026-05-12', -1)).toBe('2026-05-08');
		expect(cal.addWorkingDays('2026-01-12', -1)).toBe('2025-12-30');
	});
	it('crosses year boundaries both ways, several years', () => {
		expect(cal.addWorkingDays('2025-12-30', 1)).toBe('2026-01-12');
		expect(cal.workingDaysBetween('2025-12-30', '2026-01-12')).toBe(1);
		expect(cal.workingDaysBetween('2026-01-12', '2025-12-30')).toBe(-1);
		expect(cal.workingDaysBetween('2026-01-10', '2025-12-30')).toBe(-1); // [30 Dec, 10 Jan) holds one working day
		expect(cal.workingDaysBetween('2026-11-21', '2026-11-20')).toBe(-1);
		expect(cal.workingDaysBetween('2026-11-20', '2026-11-20')).toBe(0);
		expect(cal.workingDaysBetween('2024-12-31', '2026-12-31')).toBe(247 + 247);
	});
	it('matches a day-by-day walk for many dates and amounts', () => {
		for (const start of [
			'2025-01-01',
			'2025-04-29',
			'2025-10-31',
			'2025-12-26',
			'2026-02-20',
			'2026-05-07',
			'2026-12-28',
		]) {
			for (const n of [1, 2, 5, 10, 22, 30, 60, -1, -7, -30]) {
				const expected = bruteAddWorkingDays(cal, start, n);
				expect([start, n, cal.addWorkingDays(start, n)]).toEqual([start, n, expected]);
				expect(cal.workingDaysBetween(start, expected)).toBe(n);
			}
		}
	});
	it('accepts ISO date-times (their own local date) and rejects garbage with a clear message', () => {
		expect(cal.isWorkingDay('2026-05-11T10:00:00+03:00')).toBe(false);
		expect(() => cal.isWorkingDay('11.05.2026')).toThrow(/ГГГГ-ММ-ДД/);
		expect(() => cal.isWorkingDay('2026-02-30')).toThrow(/2026-02-30/);
		expect(() => cal.addWorkingDays('2026-05-11', 1.5)).toThrow(/целым/);
	});
	it('exported default functions use the built-in calendar', () => {
		expect(isWorkingDay('2026-03-09')).toBe(false);
		expect(addWorkingDays('2026-03-06', 1)).toBe('2026-03-10');
		expect(workingDaysBetween('2026-03-06', '2026-03-10')).toBe(1);
	});
});

describe('years the calendar does not know', () => {
	it('warns once per year and falls back to weekends plus statutory holidays', () => {
		const seen: number[] = [];
		const cal = new ProductionCalendar({ onWarning: (_m, year) => seen.push(year) });
		expect(cal.isWorkingDay('2027-01-04')).toBe(false); // 4 January, a Monday holiday
		expect(cal.isWorkingDay('2027-01-11')).toBe(true);
		expect(cal.isWorkingDay('2027-02-23')).toBe(false);
		// 8 March 2027 is a Monday; 9 May 2027 is a Sunday → Monday 10 May off (ст. 112 ч. 2).
		expect(cal.isWorkingDay('2027-03-08')).toBe(false);
		expect(cal.isWorkingDay('2027-05-10')).toBe(false);
		expect(cal.isShortenedDay('2027-11-03')).toBe(true);
		expect(cal.dayInfo('2027-06-01').known).toBe(false);
		expect(seen).toEqual([2027]);
		expect(cal.warnings[0]).toMatch(/2027 год не загружен/);
	});
	it('a known year never warns', () => {
		const cal = new ProductionCalendar();
		cal.isWorkingDay('2026-06-01');
		expect(cal.warnings).toEqual([]);
	});
});

describe('user-supplied years', () => {
	const xml2027 = `<?xml version="1.0" encoding="UTF-8"?>
<calendar year="2027" lang="ru" date="2026.09.01" country="ru">
  <holidays><holiday id="1" title="Новогодние каникулы"/><holiday id="4" title="День Победы"/></holidays>
  <days>
    <day d="01.01" t="1" h="1"/><day d="01.04" t="1" h="1"/><day d="01.05" t="1" h="1"/><day d="01.06" t="1" h="1"/>
    <day d="01.07" t="1" h="1"/><day d="01.08" t="1" h="1"/>
    <day d="05.10" t="1" h="4"/><day d="11.05" t="1" f="01.02"/><day d="12.31" t="1" f="01.03"/>
    <day d="12.30" t="2"/><day d="11.06" t="3"/>
  </days>
</calendar>`;
	it('loads a year from xmlcalendar and stops warning about it', () => {
		const cal = new ProductionCalendar({ years: [parseXmlCalendar(xml2027, 'test.xml')] });
		expect(cal.isWorkingDay('2027-11-05')).toBe(false);
		expect(cal.isWorkingDay('2027-11-06')).toBe(true); // a working Saturday
		expect(cal.isShortenedDay('2027-12-30')).toBe(true);
		expect(cal.dayInfo('2027-05-10').holiday).toBe('День Победы');
		expect(cal.yearSource(2027)).toBe('test.xml');
		expect(cal.warnings).toEqual([]);
	});
	it('replaces a year at run time', () => {
		const cal = new ProductionCalendar();
		expect(cal.isWorkingDay('2026-06-15')).toBe(true);
		const [custom] = parseDateList(['2026-06-15', '2026-06-20 рабочий'], 'таблица');
		cal.setYear(custom);
		expect(cal.isWorkingDay('2026-06-15')).toBe(false);
		expect(cal.isWorkingDay('2026-06-20')).toBe(true);
		expect(cal.isWorkingDay('2026-05-11')).toBe(true); // the replaced year no longer has the decree's days
	});
	it('built-in years survive an xmlcalendar round trip', () => {
		for (const year of BUILTIN_YEARS) {
			const parsed = parseXmlCalendar(toXmlCalendar(year), year.source);
			expect(parsed).toEqual(year);
		}
	});
	it('reads a plain list of dates in several spellings, across years', () => {
		const years = parseDateList([
			'2027-01-01',
			'04.01.2027;выходной',
			{ date: '2027-11-06', type: 'рабочий' },
			{ date: '2027-12-30', type: 'сокращённый' },
			'# comment',
			'2028-01-03 holiday',
		]);
		expect(years.map((y) => y.year)).toEqual([2027, 2028]);
		expect(years[0].days).toEqual([
			{ date: '01-01', mark: 'off' },
			{ date: '01-04', mark: 'off' },
			{ date: '11-06', mark: 'working' },
			{ date: '12-30', mark: 'shortened' },
		]);
	});
	it('rejects broken input naming the row or element', () => {
		expect(() => parseDateList(['2027-01-01', '2027-13-01'])).toThrow(/строка 2/);
		expect(() => parseDateList(['2027-01-01 полувыходной'])).toThrow(/полувыходной/);
		expect(() => parseXmlCalendar('<html/>')).toThrow(CalendarFormatError);
		expect(() =>
			parseXmlCalendar('<calendar year="2027"><days><day d="02.30" t="1"/></days></calendar>'),
		).toThrow(/d="02.30"/);
		expect(() =>
			parseXmlCalendar('<calendar year="2027"><days><day d="02.03" t="7"/></days></calendar>'),
		).toThrow(/атрибут t/);
		expect(() => parseXmlCalendar('<calendar><days/></calendar>')).toThrow(/year/);
	});
});
