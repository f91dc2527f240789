import type { Emulator, Fault, SandboxRequest, SandboxResponse } from '../core/types';
import type { District } from '../seed/types';
import { createHash } from 'node:crypto';

/**
 * Одноклассники API emulator (`/fb.do`): signed requests (sig = md5(sorted params + md5(token + secret))), the group's
 * discussions and their comments with anchors, replies; errors in OK's shape `{error_code, error_msg, error_data}`.
 */
const ADMINISTRATION = 'Администрация Дедовичского района';

interface OkComment {
	id: string;
	date: string;
	text: string;
	author_id: string;
	/** `GROUP` when the group itself wrote it. */
	author_type?: 'USER' | 'GROUP';
	author_name: string;
	/** The comment this one replies to. */
	reply_to_comment_id?: string;
}

interface Discussion {
	object_id: string;
	object_type: 'GROUP_TOPIC';
	title: string;
	creation_date: string;
	comments: OkComment[];
}

const okError = (code: number, msg: string): SandboxResponse => ({
	status: 200,
	body: { error_code: code, error_msg: msg, error_data: null },
});
const okDate = (iso: string) =>
	new Date(Date.parse(iso) + 3 * 3600000).toISOString().slice(0, 19).replace('T', ' ');

export class OkEmulator implements Emulator {
	readonly name = 'ok';
	baseUrl?: string;
	readonly applicationKey: string;
	readonly secretKey: string;
	readonly accessToken: string;
	private discussions: Discussion[] = [];
	private counter = 0;

	constructor(
		private readonly district?: District,
		options: { applicationKey?: string; secretKey?: string; accessToken?: string } = {},
	) {
		this.applicationKey = options.applicationKey ?? 'CBASANDBOX';
		this.secretKey = options.secretKey ?? 'ok-sandbox-secret';
		this.accessToken = options.accessToken ?? 'ok-sandbox-access-token';
		this.reset();
	}

	reset(): void {
		this.discussions = [];
		this.counter = 0;
		const appeals = (this.district?.appeals ?? []).filter((a) => a.channel === 'ok');
		const bySeq = new Map<number, Discussion>();
		const person = (a: (typeof appeals)[number]) => ({
			author_id: a.author ? a.author.okId : `anon-${a.seq}`,
			author_name: a.author ? `${a.author.name} ${a.author.surname}` : 'Пользователь',
		});
		for (const a of appeals.filter((x) => x.kind === 'post')) {
			const d: Discussion = {
				object_id: String(9000 + a.seq),
				object_type: 'GROUP_TOPIC',
				title: a.text.slice(0, 60),
				creation_date: okDate(a.createdAt),
				comments: [],
			};
			// The topic's own text is its first message.
			d.comments.push({
				id: `c${a.seq}`,
				date: a.oddities?.includes('bad_date') ? '31.02.2026' : okDate(a.createdAt),
				text: a.oddities?.includes('empty_text') ? '' : a.text,
				...person(a),
			});
			this.discussions.push(d);
			bySeq.set(a.seq, d);
		}
		for (const a of appeals.filter((x) => x.kind === 'comment')) {
			const d = bySeq.get(a.parentSeq ?? -1);
			if (!d) continue;
			d.comments.push({
				id: `c${a.seq}`,
				date: a.oddities?.includes('bad_date') ? '31.02.2026' : okDate(a.createdAt),
				text: a.oddities?.includes('empty_text') ? '' : a.text,
				...person(a),
			});
			// Answered comments get the group's reply, as the administration answers in OK.
			if (a.answer)
				d.comments.push({
					id: `a${a.seq}`,
					date: okDate(a.answer.at),
					text: a.answer.text,
					author_id: this.groupId(),
					author_type: 'GROUP',
					author_name: ADMINISTRATION,
					reply_to_comment_id: `c${a.seq}`,
				});
		}
	}

	private groupId(): string {
		return this.district?.okGroupId ?? '70000001';
	}

	dump(): unknown {
		return { discussions: this.discussions };
	}

	load(state: unknown): void {
		this.discussions = (state as { discussions?: Discussion[] }).discussions ?? [];
	}

	allComments(): OkComment[] {
		return this.discussions.flatMap((d) => d.comments);
	}

	/** A citizen writes in a discussion (tests: replies to the administration's questions). */
	citizenComment(
		discussionId: string,
		authorId: string,
		authorName: string,
		text: string,
	): OkComment {
		const d = this.discussions.find((x) => x.object_id === discussionId);
		if (!d) throw new Error(`no discussion ${discussionId}`);
		this.counter++;
		// Strictly after every comment of the discussion (the administration's question included), to the second.
		const latest = Math.max(
			0,
			...d.comments.map((c) => Date.parse(`${c.date.replace(' ', 'T')}+03:00`) || 0),
		);
		const comment: OkComment = {
			id: `u${this.counter}`,
			date: okDate(new Date(Math.max(Date.now(), latest + 1000)).toISOString()),
			text,
			author_id: authorId,
			author_type: 'USER',
			author_name: authorName,
		};
		d.comments.push(comment);
		return comment;
	}

