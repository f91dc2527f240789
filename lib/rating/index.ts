import { topicLabel } from '../topics';

/**
 * Rating of departments, municipal organizations and settlements by volume, speed and quality, in one pass over
 * the appeals (then a sort inside each group for percentiles). Defaults follow domain.md §7:
 * - Минцифры ПОС rating: activity, speed and quality of answers, citizens' satisfaction;
 * - Ульяновская обл. ЦУР: an answer within 8 hours earns full points, only bodies with ≥ 2 incidents a month are rated;
 * - Республика Тыва: fewer repeated appeals on the most frequent questions is a KPI.
 */
export interface RatingAppeal {
	id: string;
	source?: string;
	department?: string | null;
	departmentName?: string | null;
	settlement?: string | null;
	settlementName?: string | null;
	topic?: string | null;
	appealType?: string | null;
	status?: string;
	receivedAt: string;
	firstReactionAt?: string | null;
	answeredAt?: string | null;
	deadline?: string | null;
	extendedDeadline?: string | null;
	satisfaction?: string;
	flags?: string[];
	text?: string;
	answerCheck?: { errors?: Array<{ severity?: string }> } | null;
	/** The coordinator's corrections from the register: they win over the computed values. */
	corrections?: {
		topic?: string;
		department?: string;
		settlement?: string;
		settlementName?: string;
		appealType?: string;
	} | null;
}

/** Records the rating can count: those with a receipt time (others, e.g. error items, are left out). */
export function isRatingAppeal(record: unknown): record is RatingAppeal {
	return (
		typeof record === 'object' &&
		record !== null &&
		typeof (record as { receivedAt?: unknown }).receivedAt === 'string'
	);
}

/** Department, settlement, topic and type as the coordinator corrected them, else as computed. */
function effective(a: RatingAppeal) {
	const c = a.corrections ?? undefined;
	return {
		department: c?.department ?? a.department ?? null,
		departmentName: c?.department ?? a.departmentName ?? null,
		settlement: c?.settlement ?? a.settlement ?? null,
		settlementName: c?.settlement ? (c.settlementName ?? c.settlement) : (a.settlementName ?? null),
		topic: c?.topic ?? a.topic ?? null,
		appealType: c?.appealType ?? a.appealType ?? null,
	};
}

export interface RatingWeights {
	onTime: number;
	speed: number;
	reaction: number;
	quality: number;
	satisfaction: number;
	repeats: number;
}

/** Weights of the composite score (sum 100): timeliness first, then speed, quality and satisfaction, then repeats. */
export const DEFAULT_WEIGHTS: RatingWeights = {
	onTime: 30,
	speed: 20,
	reaction: 10,
	quality: 15,
	satisfaction: 15,
	repeats: 10,
};

export interface Period {
	from: string;
	to: string;
}

export interface RatingOptions {
	period: Period;
	previousPeriod?: Period;
	groupBy: 'department' | 'organization' | 'settlement';
	weights?: Partial<RatingWeights>;
	/** Bodies with fewer appeals are listed but not ranked (default 2). */
	minVolume?: number;
	now: string;
	/** Working minutes between two moments (inject the calendar's); default: elapsed minutes. */
	workingMinutes?: (from: string, to: string) => number;
	/** For `organization`: which departments are municipal organizations (default: names with МУП, МБУ, МБОУ, МАУ, МКУ). */
	isOrganization?: (department: string) => boolean;
}

export interface RatingRow {
	key: string;
	name: string;
	received: number;
	answered: number;
	answeredOnTimeShare: number | null;
	medianFirstReactionHours: number | null;
	p90FirstReactionHours: number | null;
	medianAnswerHours: number | null;
	p90AnswerHours: number | null;
	overdueNow: number;
	qualityErrorsPerAnswer: number | null;
	satisfiedShare: number | null;
	repeatedShare: number;
	score: number;
	ranked: boolean;
	rank: number | null;
	change: { score: number; rank: number | null } | null;
}

const ORG = /(?:^|[^А-Яа-яЁё])(?:МУП|МБУ|МБОУ|МАУ|МКУ|МБДОУ|ООО|АО)(?![А-Яа-яЁё])/;

function inPeriod(a: RatingAppeal, p: Period): boolean {
	const t = Date.parse(a.receivedAt);
	return t >= Date.parse(p.from) && t <= Date.parse(p.to);
}

