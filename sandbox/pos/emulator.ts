import { randomBytes } from 'node:crypto';
import type { Emulator, Fault, SandboxRequest, SandboxResponse } from '../core/types';
import { POS_TREE, posCategoryFor } from '../seed/categories';
import type { District, SeedAppeal } from '../seed/types';

/**
 * ПОС («Госуслуги. Решаем вместе») REST gateway emulator: OAuth2 password grant with expiring tokens, the message
 * listing with filters and pagination, one message with its status history, the actions of a responsible body,
 * and category lists. Shapes follow domain.md §2 (the public contract is not published).
 */
export interface PosHistoryEntry {
	status: string;
	statusText: string;
	createdAt: string;
	createdBy?: { surname: string; name: string; patronymic: string; position: string };
	executor?: string;
	answer?: {
		answerType?: string;
		comment?: string;
		newDate?: string;
		rejectReason?: { id: number; name: string };
		attachmentIds?: string[];
	};
}

export interface PosMessage {
	id: number;
	posId: string;
	opaId: string;
	regionId: number;
	fz59: boolean;
	applicant: {
		surname: string;
		name: string;
		patronymic: string;
		email: string;
		phone: string;
		postAddress: string;
	} | null;
	description: string;
	location: { address: string | null; lat: number | null; lon: number | null };
	subjectId: number;
	subjectName: string;
	subsubjectId: number;
	subsubjectName: string;
	attachmentIds: string[];
	organizationInfo: { opaId: string; name: string; inn: string; oktmo: string };
	createdAt: string;
	updatedAt: string;
	status: string;
	statusText: string;
	answerAt: string | null;
	deadline: string;
	rating: number | null;
	history: PosHistoryEntry[];
}

export const POS_STATUS_TEXT: Record<string, string> = {
	MODERATION_NEW: 'На модерации',
	MODERATION_ACCEPT: 'Прошло модерацию',
	MODERATION_DECLINE: 'Отклонено модератором',
	TAKE_TO_WORK: 'Взято в работу',
	SET_EXECUTOR: 'Назначен исполнитель',
	FORWARD_TO_PARENT: 'Перенаправлено в вышестоящую организацию',
	FORWARD_TO_SUBORDINATE: 'Перенаправлено в подведомственную организацию',
	POSTPONE: 'Срок рассмотрения продлён',
	SEND_RESPONSE: 'Ответ направлен',
};

/** Category tree (region 60), as the gateway lists it (sandbox/seed/categories). */
export const POS_SUBJECTS = POS_TREE;

const ORGANIZATION = {
	opaId: 'opa-6005-dedovichi',
	name: 'Администрация Дедовичского района',
	inn: '6005001234',
	oktmo: '58608000',
};

interface Token {
	value: string;
	expiresAt: number;
}

export interface PosEmulatorOptions {
	username?: string;
	password?: string;
	tokenTtlSec?: number;
	/** The "as of" clock of the emulator (ISO); defaults to the district's `now`, or the real time. */
	now?: () => Date;
}

const iso = (d: Date) => `${new Date(d.getTime() + 3 * 3600000).toISOString().slice(0, 19)}+03:00`;

function posError(status: number, code: string, message: string): SandboxResponse {
	return { status, body: { code, message, timestamp: new Date().toISOString() } };
}

export class PosEmulator implements Emulator {
	readonly name = 'pos';
	baseUrl?: string;
	private messages = new Map<string, PosMessage>();
	private tokens = new Map<string, Token>();
	private nextId = 900000;
	private readonly username: string;
	private readonly password: string;
	private readonly ttl: number;
	private readonly now: () => Date;

	constructor(
		private readonly district?: District,
		options: PosEmulatorOptions = {},
	) {
		this.username = options.username ?? 'mcu-dedovichi';
		this.password = options.password ?? 'pos-sandbox-password';
		this.ttl = options.tokenTtlSec ?? 3600;
		this.now = options.now ?? (() => new Date());
		this.reset();
	}

