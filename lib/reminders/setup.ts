import type { Contact, Digest, EscalationLevel, EscalationLevelId, ReminderAppeal } from './index';

/** A contact as a coordinator types it in (any field may be blank or padded). */
export interface ContactRow {
	name?: string;
	telegramChatId?: string;
	maxChatId?: string;
	email?: string;
}

const clean = (v?: string) => v?.trim() || undefined;

/** The contact, trimmed; none without a name (a name is how a digest is addressed). */
export function contactFromRow(row?: ContactRow): Contact | undefined {
	const name = clean(row?.name);
	if (!name) return undefined;
	return {
		name,
		telegramChatId: clean(row?.telegramChatId),
		maxChatId: clean(row?.maxChatId),
		email: clean(row?.email),
	};
}

/** Department heads by department; a row without a department or a name is left out. */
export function headsByDepartment(
	rows: Array<ContactRow & { department?: string }>,
): Record<string, Contact> {
	const heads: Record<string, Contact> = {};
	for (const row of rows) {
		const department = clean(row.department);
		const contact = contactFromRow(row);
		if (department && contact) heads[department] = contact;
	}
	return heads;
}

/** People by name, to reach a responsible the appeal names without contacts. */
export function peopleByName(rows: ContactRow[]): Record<string, Contact> {
	const people: Record<string, Contact> = {};
	for (const row of rows) {
		const contact = contactFromRow(row);
		if (contact) people[contact.name] = contact;
	}
	return people;
}

/** The escalation ladder with the working days overdue after which each level hears (the responsible: at once). */
export function escalationLevels(
	after: Partial<Record<Exclude<EscalationLevelId, 'responsible'>, number>>,
): EscalationLevel[] {
	return [
		{ id: 'responsible', overdueWorkingDays: 0 },
		{ id: 'head', overdueWorkingDays: after.head ?? 1 },
		{ id: 'coordinator', overdueWorkingDays: after.coordinator ?? 3 },
		{ id: 'curator', overdueWorkingDays: after.curator ?? 5 },
	];
}

/** One digest per level, recipient and day: senders use it as their idempotency key, so a retried run never sends twice. */
export const digestKey = (digest: Pick<Digest, 'level' | 'recipient'>, today: string) =>
	`${digest.level}|${digest.recipient.name}|${today}`;

/** Records that can be reminded about: objects with an id (others, e.g. error items, are left out). */
export function isReminderAppeal(record: unknown): record is ReminderAppeal {
	return (
		typeof record === 'object' &&
		record !== null &&
		typeof (record as { id?: unknown }).id === 'string'
	);
}
