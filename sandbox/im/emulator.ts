import type { Emulator, Fault, SandboxRequest, SandboxResponse } from '../core/types';
import { imCategoryFor } from '../seed/categories';
import type { District, SeedAppeal } from '../seed/types';

/**
 * «Инцидент-менеджмент» REST adapter emulator: incidents registered by the regional ЦУР from social posts, with the
 * link to the post, the author, status and deadline; actions take, assign an executor, forward to another
 * organization, answer (published back to the author) and reject.
 * No public API exists (domain.md §2): this is the shape our configurable adapter expects, with a static API token.
 */
export interface Incident {
	id: string;
	url: string;
	sourceNetwork: 'vk' | 'ok' | 'telegram';
	postUrl: string;
	author: { name: string | null; profileUrl: string | null };
	text: string;
	address: string | null;
	category: string | null;
	status: 'new' | 'in_work' | 'answered' | 'rejected' | 'closed' | string;
	deadline: string;
	createdAt: string;
	updatedAt: string;
	takenAt: string | null;
	executor: string | null;
	/** Organization it was forwarded to (out of the district's competence), with the comment. */
	forwardedTo: { organization: string; comment: string | null } | null;
	answer: { text: string; publishedAt: string; publishedUrl: string } | null;
	rejectReason: string | null;
	rating: number | null;
}

const HOUR = 3600000;
const iso = (ms: number) => `${new Date(ms + 3 * HOUR).toISOString().slice(0, 19)}+03:00`;

/** First reaction within 8 office hours (9–18, Monday–Friday; no holiday calendar here — the node computes its own). */
export function imDeadline(createdIso: string): string {
	let t = Date.parse(createdIso);
	let left = 8 * HOUR;
	for (let guard = 0; guard < 1000 && left > 0; guard++) {
		const local = new Date(t + 3 * HOUR);
		const day = local.getUTCDay();
		const minutes = local.getUTCHours() * 60 + local.getUTCMinutes();
		const dayStart = t - minutes * 60000;
		if (day === 0 || day === 6 || minutes >= 18 * 60) {
			t = dayStart + 24 * HOUR + 9 * HOUR;
			continue;
		}
		if (minutes < 9 * 60) t = dayStart + 9 * HOUR;
		const available = dayStart + 18 * HOUR - t;
		if (left <= available) return iso(t + left);
		left -= available;
		t = dayStart + 24 * HOUR + 9 * HOUR;
	}
	return iso(t);
}

function imError(status: number, code: string, message: string): SandboxResponse {
	return { status, body: { error: { code, message } } };
}

export class ImEmulator implements Emulator {
	readonly name = 'im';
	baseUrl?: string;
	private incidents = new Map<string, Incident>();
	private tokens: Set<string>;
	private counter = 0;

	constructor(
		private readonly district?: District,
		private readonly options: { token?: string } = {},
	) {
		this.tokens = new Set([options.token ?? 'im-sandbox-token']);
		this.reset();
	}

	reset(): void {
		this.incidents.clear();
		this.tokens = new Set([this.options.token ?? 'im-sandbox-token']);
		this.counter = 0;
		for (const a of this.district?.appeals ?? []) if (a.channel === 'im') this.add(fromSeed(a));
	}

	dump(): unknown {
		return { incidents: [...this.incidents.values()] };
	}

	load(state: unknown): void {
		this.incidents = new Map(
			((state as { incidents?: Incident[] }).incidents ?? []).map((i) => [i.id, i]),
		);
	}

	add(incident: Incident): Incident {
		this.incidents.set(incident.id, incident);
		return incident;
	}

	all(): Incident[] {
		return [...this.incidents.values()];
	}

	routeOf(req: SandboxRequest): string {
		const m = /^\/api\/v1\/incidents(?:\/([^/]+))?(?:\/(take|assign|forward|answer|reject))?$/.exec(
			req.path,
		);
		if (!m) return `${req.method} ${req.path}`;
		if (m[2]) return `POST /incidents/{id}/${m[2]}`;
		return m[1] ? 'GET /incidents/{id}' : 'GET /incidents';
	}