	reset(): void {
		this.messages.clear();
		this.tokens.clear();
		this.nextId = 900000;
		for (const appeal of this.district?.appeals ?? []) {
			if (appeal.channel === 'pos') this.add(fromSeed(appeal, this.district!));
		}
	}

	dump(): unknown {
		return { messages: [...this.messages.values()], nextId: this.nextId };
	}

	load(state: unknown): void {
		const s = state as { messages?: PosMessage[]; nextId?: number };
		this.messages = new Map((s.messages ?? []).map((m) => [m.posId, m]));
		this.nextId = s.nextId ?? this.nextId;
	}

	/** Adds a message (tests and the insert-records fault use it). */
	add(message: PosMessage): PosMessage {
		this.messages.set(message.posId, message);
		return message;
	}

	all(): PosMessage[] {
		return [...this.messages.values()];
	}

	routeOf(req: SandboxRequest): string {
		if (req.path === '/auth/oauth/token') return 'POST /auth/oauth/token';
		if (req.path.startsWith('/inbox-service/')) return 'GET /inbox-service/subjects';
		const m =
			/^\/appeal-service\/external-appeal-system\/appeals(?:\/([^/]+))?(?:\/([a-z-]+))?$/.exec(
				req.path,
			);
		if (!m) return `${req.method} ${req.path}`;
		if (m[2]) return `POST /appeals/{id}/${m[2]}`;
		return m[1] ? 'GET /appeals/{id}' : 'GET /appeals';
	}

	renderFault(fault: Fault): SandboxResponse | undefined {
		if (fault.kind === 'http_429') {
			return {
				status: 429,
				headers: { 'Retry-After': String(fault.retryAfter) },
				body: { code: 'TOO_MANY_REQUESTS', message: 'Превышен лимит запросов' },
			};
		}
		const status = Number(fault.kind.slice(5));
		return {
			status,
			body: { code: 'INTERNAL_ERROR', message: `Сервис временно недоступен (${status})` },
		};
	}

	expireTokens(): void {
		for (const t of this.tokens.values()) t.expiresAt = 0;
	}

	insertRecords(count: number): void {
		for (let i = 0; i < count; i++) {
			const at = iso(this.now());
			this.nextId++;
			this.add({
				...blankMessage(String(this.nextId), at),
				description: `Новое сообщение №${this.nextId}: на ул. Советской не горит фонарь у дома 12.`,
			});
		}
	}

	handle(req: SandboxRequest): SandboxResponse {
		if (req.path === '/auth/oauth/token') return this.token(req);
		const auth = this.authorize(req);
		if (auth) return auth;
		if (req.path === '/inbox-service/subjects/region/60' && req.method === 'GET') {
			return {
				status: 200,
				body: POS_SUBJECTS.map(({ id, name }) => ({ id, name, regionId: 60 })),
			};
		}
		const sub = /^\/inbox-service\/subjects\/(\d+)\/subsubjects$/.exec(req.path);
		if (sub && req.method === 'GET') {
			const subject = POS_SUBJECTS.find((s) => s.id === Number(sub[1]));
			return subject
				? { status: 200, body: subject.subsubjects.map(({ id, name }) => ({ id, name })) }
				: posError(404, 'NOT_FOUND', `Категория ${sub[1]} не найдена`);
		}
		const m =
			/^\/appeal-service\/external-appeal-system\/appeals(?:\/([^/]+))?(?:\/([a-z-]+))?$/.exec(
				req.path,
			);
		if (!m) return posError(404, 'NOT_FOUND', `Нет маршрута ${req.method} ${req.path}`);
		if (!m[1] && req.method === 'GET') return this.list(req);
		const message = m[1] ? this.messages.get(decodeURIComponent(m[1])) : undefined;
		if (!message) return posError(404, 'APPEAL_NOT_FOUND', `Сообщение ${m[1]} не найдено`);
		if (!m[2] && req.method === 'GET') return { status: 200, body: message };
		if (m[2] && req.method === 'POST')
			return this.action(message, m[2], (req.body ?? {}) as Record<string, unknown>);
		return posError(405, 'METHOD_NOT_ALLOWED', `${req.method} не поддерживается`);
	}

