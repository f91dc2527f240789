import { randomBytes } from 'node:crypto';
import type { Emulator, Fault, SandboxRequest, SandboxResponse } from '../core/types';
import type { District, SeedAppeal, SeedPerson } from '../seed/types';

/**
 * VK API emulator (`/method/<name>`, v 5.199): the community wall with citizens' posts and comments, newsfeed search,
 * replies and messages, Bots Long Poll, and Callback API delivery with confirmation, `secret` and VK-like retries.
 * Errors come in VK's envelope with HTTP 200: 5 auth, 6/9/29 rate limits, 8/100 bad parameters, 15/27 access.
 */
interface Post {
	id: number;
	owner_id: number;
	from_id: number;
	date: number;
	text: string;
	post_type: 'post';
	comments: { count: number };
}

interface Comment {
	id: number;
	owner_id: number;
	post_id: number;
	from_id: number;
	date: number;
	text: string;
	parents_stack: number[];
	reply_to_comment?: number;
}

interface Profile {
	id: number;
	first_name: string;
	last_name: string;
	deactivated?: string;
}

interface VkEvent {
	type: 'wall_reply_new' | 'wall_post_new' | 'message_new';
	object: unknown;
	group_id: number;
	event_id: string;
	v: string;
}

interface CallbackServer {
	id: number;
	url: string;
	title: string;
	secret_key: string;
	status: 'unconfigured' | 'ok' | 'failed' | 'wait';
	events: Record<string, number>;
}

export interface VkEmulatorOptions {
	groupToken?: string;
	userToken?: string;
	/** Callback API retries: attempts and the pause between them (VK: several attempts with growing pauses). */
	callbackAttempts?: number;
	callbackDelayMs?: number;
}

const unix = (iso: string) => Math.floor(Date.parse(iso) / 1000);

function vkError(code: number, msg: string, params: Record<string, string>): SandboxResponse {
	const request_params = Object.entries(params)
		.filter(([k]) => k !== 'access_token')
		.map(([key, value]) => ({ key, value }));
	return { status: 200, body: { error: { error_code: code, error_msg: msg, request_params } } };
}

export class VkEmulator implements Emulator {
	readonly name = 'vk';
	baseUrl?: string;
	readonly groupId: number;
	private posts: Post[] = [];
	private comments: Comment[] = [];
	private profiles = new Map<number, Profile>();
	private events: VkEvent[] = [];
	private waiters: Array<() => void> = [];
	private lpKey = '';
	private callbackServers: CallbackServer[] = [];
	private callbackWaiters: Array<(url: string) => void> = [];
	/** Callback API deliveries under way (attempts and their records), for tests to wait on. */
	private pendingDeliveries = new Set<Promise<void>>();
	private readonly confirmationCode = 'a1b2c3d4';
	private sentMessages: Array<{ peer_id: number; message: string; random_id: number; id: number }> =
		[];
	/** Callback deliveries, for tests: event id, attempts, final status. */
	readonly deliveries: Array<{ event_id: string; attempts: number; delivered: boolean }> = [];
	private nextId = 100000;
	private tokens: Map<string, 'group' | 'user'>;

	constructor(
		private readonly district?: District,
		private readonly options: VkEmulatorOptions = {},
	) {
		this.groupId = district?.vkGroupId ?? 218000001;
		this.tokens = new Map();
		this.reset();
	}

	reset(): void {
		this.tokens = new Map([
			[this.options.groupToken ?? 'vk-group-token', 'group'],
			[this.options.userToken ?? 'vk-user-token', 'user'],
		]);
		this.posts = [];
		this.comments = [];
		this.profiles.clear();
		this.events = [];
		this.callbackServers = [];
		this.sentMessages = [];
		this.deliveries.length = 0;
		this.lpKey = randomBytes(8).toString('hex');
		this.nextId = 100000;
		const postIdBySeq = new Map<number, number>();
		const appeals = (this.district?.appeals ?? []).filter((a) => a.channel === 'vk');
		for (const a of appeals.filter((x) => x.kind === 'post')) {
			const post = this.addPost(
				this.fromId(a),
				unix(a.createdAt),
				a.oddities?.includes('empty_text') ? '' : a.text,
				false,
			);
			postIdBySeq.set(a.seq, post.id);
		}
		for (const a of appeals.filter((x) => x.kind === 'comment')) {
			const postId = postIdBySeq.get(a.parentSeq ?? -1);
			if (postId === undefined) continue;
			const date = a.oddities?.includes('bad_date') ? 0 : unix(a.createdAt);
			const comment = this.addComment(
				postId,
				this.fromId(a),
				date,
				a.oddities?.includes('empty_text') ? '' : a.text,
				false,
			);
			// Answered comments carry the community's reply in their thread, as ЦУР/МЦУ answer in VK.
			if (a.answer)
				this.addComment(postId, -this.groupId, unix(a.answer.at), a.answer.text, false, comment.id);
		}
	}

