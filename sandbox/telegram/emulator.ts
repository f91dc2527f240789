import type { Emulator, Fault, SandboxRequest, SandboxResponse } from '../core/types';
import type { District, SeedAppeal } from '../seed/types';

/**
 * Telegram Bot API emulator (`/bot<token>/<method>`): citizens' private messages to the official bot, comments in
 * the channel's discussion group, channel posts; getUpdates with offset and long polling, setWebhook with
 * `secret_token` delivery (header `X-Telegram-Bot-Api-Secret-Token`) and retries, 409 on getUpdates while a webhook
 * is set, sendMessage, and Telegram's error shape `{ok:false, error_code, description}`.
 */
interface TgUser {
	id: number;
	is_bot: boolean;
	first_name: string;
	last_name?: string;
	username?: string;
}

interface TgChat {
	id: number;
	type: 'private' | 'group' | 'supergroup' | 'channel';
	title?: string;
	username?: string;
	first_name?: string;
}

interface TgMessage {
	message_id: number;
	date: number;
	chat: TgChat;
	from?: TgUser;
	sender_chat?: TgChat;
	text?: string;
	reply_to_message?: TgMessage;
}

export interface TgUpdate {
	update_id: number;
	message?: TgMessage;
	channel_post?: TgMessage;
	edited_message?: TgMessage;
}

interface Webhook {
	url: string;
	secret_token?: string;
	allowed_updates?: string[];
	last_error_message?: string;
	last_error_date?: number;
}

export interface TelegramEmulatorOptions {
	token?: string;
	/** Webhook retries: attempts and base pause (Telegram retries with growing pauses). */
	deliveryAttempts?: number;
	deliveryDelayMs?: number;
}

const BOT: TgUser = {
	id: 7000000001,
	is_bot: true,
	first_name: 'МЦУ Дедовичи',
	username: 'dedovichi_mcu_bot',
};
const CHANNEL: TgChat = {
	id: -1001000000001,
	type: 'channel',
	title: 'Администрация Дедовичского района',
	username: 'dedovichi_adm',
};
const DISCUSSION: TgChat = {
	id: -1001000000002,
	type: 'supergroup',
	title: 'Дедовичи — обсуждение',
	username: 'dedovichi_chat',
};

const tgError = (
	code: number,
	description: string,
	extra: Record<string, unknown> = {},
): SandboxResponse => ({
	status: code,
	body: { ok: false, error_code: code, description, ...extra },
});
const ok = (result: unknown): SandboxResponse => ({ status: 200, body: { ok: true, result } });

export class TelegramEmulator implements Emulator {
	readonly name = 'telegram';
	baseUrl?: string;
	readonly token: string;
	private updates: TgUpdate[] = [];
	private confirmed = 0;
	private nextUpdateId = 1;
	private nextMessageId = 1;
	private webhook: Webhook | null = null;
	private waiters: Array<() => void> = [];
	private sent: TgMessage[] = [];
	/** Webhook deliveries for tests: update id, attempts, delivered. */
	readonly deliveries: Array<{ update_id: number; attempts: number; delivered: boolean }> = [];

	constructor(
		private readonly district?: District,
		private readonly options: TelegramEmulatorOptions = {},
	) {
		this.token = options.token ?? '7000000001:AAsandbox-telegram-token';
		this.reset();
	}

	reset(): void {
		this.updates = [];
		this.confirmed = 0;
		this.nextUpdateId = 1;
		this.nextMessageId = 1;
		this.webhook = null;
		this.sent = [];
		this.deliveries.length = 0;
		const postIds = new Map<number, TgMessage>();
		for (const a of (this.district?.appeals ?? []).filter((x) => x.channel === 'telegram')) {
			const update = this.fromSeed(a, postIds);
			if (update) this.push(update, false);
		}
	}

	dump(): unknown {
		return {
			updates: this.updates,
			confirmed: this.confirmed,
			webhook: this.webhook,
			sent: this.sent,
		};
	}

	load(state: unknown): void {
		const s = state as { updates?: TgUpdate[]; confirmed?: number };
		this.updates = s.updates ?? [];
		this.confirmed = s.confirmed ?? 0;
	}

	/** Messages the bot sent (what citizens received). */
	sentMessages(): TgMessage[] {
		return [...this.sent];
	}

	pending(): TgUpdate[] {
		return this.updates.filter((u) => u.update_id > this.confirmed);
	}

