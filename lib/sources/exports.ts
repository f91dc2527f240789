import { assertAppeal, makeAppeal, type Appeal, type AppealStatus } from '../appeal';
import { parseCategoryText } from '../classify/category';
import {
	SourceRecordError,
	isRealDateTime,
	satisfactionFromRating,
	text,
	toIsoDateTime,
} from './common';

/**
 * Rows of the ПОС and ИМ cabinet exports (XLSX/CSV read by n8n's «Extract From File») → appeals. Column names
 * differ between regions and versions, so every field is found by a header the user can change.
 */
export type ExportField =
	| 'id'
	| 'createdAt'
	| 'status'
	| 'kind'
	| 'category'
	| 'subcategory'
	| 'text'
	| 'address'
	| 'settlement'
	| 'author'
	| 'phone'
	| 'email'
	| 'postUrl'
	| 'deadline'
	| 'answeredAt'
	| 'answerText'
	| 'rating'
	| 'responsible';

export type ExportMapping = Partial<Record<ExportField, string>>;

export const DEFAULT_EXPORT_MAPPING: Record<'pos' | 'im', ExportMapping> = {
	pos: {
		id: 'Номер сообщения',
		createdAt: 'Дата создания',
		status: 'Статус',
		kind: 'Тип',
		category: 'Категория',
		subcategory: 'Подкатегория',
		text: 'Текст сообщения',
		address: 'Адрес',
		settlement: 'Муниципальное образование',
		author: 'Заявитель',
		phone: 'Телефон',
		email: 'E-mail',
		deadline: 'Срок ответа',
		answeredAt: 'Дата ответа',
		answerText: 'Текст ответа',
		rating: 'Оценка',
		responsible: 'Исполнитель',
	},
	im: {
		id: 'ID инцидента',
		createdAt: 'Дата регистрации',
		status: 'Статус',
		category: 'Категория',
		subcategory: 'Подкатегория',
		text: 'Текст',
		address: 'Адрес',
		author: 'Автор',
		postUrl: 'Ссылка на публикацию',
		deadline: 'Срок',
		answeredAt: 'Дата ответа',
		answerText: 'Ответ',
		rating: 'Оценка',
		responsible: 'Ответственный',
	},
};

const STATUS_WORDS: Array<[RegExp, AppealStatus]> = [
	[/модерац|нов|зарегистр/i, 'new'],
	[/исполнител|назнач/i, 'assigned'],
	[/в работе|взято|рассматрива|продлен|отложен/i, 'in_progress'],
	[/ответ|решено|рассмотрено/i, 'answered'],
	[/закрыт|архив/i, 'closed'],
	[/отклон|отказ/i, 'rejected'],
	[/перенаправ|передан/i, 'forwarded'],
];

/** «01.10.2026 09:15», «01.10.2026», ISO, or a spreadsheet serial number (days since 1899-12-30), Moscow time. */
export function exportDate(value: unknown): string | undefined {
	if (typeof value === 'number' && value > 20000 && value < 80000) {
		const ms = Math.round((value - 25569) * 86400000);
		return `${new Date(ms).toISOString().slice(0, 19)}+03:00`;
	}
	const s = text(value);
	if (!s) return undefined;
	const m = /^(\d{2})\.(\d{2})\.(\d{4})(?:[ ,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
	if (m) {
		const iso = `${m[3]}-${m[2]}-${m[1]}T${(m[4] ?? '00').padStart(2, '0')}:${m[5] ?? '00'}:${m[6] ?? '00'}+03:00`;
		// «31.02.2026» passed Date.parse (rolled over to March) and then failed the appeal schema under the appeal's field name.
		return isRealDateTime(iso) ? iso : undefined;
	}
	return toIsoDateTime(s.replace(' ', 'T'));
}

export function normalizeExportRow(
	row: Record<string, unknown>,
	source: 'pos' | 'im',
	mapping: ExportMapping = {},
): Appeal {
	const map = {
		...DEFAULT_EXPORT_MAPPING[source],
		...Object.fromEntries(Object.entries(mapping).filter(([, v]) => v)),
	};
	const get = (field: ExportField) => (map[field] ? row[map[field] as string] : undefined);
	const externalId = text(get('id'));
	if (!externalId)
		throw new SourceRecordError(source, '?', `«${map.id}»`, 'нет номера в строке выгрузки');
	const receivedAt = exportDate(get('createdAt'));
	if (!receivedAt) {
		throw new SourceRecordError(
			source,
			externalId,
			`«${map.createdAt}»`,
			`не дата: ${JSON.stringify(get('createdAt'))} (ожидается ДД.ММ.ГГГГ ЧЧ:ММ)`,
		);
	}
	const body = text(get('text'));
	if (!body) throw new SourceRecordError(source, externalId, `«${map.text}»`, 'пустой текст');
	const statusText = text(get('status')) ?? '';
	const flags: string[] = ['imported'];
	let status: AppealStatus = 'new';
	if (statusText) {
		const found = STATUS_WORDS.find(([re]) => re.test(statusText));
		if (found) status = found[1];
		else {
			status = 'in_progress';
			flags.push('unknown_source_status');
		}
	}
	const kindText = text(get('kind')) ?? '';
	const kind =
		source === 'im' ? 'incident' : /59|обращени/i.test(kindText) ? 'appeal59' : 'message';
	const answeredAt = exportDate(get('answeredAt')) ?? null;
	// «Категория» alone may hold both levels («Дороги / Ямы на дорогах»); a «Подкатегория» column names the second.
	const categoryText = text(get('category'));
	const subcategoryText = text(get('subcategory'));
	const parsed = parseCategoryText(categoryText);
	const sourceCategory = subcategoryText
		? { name: categoryText ?? '', sub: subcategoryText }
		: parsed;
	const deadline = exportDate(get('deadline'));
	const appeal = makeAppeal(
		{ source, externalId, kind, receivedAt, text: body, raw: row },
		{
			url: text(get('postUrl')),
			registeredAt: receivedAt,
			author: {
				name: text(get('author')),
				contact: text(get('phone')) ?? text(get('email')),
				anonymous: !text(get('author')),
			},
			address: text(get('address')),
			settlement: text(get('settlement')),
			category: [categoryText, subcategoryText].filter(Boolean).join(' / ') || null,
			sourceCategory,
			status: answeredAt && status === 'in_progress' ? 'answered' : status,
			sourceStatus: statusText || null,
			responsible: text(get('responsible')),
			deadline: deadline ? deadline.replace('T00:00:00', 'T23:59:59') : null,
			answeredAt,
			answerText: text(get('answerText')),
			satisfaction: satisfactionFromRating(get('rating')),
			flags,
		},
	);
	return assertAppeal(appeal);
}