	private token(req: SandboxRequest): SandboxResponse {
		const p = {
			...req.params,
			...((req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, string>),
		};
		if (p.grant_type !== 'password')
			return {
				status: 400,
				body: {
					error: 'unsupported_grant_type',
					error_description: 'Поддерживается только grant_type=password',
				},
			};
		if (p.username !== this.username || p.password !== this.password) {
			return {
				status: 401,
				body: { error: 'invalid_grant', error_description: 'Неверное имя пользователя или пароль' },
			};
		}
		const value = randomBytes(16).toString('hex');
		this.tokens.set(value, { value, expiresAt: Date.now() + this.ttl * 1000 });
		return {
			status: 200,
			body: {
				access_token: value,
				token_type: 'bearer',
				expires_in: this.ttl,
				scope: p.scope ?? 'appeals',
			},
		};
	}

	private authorize(req: SandboxRequest): SandboxResponse | undefined {
		const header = String(req.headers.authorization ?? '');
		const m = /^Bearer\s+(\S+)$/i.exec(header);
		if (!m)
			return {
				status: 401,
				body: {
					error: 'unauthorized',
					error_description: 'Требуется заголовок Authorization: Bearer',
				},
			};
		const token = this.tokens.get(m[1]);
		if (!token || token.expiresAt <= Date.now())
			return {
				status: 401,
				body: { error: 'invalid_token', error_description: 'Токен недействителен или истёк' },
			};
		return undefined;
	}

	private list(req: SandboxRequest): SandboxResponse {
		const page = Number(req.query.page ?? 0);
		const size = Number(req.query.size ?? 20);
		if (!Number.isInteger(page) || page < 0)
			return posError(400, 'BAD_REQUEST', 'page должен быть целым числом ≥ 0');
		if (!Number.isInteger(size) || size < 1 || size > 100)
			return posError(400, 'BAD_REQUEST', 'size должен быть от 1 до 100');
		let items = this.all();
		if (req.query.updatedFrom) {
			const from = Date.parse(req.query.updatedFrom);
			if (Number.isNaN(from))
				return posError(
					400,
					'BAD_REQUEST',
					`updatedFrom: не дата ISO 8601 — ${req.query.updatedFrom}`,
				);
			items = items.filter((m) => Date.parse(m.updatedAt) >= from);
		}
		if (req.query.status) {
			const wanted = new Set(req.query.status.split(','));
			items = items.filter((m) => wanted.has(m.status));
		}
		items.sort((a, b) => Date.parse(a.updatedAt) - Date.parse(b.updatedAt) || a.id - b.id);
		const content = items.slice(page * size, page * size + size);
		return {
			status: 200,
			body: {
				content,
				page,
				size,
				totalElements: items.length,
				totalPages: Math.ceil(items.length / size),
			},
		};
	}

	private action(
		message: PosMessage,
		action: string,
		body: Record<string, unknown>,
	): SandboxResponse {
		const at = iso(this.now());
		// An intermediate answer leaves the message open for the final one (and for an extension).
		const lastAnswer = [...message.history].reverse().find((h) => h.status === 'SEND_RESPONSE');
		const open =
			message.status === 'SEND_RESPONSE' && lastAnswer?.answer?.answerType === 'INTERMEDIATE';
		const closed =
			!open &&
			['SEND_RESPONSE', 'MODERATION_DECLINE'].includes(message.status) &&
			action !== 'response';
		const push = (status: string, extra: Partial<PosHistoryEntry> = {}) => {
			message.history.push({
				status,
				statusText: POS_STATUS_TEXT[status],
				createdAt: at,
				createdBy: OPERATOR,
				...extra,
			});
			message.status = status;
			message.statusText = POS_STATUS_TEXT[status];
			message.updatedAt = at;
		};
		if (message.status === 'MODERATION_NEW')
			return posError(409, 'INVALID_STATE', 'Сообщение ещё на модерации');
		if (closed)
			return posError(
				409,
				'INVALID_STATE',
				`Сообщение в статусе ${message.status}: действие «${action}» недоступно`,
			);
		switch (action) {
			case 'take-to-work':
				push('TAKE_TO_WORK');
				break;
			case 'set-executor':
				if (typeof body.executor !== 'string' || !body.executor.trim())
					return posError(400, 'VALIDATION_ERROR', 'executor: обязательное поле');
				push('SET_EXECUTOR', { executor: body.executor });
				break;
			case 'forward':
				if (body.target !== 'parent' && body.target !== 'subordinate')
					return posError(400, 'VALIDATION_ERROR', 'target: parent или subordinate');
				push(body.target === 'parent' ? 'FORWARD_TO_PARENT' : 'FORWARD_TO_SUBORDINATE', {
					answer: { comment: String(body.comment ?? '') },
				});
				break;
			case 'postpone': {
				const date = Date.parse(String(body.newDate ?? ''));
				if (Number.isNaN(date))
					return posError(400, 'VALIDATION_ERROR', 'newDate: обязательная дата ISO 8601');
				if (date <= Date.parse(message.deadline))
					return posError(400, 'VALIDATION_ERROR', 'newDate должна быть позже текущего срока');
				push('POSTPONE', {
					answer: { newDate: String(body.newDate), comment: String(body.comment ?? '') },
				});
				message.deadline = String(body.newDate);
				break;
			}
			case 'response': {
				if (message.status === 'SEND_RESPONSE' && !open)
					return posError(409, 'INVALID_STATE', 'Ответ уже направлен');
				const comment = typeof body.comment === 'string' ? body.comment.trim() : '';
				if (!comment) return posError(400, 'VALIDATION_ERROR', 'comment: текст ответа обязателен');
				const answerType = String(body.answerType ?? '');
				if (!['EXPLAINED', 'SUPPORTED', 'NOT_SUPPORTED', 'INTERMEDIATE'].includes(answerType)) {
					return posError(
						400,
						'VALIDATION_ERROR',
						'answerType: EXPLAINED, SUPPORTED, NOT_SUPPORTED или INTERMEDIATE',
					);
				}
				push('SEND_RESPONSE', {
					answer: { answerType, comment, attachmentIds: (body.attachmentIds as string[]) ?? [] },
				});
				message.answerAt = at;
				break;
			}
			default:
				return posError(404, 'NOT_FOUND', `Неизвестное действие ${action}`);
		}
		return { status: 200, body: message };
	}
}

const OPERATOR = { surname: 'Оператор', name: 'МЦУ', patronymic: '', position: 'Специалист МЦУ' };

function blankMessage(posId: string, at: string): PosMessage {
	const subject = POS_SUBJECTS[2];
	return {
		id: Number(posId),
		posId,
		opaId: ORGANIZATION.opaId,
		regionId: 60,
		fz59: false,
		applicant: {
			surname: 'Новикова',
			name: 'Елена',
			patronymic: 'Викторовна',
			email: 'novikova@example.ru',
			phone: '+79115550000',
			postAddress: 'п. Дедовичи',
		},
		description: '',
		location: { address: 'п. Дедовичи, ул. Советская', lat: 57.55, lon: 29.95 },
		subjectId: subject.id,
		subjectName: subject.name,
		subsubjectId: subject.subsubjects[1].id,
		subsubjectName: subject.subsubjects[1].name,
		attachmentIds: [],
		organizationInfo: ORGANIZATION,
		createdAt: at,
		updatedAt: at,
		status: 'MODERATION_ACCEPT',
		statusText: POS_STATUS_TEXT.MODERATION_ACCEPT,
		answerAt: null,
		deadline: iso(new Date(Date.parse(at) + 30 * 86400000)),
		rating: null,
		history: [
			{ status: 'MODERATION_ACCEPT', statusText: POS_STATUS_TEXT.MODERATION_ACCEPT, createdAt: at },
		],
	};
}

const plusHours = (isoText: string, hours: number) =>
	iso(new Date(Date.parse(isoText) + hours * 3600000));

/** A seeded appeal as the ПОС gateway would hold it, with a history consistent with its answer. */
export function fromSeed(appeal: SeedAppeal, district: District): PosMessage {
	const posId = String(5500000 + appeal.seq);
	const createdAt = appeal.oddities?.includes('bad_date') ? '31.02.2026 25:00' : appeal.createdAt;
	const base = blankMessage(posId, appeal.createdAt);
	const { subject, sub } = posCategoryFor(appeal.seq, appeal.expected.topic);
	const settlement = district.settlements.find((s) => s.id === appeal.settlementId);
	const a = appeal.author;
	const message: PosMessage = {
		...base,
		id: 5500000 + appeal.seq,
		fz59: appeal.kind === 'appeal59',
		applicant: a
			? {
					surname: a.surname,
					name: a.name,
					patronymic: a.patronymic,
					email: a.email,
					phone: a.phone,
					postAddress: settlement?.name ?? '',
				}
			: null,
		description: appeal.oddities?.includes('empty_text') ? '' : appeal.text,
		location: {
			address: appeal.address ?? (settlement ? settlement.name : null),
			lat: null,
			lon: null,
		},
		subjectId: subject.id,
		subjectName: subject.name,
		subsubjectId: sub.id,
		subsubjectName: sub.name,
		createdAt,
		history: [
			{
				status: 'MODERATION_ACCEPT',
				statusText: POS_STATUS_TEXT.MODERATION_ACCEPT,
				createdAt: plusHours(appeal.createdAt, 2),
			},
		],
		rating: appeal.rating ?? null,
	};
	let updatedAt = plusHours(appeal.createdAt, 2);
	if (appeal.takenAt) {
		message.history.push({
			status: 'TAKE_TO_WORK',
			statusText: POS_STATUS_TEXT.TAKE_TO_WORK,
			createdAt: appeal.takenAt,
			createdBy: OPERATOR,
		});
		updatedAt = appeal.takenAt;
		message.status = 'TAKE_TO_WORK';
	}
	if (appeal.answer) {
		const by = appeal.answer.by;
		const [surname, name, patronymic] = by.name.split(' ');
		const createdBy = {
			surname: surname ?? by.name,
			name: name ?? '',
			patronymic: patronymic ?? '',
			position: by.position,
		};
		const early = appeal.answer.intermediate;
		if (early) {
			message.history.push({
				status: 'SEND_RESPONSE',
				statusText: POS_STATUS_TEXT.SEND_RESPONSE,
				createdAt: early.at,
				createdBy,
				answer: { answerType: 'INTERMEDIATE', comment: early.text, attachmentIds: [] },
			});
		}
		message.history.push({
			status: 'SEND_RESPONSE',
			statusText: POS_STATUS_TEXT.SEND_RESPONSE,
			createdAt: appeal.answer.at,
			createdBy,
			answer: {
				answerType: appeal.answer.formal ? 'EXPLAINED' : 'SUPPORTED',
				comment: appeal.answer.text,
				attachmentIds: [],
			},
		});
		message.status = 'SEND_RESPONSE';
		message.answerAt = appeal.answer.at;
		updatedAt = appeal.answer.at;
	} else if (!appeal.takenAt) {
		message.status = 'MODERATION_ACCEPT';
	}
	if (appeal.oddities?.includes('unknown_status')) message.status = 'ARCHIVED_BY_REGION';
	message.statusText = POS_STATUS_TEXT[message.status] ?? 'Неизвестный статус';
	message.updatedAt = updatedAt;
	return message;
}
