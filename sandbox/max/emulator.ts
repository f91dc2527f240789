import type { Emulator, Fault, SandboxRequest, SandboxResponse } from '../core/types';
import { MAX_SEED, MAX_SEED_START, type MaxSeedMessage } from '../seed/max';
import type { District } from '../seed/types';

/**
 * MAX Bot API emulator (platform-api2.max.ru): citizens' messages to the official bot in dialogs and in the district's
 * chat where the bot is an administrator; `GET /updates` with `marker` and long polling (`timeout`), webhook
 * subscriptions (`POST/GET/DELETE /subscriptions`) delivering every update as a POST with `X-Max-Bot-Api-Secret`
 * and retrying until it gets 2xx, `POST/GET /messages` (the bot's own messages come back as updates, as in MAX), the
 * token only in the `Authorization` header (401 otherwise), MAX's error shape `{code, message}` and its limit of
 * 30 requests a second (429).
 */
export interface MaxUser {
	user_id: number;
	first_name: string;
	last_name?: string;
	name: string;
	username: string | null;
	is_bot: boolean;
	last_activity_time: number;
}

export interface MaxMessageBody {
	mid: string;
	seq: number;
	text: string | null;
	attachments: unknown[] | null;
}

export interface MaxMessage {
	sender: MaxUser;
	recipient: { chat_id: number; chat_type: 'dialog' | 'chat' | 'channel'; user_id?: number };
	timestamp: number;
	link?: {
		type: 'reply' | 'forward';
		sender?: MaxUser;
		chat_id?: number;
		message: MaxMessageBody;
	} | null;
	body: MaxMessageBody;
	url?: string | null;
}

export interface MaxUpdate {
	update_type: string;
	timestamp: number;
	message?: MaxMessage;
	[key: string]: unknown;
}

interface Stored {
	/** Position in the update log: what `marker` counts. */
	seq: number;
	update: MaxUpdate;
}

interface Subscription {
	url: string;
	time: number;
	update_types: string[] | null;
	secret?: string;
	version: string;
}

export interface MaxDelivery {
	url: string;
	update_type: string;
	mid?: string;
	attempts: number;
	statuses: number[];
	delivered: boolean;
}

export interface MaxEmulatorOptions {
	token?: string;
	/** Requests a second per token before 429 (MAX: 30). */
	rateLimit?: number;
	deliveryAttempts?: number;
	/** Base pause between delivery attempts (grows linearly). */
	deliveryDelayMs?: number;
}

export const MAX_SANDBOX_TOKEN = 'max-sandbox-bot-token-0001';
export const MAX_BOT: MaxUser = {
	user_id: 590000001,
	first_name: 'МЦУ Дедовичи',
	name: 'МЦУ Дедовичи',
	username: 'dedovichi_mcu_bot',
	is_bot: true,
	last_activity_time: 0,
};
/** The district's public chat in MAX; the bot is an administrator with «read all messages». */
export const MAX_DISTRICT_CHAT = {
	chat_id: -71000000001,
	title: 'Дедовичи — жители и администрация',
};
/** A user's dialog with the bot has its own chat id. */
export const dialogChatOf = (userId: number) => 80000000000 + userId;

const UPDATE_TYPES = [
	'message_created',
	'message_edited',
	'message_removed',
	'message_callback',
	'bot_started',
	'bot_added',
	'bot_removed',
	'user_added',
	'user_removed',
	'chat_title_changed',
];
const SECRET = /^[A-Za-z0-9_-]{5,256}$/;

const maxError = (status: number, code: string, message: string): SandboxResponse => ({
	status,
	body: { code, message },
});
const ok = (body: unknown): SandboxResponse => ({ status: 200, body });

export class MaxEmulator implements Emulator {
	readonly name = 'max';
	baseUrl?: string;
	readonly token: string;
	private log: Stored[] = [];
	private confirmed = 0;
	private nextSeq = 1;
	private nextMid = 1;
	private subscriptions = new Map<string, Subscription>();
	private waiters: Array<() => void> = [];
	private parkWaiters: Array<() => void> = [];
	private sent: MaxMessage[] = [];
	private messages: MaxMessage[] = [];
	private window: number[] = [];
	private timers = new Set<NodeJS.Timeout>();
	readonly deliveries: MaxDelivery[] = [];
	/** Webhook deliveries still trying (all their attempts): tests wait for these instead of polling. */
	private readonly pendingDeliveries = new Set<Promise<void>>();

