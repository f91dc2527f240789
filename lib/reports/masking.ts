import { EMAIL, FULL_NAME, PHONE } from '../text/personalData';

/**
 * Personal data masking for shared reports (152-ФЗ, domain.md §8): applicants' names, phones, e-mails and
 * home addresses are hidden unless the user explicitly turns masking off.
 */

const HOUSE = /((?:д\.|дом|кв\.|квартира|корп\.|стр\.)\s*)\d+[а-яА-Я]?(\/\d+)?/g;

export function maskPhone(phone: string): string {
	const digits = phone.replace(/\D/g, '');
	if (digits.length < 6) return '***';
	return `+7 *** ***-**-${digits.slice(-2)}`;
}

export function maskEmail(email: string): string {
	const [user, domain] = email.split('@');
	if (!domain) return '***';
	return `${user.slice(0, 1)}***@${domain}`;
}

/** «Петрова Анна Сергеевна» → «Петрова А. С.» is still identifying in a small district: keep initials only. */
export function maskName(name: string | null | undefined): string {
	if (!name) return '';
	const parts = name.trim().split(/\s+/);
	return parts.map((p) => `${p.slice(0, 1).toUpperCase()}.`).join(' ');
}

export function maskContact(contact: string | null | undefined): string {
	if (!contact) return '';
	if (contact.includes('@')) return maskEmail(contact);
	return maskPhone(contact);
}

/** House and flat numbers hidden; the street and settlement stay (what the report is about). */
export function maskAddress(address: string | null | undefined): string {
	if (!address) return '';
	return address.replace(HOUSE, '$1***').replace(/,\s*\d+[а-яА-Я]?(\/\d+)?\b/g, ', ***');
}

/** Phones, e-mails and full names inside free text (appeal and answer texts). */
export function maskText(text: string | null | undefined): string {
	if (!text) return '';
	return text
		.replace(EMAIL, (m) => maskEmail(m))
		.replace(PHONE, (m) => maskPhone(m))
		.replace(FULL_NAME, (m) => maskName(m));
}
