import {
	DIRECTORY_COLUMNS,
	DIRECTORY_HEADERS,
	DIRECTORY_SHEET,
	layoutRequests,
	sheetIdFor,
	type DirectoryRole,
} from '../../lib/reports';

/**
 * The model district's «Справочник», as its technical specialist fills it in once: department heads, the
 * responsible people of the routing rules, the МЦУ coordinator, the curator and the technical specialist, with the
 * Telegram chats the sandbox's workflows use (the departments are those of scripts/workflows.ts's routing rules,
 * which name no people: reminders find them here; 7001–7003 are the weekly message's and the error workflow's
 * recipients).
 */
type Row = [department: string, role: DirectoryRole, name: string, telegram: string];

const DEPARTMENTS: Array<
	[department: string, head: string, headChat: string, responsible: string, responsibleChat: string]
> = [
	[
		'Отдел дорожного хозяйства и транспорта',
		'Смирнов Пётр Андреевич',
		'6001',
		'Смирнов П. А.',
		'5001',
	],
	['МУП «Дедовичский водоканал»', 'Орлов Виктор Иванович', '6002', 'Орлов В. И.', '5002'],
	['МУП «Тепловые сети Дедовичи»', 'Зайцев Роман Александрович', '6003', 'Зайцев Р. А.', '5003'],
	['Отдел ЖКХ и строительства', 'Петров Павел Сергеевич', '6004', 'Петров П. С.', '5004'],
	['Отдел благоустройства', 'Федорова Ирина Олеговна', '6005', 'Федорова И. О.', '5005'],
	[
		'Управление образования Дедовичского района',
		'Николаева Светлана Ивановна',
		'6006',
		'Николаева С. И.',
		'5006',
	],
	['Отдел социальной защиты', 'Егорова Марина Викторовна', '6007', 'Егорова М. В.', '5007'],
	[
		'Отдел культуры, спорта и молодёжной политики',
		'Соколов Дмитрий Юрьевич',
		'6008',
		'Соколов Д. Ю.',
		'5008',
	],
	[
		'Отдел экономики, торговли и связи',
		'Григорьев Андрей Валерьевич',
		'6009',
		'Григорьев А. В.',
		'5009',
	],
];

export const DISTRICT_DIRECTORY: Row[] = [
	...DEPARTMENTS.flatMap(([department, head, headChat, responsible, responsibleChat]): Row[] => [
		[department, 'Руководитель', head, headChat],
		[department, 'Ответственный', responsible, responsibleChat],
	]),
	['', 'Координатор', 'Координатор МЦУ', '7001'],
	['', 'Куратор', 'Куратор МЦУ (первый заместитель Главы)', '7002'],
	['', 'Технический специалист', 'Технический специалист МЦУ', '7003'],
];

/** A tab of the demo spreadsheet: the Sheets requests that make and lay it out, and its values. */
export interface SeedTab {
	title: string;
	requests: object[];
	values: string[][];
}

/** «Справочник» laid out as the package lays it out (widths, the roles' drop-down), filled with the district. */
export function directorySeedTab(): SeedTab {
	const title = DIRECTORY_SHEET;
	return {
		title,
		requests: layoutRequests(
			{ sheetId: sheetIdFor(title), title, columns: DIRECTORY_COLUMNS, rows: 100 },
			{ addSheet: true },
		),
		values: [
			Object.values(DIRECTORY_HEADERS),
			...DISTRICT_DIRECTORY.map(([department, role, name, telegram]) => [
				department,
				role,
				name,
				telegram,
				'',
				'',
			]),
		],
	};
}
