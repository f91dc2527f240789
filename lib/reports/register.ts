import type { Appeal } from '../appeal';
import { DEFAULT_GAZETTEER } from '../classify/gazetteer';
import { TOPICS, topicLabel } from '../topics';
import { answerCheckText } from './answerCheckCell';
import { APPEAL_TYPE_LABELS, CORRECTION_HEADERS, computedValue } from './corrections';
import { maskAddress, maskContact, maskName, maskText, reportLink } from './masking';

/** A column our reports own: key, Russian header, how to read it from a record, and its look. */
export interface ReportColumn<T = Appeal> {
	key: string;
	header: string;
	value: (record: T, masked: boolean) => string | number | null;
	/** Column width in pixels. */
	width: number;
	format?: 'datetime' | 'date' | 'number' | 'percent' | 'text';
	/** Values offered in a drop-down (data validation). */
	choices?: string[];
	/** Names or quotes the citizen: left as it is for a record whose personal data was removed (`registerRow`). */
	personalData?: true;
}

export const SOURCE_LABELS: Record<string, string> = {
	pos: 'ПОС',
	im: 'Инцидент-менеджмент',
	vk: 'ВКонтакте',
	ok: 'Одноклассники',
	telegram: 'Telegram',
	max: 'MAX',
	official: 'Официальный аккаунт',
	import: 'Импорт',
};

export const KIND_LABELS: Record<string, string> = {
	message: 'Сообщение',
	appeal59: 'Обращение (59-ФЗ)',
	incident: 'Инцидент',
	comment: 'Комментарий',
	direct_message: 'Личное сообщение',
};

export const STATUS_LABELS: Record<string, string> = {
	new: 'Новое',
	assigned: 'Назначено',
	in_progress: 'В работе',
	answered: 'Дан ответ',
	closed: 'Закрыто',
	rejected: 'Отклонено',
	forwarded: 'Перенаправлено',
};

export const DEADLINE_STATUS_LABELS_RU: Record<string, string> = {
	on_time: 'В срок',
	due_soon: 'Срок истекает',
	overdue: 'Просрочено',
	answered_on_time: 'Ответ в срок',
	answered_late: 'Ответ с нарушением срока',
};

export const SATISFACTION_LABELS: Record<string, string> = {
	satisfied: 'Удовлетворён',
	unsatisfied: 'Не удовлетворён',
	unknown: 'Нет оценки',
};

/**
 * A date-time as a spreadsheet serial number (days since 1899-12-30) of its own local time, written RAW: the
 * column's number format shows it as a date, sorting and filters work, and reading it back gives the same number.
 */
export function sheetDateTime(iso: string | null | undefined): number | '' {
	if (!iso) return '';
	const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(iso);
	if (!m) return '';
	return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] ?? 0)) / 86400000 + 25569;
}

/**
 * The date-time a register cell holds (`sheetDateTime`'s serial number of local time) as ISO 8601 with the
 * district's offset; '' or an unreadable cell → null.
 */