	renderFault(fault: Fault): SandboxResponse | undefined {
		if (fault.kind === 'http_429')
			return {
				status: 429,
				headers: { 'Retry-After': String(fault.retryAfter) },
				body: { error: { code: 'RATE_LIMIT', message: 'Слишком много запросов' } },
			};
		return imError(Number(fault.kind.slice(5)), 'UNAVAILABLE', 'Сервис временно недоступен');
	}

	expireTokens(): void {
		this.tokens.clear();
	}

	insertRecords(count: number): void {
		for (let i = 0; i < count; i++) {
			this.counter++;
			const created = iso(Date.now());
			this.add({
				id: `INC-NEW-${this.counter}`,
				url: `https://im.example/incidents/INC-NEW-${this.counter}`,
				sourceNetwork: 'vk',
				postUrl: `https://vk.com/wall-218000001_${90000 + this.counter}`,
				author: { name: 'Мария Соколова', profileUrl: 'https://vk.com/id700' },
				text: `Новый инцидент ${this.counter}: в д. Вязье упало дерево на провода, нет света`,
				address: 'д. Вязье',
				category: 'Электроснабжение',
				status: 'new',
				deadline: imDeadline(created),
				createdAt: created,
				updatedAt: created,
				takenAt: null,
				executor: null,
				forwardedTo: null,
				answer: null,
				rejectReason: null,
				rating: null,
			});
		}
	}

	handle(req: SandboxRequest): SandboxResponse {
		const token = /^Bearer\s+(\S+)$/i.exec(String(req.headers.authorization ?? ''))?.[1];
		if (!token || !this.tokens.has(token))
			return imError(401, 'UNAUTHORIZED', 'Неверный или отсутствующий токен API');
		const m = /^\/api\/v1\/incidents(?:\/([^/]+))?(?:\/(take|assign|forward|answer|reject))?$/.exec(
			req.path,
		);
		if (!m) return imError(404, 'NOT_FOUND', `Нет маршрута ${req.path}`);
		if (!m[1] && req.method === 'GET') return this.list(req);
		const incident = m[1] ? this.incidents.get(decodeURIComponent(m[1])) : undefined;
		if (!incident) return imError(404, 'NOT_FOUND', `Инцидент ${m[1]} не найден`);
		if (!m[2] && req.method === 'GET') return { status: 200, body: incident };
		if (m[2] && req.method === 'POST')
			return this.action(incident, m[2], (req.body ?? {}) as Record<string, unknown>);
		return imError(405, 'METHOD_NOT_ALLOWED', req.method);
	}

	private list(req: SandboxRequest): SandboxResponse {
		const page = Number(req.query.page ?? 0);
		const size = Number(req.query.size ?? 50);
		if (!Number.isInteger(page) || page < 0 || !Number.isInteger(size) || size < 1 || size > 100) {
			return imError(400, 'BAD_REQUEST', 'page ≥ 0, size от 1 до 100');
		}
		let items = this.all();
		if (req.query.updatedSince) {
			const since = Date.parse(req.query.updatedSince);
			if (Number.isNaN(since))
				return imError(400, 'BAD_REQUEST', `updatedSince: не дата — ${req.query.updatedSince}`);
			items = items.filter((i) => Date.parse(i.updatedAt) >= since);
		}
		if (req.query.status) {
			const wanted = new Set(req.query.status.split(','));
			items = items.filter((i) => wanted.has(i.status));
		}
		items.sort(
			(a, b) => Date.parse(a.updatedAt) - Date.parse(b.updatedAt) || a.id.localeCompare(b.id),
		);
		return {
			status: 200,
			body: {
				items: items.slice(page * size, page * size + size),
				page,
				size,
				total: items.length,
				totalPages: Math.ceil(items.length / size),
			},
		};
	}

