import type { Appeal } from '../appeal';
import {
	EMAIL,
	HOUSE_NUMBER,
	PASSPORT,
	PERSON_NAME,
	SNILS,
	STREET_NUMBER,
	replacePhones,
} from '../text/personalData';

/**
 * Personal data masking for shared reports (152-ФЗ, domain.md §8): applicants' names, phones, e-mails, documents
 * and home addresses are hidden unless the user explicitly turns masking off. All patterns are linear in the text.
 */

export function maskPhone(phone: string): string {
	const digits = phone.replace(/\D/g, '');
	if (digits.length < 6) return '***';
	return `+7 *** ***-**-${digits.slice(-2)}`;
}

export function maskEmail(email: string): string {
	const at = email.lastIndexOf('@');
	if (at <= 0) return '***';
	return `${email.slice(0, 1)}***@${email.slice(at + 1)}`;
}

/** «Петрова Анна Сергеевна» → «Петрова А. С.» is still identifying in a small district: keep initials only. */
export function maskName(name: string | null | undefined): string {
	if (!name) return '';
	const parts = name.trim().split(/\s+/);
	return parts.map((p) => `${p.slice(0, 1).toUpperCase()}.`).join(' ');
}

const HANDLE = /(?<![\w@.])@[A-Za-z0-9_]{3,32}\b/g;
const PROFILE_LINK =
	/(?:https?:\/\/)?(?:www\.|m\.)?(?:t\.me|telegram\.me|vk\.com|vk\.ru|ok\.ru|wa\.me)\/[^\s,;)]{1,200}/gi;

/** One contact: an e-mail, a phone, a handle or a profile link; anything unrecognised is hidden whole. */
function maskOneContact(part: string): string {
	const text = part.trim();
	if (!text) return '';
	if (/^[^\s@]+@[^\s@]+$/.test(text)) return maskEmail(text);
	let out = text.replace(EMAIL, (m) => maskEmail(m));
	out = replacePhones(out, maskPhone);
	out = out
		.replace(PROFILE_LINK, (m) => `${m.replace(/^(?:https?:\/\/)?/i, '').split('/')[0]}/***`)
		.replace(HANDLE, '@***');
	// Words and numbers left over (a name, a nickname, a number in an odd format) identify as well.
	return out === text
		? '***'
		: out.replace(/[А-ЯЁA-Z][а-яёa-z]{1,30}/g, (w) => `${w[0]}.`).replace(/\d{3,}/g, '***');
}

/** Every contact in the field (several are often given: «+7…, e-mail», «телефон (телеграм @…)»). */
export function maskContact(contact: string | null | undefined): string {
	if (!contact) return '';
	return String(contact).split(/[,;]+/).map(maskOneContact).filter(Boolean).join(', ');
}

const MONTH_AFTER =
	/^\s(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|лет)/i;

/**
 * House, building and flat numbers hidden; the street and settlement stay (what the report is about). In an address
 * field every house-like number is a house or a flat, except ordinals and dates in street names («1-й Заводской
 * пер.», «ул. 25 Октября») and the postal code.
 */
export function maskAddress(address: string | null | undefined): string {
	if (!address) return '';
	const text = String(address);
	return text.replace(
		/(?<![\d\p{L}])\d{1,5}[а-яА-Я]?(?:\s?[/-]\s?\d{1,5}[а-яА-Я]?){0,2}(?![\d\p{L}])/gu,
		(m, offset: number) => {
			const after = text.slice(offset + m.length, offset + m.length + 14);
			if (/^-?(?:й|я|е|го|ой|ая|ый|ий|ом)(?![а-яё])/i.test(after) || /^-(?:[а-яё])/i.test(after))
				return m;
			if (MONTH_AFTER.test(after)) return m;
			if (/^\d{6}$/.test(m) && offset < 3) return m;
			return '***';
		},
	);
}

/** Phones, e-mails, documents, names and house numbers inside free text (appeal and answer texts). */
export function maskText(text: string | null | undefined): string {
	if (!text) return '';
	let out = String(text)
		.replace(EMAIL, (m) => maskEmail(m))
		.replace(PASSPORT, (m) => m.replace(/\d/g, '*'))
		.replace(SNILS, (m) => m.replace(/\d/g, '*'));
	out = replacePhones(out, maskPhone);
	return out
		.replace(PERSON_NAME, (m) => maskName(m))
		.replace(HOUSE_NUMBER, '$1***')
		.replace(STREET_NUMBER, '$1***');
}

/** Hosts whose links may be clickable in a shared sheet, per source; subdomains count (m.vk.com, pos.gosuslugi.ru). */
const SOCIAL_HOSTS = ['vk.com', 'vk.ru', 'ok.ru', 't.me', 'telegram.me', 'max.ru'];
const LINK_HOSTS: Record<string, string[]> = {
	pos: ['gosuslugi.ru'],
	vk: ['vk.com', 'vk.ru'],
	ok: ['ok.ru'],
	telegram: ['t.me', 'telegram.me'],
	max: ['max.ru'],
	// Incidents and imported rows point at the post they came from: any of the networks, or ПОС.
	im: [...SOCIAL_HOSTS, 'gosuslugi.ru'],
	import: [...SOCIAL_HOSTS, 'gosuslugi.ru'],
	official: [...SOCIAL_HOSTS, 'gosuslugi.ru'],
};

const hostIn = (host: string, hosts: string[]) =>
	hosts.some((h) => host === h || host.endsWith(`.${h}`));

/**
 * The link a report shows for an appeal: only https/http links to the source's known hosts (a link from a source
 * must not become a clickable link to anywhere in a shared sheet); when masked, no link to a citizen's own post on a
 * social network (with the rest masked it would still name them). ПОС links open only in the organisation's cabinet.
 */
export function reportLink(
	appeal: Pick<Appeal, 'url' | 'source'>,
	masked: boolean,
	extraHosts: string[] = [],
): string {
	const raw = appeal?.url === null || appeal?.url === undefined ? '' : String(appeal.url);
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		return '';
	}
	if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password)
		return '';
	const host = url.hostname.toLowerCase();
	if (!hostIn(host, [...(LINK_HOSTS[appeal.source] ?? []), ...extraHosts])) return '';
	if (masked && appeal.source !== 'official' && hostIn(host, SOCIAL_HOSTS)) return '';
	return raw;
}

/** A field of a generic table, masked by what its key says it holds, else as free text (objects as their JSON). */
export function maskField(key: string, value: unknown): string {
	const text = typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
	if (/contact|phone|e-?mail|телефон|почта|контакт/i.test(key)) return maskContact(text);
	if (/address|адрес/i.test(key)) return maskAddress(text);
	if (/^(?:author|applicant|fio|citizen)(?:name)?$|фио|заявител/i.test(key))
		return typeof value === 'string' ? maskName(value) : maskText(text);
	return maskText(text);
}