	dump(): unknown {
		return {
			posts: this.posts,
			comments: this.comments,
			profiles: [...this.profiles.values()],
			events: this.events,
			messages: this.sentMessages,
		};
	}

	load(state: unknown): void {
		const s = state as {
			posts?: Post[];
			comments?: Comment[];
			profiles?: Profile[];
			events?: VkEvent[];
		};
		this.posts = s.posts ?? [];
		this.comments = s.comments ?? [];
		this.profiles = new Map((s.profiles ?? []).map((p) => [p.id, p]));
		this.events = s.events ?? [];
	}

	/** Messages the community sent (what a citizen would receive). */
	messages() {
		return [...this.sentMessages];
	}

	/** URLs of the Callback API servers registered by clients (tests: where VK would deliver events). */
	callbackServerUrls(): string[] {
		return this.callbackServers.map((s) => s.url);
	}

	/** Resolves when every Callback API delivery begun so far has ended (delivered or out of attempts), as MAX's does. */
	async deliveriesSettled(): Promise<void> {
		while (this.pendingDeliveries.size) await Promise.all([...this.pendingDeliveries]);
	}

	/** Resolves with the URL of the first Callback API server a client registers (tests wait for it, not for time). */
	callbackServerRegistered(): Promise<string> {
		const first = this.callbackServers[0];
		if (first) return Promise.resolve(first.url);
		return new Promise((resolve) => this.callbackWaiters.push(resolve));
	}

	allComments(): Comment[] {
		return [...this.comments];
	}

	private fromId(a: SeedAppeal): number {
		if (a.author) return this.profile(a.author);
		// Anonymous: a deleted account, as VK shows it.
		const id = 999000000 + a.seq;
		this.profiles.set(id, { id, first_name: 'DELETED', last_name: '', deactivated: 'deleted' });
		return id;
	}

	private profile(p: SeedPerson): number {
		this.profiles.set(p.vkId, { id: p.vkId, first_name: p.name, last_name: p.surname });
		return p.vkId;
	}

	private addPost(fromId: number, date: number, text: string, notify: boolean): Post {
		const post: Post = {
			id: ++this.nextId,
			owner_id: -this.groupId,
			from_id: fromId,
			date,
			text,
			post_type: 'post',
			comments: { count: 0 },
		};
		this.posts.push(post);
		if (notify) this.emit('wall_post_new', post);
		return post;
	}

	private addComment(
		postId: number,
		fromId: number,
		date: number,
		text: string,
		notify: boolean,
		replyTo?: number,
	): Comment {
		const comment: Comment = {
			id: ++this.nextId,
			owner_id: -this.groupId,
			post_id: postId,
			from_id: fromId,
			date,
			text,
			parents_stack: replyTo ? [replyTo] : [],
			...(replyTo ? { reply_to_comment: replyTo } : {}),
		};
		this.comments.push(comment);
		const post = this.posts.find((p) => p.id === postId);
		if (post) post.comments.count++;
		if (notify) this.emit('wall_reply_new', comment);
		return comment;
	}

	private emit(type: VkEvent['type'], object: unknown): void {
		const event: VkEvent = {
			type,
			object,
			group_id: this.groupId,
			event_id: randomBytes(20).toString('hex'),
			v: '5.199',
		};
		this.events.push(event);
		for (const wake of this.waiters.splice(0)) wake();
		const pending = this.deliver(event).finally(() => this.pendingDeliveries.delete(pending));
		this.pendingDeliveries.add(pending);
	}

