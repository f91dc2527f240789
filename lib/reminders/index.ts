import { DateTime } from 'luxon';
import type { ProductionCalendar } from '../calendar';
import { plural } from '../deadlines/status';
import { maskText } from '../reports/masking';
import type { RoutedContact } from '../appeal/types';

/**
 * Reminders and escalation: from the open appeals that are due soon or overdue, one digest per recipient per run,
 * escalating by how long an appeal is overdue: responsible → head of department → coordinator → curator.
 */
export type EscalationLevelId = 'responsible' | 'head' | 'coordinator' | 'curator';

export interface EscalationLevel {
	id: EscalationLevelId;
	/** Reached when the appeal is overdue by at least this many working days (0 = due soon or overdue). */
	overdueWorkingDays: number;
}

/** Defaults: the responsible person hears first; the head after a day overdue; the МЦУ coordinator after 3; the curator after 5. */
export const DEFAULT_LEVELS: EscalationLevel[] = [
	{ id: 'responsible', overdueWorkingDays: 0 },
	{ id: 'head', overdueWorkingDays: 1 },
	{ id: 'coordinator', overdueWorkingDays: 3 },
	{ id: 'curator', overdueWorkingDays: 5 },
];

export const LEVEL_LABELS: Record<EscalationLevelId, string> = {
	responsible: 'ответственному',
	head: 'руководителю подразделения',
	coordinator: 'координатору МЦУ',
	curator: 'куратору',
};

export interface Contact {
	name: string;
	telegramChatId?: string;
	/** A chat (or dialog) in MAX, the national messenger; digests go there as well as to Telegram. */
	maxChatId?: string;
	email?: string;
}

export interface ReminderContacts {
	/** Department name → its head. */
	heads: Record<string, Contact>;
	/** Responsible person's name → how to reach them (when the appeal itself carries no contact). */
	people?: Record<string, Contact>;
	/** Department name → who answers for its appeals when an appeal names nobody (the directory's «Ответственный»). */
	responsibleByDepartment?: Record<string, Contact>;
	coordinator?: Contact;
	curator?: Contact;
}

export interface ReminderAppeal {
	id: string;
	text?: string;
	url?: string | null;
	department?: string | null;
	responsible?: string | null;
	deadline?: string | null;
	extendedDeadline?: string | null;
	deadlineStatus?: string;
	deadlineInfo?: {
		workingDaysLeft?: number;
		workingHoursLeft?: number;
		text?: string;
		unit?: string;
	};
	/** The matched rule's contacts («МЦУ: Маршрутизация»); any of them may be missing in a hand-made item. */
	routing?: { contact?: Partial<RoutedContact> };
	/** The coordinator's corrections from the register: a corrected department's head is the one to remind. */
	corrections?: { department?: string | null } | null;
	/** The answer check («МЦУ: Контроль ответов»): an answer with errors goes back to the responsible for rework. */
	answerCheck?: {
		ok?: boolean;
		errors?: Array<{ message?: string; severity?: string; sentence?: string; hint?: string }>;
	};
}

export interface Digest {
	level: EscalationLevelId;
	recipient: Contact;
	appeals: Array<{
		id: string;
		status: string;
		deadline: string | null;
		text: string;
		url: string | null;
	}>;
	overdue: number;
	dueSoon: number;
	/** Answers sent back for rework (with the reasons in the entries' status). */
	rework: number;
	/** The message, in Russian, ready for Telegram, MAX or e-mail. */
	text: string;
	/** Keys of (appeal, level, recipient, day) this digest covers; remember them to never repeat a reminder the same day. */
	keys: string[];
}

export interface ReminderOptions {
	now: DateTime;
	calendar: ProductionCalendar;
	levels?: EscalationLevel[];
	contacts: ReminderContacts;
	/** Keys already sent today (from earlier runs). */
	sentKeys?: Set<string>;
	/** Only on working days inside office hours (default true). */
	workingTimeOnly?: boolean;
	officeHours?: { start: string; end: string };
	timeZone?: string;
}

