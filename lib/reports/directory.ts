import type { TabLayout } from './layout';
import type { Cell } from './upsert';

/**
 * The district's directory: the tab «Справочник» the technical specialist fills in once — who heads which
 * department, who answers for it, the МЦУ coordinator, the curator and the technical specialist, with their chats.
 * Workflows read their recipients from it instead of carrying names and chat ids of their own.
 */
export const DIRECTORY_SHEET = 'Справочник';

export const DIRECTORY_ROLES = [
	'Руководитель',
	'Ответственный',
	'Координатор',
	'Куратор',
	'Технический специалист',
] as const;
export type DirectoryRole = (typeof DIRECTORY_ROLES)[number];

export interface DirectoryContact {
	department: string;
	role: DirectoryRole;
	name: string;
	telegramChatId: string;
	maxChatId: string;
	email: string;
}

/** Column headers by field, in the tab's order. */
export const DIRECTORY_HEADERS: Record<keyof DirectoryContact, string> = {
	department: 'Подразделение',
	role: 'Роль',
	name: 'ФИО',
	telegramChatId: 'Telegram',
	maxChatId: 'MAX',
	email: 'E-mail',
};

const FIELDS = Object.keys(DIRECTORY_HEADERS) as Array<keyof DirectoryContact>;

/** The tab's layout when the package creates it: widths, and the roles as a drop-down. */
export const DIRECTORY_COLUMNS: TabLayout['columns'] = [
	{ header: DIRECTORY_HEADERS.department, width: 320 },
	{ header: DIRECTORY_HEADERS.role, width: 200, choices: [...DIRECTORY_ROLES] },
	{ header: DIRECTORY_HEADERS.name, width: 260 },
	// Chat ids are text: a number format would turn «-100…» group ids into 1.0E+12.
	{ header: DIRECTORY_HEADERS.telegramChatId, width: 160, format: 'text' },
	{ header: DIRECTORY_HEADERS.maxChatId, width: 160, format: 'text' },
	{ header: DIRECTORY_HEADERS.email, width: 240 },
];

export interface DirectoryRead {
	contacts: DirectoryContact[];
	/** Rows that were not understood and were left out, each naming the row. */
	warnings: string[];
}

/** Lower case, «ё» as «е», single spaces: how a person's spelling of a header or a role is compared. */
const norm = (v: unknown) =>
	String(v ?? '')
		.trim()
		.toLowerCase()
		.replace(/ё/g, 'е')
		.replace(/\s+/g, ' ');

/** A cell as text: chat ids read unformatted come back as numbers. */
const text = (v: Cell | undefined) =>
	v === undefined || v === null ? '' : String(v).replace(/\s+/g, ' ').trim();

const ROLE_BY_NORM = new Map<string, DirectoryRole>(DIRECTORY_ROLES.map((r) => [norm(r), r]));

/**
 * The contacts of the tab's grid (first row: headers, found by name in any order; other columns are ignored).
 * Blank rows are skipped; a row with an unknown or missing role, or without a name, is left out with a warning.
 */
export function readDirectory(grid: Cell[][], title: string = DIRECTORY_SHEET): DirectoryRead {
	const warnings: string[] = [];
	const header = (grid[0] ?? []).map(norm);
	const index = Object.fromEntries(
		FIELDS.map((f) => [f, header.indexOf(norm(DIRECTORY_HEADERS[f]))]),
	) as Record<keyof DirectoryContact, number>;
	const missing = (['role', 'name'] as const).filter((f) => index[f] < 0);
	if (missing.length) {
		const names = missing.map((f) => `«${DIRECTORY_HEADERS[f]}»`).join(' и ');
		return {
			contacts: [],
			warnings: [`Лист «${title}»: нет столбца ${names} в первой строке — контакты не прочитаны`],
		};
	}
	const contacts: DirectoryContact[] = [];
	grid.slice(1).forEach((row, i) => {
		const value = (f: keyof DirectoryContact) => (index[f] < 0 ? '' : text(row[index[f]]));
		if (FIELDS.every((f) => !value(f))) return;
		const where = `Лист «${title}», строка ${i + 2}`;
		const roleText = value('role');
		const role = ROLE_BY_NORM.get(norm(roleText));
		if (!role) {
			warnings.push(
				roleText
					? `${where}: неизвестная роль «${roleText}» (нужна одна из: ${DIRECTORY_ROLES.join(', ')}) — строка пропущена`
					: `${where}: не указана роль — строка пропущена`,
			);
			return;
		}
		const name = value('name');
		if (!name) {
			warnings.push(`${where}: не указано ФИО — строка пропущена`);
			return;
		}
		contacts.push({
			department: value('department'),
			role,
			name,
			telegramChatId: value('telegramChatId'),
			maxChatId: value('maxChatId'),
			email: value('email'),
		});
	});
	return { contacts, warnings };
}