	private fromSeed(a: SeedAppeal, posts: Map<number, TgMessage>): TgUpdate | undefined {
		const date = Math.floor(Date.parse(a.createdAt) / 1000);
		const text = a.oddities?.includes('empty_text') ? undefined : a.text;
		const from: TgUser | undefined = a.author
			? {
					id: a.author.telegramId,
					is_bot: false,
					first_name: a.author.name,
					last_name: a.author.surname,
					...(a.author.telegramUsername ? { username: a.author.telegramUsername } : {}),
				}
			: { id: 800000000 + a.seq, is_bot: false, first_name: 'Житель' };
		if (a.kind === 'comment') {
			const parent = posts.get(a.parentSeq ?? -1);
			const message: TgMessage = {
				message_id: this.nextMessageId++,
				date,
				chat: DISCUSSION,
				from,
				text,
				...(parent ? { reply_to_message: parent } : {}),
			};
			return { update_id: 0, message };
		}
		const message: TgMessage = {
			message_id: this.nextMessageId++,
			date,
			chat: { id: from.id, type: 'private', first_name: from.first_name },
			from,
			text,
		};
		// The channel's own posts citizens comment under: the first direct messages double as them in the discussion.
		posts.set(a.seq, {
			message_id: message.message_id,
			date,
			chat: DISCUSSION,
			sender_chat: CHANNEL,
			text: 'Пост канала администрации',
		});
		return { update_id: 0, message };
	}

	private push(update: TgUpdate, deliver = true): TgUpdate {
		update.update_id = this.nextUpdateId++;
		this.updates.push(update);
		for (const wake of this.waiters.splice(0)) wake();
		if (deliver && this.webhook) void this.deliver(update);
		return update;
	}

	/** A citizen writes to the bot in their private chat (tests: replies to the bot's questions). */
	citizenMessage(
		user: { id: number; first_name: string; last_name?: string },
		text: string,
		replyTo?: TgMessage,
	): TgUpdate {
		const from: TgUser = { is_bot: false, ...user };
		return this.push({
			update_id: 0,
			message: {
				message_id: this.nextMessageId++,
				date: Math.floor(Date.now() / 1000),
				chat: { id: from.id, type: 'private', first_name: from.first_name },
				from,
				text,
				...(replyTo ? { reply_to_message: replyTo } : {}),
			},
		});
	}

	insertRecords(count: number): void {
		for (let i = 0; i < count; i++) {
			const from: TgUser = {
				id: 900000000 + this.nextUpdateId,
				is_bot: false,
				first_name: 'Павел',
				last_name: 'Орлов',
				username: `pavel_${this.nextUpdateId}`,
			};
			this.push({
				update_id: 0,
				message: {
					message_id: this.nextMessageId++,
					date: Math.floor(Date.now() / 1000),
					chat: { id: from.id, type: 'private', first_name: from.first_name },
					from,
					text: `Здравствуйте! В д. Крутец не вывозят мусор, контейнеры переполнены (${i + 1}).`,
				},
			});
		}
	}

	routeOf(req: SandboxRequest): string {
		const m = /^\/bot[^/]+\/(\w+)$/.exec(req.path);
		return m ? m[1] : `${req.method} ${req.path}`;
	}

	renderFault(fault: Fault): SandboxResponse | undefined {
		if (fault.kind === 'http_429')
			return tgError(429, `Too Many Requests: retry after ${fault.retryAfter}`, {
				parameters: { retry_after: fault.retryAfter },
			});
		const code = Number(fault.kind.slice(5));
		return tgError(code, code === 502 ? 'Bad Gateway' : 'Internal Server Error');
	}