	constructor(
		private readonly district?: District,
		private readonly options: MaxEmulatorOptions = {},
	) {
		this.token = options.token ?? MAX_SANDBOX_TOKEN;
		this.reset();
	}

	reset(): void {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		this.log = [];
		this.confirmed = 0;
		this.nextSeq = 1;
		this.nextMid = 1;
		this.subscriptions.clear();
		this.sent = [];
		this.messages = [];
		this.window = [];
		this.deliveries.length = 0;
		const seeded: MaxMessage[] = [];
		for (const m of MAX_SEED) {
			const message = this.fromSeed(m, seeded);
			seeded.push(message);
			this.push({ update_type: 'message_created', timestamp: message.timestamp, message }, false);
		}
	}

	dump(): unknown {
		return {
			updates: this.log,
			confirmed: this.confirmed,
			subscriptions: [...this.subscriptions.values()].map(publicSubscription),
			sent: this.sent,
			deliveries: this.deliveries,
		};
	}

	load(state: unknown): void {
		const s = state as { updates?: Stored[]; confirmed?: number };
		this.log = s.updates ?? [];
		this.confirmed = s.confirmed ?? 0;
		this.nextSeq = (this.log.at(-1)?.seq ?? 0) + 1;
	}

	/** Messages the bot sent (what citizens and staff received). */
	sentMessages(): MaxMessage[] {
		return [...this.sent];
	}

	/** Updates not confirmed by a marker yet. */
	pending(): MaxUpdate[] {
		return this.log.filter((s) => s.seq > this.confirmed).map((s) => s.update);
	}

	/** Resolves when a long-poll request is parked at the emulator (now, or as soon as one arrives). */
	pollerParked(): Promise<void> {
		if (this.waiters.length) return Promise.resolve();
		return new Promise((resolve) => this.parkWaiters.push(resolve));
	}

	subscriptionUrls(): string[] {
		return [...this.subscriptions.keys()];
	}

	/** Seeded messages of the district (what the bot received), oldest first. */
	seededCount(): number {
		return MAX_SEED.length;
	}

	private user(u: MaxSeedMessage['user']): MaxUser {
		const name = [u.first_name, u.last_name].filter(Boolean).join(' ');
		return {
			user_id: u.user_id,
			first_name: u.first_name,
			...(u.last_name ? { last_name: u.last_name } : {}),
			name,
			username: u.username ?? null,
			is_bot: false,
			last_activity_time: MAX_SEED_START,
		};
	}

	private body(text: string | null, attachments: unknown[] | null = null): MaxMessageBody {
		const seq = this.nextMid++;
		return {
			mid: `mid.${(0x5a000000 + seq).toString(16)}${String(seq).padStart(8, '0')}`,
			seq,
			text,
			attachments,
		};
	}

	private fromSeed(m: MaxSeedMessage, earlier: MaxMessage[]): MaxMessage {
		const sender = this.user(m.user);
		const parent = m.replyTo !== undefined ? earlier[m.replyTo] : undefined;
		const recipient =
			m.chat === 'chat'
				? { chat_id: MAX_DISTRICT_CHAT.chat_id, chat_type: 'chat' as const }
				: {
						chat_id: dialogChatOf(sender.user_id),
						chat_type: 'dialog' as const,
						user_id: MAX_BOT.user_id,
					};
		// Empty text stays as sent: the normalizer must name the field rather than invent a message.
		const body = this.body(
			m.text ?? null,
			m.attachment
				? [
						{
							type: 'image',
							payload: { photo_id: 1000 + m.minute, url: 'https://i.oneme.ru/i?r=sandbox' },
						},
					]
				: null,
		);
		const message: MaxMessage = {
			sender,
			recipient,
			timestamp: MAX_SEED_START + m.minute * 60000,
			body,
			...(parent
				? {
						link: {
							type: 'reply',
							sender: parent.sender,
							chat_id: parent.recipient.chat_id,
							message: parent.body,
						},
					}
				: {}),
		};
		this.messages.push(message);
		return message;
	}