	/** A citizen comments under a post, optionally replying to a comment (tests: replies to the community's questions). */
	citizenComment(postId: number, fromId: number, text: string, replyTo?: number): Comment {
		if (!this.profiles.has(fromId))
			this.profiles.set(fromId, { id: fromId, first_name: 'Житель', last_name: String(fromId) });
		// Strictly after everything under the post (the administration's question included), to the second, as a real
		// reply is: a test need not wait for the clock to tick.
		const latest = Math.max(
			0,
			...this.comments.filter((c) => c.post_id === postId).map((c) => c.date),
		);
		const date = Math.max(Math.floor(Date.now() / 1000), latest + 1);
		return this.addComment(postId, fromId, date, text, true, replyTo);
	}

	/** New citizens' comments (and, every third, a private message) — the insert-records fault and tests use it. */
	insertRecords(count: number): void {
		const post =
			this.posts[this.posts.length - 1] ??
			this.addPost(-this.groupId, Math.floor(Date.now() / 1000), 'Новости администрации', false);
		for (let i = 0; i < count; i++) {
			const id = 555000 + this.nextId;
			this.profiles.set(id, { id, first_name: 'Ольга', last_name: 'Новикова' });
			const date = Math.floor(Date.now() / 1000);
			if (i % 3 === 2) {
				this.emit('message_new', {
					message: {
						id: ++this.nextId,
						date,
						peer_id: id,
						from_id: id,
						text: 'Здравствуйте! В д. Ясски нет света второй день.',
						conversation_message_id: this.nextId,
					},
					client_info: {},
				});
			} else {
				this.addComment(post.id, id, date, `На ул. Советской опять нет воды (${i + 1})`, true);
			}
		}
	}

	routeOf(req: SandboxRequest): string {
		const m = /^\/method\/([\w.]+)$/.exec(req.path);
		if (m) return m[1];
		if (req.path.startsWith('/lp/')) return 'longpoll';
		return `${req.method} ${req.path}`;
	}

	renderFault(fault: Fault, req: SandboxRequest): SandboxResponse | undefined {
		if (fault.kind === 'api_error') {
			const code = fault.code ?? 6;
			const msg =
				code === 6
					? 'Too many requests per second'
					: code === 9
						? 'Flood control'
						: code === 29
							? 'Rate limit reached'
							: code === 10
								? 'Internal server error'
								: 'Unknown error occurred';
			return vkError(code, msg, req.params);
		}
		return undefined;
	}

	expireTokens(): void {
		for (const [token] of this.tokens) this.tokens.delete(token);
	}

	async handle(req: SandboxRequest): Promise<SandboxResponse> {
		if (req.path === `/lp/${this.groupId}`) return this.longPoll(req);
		const m = /^\/method\/([\w.]+)$/.exec(req.path);
		if (!m) return { status: 404, body: 'Not Found' };
		const p = req.params;
		if (!p.access_token) return vkError(5, 'User authorization failed: no access_token passed.', p);
		const kind = this.tokens.get(p.access_token);
		if (!kind) return vkError(5, 'User authorization failed: invalid access_token (4).', p);
		if (!p.v) return vkError(8, 'Invalid request: v (version) is required', p);
		return this.method(m[1], p, kind);
	}

