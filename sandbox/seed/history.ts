import { createRng, pick } from '../core/rng';
import { imCategoryFor, posCategoryFor } from './categories';
import { DEFAULT_SEED, TOPIC_WEIGHTS, fillPlace, isoMsk, place, weighted } from './district';
import { SETTLEMENTS } from './places';
import { INDIRECT, withTypo } from './social';
import { GREETINGS, PROBLEMS, REQUESTS } from './texts';

/**
 * The district's labelled history: what the ПОС and ИМ cabinets export for the first half of 2026 (before the
 * seeded appeals), with the category each message carried and no topic of ours. A coordinator pastes it into the
 * tab «История»; «МЦУ: Структурирование» trains its text model on it, the category table giving the topics.
 * Deterministic per seed; texts are the sandbox's own templates (forms and indirect, some with typos).
 */
export const HISTORY_HEADERS = [
	'Номер',
	'Источник',
	'Дата создания',
	'Категория',
	'Подкатегория',
	'Текст',
] as const;
export const HISTORY_SHEET = 'История';

export interface HistoryRow {
	number: string;
	source: 'ПОС' | 'ИМ';
	createdAt: string;
	category: string;
	subcategory: string;
	text: string;
	/** Ground truth (not exported): the topic the text is about. */
	topic: string;
}

const FROM = Date.parse('2026-01-10T08:00:00+03:00');
const TO = Date.parse('2026-07-31T20:00:00+03:00');
const capitalize = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);

export function generateHistory(seed: number = DEFAULT_SEED, count = 1200): HistoryRow[] {
	const rng = createRng(seed * 17 + 3);
	const rows: HistoryRow[] = [];
	for (let i = 0; i < count; i++) {
		const topic = weighted(rng, TOPIC_WEIGHTS);
		const settlement = rng() < 0.6 ? SETTLEMENTS[0] : pick(rng, SETTLEMENTS.slice(1));
		const indirect = rng() < 0.5 && INDIRECT[topic];
		const problem = indirect ? pick(rng, INDIRECT[topic]) : pick(rng, PROBLEMS[topic]);
		let text = [
			pick(rng, GREETINGS),
			`${capitalize(fillPlace(problem, place(rng, settlement)))}.`,
			pick(rng, REQUESTS),
		]
			.filter(Boolean)
			.join(' ');
		if (rng() < 0.25) text = withTypo(rng, text);
		const im = rng() < 0.3;
		const seq = 20000 + i;
		const at = isoMsk(FROM + rng() * (TO - FROM));
		if (im) {
			rows.push({
				number: `INC-H${seq}`,
				source: 'ИМ',
				createdAt: at,
				category: imCategoryFor(seq, topic) ?? '',
				subcategory: '',
				text,
				topic,
			});
		} else {
			const { subject, sub } = posCategoryFor(seq, topic);
			rows.push({
				number: String(4400000 + seq),
				source: 'ПОС',
				createdAt: at,
				category: subject.name,
				subcategory: sub.name,
				text,
				topic,
			});
		}
	}
	return rows;
}

/** The tab as a grid: the header and the rows, dates as «ДД.ММ.ГГГГ ЧЧ:ММ» the way cabinets export them. */
export function historyGrid(rows: HistoryRow[]): string[][] {
	const date = (iso: string) =>
		`${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)} ${iso.slice(11, 16)}`;
	return [
		[...HISTORY_HEADERS],
		...rows.map((r) => [r.number, r.source, date(r.createdAt), r.category, r.subcategory, r.text]),
	];
}

/** What loading a tab needs of a Sheets session (nodes/ReportSheets/transport's `openSheets`). */
interface SessionLike<A> {
	call<T>(
		label: string,
		fn: (api: A) => Promise<{ data: T }>,
		expected?: number[],
	): Promise<T | undefined>;
}

type Api = {
	spreadsheets: {
		batchUpdate(p: unknown): Promise<{ data: unknown }>;
		values: { update(p: unknown): Promise<{ data: unknown }> };
	};
};

/** Pastes a grid into a new tab through the Sheets API, as a person would (the demo and tests use it). */
export async function pasteTab<A>(
	session: SessionLike<A>,
	spreadsheetId: string,
	title: string,
	grid: Array<Array<string | number>>,
): Promise<void> {
	const as = (fn: (api: Api) => Promise<{ data: unknown }>) =>
		fn as unknown as (api: A) => Promise<{ data: unknown }>;
	await session.call(
		'spreadsheets.batchUpdate',
		as((api) =>
			api.spreadsheets.batchUpdate({
				spreadsheetId,
				requestBody: { requests: [{ addSheet: { properties: { title } } }] },
			}),
		),
	);
	await session.call(
		'values.update',
		as((api) =>
			api.spreadsheets.values.update({
				spreadsheetId,
				range: `'${title.replace(/'/g, "''")}'!A1`,
				valueInputOption: 'RAW',
				requestBody: { values: grid },
			}),
		),
	);
}
