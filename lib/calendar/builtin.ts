import type { CalendarYear } from './types';

/**
 * Built-in Russian production calendars. Public holidays: ТК РФ ст. 112 (1–8 January, 23 February, 8 March,
 * 1 May, 9 May, 12 June, 4 November); shortened pre-holiday days: ТК РФ ст. 95; transfers: the decrees below.
 * A holiday that falls on a weekend moves to the next working day (ст. 112 ч. 2), except the January ones,
 * which the government moves by decree.
 */
export const BUILTIN_YEARS: readonly CalendarYear[] = [
	{
		year: 2025,
		source: 'ПП РФ от 04.10.2024 № 1335',
		days: [
			{ date: '01-01', mark: 'off', holiday: 'Новогодние каникулы' },
			{ date: '01-02', mark: 'off', holiday: 'Новогодние каникулы' },
			{ date: '01-03', mark: 'off', holiday: 'Новогодние каникулы' },
			{ date: '01-04', mark: 'off', holiday: 'Новогодние каникулы' },
			{ date: '01-05', mark: 'off', holiday: 'Новогодние каникулы' },
			{ date: '01-06', mark: 'off', holiday: 'Новогодние каникулы' },
			{ date: '01-07', mark: 'off', holiday: 'Рождество Христово' },
			{ date: '01-08', mark: 'off', holiday: 'Новогодние каникулы' },
			{ date: '02-23', mark: 'off', holiday: 'День защитника Отечества' },
			{ date: '03-07', mark: 'shortened' },
			{ date: '03-08', mark: 'off', holiday: 'Международный женский день' },
			{ date: '04-30', mark: 'shortened' },
			{ date: '05-01', mark: 'off', holiday: 'Праздник Весны и Труда' },
			{ date: '05-02', mark: 'off', movedFrom: '01-04' },
			{ date: '05-08', mark: 'off', movedFrom: '02-23' },
			{ date: '05-09', mark: 'off', holiday: 'День Победы' },
			{ date: '06-11', mark: 'shortened' },
			{ date: '06-12', mark: 'off', holiday: 'День России' },
			{ date: '06-13', mark: 'off', movedFrom: '03-08' },
			// Saturday 1 November is a shortened working day; its day off moves to Monday 3 November.
			{ date: '11-01', mark: 'shortened' },
			{ date: '11-03', mark: 'off', movedFrom: '11-01' },
			{ date: '11-04', mark: 'off', holiday: 'День народного единства' },
			{ date: '12-31', mark: 'off', movedFrom: '01-05' },
		],
	},
	{
		year: 2026,
		source: 'ПП РФ от 24.09.2025 № 1466',
		days: [
			{ date: '01-01', mark: 'off', holiday: 'Новогодние каникулы' },
			{ date: '01-02', mark: 'off', holiday: 'Новогодние каникулы' },
			{ date: '01-03', mark: 'off', holiday: 'Новогодние каникулы' },
			{ date: '01-04', mark: 'off', holiday: 'Новогодние каникулы' },
			{ date: '01-05', mark: 'off', holiday: 'Новогодние каникулы' },
			{ date: '01-06', mark: 'off', holiday: 'Новогодние каникулы' },
			{ date: '01-07', mark: 'off', holiday: 'Рождество Христово' },
			{ date: '01-08', mark: 'off', holiday: 'Новогодние каникулы' },
			{ date: '01-09', mark: 'off', movedFrom: '01-03' },
			{ date: '02-23', mark: 'off', holiday: 'День защитника Отечества' },
			{ date: '03-08', mark: 'off', holiday: 'Международный женский день' },
			// 8 March is a Sunday: the day off moves to Monday 9 March (ТК РФ ст. 112 ч. 2).
			{ date: '03-09', mark: 'off', movedFrom: '03-08' },
			{ date: '04-30', mark: 'shortened' },
			{ date: '05-01', mark: 'off', holiday: 'Праздник Весны и Труда' },
			{ date: '05-08', mark: 'shortened' },
			{ date: '05-09', mark: 'off', holiday: 'День Победы' },
			// 9 May is a Saturday: the day off moves to Monday 11 May (ТК РФ ст. 112 ч. 2).
			{ date: '05-11', mark: 'off', movedFrom: '05-09' },
			{ date: '06-11', mark: 'shortened' },
			{ date: '06-12', mark: 'off', holiday: 'День России' },
			{ date: '11-03', mark: 'shortened' },
			{ date: '11-04', mark: 'off', holiday: 'День народного единства' },
			{ date: '12-31', mark: 'off', movedFrom: '01-04' },
		],
	},
];

/** Fixed public holidays (ТК РФ ст. 112), `MM-DD` → title; used for years without a loaded calendar. */
export const FIXED_HOLIDAYS: Readonly<Record<string, string>> = {
	'01-01': 'Новогодние каникулы',
	'01-02': 'Новогодние каникулы',
	'01-03': 'Новогодние каникулы',
	'01-04': 'Новогодние каникулы',
	'01-05': 'Новогодние каникулы',
	'01-06': 'Новогодние каникулы',
	'01-07': 'Рождество Христово',
	'01-08': 'Новогодние каникулы',
	'02-23': 'День защитника Отечества',
	'03-08': 'Международный женский день',
	'05-01': 'Праздник Весны и Труда',
	'05-09': 'День Победы',
	'06-12': 'День России',
	'11-04': 'День народного единства',
};