	private method(name: string, p: Record<string, string>, kind: 'group' | 'user'): SandboxResponse {
		const ok = (response: unknown): SandboxResponse => ({ status: 200, body: { response } });
		const count = (max: number, dflt: number) => {
			const n = p.count === undefined ? dflt : Number(p.count);
			return Number.isInteger(n) && n >= 0 && n <= max ? n : undefined;
		};
		const extended = p.extended === '1';
		const withProfiles = (items: Array<{ from_id: number }>) =>
			extended
				? {
						profiles: [...new Set(items.map((i) => i.from_id))]
							.map((id) => this.profiles.get(id))
							.filter(Boolean),
						groups: [
							{
								id: this.groupId,
								name: 'Администрация Дедовичского района',
								screen_name: `club${this.groupId}`,
							},
						],
					}
				: {};
		switch (name) {
			case 'groups.getById':
				return ok({
					groups: [
						{
							id: this.groupId,
							name: 'Администрация Дедовичского района',
							screen_name: `club${this.groupId}`,
							is_closed: 0,
							type: 'group',
						},
					],
				});
			case 'users.get':
				return ok(
					String(p.user_ids ?? '')
						.split(',')
						.map((id) => this.profiles.get(Number(id)))
						.filter(Boolean),
				);
			case 'wall.get': {
				if (Number(p.owner_id) !== -this.groupId) return vkError(15, 'Access denied', p);
				const n = count(100, 20);
				if (n === undefined)
					return vkError(
						100,
						'One of the parameters specified was missing or invalid: count should be less or equal to 100',
						p,
					);
				const sorted = [...this.posts].sort((a, b) => b.date - a.date || b.id - a.id);
				const items = sorted.slice(Number(p.offset ?? 0), Number(p.offset ?? 0) + n);
				return ok({ count: this.posts.length, items, ...withProfiles(items) });
			}
			case 'wall.getComments': {
				const postId = Number(p.post_id);
				if (!this.posts.some((x) => x.id === postId) || Number(p.owner_id) !== -this.groupId)
					return vkError(
						100,
						'One of the parameters specified was missing or invalid: post_id is invalid',
						p,
					);
				const n = count(100, 10);
				if (n === undefined)
					return vkError(
						100,
						'One of the parameters specified was missing or invalid: count should be less or equal to 100',
						p,
					);
				let items = this.comments.filter((c) => c.post_id === postId);
				// comment_id: that comment's thread (the replies to it), as VK returns it.
				if (p.comment_id)
					items = items.filter((c) => c.parents_stack.includes(Number(p.comment_id)));
				items.sort((a, b) => (p.sort === 'desc' ? b.id - a.id : a.id - b.id));
				if (p.start_comment_id)
					items = items.slice(
						Math.max(
							0,
							items.findIndex((c) => c.id === Number(p.start_comment_id)),
						),
					);
				const page = items.slice(Number(p.offset ?? 0), Number(p.offset ?? 0) + n);
				return ok({
					count: items.length,
					current_level_count: items.length,
					can_post: 1,
					items: page,
					...withProfiles(page),
				});
			}
			case 'newsfeed.search': {
				if (kind !== 'user')
					return vkError(
						27,
						'Group authorization failed: method is unavailable with group auth.',
						p,
					);
				const n = count(200, 30);
				if (n === undefined)
					return vkError(
						100,
						'One of the parameters specified was missing or invalid: count should be less or equal to 200',
						p,
					);
				const q = String(p.q ?? '').toLowerCase();
				const start = Number(p.start_time ?? 0);
				const matches = this.posts
					.filter((x) => x.text.toLowerCase().includes(q) && x.date >= start)
					.sort((a, b) => b.date - a.date || b.id - a.id);
				const offset = Number(p.start_from ?? 0);
				const items = matches.slice(offset, offset + n);
				return ok({
					items,
					count: matches.length,
					total_count: matches.length,
					...(offset + n < matches.length ? { next_from: String(offset + n) } : {}),
					...withProfiles(items),
				});
			}
			case 'wall.createComment': {
				const postId = Number(p.post_id);
				if (!this.posts.some((x) => x.id === postId))
					return vkError(
						100,
						'One of the parameters specified was missing or invalid: post_id is invalid',
						p,
					);
				if (!p.message?.trim())
					return vkError(
						100,
						'One of the parameters specified was missing or invalid: message is empty',
						p,
					);
				const fromId = p.from_group ? -this.groupId : 1;
				const comment = this.addComment(
					postId,
					fromId,
					Math.floor(Date.now() / 1000),
					p.message,
					false,
					p.reply_to_comment ? Number(p.reply_to_comment) : undefined,
				);
				return ok({ comment_id: comment.id, parents_stack: comment.parents_stack });
			}
			case 'messages.send': {
				if (kind !== 'group')
					return vkError(15, 'Access denied: only communities can send messages here', p);
				if (p.random_id === undefined)
					return vkError(
						100,
						'One of the parameters specified was missing or invalid: random_id is a required parameter',
						p,
					);
				const peer = Number(p.user_id ?? p.peer_id);
				const existing = this.sentMessages.find(
					(m) => m.peer_id === peer && m.random_id === Number(p.random_id),
				);
				if (existing) return ok(existing.id);
				const id = ++this.nextId;
				this.sentMessages.push({
					peer_id: peer,
					message: String(p.message ?? ''),
					random_id: Number(p.random_id),
					id,
				});
				return ok(id);
			}
			case 'groups.getLongPollServer':
				if (kind !== 'group') return vkError(15, 'Access denied: group token required', p);
				return ok({
					key: this.lpKey,
					server: `${this.baseUrl}/lp/${this.groupId}`,
					ts: String(this.events.length),
				});
			case 'groups.getCallbackConfirmationCode':
				return ok({ code: this.confirmationCode });
			case 'groups.getCallbackServers':
				return ok({
					count: this.callbackServers.length,
					items: this.callbackServers.map(({ events: _e, ...s }) => s),
				});
			case 'groups.addCallbackServer': {
				if (!p.url)
					return vkError(
						100,
						'One of the parameters specified was missing or invalid: url is undefined',
						p,
					);
				const server: CallbackServer = {
					id: this.callbackServers.length + 1,
					url: p.url,
					title: p.title ?? '',
					secret_key: p.secret_key ?? '',
					status: 'unconfigured',
					events: {},
				};
				this.callbackServers.push(server);
				for (const resolve of this.callbackWaiters.splice(0)) resolve(server.url);
				return ok({ server_id: server.id });
			}
			case 'groups.setCallbackSettings': {
				const server = this.callbackServers.find((s) => s.id === Number(p.server_id));
				if (!server)
					return vkError(
						100,
						'One of the parameters specified was missing or invalid: server_id is invalid',
						p,
					);
				for (const type of ['wall_reply_new', 'message_new', 'wall_post_new'])
					if (p[type] !== undefined) server.events[type] = Number(p[type]);
				return ok(1);
			}
			case 'groups.deleteCallbackServer':
				this.callbackServers = this.callbackServers.filter((s) => s.id !== Number(p.server_id));
				return ok(1);
			default:
				return vkError(3, 'Unknown method passed', p);
		}
	}