	/** Resolves when every webhook delivery started so far has ended (delivered or out of attempts). */
	async deliveriesSettled(): Promise<void> {
		while (this.pendingDeliveries.size) await Promise.all([...this.pendingDeliveries]);
	}

	private push(update: MaxUpdate, deliver = true): MaxUpdate {
		this.log.push({ seq: this.nextSeq++, update });
		for (const wake of this.waiters.splice(0)) wake();
		if (deliver)
			for (const sub of this.subscriptions.values()) {
				const pending = this.deliver(sub, update).finally(() =>
					this.pendingDeliveries.delete(pending),
				);
				this.pendingDeliveries.add(pending);
			}
		return update;
	}

	/** A citizen writes to the bot (in their dialog) or in the district's chat. */
	citizenMessage(
		user: { user_id: number; first_name: string; last_name?: string; username?: string },
		text: string,
		options: { chat?: boolean; replyTo?: MaxMessage } = {},
	): MaxUpdate {
		const sender = this.user(user);
		const recipient = options.chat
			? { chat_id: MAX_DISTRICT_CHAT.chat_id, chat_type: 'chat' as const }
			: {
					chat_id: dialogChatOf(sender.user_id),
					chat_type: 'dialog' as const,
					user_id: MAX_BOT.user_id,
				};
		const message: MaxMessage = {
			sender,
			recipient,
			timestamp: Date.now(),
			body: this.body(text),
			...(options.replyTo
				? {
						link: {
							type: 'reply',
							sender: options.replyTo.sender,
							chat_id: options.replyTo.recipient.chat_id,
							message: options.replyTo.body,
						},
					}
				: {}),
		};
		this.messages.push(message);
		return this.push({ update_type: 'message_created', timestamp: message.timestamp, message });
	}

	insertRecords(count: number): void {
		for (let i = 0; i < count; i++) {
			this.citizenMessage(
				{ user_id: 620000 + this.nextSeq, first_name: 'Павел', last_name: 'Орлов' },
				`Здравствуйте, в Крутце не вывозят мусор, баки полные уже неделю (${i + 1})`,
			);
		}
	}

	routeOf(req: SandboxRequest): string {
		return `${req.method} ${req.path.replace(/^\/messages\/[^/]+$/, '/messages/:id')}`;
	}

	renderFault(fault: Fault): SandboxResponse | undefined {
		if (fault.kind === 'http_429')
			return {
				...maxError(429, 'too.many.requests', 'Too many requests'),
				headers: { 'retry-after': String(fault.retryAfter) },
			};
		// An API error the request itself caused (a refused part, a bad marker): `code` is the HTTP status.
		if (fault.kind === 'api_error')
			return maxError(fault.code ?? 400, 'proto.payload', 'Injected error');
		if (fault.kind === 'http_503')
			return maxError(503, 'service.unavailable', 'Service unavailable');
		if (fault.kind === 'http_502')
			return {
				status: 502,
				headers: { 'content-type': 'text/html' },
				body: '<html><body>502 Bad Gateway</body></html>',
			};
		return maxError(500, 'internal.error', 'Internal server error');
	}

	/** Sliding one-second window per token, like MAX's 30 requests a second. */
	private overLimit(): boolean {
		const now = Date.now();
		while (this.window.length && now - this.window[0] >= 1000) this.window.shift();
		if (this.window.length >= (this.options.rateLimit ?? 30)) return true;
		this.window.push(now);
		return false;
	}