export interface ReminderResult {
	digests: Digest[];
	/** Why nothing was sent, when nothing was. */
	skipped?: string;
	/** Appeals that should be reminded about but have nobody to send to. */
	unaddressed: string[];
}

function minutes(hhmm: string): number {
	const [h, m] = hhmm.split(':').map(Number);
	return h * 60 + (m || 0);
}

function overdueDays(a: ReminderAppeal): number {
	if (a.deadlineStatus !== 'overdue') return -1;
	const d = a.deadlineInfo?.workingDaysLeft;
	return typeof d === 'number' ? Math.max(0, -d) : 0;
}

function shortText(text: string | undefined, max = 90): string {
	const t = (text ?? '').replace(/\s+/g, ' ').trim();
	return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

export function buildReminders(
	appeals: ReminderAppeal[],
	options: ReminderOptions,
): ReminderResult {
	const zone = options.timeZone ?? 'Europe/Moscow';
	const now = options.now.setZone(zone);
	const today = now.toISODate()!;
	if (options.workingTimeOnly !== false) {
		const hours = options.officeHours ?? { start: '09:00', end: '18:00' };
		const minute = now.hour * 60 + now.minute;
		if (!options.calendar.isWorkingDay(today))
			return { digests: [], skipped: `${today} — нерабочий день`, unaddressed: [] };
		if (minute < minutes(hours.start) || minute >= minutes(hours.end)) {
			return {
				digests: [],
				skipped: `вне рабочего времени (${hours.start}–${hours.end})`,
				unaddressed: [],
			};
		}
	}
	const levels = [...(options.levels ?? DEFAULT_LEVELS)].sort(
		(a, b) => a.overdueWorkingDays - b.overdueWorkingDays,
	);
	const sent = options.sentKeys ?? new Set<string>();
	const groups = new Map<string, Digest>();
	const unaddressed: string[] = [];
	const digestFor = (level: EscalationLevelId, recipient: Contact): Digest => {
		const groupKey = `${level}|${recipient.name}`;
		let digest = groups.get(groupKey);
		if (!digest) {
			digest = {
				level,
				recipient,
				appeals: [],
				overdue: 0,
				dueSoon: 0,
				rework: 0,
				text: '',
				keys: [],
			};
			groups.set(groupKey, digest);
		}
		return digest;
	};
	for (const appeal of appeals) {
		// An answer that failed the checks goes back to the responsible, with the reasons, once a day.
		if (appeal.answerCheck && appeal.answerCheck.ok === false) {
			const recipient = recipientFor('responsible', appeal, options.contacts);
			const key = `${appeal.id}|rework|${recipient?.name ?? ''}|${today}`;
			if (!recipient) unaddressed.push(appeal.id);
			else if (!sent.has(key)) {
				const digest = digestFor('responsible', recipient);
				// Each reason with the sentence that triggered it (masked: digests go to chats) and what to add.
				const reasons = (appeal.answerCheck.errors ?? [])
					.filter((e) => e.severity !== 'warning' && e.message)
					.map((e) =>
						[
							e.message,
							e.sentence ? `«${maskText(shortText(e.sentence))}»` : '',
							e.hint ? `что добавить: ${e.hint}` : '',
						]
							.filter(Boolean)
							.join(' — '),
					);
				digest.appeals.push({
					id: appeal.id,
					status: `ответ на доработку: ${reasons.join('; ') || 'есть ошибки'}`,
					deadline: appeal.extendedDeadline ?? appeal.deadline ?? null,
					text: shortText(appeal.text),
					url: appeal.url ?? null,
				});
				digest.rework++;
				digest.keys.push(key);
			}
		}
		if (appeal.deadlineStatus !== 'overdue' && appeal.deadlineStatus !== 'due_soon') continue;
		const late = overdueDays(appeal);
		for (const level of levels) {
			if (level.overdueWorkingDays > 0 && late < level.overdueWorkingDays) continue;
			const recipient = recipientFor(level.id, appeal, options.contacts);
			if (!recipient) {
				if (level.id === 'responsible') unaddressed.push(appeal.id);
				continue;
			}
			const key = `${appeal.id}|${level.id}|${recipient.name}|${today}`;
			if (sent.has(key)) continue;
			const digest = digestFor(level.id, recipient);
			digest.appeals.push({
				id: appeal.id,
				status:
					appeal.deadlineInfo?.text ??
					(appeal.deadlineStatus === 'overdue' ? 'просрочено' : 'срок истекает'),
				deadline: appeal.extendedDeadline ?? appeal.deadline ?? null,
				text: shortText(appeal.text),
				url: appeal.url ?? null,
			});
			if (appeal.deadlineStatus === 'overdue') digest.overdue++;
			else digest.dueSoon++;
			digest.keys.push(key);
		}
	}
	const digests = [...groups.values()];
	for (const d of digests) d.text = digestText(d, now);
	return { digests, unaddressed };
}

function recipientFor(
	level: EscalationLevelId,
	appeal: ReminderAppeal,
	contacts: ReminderContacts,
): Contact | undefined {
	const department = appeal.corrections?.department || appeal.department;
	const head = department ? contacts.heads[department] : undefined;
	const departmentResponsible = department
		? contacts.responsibleByDepartment?.[department]
		: undefined;
	switch (level) {
		case 'responsible': {
			if (appeal.responsible) {
				const known = contacts.people?.[appeal.responsible];
				const routed = appeal.routing?.contact;
				return {
					name: appeal.responsible,
					telegramChatId: known?.telegramChatId ?? routed?.telegramChatId ?? undefined,
					maxChatId: known?.maxChatId ?? routed?.maxChatId ?? undefined,
					email: known?.email ?? routed?.email ?? undefined,
				};
			}
			// Nobody named: the department's responsible, else its head answers for it.
			return departmentResponsible ?? head;
		}
		case 'head':
			// The head escalates unless they already heard as the one answering for the appeal.
			return appeal.responsible || departmentResponsible ? head : undefined;
		case 'coordinator':
			return contacts.coordinator;
		case 'curator':
			return contacts.curator;
	}
}

function dateRu(iso: string | null): string {
	if (!iso) return 'без срока';
	const dt = DateTime.fromISO(iso, { setZone: true });
	return dt.isValid ? dt.toFormat('dd.MM.yyyy') : iso;
}

function digestText(d: Digest, now: DateTime): string {
	const lines: string[] = [];
	const header =
		d.level === 'responsible'
			? `Напоминание МЦУ на ${now.toFormat('dd.MM.yyyy')}`
			: `Эскалация МЦУ (${LEVEL_LABELS[d.level]}) на ${now.toFormat('dd.MM.yyyy')}`;
	lines.push(`${header}. ${d.recipient.name}, под вашим контролем:`);
	if (d.overdue)
		lines.push(
			`просрочено — ${d.overdue} ${plural(d.overdue, 'обращение', 'обращения', 'обращений')}`,
		);
	if (d.dueSoon)
		lines.push(
			`срок истекает — ${d.dueSoon} ${plural(d.dueSoon, 'обращение', 'обращения', 'обращений')}`,
		);
	if (d.rework)
		lines.push(
			`ответ на доработку — ${d.rework} ${plural(d.rework, 'обращение', 'обращения', 'обращений')}`,
		);
	lines.push('');
	for (const a of d.appeals) {
		lines.push(
			`• ${a.id}: ${a.text} — срок ${dateRu(a.deadline)}, ${a.status}${a.url ? `\n  ${a.url}` : ''}`,
		);
	}
	return lines.join('\n');
}

/** Keys of reminders sent today, kept between runs (older days dropped). */
export function rememberSent(
	previous: string[] | undefined,
	digests: Digest[],
	today: string,
): string[] {
	const kept = (previous ?? []).filter((k) => k.endsWith(`|${today}`));
	return [...new Set([...kept, ...digests.flatMap((d) => d.keys)])];
}

export * from './setup';
export * from './directory';