export function fromSheetDateTime(serial: unknown, offset = '+03:00'): string | null {
	if (typeof serial !== 'number' || !Number.isFinite(serial)) return null;
	const local = new Date(Math.round((serial - 25569) * 86400) * 1000);
	return `${local.toISOString().slice(0, 19)}${offset}`;
}

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** The register of appeals: one row per appeal, keyed by `ID`. */
export const REGISTER_COLUMNS: ReportColumn[] = [
	{ key: 'id', header: 'ID', value: (a) => a.id, width: 150 },
	{
		key: 'source',
		header: 'Источник',
		value: (a) => SOURCE_LABELS[a.source] ?? a.source,
		width: 130,
		choices: Object.values(SOURCE_LABELS),
	},
	{ key: 'kind', header: 'Вид', value: (a) => KIND_LABELS[a.kind] ?? a.kind, width: 140 },
	// Computed values: what the package decided, even when a coordinator's correction replaced it on the record.
	{
		key: 'appealType',
		header: 'Вид обращения',
		value: (a) => APPEAL_TYPE_LABELS[str(computedValue(a, 'appealType')) as never] ?? '',
		width: 140,
	},
	{
		key: 'receivedAt',
		header: 'Поступило',
		value: (a) => sheetDateTime(a.receivedAt),
		width: 140,
		format: 'datetime',
	},
	{
		key: 'registeredAt',
		header: 'Зарегистрировано',
		value: (a) => sheetDateTime(a.registeredAt),
		width: 140,
		format: 'datetime',
	},
	{
		key: 'author',
		header: 'Заявитель',
		value: (a, m) => (m ? maskName(a.author?.name) : str(a.author?.name)),
		width: 170,
		personalData: true,
	},
	{
		key: 'contact',
		header: 'Контакт',
		value: (a, m) => (m ? maskContact(a.author?.contact) : str(a.author?.contact)),
		width: 150,
		personalData: true,
	},
	{
		key: 'text',
		header: 'Текст обращения',
		value: (a, m) => truncate(str(a.text), m ? maskText : undefined),
		width: 380,
		personalData: true,
	},
	{
		key: 'settlement',
		header: 'Поселение',
		value: (a) => str(computedValue(a, 'settlementName') ?? computedValue(a, 'settlement')),
		width: 160,
	},
	{
		key: 'address',
		header: 'Адрес',
		value: (a, m) => (m ? maskAddress(a.address) : str(a.address)),
		width: 220,
		personalData: true,
	},
	{
		key: 'topic',
		header: 'Тема',
		value: (a) => (computedValue(a, 'topic') ? topicLabel(str(computedValue(a, 'topic'))) : ''),
		width: 200,
	},
	{ key: 'totkCode', header: 'Код ТОТК', value: (a) => str(a.totkCode), width: 150 },
	{ key: 'department', header: 'Подразделение', value: (a) => computedDepartment(a), width: 220 },
	{ key: 'responsible', header: 'Ответственный', value: (a) => str(a.responsible), width: 170 },
	{
		key: 'status',
		header: 'Статус',
		value: (a) => STATUS_LABELS[a.status] ?? a.status,
		width: 130,
		choices: Object.values(STATUS_LABELS),
	},
	{
		key: 'deadline',
		header: 'Срок ответа',
		value: (a) => sheetDateTime(a.extendedDeadline ?? a.deadline),
		width: 140,
		format: 'datetime',
	},
	{
		key: 'deadlineStatus',
		header: 'Контроль срока',
		value: (a) => DEADLINE_STATUS_LABELS_RU[str(a.deadlineStatus)] ?? '',
		width: 170,
		choices: Object.values(DEADLINE_STATUS_LABELS_RU),
	},
	{
		key: 'timeLeft',
		header: 'Осталось / просрочено',
		value: (a) => str((a.deadlineInfo as { text?: string } | undefined)?.text),
		width: 190,
	},
	{
		key: 'answeredAt',
		header: 'Дата ответа',
		value: (a) => sheetDateTime(a.answeredAt),
		width: 140,
		format: 'datetime',
	},
	{
		key: 'answerText',
		header: 'Ответ',
		value: (a, m) => truncate(str(a.answerText), m ? maskText : undefined),
		width: 320,
		personalData: true,
	},
	// The verdict of «МЦУ: Контроль ответов» with its reasons: reminders and reports read it back from here, since the
	// intake sees an answer once. It quotes the answer, so a record without the answer text leaves it as it is.
	{
		key: 'answerCheck',
		header: 'Проверка ответа',
		value: (a, m) => truncate(answerCheckText(a.answerCheck, m)),
		width: 320,
		personalData: true,
	},
	{
		key: 'satisfaction',
		header: 'Оценка заявителя',
		value: (a) => SATISFACTION_LABELS[a.satisfaction] ?? '',
		width: 150,
		choices: Object.values(SATISFACTION_LABELS),
	},
	{ key: 'flags', header: 'Признаки', value: (a) => (a.flags ?? []).join(', '), width: 180 },
	// Only web links to the source's own hosts; none to a citizen's own post when masked (see reportLink).
	{
		key: 'url',
		header: 'Ссылка',
		value: (a, m) => reportLink(a, m),
		width: 200,
		personalData: true,
	},
];

function computedDepartment(a: Appeal): string {
	const computed = (a.corrections as { computed?: { department?: string | null } } | undefined)
		?.computed;
	if (computed && 'department' in computed) return str(computed.department);
	return str(a.departmentName ?? a.department);
}