	async handle(req: SandboxRequest): Promise<SandboxResponse> {
		// MAX stopped accepting the token as a query parameter: only the header counts.
		const auth = req.headers.authorization;
		if (typeof auth !== 'string' || auth !== this.token)
			return maxError(401, 'verify.token', 'Invalid access_token');
		if (this.overLimit()) return maxError(429, 'too.many.requests', 'Too many requests');
		const route = this.routeOf(req);
		const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<
			string,
			unknown
		>;
		switch (route) {
			case 'GET /me':
				return ok({ ...MAX_BOT, description: 'Официальный бот администрации Дедовичского района' });
			case 'GET /updates':
				return this.getUpdates(req.query);
			case 'GET /subscriptions':
				return ok({ subscriptions: [...this.subscriptions.values()].map(publicSubscription) });
			case 'POST /subscriptions': {
				const url = typeof body.url === 'string' ? body.url : '';
				if (!/^https?:\/\/\S+$/.test(url))
					return maxError(400, 'proto.payload', 'url: must be a valid HTTPS URL');
				if (
					body.secret !== undefined &&
					(typeof body.secret !== 'string' || !SECRET.test(body.secret))
				)
					return maxError(400, 'proto.payload', 'secret: must match [A-Za-z0-9_-]{5,256}');
				const types = Array.isArray(body.update_types) ? body.update_types.map(String) : null;
				if (types?.some((t) => !UPDATE_TYPES.includes(t)))
					return maxError(400, 'proto.payload', `update_types: unknown type`);
				this.subscriptions.set(url, {
					url,
					time: Date.now(),
					update_types: types?.length ? types : null,
					secret: body.secret as string | undefined,
					version: String(body.version ?? '0.0.1'),
				});
				return ok({ success: true });
			}
			case 'DELETE /subscriptions': {
				const url = req.query.url ?? '';
				if (!url) return maxError(400, 'proto.payload', 'url: required');
				this.subscriptions.delete(url);
				return ok({ success: true });
			}
			case 'POST /messages':
				return this.sendMessage(req.query, body);
			case 'GET /messages': {
				const ids = req.query.message_ids?.split(',').filter(Boolean);
				const chatId = req.query.chat_id !== undefined ? Number(req.query.chat_id) : undefined;
				if (!ids && chatId === undefined)
					return maxError(400, 'proto.payload', 'chat_id or message_ids: required');
				const count = Math.min(100, Math.max(1, Number(req.query.count ?? 50) || 50));
				const found = this.messages.filter((m) =>
					ids ? ids.includes(m.body.mid) : m.recipient.chat_id === chatId,
				);
				return ok({ messages: found.reverse().slice(0, count) });
			}
			case 'GET /messages/:id': {
				const mid = decodeURIComponent(req.path.slice('/messages/'.length));
				const message = this.messages.find((m) => m.body.mid === mid);
				return message ? ok(message) : maxError(404, 'not.found', 'Message not found');
			}
			default:
				return maxError(404, 'not.found', `Path ${req.path} is not recognized`);
		}
	}

	private sendMessage(
		query: Record<string, string>,
		body: Record<string, unknown>,
	): SandboxResponse {
		let recipient: MaxMessage['recipient'];
		if (query.user_id !== undefined) {
			const userId = Number(query.user_id);
			if (!Number.isSafeInteger(userId))
				return maxError(400, 'proto.payload', 'user_id: must be a number');
			recipient = { chat_id: dialogChatOf(userId), chat_type: 'dialog', user_id: userId };
		} else if (query.chat_id !== undefined) {
			const chatId = Number(query.chat_id);
			if (!Number.isSafeInteger(chatId))
				return maxError(400, 'proto.payload', 'chat_id: must be a number');
			recipient = {
				chat_id: chatId,
				chat_type: chatId === MAX_DISTRICT_CHAT.chat_id ? 'chat' : 'dialog',
			};
		} else return maxError(400, 'proto.payload', 'user_id or chat_id: required');
		const text = typeof body.text === 'string' ? body.text : null;
		const attachments = Array.isArray(body.attachments) ? body.attachments : null;
		if (!text?.trim() && !attachments?.length)
			return maxError(400, 'proto.payload', 'text: must not be empty');
		if (text && text.length > 4000)
			return maxError(400, 'proto.payload', 'text: size must be between 0 and 4000');
		if (
			body.format !== undefined &&
			body.format !== null &&
			body.format !== 'markdown' &&
			body.format !== 'html'
		)
			return maxError(400, 'proto.payload', 'format: must be markdown or html');
		let link: MaxMessage['link'] = null;
		const requested = body.link as { type?: string; mid?: string } | undefined;
		if (requested) {
			const parent = this.messages.find((m) => m.body.mid === requested.mid);
			if (!parent || (requested.type !== 'reply' && requested.type !== 'forward'))
				return maxError(400, 'proto.payload', 'link: message not found');
			link = {
				type: requested.type,
				sender: parent.sender,
				chat_id: parent.recipient.chat_id,
				message: parent.body,
			};
		}
		const message: MaxMessage = {
			sender: MAX_BOT,
			recipient,
			timestamp: Date.now(),
			body: this.body(text, attachments),
			...(link ? { link } : {}),
		};
		this.sent.push(message);
		this.messages.push(message);
		// The bot sees its own messages as updates: the node and the trigger must skip them.
		this.push({ update_type: 'message_created', timestamp: message.timestamp, message });
		return ok({ message });
	}