	private async longPoll(req: SandboxRequest): Promise<SandboxResponse> {
		const { key, act } = req.query;
		if (act !== 'a_check') return { status: 200, body: { failed: 2 } };
		if (key !== this.lpKey) return { status: 200, body: { failed: 2 } };
		const ts = Number(req.query.ts);
		if (!Number.isInteger(ts) || ts > this.events.length)
			return { status: 200, body: { failed: 1, ts: String(this.events.length) } };
		const wait = Math.min(90, Number(req.query.wait ?? 25));
		if (ts === this.events.length && wait > 0) {
			await new Promise<void>((resolve) => {
				const timer = setTimeout(resolve, wait * 1000);
				this.waiters.push(() => {
					clearTimeout(timer);
					resolve();
				});
			});
		}
		return {
			status: 200,
			body: { ts: String(this.events.length), updates: this.events.slice(ts) },
		};
	}

	/** Callback API: confirm the server once, then POST the event until it answers "ok" (VK retries). */
	private async deliver(event: VkEvent): Promise<void> {
		const attempts = this.options.callbackAttempts ?? 5;
		const delay = this.options.callbackDelayMs ?? 1000;
		for (const server of this.callbackServers) {
			if (!server.events[event.type]) continue;
			if (server.status !== 'ok') {
				const confirmed = await this.post(server.url, {
					type: 'confirmation',
					group_id: this.groupId,
				});
				server.status = confirmed === this.confirmationCode ? 'ok' : 'failed';
				if (server.status !== 'ok') continue;
			}
			const record = { event_id: event.event_id, attempts: 0, delivered: false };
			this.deliveries.push(record);
			for (let i = 0; i < attempts && !record.delivered; i++) {
				if (i > 0) await new Promise((r) => setTimeout(r, delay * i));
				record.attempts++;
				record.delivered =
					(await this.post(server.url, { ...event, secret: server.secret_key })) === 'ok';
			}
		}
	}

	private async post(url: string, body: unknown): Promise<string | undefined> {
		try {
			const res = await fetch(url, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify(body),
				signal: AbortSignal.timeout(10000),
			});
			return res.ok ? (await res.text()).trim() : undefined;
		} catch {
			return undefined;
		}
	}
}