/**
 * The coordinator's columns: laid out by the package (header, width, drop-down), filled by people, never written
 * by a run; the next run reads them back (`readCorrections`). Each sits right after the computed column it corrects.
 */
export interface StaffColumn {
	key: 'topic' | 'department' | 'settlement' | 'appealType';
	header: string;
	width: number;
	choices?: string[];
	/** The computed column it sits next to in a new register. */
	after: string;
	staff: true;
}

export const CORRECTION_COLUMNS: StaffColumn[] = [
	{
		key: 'appealType',
		header: CORRECTION_HEADERS.appealType,
		width: 150,
		choices: Object.values(APPEAL_TYPE_LABELS),
		after: 'appealType',
		staff: true,
	},
	{
		key: 'settlement',
		header: CORRECTION_HEADERS.settlement,
		width: 170,
		choices: DEFAULT_GAZETTEER.map((g) => g.name),
		after: 'settlement',
		staff: true,
	},
	{
		key: 'topic',
		header: CORRECTION_HEADERS.topic,
		width: 200,
		choices: TOPICS.map((t) => t.label),
		after: 'topic',
		staff: true,
	},
	{
		key: 'department',
		header: CORRECTION_HEADERS.department,
		width: 220,
		after: 'department',
		staff: true,
	},
];

/** The correction columns, with the departments a coordinator may pick (the routing rules' ones) when known. */
export function correctionColumns(options: { departments?: string[] } = {}): StaffColumn[] {
	const departments = [
		...new Set((options.departments ?? []).map((d) => d.trim()).filter(Boolean)),
	];
	return CORRECTION_COLUMNS.map((c) =>
		c.key === 'department' && departments.length ? { ...c, choices: departments } : c,
	);
}

/**
 * The departments of the node option: one per line or separated by «;» (names may hold commas: «Отдел культуры,
 * спорта и …»), or by commas when neither is used.
 */
export function departmentList(text: unknown): string[] {
	const value = String(text ?? '');
	return value
		.split(/[;\n]/.test(value) ? /[;\n]/ : ',')
		.map((d) => d.trim())
		.filter(Boolean);
}

/** A new register's columns in order: ours, with each correction column right after the one it corrects. */
export function registerLayout(
	options: { departments?: string[] } = {},
): Array<
	Pick<ReportColumn<never>, 'header' | 'width' | 'format' | 'choices'> & { staff?: boolean }
> {
	const staff = correctionColumns(options);
	return REGISTER_COLUMNS.flatMap((c) => [c, ...staff.filter((s) => s.after === c.key)]);
}

export const REGISTER_LAYOUT = registerLayout();

export const REGISTER_HEADERS = REGISTER_LAYOUT.map((c) => c.header);

/**
 * Sheets refuses cells over 50,000 characters; long texts are cut with a mark. Cut first, then mask: masking reads
 * only a little past the cut (so a phone or a name across it is still seen whole), never the whole huge text.
 */
function truncate(text: string, mask: (text: string) => string = (t) => t, max = 5000): string {
	return text.length > max
		? `${mask(text.slice(0, max + 100)).slice(0, max)}… [обрезано]`
		: mask(text);
}

export function rowOf<T>(
	columns: ReportColumn<T>[],
	record: T,
	masked: boolean,
): Array<string | number> {
	return columns.map((c) => {
		const v = c.value(record, masked);
		return v === null || v === undefined ? '' : v;
	});
}

/**
 * A register row for an appeal; `null` cells are left as they are in the sheet. A record whose personal data was
 * removed (the satisfaction follow-up re-emits an appeal its source no longer returns) carries empty text, applicant
 * and contact: those cells keep what the register holds, only status, rating, flags and the like are written.
 */
export function registerRow(appeal: Appeal, masked: boolean): Array<string | number | null> {
	const row: Array<string | number | null> = rowOf(REGISTER_COLUMNS, appeal, masked);
	if ((appeal as { personalDataRemoved?: unknown }).personalDataRemoved === true)
		REGISTER_COLUMNS.forEach((c, i) => c.personalData && (row[i] = null));
	return row;
}
