import type { DirectoryContact } from '../reports/directory';
import type { Contact, ReminderContacts } from './index';

const contactOf = (c: DirectoryContact): Contact => ({
	name: c.name,
	telegramChatId: c.telegramChatId || undefined,
	maxChatId: c.maxChatId || undefined,
	email: c.email || undefined,
});

/**
 * Who hears about what, from the tab «Справочник»: a responsible named in an appeal is looked up among the
 * «Ответственный» and «Руководитель» rows; an appeal naming nobody goes to its department's «Ответственный»; heads by
 * department; the first «Координатор» and «Куратор». The first row wins where a department or a name repeats.
 */
export function contactsFromDirectory(entries: DirectoryContact[]): ReminderContacts {
	const heads: Record<string, Contact> = {};
	const people: Record<string, Contact> = {};
	const responsibleByDepartment: Record<string, Contact> = {};
	let coordinator: Contact | undefined;
	let curator: Contact | undefined;
	for (const entry of entries) {
		const contact = contactOf(entry);
		switch (entry.role) {
			case 'Руководитель':
				if (entry.department) heads[entry.department] ??= contact;
				people[entry.name] ??= contact;
				break;
			case 'Ответственный':
				if (entry.department) responsibleByDepartment[entry.department] ??= contact;
				people[entry.name] ??= contact;
				break;
			case 'Координатор':
				coordinator ??= contact;
				break;
			case 'Куратор':
				curator ??= contact;
				break;
			default:
				// The technical specialist hears about failed workflows, not about appeals.
				break;
		}
	}
	return { heads, people, responsibleByDepartment, coordinator, curator };
}

/** The tab's contacts with the node's own lists added: an entry of the node replaces the tab's for the same key. */
export function mergeContacts(
	fromSheet: ReminderContacts,
	fromNode: ReminderContacts,
): ReminderContacts {
	return {
		heads: { ...fromSheet.heads, ...fromNode.heads },
		people: { ...fromSheet.people, ...fromNode.people },
		responsibleByDepartment: {
			...fromSheet.responsibleByDepartment,
			...fromNode.responsibleByDepartment,
		},
		coordinator: fromNode.coordinator ?? fromSheet.coordinator,
		curator: fromNode.curator ?? fromSheet.curator,
	};
}