	private async getUpdates(q: Record<string, string>): Promise<SandboxResponse> {
		const limit = q.limit === undefined ? 100 : Number(q.limit);
		if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
			return maxError(400, 'proto.payload', 'limit: must be between 1 and 1000');
		const timeout = q.timeout === undefined ? 30 : Number(q.timeout);
		if (!Number.isInteger(timeout) || timeout < 0 || timeout > 90)
			return maxError(400, 'proto.payload', 'timeout: must be between 0 and 90');
		let after = this.confirmed;
		if (q.marker !== undefined && q.marker !== '') {
			const marker = Number(q.marker);
			if (!Number.isSafeInteger(marker) || marker < 0)
				return maxError(400, 'proto.payload', 'marker: must be a number');
			// Sending a marker confirms every update up to it: MAX forgets them.
			this.confirmed = Math.max(this.confirmed, Math.min(marker, this.nextSeq - 1));
			after = Math.max(marker, this.confirmed);
		}
		const types = q.types ? q.types.split(',').filter(Boolean) : undefined;
		const select = () =>
			this.log
				.filter((s) => s.seq > after && (!types || types.includes(s.update.update_type)))
				.slice(0, limit);
		if (!select().length && timeout > 0) {
			await new Promise<void>((resolve) => {
				const timer = setTimeout(() => {
					this.timers.delete(timer);
					resolve();
				}, timeout * 1000);
				this.timers.add(timer);
				this.waiters.push(() => {
					clearTimeout(timer);
					this.timers.delete(timer);
					resolve();
				});
				for (const parked of this.parkWaiters.splice(0)) parked();
			});
		}
		const page = select();
		return ok({
			updates: page.map((s) => s.update),
			marker: page.length ? page[page.length - 1].seq : after,
		});
	}

	private async deliver(sub: Subscription, update: MaxUpdate): Promise<void> {
		if (sub.update_types && !sub.update_types.includes(update.update_type)) return;
		const attempts = this.options.deliveryAttempts ?? 5;
		const delay = this.options.deliveryDelayMs ?? 1000;
		const record: MaxDelivery = {
			url: sub.url,
			update_type: update.update_type,
			mid: update.message?.body.mid,
			attempts: 0,
			statuses: [],
			delivered: false,
		};
		this.deliveries.push(record);
		for (
			let i = 0;
			i < attempts && !record.delivered && this.subscriptions.get(sub.url) === sub;
			i++
		) {
			if (i > 0) {
				await new Promise<void>((resolve) => {
					const timer = setTimeout(() => {
						this.timers.delete(timer);
						resolve();
					}, delay * i);
					this.timers.add(timer);
				});
			}
			record.attempts++;
			try {
				const res = await fetch(sub.url, {
					method: 'POST',
					headers: {
						'Content-Type': 'application/json',
						...(sub.secret ? { 'X-Max-Bot-Api-Secret': sub.secret } : {}),
					},
					body: JSON.stringify(update),
					signal: AbortSignal.timeout(10000),
				});
				await res.arrayBuffer().catch(() => undefined);
				record.statuses.push(res.status);
				record.delivered = res.ok;
			} catch {
				record.statuses.push(0);
			}
		}
	}
}

function publicSubscription(s: Subscription): Record<string, unknown> {
	// MAX never shows the secret back.
	return { url: s.url, time: s.time, update_types: s.update_types, version: s.version };
}