	/** Appends `count` new comments to the latest discussion, dated `at` (now by default). */
	insertRecords(count: number, at: Date = new Date()): void {
		const d = this.discussions[this.discussions.length - 1];
		if (!d) return;
		for (let i = 0; i < count; i++) {
			this.counter++;
			d.comments.push({
				id: `new${this.counter}`,
				date: okDate(at.toISOString()),
				text: `В д. Сорокино третий день нет света (${this.counter})`,
				author_id: '577000001',
				author_name: 'Ирина Лебедева',
			});
		}
	}

	routeOf(req: SandboxRequest): string {
		return req.path === '/fb.do'
			? String(req.params.method ?? 'fb.do')
			: `${req.method} ${req.path}`;
	}

	renderFault(fault: Fault): SandboxResponse | undefined {
		if (fault.kind === 'api_error')
			return okError(
				fault.code ?? 9,
				fault.code === 2
					? 'SERVICE : Service is temporary unavailable'
					: 'CALL_LIMIT : Call limit reached',
			);
		return undefined;
	}

	handle(req: SandboxRequest): SandboxResponse {
		if (req.path !== '/fb.do') return { status: 404, body: 'Not Found' };
		const p = req.params;
		if (p.application_key !== this.applicationKey)
			return okError(101, 'PARAM_API_KEY : Application key is unknown');
		if (p.access_token !== this.accessToken)
			return okError(102, 'PARAM_SESSION_EXPIRED : Session expired');
		const signed: Record<string, string> = {};
		for (const [k, v] of Object.entries(p)) if (k !== 'sig' && k !== 'access_token') signed[k] = v;
		if (p.sig !== expectedSignature(signed, this.accessToken, this.secretKey))
			return okError(104, 'PARAM_SIGNATURE : Invalid signature');
		switch (p.method) {
			case 'users.getCurrentUser':
				return {
					status: 200,
					body: { uid: '570000000', name: 'Администрация Дедовичского района' },
				};
			// The group's discussions, newest activity first (discussions.get returns one discussion in OK's API).
			case 'discussions.getList': {
				const count = Number(p.count ?? 20);
				if (!Number.isInteger(count) || count < 1 || count > 100)
					return okError(100, 'PARAM : count must be between 1 and 100');
				const list = [...this.discussions]
					.sort((a, b) => lastActivity(b).localeCompare(lastActivity(a)))
					.slice(0, count);
				return {
					status: 200,
					body: {
						discussions: list.map((d) => ({
							object_id: d.object_id,
							object_type: d.object_type,
							title: d.title,
							creation_date: d.creation_date,
							last_activity_date: lastActivity(d),
							total_comments_count: d.comments.length,
						})),
					},
				};
			}
			case 'discussions.getComments': {
				const d = this.discussions.find((x) => x.object_id === p.discussionId);
				if (!d) return okError(300, 'NOT_FOUND : Discussion not found');
				const count = Math.min(100, Number(p.count ?? 20));
				const start = p.anchor ? Number(Buffer.from(p.anchor, 'base64').toString()) : 0;
				const page = d.comments.slice(start, start + count);
				const users = [
					...new Map(
						page.map((c) => [c.author_id, { uid: c.author_id, name: c.author_name }]),
					).values(),
				];
				return {
					status: 200,
					body: {
						comments: page,
						users,
						has_more: start + count < d.comments.length,
						anchor: Buffer.from(String(start + page.length)).toString('base64'),
					},
				};
			}
			case 'discussions.addComment': {
				const d = this.discussions.find((x) => x.object_id === p.discussionId);
				if (!d) return okError(300, 'NOT_FOUND : Discussion not found');
				if (!p.comment?.trim()) return okError(100, 'PARAM : comment is empty');
				this.counter++;
				// Written on behalf of the group: OK marks such comments with the group as the author.
				const comment: OkComment = {
					id: `adm${this.counter}`,
					date: okDate(new Date().toISOString()),
					text: p.comment,
					author_id: this.groupId(),
					author_type: 'GROUP',
					author_name: ADMINISTRATION,
					...(p.reply_to_comment_id ? { reply_to_comment_id: p.reply_to_comment_id } : {}),
				};
				d.comments.push(comment);
				return { status: 200, body: { id: comment.id } };
			}
			default:
				return okError(3, 'METHOD : Method is unknown');
		}
	}
}

function lastActivity(d: Discussion): string {
	return d.comments.reduce((max, c) => (c.date > max ? c.date : max), d.creation_date);
}

/** OK's documented signature, written here on its own so a client-side mistake cannot pass both ends. */
function expectedSignature(
	params: Record<string, string>,
	accessToken: string,
	secretKey: string,
): string {
	const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');
	const sorted = Object.keys(params)
		.sort()
		.map((k) => `${k}=${params[k]}`)
		.join('');
	return md5(sorted + md5(accessToken + secretKey));
}