export function percentile(sorted: number[], p: number): number | null {
	if (!sorted.length) return null;
	const rank = (p / 100) * (sorted.length - 1);
	const lo = Math.floor(rank);
	const hi = Math.ceil(rank);
	return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

const round = (x: number | null, digits = 2) =>
	x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits;

interface Group {
	key: string;
	name: string;
	received: number;
	answered: number;
	onTime: number;
	reaction: number[];
	answer: number[];
	overdueNow: number;
	qualityErrors: number;
	checked: number;
	satisfied: number;
	unsatisfied: number;
	repeated: number;
}

function groupKey(
	appeal: RatingAppeal,
	options: RatingOptions,
): { key: string; name: string } | undefined {
	const a = effective(appeal);
	if (options.groupBy === 'settlement') {
		const key = a.settlement ?? a.settlementName;
		return key
			? { key, name: a.settlementName ?? key }
			: { key: '—', name: 'Поселение не определено' };
	}
	const key = a.department ?? a.departmentName;
	if (!key) return { key: '—', name: 'Не распределено' };
	const name = a.departmentName ?? key;
	if (options.groupBy === 'organization') {
		const isOrg = options.isOrganization ?? ((d: string) => ORG.test(d));
		if (!isOrg(name)) return undefined;
	}
	return { key, name };
}

function aggregate(
	appeals: RatingAppeal[],
	period: Period,
	options: RatingOptions,
): Map<string, Group> {
	const minutes =
		options.workingMinutes ??
		((from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 60000);
	const now = Date.parse(options.now);
	const groups = new Map<string, Group>();
	for (const a of appeals) {
		if (!inPeriod(a, period)) continue;
		const g0 = groupKey(a, options);
		if (!g0) continue;
		let g = groups.get(g0.key);
		if (!g) {
			g = {
				...g0,
				received: 0,
				answered: 0,
				onTime: 0,
				reaction: [],
				answer: [],
				overdueNow: 0,
				qualityErrors: 0,
				checked: 0,
				satisfied: 0,
				unsatisfied: 0,
				repeated: 0,
			};
			groups.set(g0.key, g);
		}
		g.received++;
		const deadline = a.extendedDeadline ?? a.deadline;
		const first = a.firstReactionAt ?? a.answeredAt;
		if (first) g.reaction.push(Math.max(0, minutes(a.receivedAt, first)) / 60);
		if (a.answeredAt) {
			g.answered++;
			g.answer.push(Math.max(0, minutes(a.receivedAt, a.answeredAt)) / 60);
			if (!deadline || Date.parse(a.answeredAt) <= Date.parse(deadline)) g.onTime++;
			if (a.answerCheck?.errors) {
				g.checked++;
				g.qualityErrors += a.answerCheck.errors.filter((e) => e.severity !== 'warning').length;
			}
		} else if (
			deadline &&
			Date.parse(deadline) < now &&
			!['closed', 'rejected', 'forwarded'].includes(a.status ?? '')
		) {
			g.overdueNow++;
		}
		if (a.satisfaction === 'satisfied') g.satisfied++;
		if (a.satisfaction === 'unsatisfied') g.unsatisfied++;
		if (a.flags?.some((f) => f === 'repeat' || f === 'duplicate')) g.repeated++;
	}
	return groups;
}

/** Linear scale: 1 at `best` or better, 0 at `worst` or worse. */
const scale = (value: number | null, best: number, worst: number, neutral = 0.5) =>
	value === null ? neutral : Math.max(0, Math.min(1, (worst - value) / (worst - best)));

function rows(groups: Map<string, Group>, options: RatingOptions): RatingRow[] {
	const w = { ...DEFAULT_WEIGHTS, ...(options.weights ?? {}) };
	const totalWeight = Object.values(w).reduce((s, x) => s + x, 0) || 1;
	const minVolume = options.minVolume ?? 2;
	const out: RatingRow[] = [...groups.values()].map((g) => {
		const reaction = [...g.reaction].sort((a, b) => a - b);
		const answer = [...g.answer].sort((a, b) => a - b);
		const onTimeShare = g.answered ? g.onTime / g.answered : null;
		const rated = g.satisfied + g.unsatisfied;
		const satisfiedShare = rated ? g.satisfied / rated : null;
		const errorsPerAnswer = g.checked ? g.qualityErrors / g.checked : null;
		const repeatedShare = g.received ? g.repeated / g.received : 0;
		const medianAnswer = percentile(answer, 50);
		const medianReaction = percentile(reaction, 50);
		// An appeal never answered counts as not on time.
		const timeliness = g.received ? g.onTime / g.received : 0;
		const parts = {
			onTime: timeliness,
			// 8 working hours = full points (Ульяновская обл.), 30 working days (240 h) = none.
			speed: scale(medianAnswer, 8, 240, 0),
			reaction: scale(medianReaction, 1, 24, 0),
			quality: errorsPerAnswer === null ? 0.5 : Math.max(0, 1 - errorsPerAnswer / 2),
			satisfaction: satisfiedShare ?? 0.5,
			repeats: 1 - repeatedShare,
		};
		const score =
			(Object.keys(parts) as Array<keyof RatingWeights>).reduce((s, k) => s + parts[k] * w[k], 0) /
			totalWeight;
		return {
			key: g.key,
			name: g.name,
			received: g.received,
			answered: g.answered,
			answeredOnTimeShare: round(onTimeShare),
			medianFirstReactionHours: round(medianReaction, 1),
			p90FirstReactionHours: round(percentile(reaction, 90), 1),
			medianAnswerHours: round(medianAnswer, 1),
			p90AnswerHours: round(percentile(answer, 90), 1),
			overdueNow: g.overdueNow,
			qualityErrorsPerAnswer: round(errorsPerAnswer),
			satisfiedShare: round(satisfiedShare),
			repeatedShare: round(repeatedShare)!,
			score: Math.round(score * 1000) / 10,
			// «Не распределено» is listed (the coordinator must see it) but is not a body to rank.
			ranked: g.received >= minVolume && g.key !== '—',
			rank: null,
			change: null,
		};
	});
	const ranked = out
		.filter((r) => r.ranked)
		.sort((a, b) => b.score - a.score || b.received - a.received || a.name.localeCompare(b.name));
	ranked.forEach((r, i) => {
		r.rank = i > 0 && ranked[i - 1].score === r.score ? ranked[i - 1].rank : i + 1;
	});
	return [
		...ranked,
		...out
			.filter((r) => !r.ranked)
			.sort((a, b) => b.received - a.received || a.name.localeCompare(b.name)),
	];
}

export function computeRating(
	appeals: RatingAppeal[],
	options: RatingOptions,
): { rows: RatingRow[]; weights: RatingWeights; minVolume: number } {
	const current = rows(aggregate(appeals, options.period, options), options);
	if (options.previousPeriod) {
		const previous = new Map(
			rows(aggregate(appeals, options.previousPeriod, options), options).map((r) => [r.key, r]),
		);
		for (const r of current) {
			const p = previous.get(r.key);
			if (p)
				r.change = {
					score: Math.round((r.score - p.score) * 10) / 10,
					rank: r.rank !== null && p.rank !== null ? p.rank - r.rank : null,
				};
		}
	}
	return {
		rows: current,
		weights: { ...DEFAULT_WEIGHTS, ...(options.weights ?? {}) },
		minVolume: options.minVolume ?? 2,
	};
}

export interface CountRow {
	key: string;
	label: string;
	count: number;
	previous: number;
	/** Growth against the previous period, as a share (0.5 = +50%); null when there was nothing before. */
	growth: number | null;
}

function countBy(
	appeals: RatingAppeal[],
	period: Period,
	previous: Period | undefined,
	key: (a: RatingAppeal) => string | null | undefined,
	label: (k: string) => string,
): CountRow[] {
	const now = new Map<string, number>();
	const before = new Map<string, number>();
	for (const a of appeals) {
		const k = key(a);
		if (!k) continue;
		if (inPeriod(a, period)) now.set(k, (now.get(k) ?? 0) + 1);
		else if (previous && inPeriod(a, previous)) before.set(k, (before.get(k) ?? 0) + 1);
	}
	return [...now.entries()]
		.map(([k, count]) => {
			const prev = before.get(k) ?? 0;
			return {
				key: k,
				label: label(k),
				count,
				previous: prev,
				growth: prev ? Math.round(((count - prev) / prev) * 100) / 100 : null,
			};
		})
		.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/** Top topics and places with growth, conflicts — the «сводный анализ» of a period. */
export function summarize(appeals: RatingAppeal[], period: Period, previousPeriod?: Period) {
	const inNow = appeals.filter((a) => inPeriod(a, period));
	const names = new Map(
		appeals
			.map((x) => effective(x))
			.map((a) => [a.settlement ?? '', a.settlementName ?? a.settlement ?? '']),
	);
	return {
		total: inNow.length,
		previousTotal: previousPeriod
			? appeals.filter((a) => inPeriod(a, previousPeriod)).length
			: null,
		topics: countBy(
			appeals,
			period,
			previousPeriod,
			(a) => effective(a).topic,
			(k) => topicLabel(k),
		),
		settlements: countBy(
			appeals,
			period,
			previousPeriod,
			(a) => effective(a).settlement,
			(k) => names.get(k) || k,
		),
		conflicts: inNow.filter((a) =>
			a.flags?.some((f) => ['obscene', 'hostile', 'threat', 'escalation'].includes(f)),
		).length,
		repeated: inNow.filter((a) => a.flags?.some((f) => f === 'repeat' || f === 'duplicate')).length,
	};
}

const KIND_RU: Record<string, string> = {
	complaint: 'Жалоба',
	application: 'Заявление',
	proposal: 'Предложение',
	question: 'Вопрос',
	gratitude: 'Благодарность',
};

/** ССТУ result statuses (domain.md §5) from our status, satisfaction and deadline extension. */
export function sstuResult(a: RatingAppeal): string {
	if (a.status === 'forwarded') return 'Направлено по компетенции';
	if (a.status === 'rejected') return 'Рассмотрено. Не поддержано';
	if (a.answeredAt || a.status === 'answered' || a.status === 'closed') {
		return a.satisfaction === 'satisfied'
			? 'Рассмотрено. Поддержано (меры приняты)'
			: 'Рассмотрено. Разъяснено';
	}
	if (a.extendedDeadline) return 'Рассмотрение продлено';
	return 'Находится на рассмотрении';
}

/** The monthly ССТУ-style table: rows of (раздел, показатель, значение) for one month `YYYY-MM`. */
export function sstuMonthlyTable(
	appeals: RatingAppeal[],
	month: string,
): Array<{ Раздел: string; Показатель: string; Значение: number }> {
	const list = appeals.filter((a) => a.receivedAt.slice(0, 7) === month);
	const rows: Array<{ Раздел: string; Показатель: string; Значение: number }> = [];
	const add = (section: string, name: string, value: number) =>
		rows.push({ Раздел: section, Показатель: name, Значение: value });
	add('Всего', 'Поступило обращений', list.length);
	add(
		'Всего',
		'из них повторных',
		list.filter((a) => a.flags?.some((f) => f === 'repeat' || f === 'duplicate')).length,
	);
	add(
		'Всего',
		'из них коллективных',
		list.filter(
			(a) =>
				a.flags?.includes('collective') ||
				/коллективн|мы, жители|жители (дома|улицы|деревни)/i.test(a.text ?? ''),
		).length,
	);
	const form = (a: RatingAppeal) => (a.source === 'import' ? 'письменная' : 'электронная');
	for (const f of ['письменная', 'электронная', 'устная'])
		add('Форма', f, list.filter((a) => form(a) === f).length);
	const typeOf = (a: RatingAppeal) => effective(a).appealType;
	for (const [k, label] of Object.entries(KIND_RU))
		add('Вид', label, list.filter((a) => typeOf(a) === k).length);
	add('Вид', 'Вид не определён', list.filter((a) => !typeOf(a) || !KIND_RU[typeOf(a)!]).length);
	const topics = new Map<string, number>();
	for (const a of list) {
		const label = topicLabel(effective(a).topic ?? 'undefined');
		topics.set(label, (topics.get(label) ?? 0) + 1);
	}
	for (const [label, n] of [...topics].sort((x, y) => y[1] - x[1])) add('Тематика', label, n);
	const results = [
		'Находится на рассмотрении',
		'Рассмотрено. Разъяснено',
		'Рассмотрено. Поддержано (меры приняты)',
		'Рассмотрено. Не поддержано',
		'Направлено по компетенции',
		'Рассмотрение продлено',
	];
	for (const r of results) add('Результат', r, list.filter((a) => sstuResult(a) === r).length);
	add(
		'Сроки',
		'Ответ дан с нарушением срока',
		list.filter(
			(a) =>
				a.answeredAt &&
				(a.extendedDeadline ?? a.deadline) &&
				Date.parse(a.answeredAt) > Date.parse((a.extendedDeadline ?? a.deadline)!),
		).length,
	);
	return rows;
}

export * from './tables';
export * from './officeTime';