	private action(
		incident: Incident,
		action: string,
		body: Record<string, unknown>,
	): SandboxResponse {
		const now = iso(Date.now());
		if (['answered', 'rejected', 'closed', 'forwarded'].includes(incident.status))
			return imError(409, 'INVALID_STATE', `Инцидент в статусе ${incident.status}`);
		if (action === 'take') {
			incident.status = 'in_work';
			incident.takenAt = now;
			if (typeof body.executor === 'string') incident.executor = body.executor;
		} else if (action === 'assign') {
			const executor = typeof body.executor === 'string' ? body.executor.trim() : '';
			if (!executor) return imError(400, 'VALIDATION_ERROR', 'executor: исполнитель обязателен');
			incident.executor = executor;
			incident.status = 'in_work';
			incident.takenAt ??= now;
		} else if (action === 'forward') {
			const organization = typeof body.organization === 'string' ? body.organization.trim() : '';
			if (!organization)
				return imError(400, 'VALIDATION_ERROR', 'organization: организация обязательна');
			incident.status = 'forwarded';
			incident.forwardedTo = {
				organization,
				comment:
					typeof body.comment === 'string' && body.comment.trim() ? body.comment.trim() : null,
			};
		} else if (action === 'answer') {
			const text = typeof body.text === 'string' ? body.text.trim() : '';
			if (!text) return imError(400, 'VALIDATION_ERROR', 'text: текст ответа обязателен');
			incident.status = 'answered';
			incident.takenAt ??= now;
			incident.answer = {
				text,
				publishedAt: now,
				publishedUrl: `${incident.postUrl}?reply=${Date.now() % 100000}`,
			};
		} else {
			const reason = typeof body.reason === 'string' ? body.reason.trim() : '';
			if (!reason)
				return imError(400, 'VALIDATION_ERROR', 'reason: причина отклонения обязательна');
			incident.status = 'rejected';
			incident.rejectReason = reason;
		}
		incident.updatedAt = now;
		return { status: 200, body: incident };
	}
}

export function fromSeed(a: SeedAppeal): Incident {
	const network = a.origin?.network ?? 'vk';
	const created = a.oddities?.includes('bad_date') ? 'вчера вечером' : a.createdAt;
	const author = a.author ? `${a.author.name} ${a.author.surname}` : null;
	const profile = a.author
		? network === 'vk'
			? `https://vk.com/id${a.author.vkId}`
			: network === 'ok'
				? `https://ok.ru/profile/${a.author.okId}`
				: `https://t.me/${a.author.telegramUsername ?? a.author.telegramId}`
		: null;
	const answered = a.answer;
	let updated = a.createdAt;
	if (a.takenAt) updated = a.takenAt;
	if (answered) updated = answered.at;
	return {
		id: `INC-${String(a.seq).padStart(5, '0')}`,
		url: `https://im.example/incidents/INC-${String(a.seq).padStart(5, '0')}`,
		sourceNetwork: network,
		postUrl: a.origin?.postUrl ?? `https://vk.com/wall-218000001_${a.seq}`,
		author: { name: author, profileUrl: profile },
		text: a.oddities?.includes('empty_text') ? '' : a.text,
		address: a.address ?? null,
		category: imCategoryFor(a.seq, a.expected.topic),
		status: a.oddities?.includes('unknown_status')
			? 'escalated_to_region'
			: answered
				? 'answered'
				: a.takenAt
					? 'in_work'
					: 'new',
		deadline: imDeadline(a.createdAt),
		createdAt: created,
		updatedAt: updated,
		takenAt: a.takenAt ?? null,
		executor: null,
		forwardedTo: null,
		answer: answered
			? {
					text: answered.text,
					publishedAt: answered.at,
					publishedUrl: `${a.origin?.postUrl ?? ''}?reply=${a.seq}`,
				}
			: null,
		rejectReason: null,
		rating: a.rating ?? null,
	};
}