	async handle(req: SandboxRequest): Promise<SandboxResponse> {
		const m = /^\/bot([^/]+)\/(\w+)$/.exec(req.path);
		if (!m) return tgError(404, 'Not Found');
		if (m[1] !== this.token) return tgError(401, 'Unauthorized');
		const p = {
			...req.params,
			...((req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>),
		} as Record<string, unknown>;
		switch (m[2]) {
			case 'getMe':
				return ok(BOT);
			case 'getUpdates':
				return this.getUpdates(p);
			case 'sendMessage': {
				const text = typeof p.text === 'string' ? p.text : '';
				if (p.chat_id === undefined || p.chat_id === '')
					return tgError(400, 'Bad Request: chat_id is empty');
				if (!text.trim()) return tgError(400, 'Bad Request: message text is empty');
				if (text.length > 4096) return tgError(400, 'Bad Request: message is too long');
				const chatId = Number(p.chat_id);
				const message: TgMessage = {
					message_id: this.nextMessageId++,
					date: Math.floor(Date.now() / 1000),
					chat: { id: chatId, type: chatId > 0 ? 'private' : 'supergroup' },
					from: BOT,
					text,
				};
				this.sent.push(message);
				return ok(message);
			}
			case 'setWebhook': {
				const url = String(p.url ?? '');
				if (!url) {
					this.webhook = null;
					return ok(true);
				}
				if (!/^https?:\/\//.test(url))
					return tgError(
						400,
						'Bad Request: bad webhook: An HTTPS URL must be provided for webhook',
					);
				if (p.secret_token !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(String(p.secret_token)))
					return tgError(400, 'Bad Request: secret token contains unallowed characters');
				if (p.drop_pending_updates === true || p.drop_pending_updates === 'true')
					this.confirmed = this.nextUpdateId - 1;
				const allowed =
					typeof p.allowed_updates === 'string'
						? (JSON.parse(p.allowed_updates) as string[])
						: (p.allowed_updates as string[] | undefined);
				this.webhook = {
					url,
					secret_token: p.secret_token ? String(p.secret_token) : undefined,
					allowed_updates: allowed,
				};
				for (const u of this.pending()) void this.deliver(u);
				return ok(true);
			}
			case 'deleteWebhook':
				if (p.drop_pending_updates === true || p.drop_pending_updates === 'true')
					this.confirmed = this.nextUpdateId - 1;
				this.webhook = null;
				return ok(true);
			case 'getWebhookInfo':
				return ok({
					url: this.webhook?.url ?? '',
					has_custom_certificate: false,
					pending_update_count: this.pending().length,
					...(this.webhook?.last_error_message
						? {
								last_error_message: this.webhook.last_error_message,
								last_error_date: this.webhook.last_error_date,
							}
						: {}),
					...(this.webhook?.allowed_updates
						? { allowed_updates: this.webhook.allowed_updates }
						: {}),
				});
			default:
				return tgError(404, 'Not Found');
		}
	}

	private async getUpdates(p: Record<string, unknown>): Promise<SandboxResponse> {
		if (this.webhook)
			return tgError(
				409,
				"Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
			);
		const limit = p.limit === undefined ? 100 : Number(p.limit);
		if (!Number.isInteger(limit) || limit < 1 || limit > 100)
			return tgError(400, 'Bad Request: limit must be between 1 and 100');
		if (p.offset !== undefined) {
			const offset = Number(p.offset);
			// Updates below the offset are confirmed and forgotten.
			if (offset > 0)
				this.confirmed = Math.max(this.confirmed, Math.min(offset - 1, this.nextUpdateId - 1));
		}
		const timeout = Math.min(50, Number(p.timeout ?? 0));
		const allowed =
			typeof p.allowed_updates === 'string'
				? (JSON.parse(p.allowed_updates) as string[])
				: (p.allowed_updates as string[] | undefined);
		const select = () =>
			this.pending()
				.filter((u) => !allowed?.length || allowed.some((k) => k in u))
				.slice(0, limit);
		if (!select().length && timeout > 0) {
			await new Promise<void>((resolve) => {
				const timer = setTimeout(resolve, timeout * 1000);
				this.waiters.push(() => {
					clearTimeout(timer);
					resolve();
				});
			});
		}
		return ok(select());
	}

	private async deliver(update: TgUpdate): Promise<void> {
		const hook = this.webhook;
		if (!hook) return;
		if (hook.allowed_updates?.length && !hook.allowed_updates.some((k) => k in update)) return;
		const attempts = this.options.deliveryAttempts ?? 5;
		const delay = this.options.deliveryDelayMs ?? 1000;
		const record = { update_id: update.update_id, attempts: 0, delivered: false };
		this.deliveries.push(record);
		for (let i = 0; i < attempts && !record.delivered && this.webhook === hook; i++) {
			if (i > 0) await new Promise((r) => setTimeout(r, delay * i));
			record.attempts++;
			try {
				const res = await fetch(hook.url, {
					method: 'POST',
					headers: {
						'Content-Type': 'application/json',
						...(hook.secret_token ? { 'X-Telegram-Bot-Api-Secret-Token': hook.secret_token } : {}),
					},
					body: JSON.stringify(update),
					signal: AbortSignal.timeout(10000),
				});
				record.delivered = res.ok;
				if (!res.ok)
					Object.assign(hook, {
						last_error_message: `Wrong response from the webhook: ${res.status}`,
						last_error_date: Math.floor(Date.now() / 1000),
					});
			} catch (error) {
				Object.assign(hook, {
					last_error_message: `Connection refused (${(error as Error).message})`,
					last_error_date: Math.floor(Date.now() / 1000),
				});
			}
		}
		if (record.delivered) this.confirmed = Math.max(this.confirmed, update.update_id);
	}
}
