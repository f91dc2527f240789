import { isOwnMaxMessage, normalizeMax, type MaxUpdate } from '../../../lib/sources/max';
import { validateAppeal } from '../../../lib/appeal';

const T = Date.parse('2026-11-18T09:15:30+03:00');
const dialog = (text: string | null, extra: Partial<MaxUpdate['message']> = {}): MaxUpdate => ({
	update_type: 'message_created',
	timestamp: T,
	message: {
		sender: {
			user_id: 610001,
			first_name: 'Галина',
			last_name: 'Семёнова',
			username: 'galina_sem',
			is_bot: false,
		},
		recipient: { chat_id: 80000610001, chat_type: 'dialog', user_id: 590000001 },
		timestamp: T,
		body: { mid: 'mid.abc001', seq: 1, text, attachments: null },
		...extra,
	},
});

describe('MAX update → appeal', () => {
	it('a message to the bot in a dialog is a direct message with its author and time', () => {
		const a = normalizeMax(dialog('  Не горят фонари на Советской  '));
		expect(a).toMatchObject({
			id: 'max:mid.abc001',
			source: 'max',
			externalId: 'mid.abc001',
			kind: 'direct_message',
			receivedAt: '2026-11-18T09:15:30+03:00',
			text: 'Не горят фонари на Советской',
			author: {
				name: 'Галина Семёнова',
				id: '610001',
				profileUrl: 'https://max.ru/galina_sem',
				anonymous: false,
			},
			parentId: null,
			flags: [],
			status: 'new',
		});
		expect(validateAppeal(a).valid).toBe(true);
	});

	it('a reply in the district chat is a comment under its parent; an edit and a channel post are flagged', () => {
		const reply = normalizeMax(
			dialog('у нас тоже', {
				recipient: { chat_id: -71000000001, chat_type: 'chat' },
				link: { type: 'reply', message: { mid: 'mid.parent' } },
			}),
		);
		expect([reply.kind, reply.parentId]).toEqual(['comment', 'max:mid.parent']);
		const edited = normalizeMax({ ...dialog('исправил'), update_type: 'message_edited' });
		expect(edited.flags).toEqual(['edited']);
		const post = normalizeMax(
			dialog('Пост', {
				recipient: { chat_id: -5, chat_type: 'channel' },
				url: 'https://max.ru/c/-5/AZ',
			}),
		);
		expect([post.kind, post.flags, post.url]).toEqual([
			'message',
			['channel_post'],
			'https://max.ru/c/-5/AZ',
		]);
	});

	it("an attachment without text is kept; the author's deprecated `name` is used when parts are missing", () => {
		const a = normalizeMax(
			dialog(null, {
				body: { mid: 'mid.img', seq: 2, text: null, attachments: [{ type: 'image' }] },
				sender: { user_id: 7, name: 'Артём', is_bot: false },
			}),
		);
		expect([a.text, a.author.name, a.author.profileUrl]).toEqual([
			'[вложение без текста]',
			'Артём',
			null,
		]);
	});

	it.each([
		['no message', { update_type: 'message_created', timestamp: T }, 'raw.message'],
		[
			'another update type',
			{ update_type: 'bot_started', timestamp: T, chat_id: 1 },
			'raw.update_type',
		],
		['no mid', dialog('x', { body: { text: 'x' } as never }), 'raw.message.body.mid'],
		[
			'an object as chat id',
			dialog('x', { recipient: { chat_id: { id: 1 } as never, chat_type: 'dialog' } }),
			'raw.message.recipient.chat_id',
		],
		[
			'an unknown chat type',
			dialog('x', { recipient: { chat_id: 1, chat_type: 'group' } }),
			'raw.message.recipient.chat_type',
		],
		[
			'seconds instead of milliseconds',
			dialog('x', { timestamp: Math.floor(T / 1000) }),
			'raw.message.timestamp',
		],
		['a string time', dialog('x', { timestamp: '2026-11-18' as never }), 'raw.message.timestamp'],
		['an empty text without attachments', dialog('   '), 'raw.message.body.text'],
	])('a malformed update (%s) is an error naming the field', (_label, update, field) => {
		let error: (Error & { field?: string; problems?: Array<{ path: string }> }) | undefined;
		try {
			normalizeMax(update as MaxUpdate);
		} catch (e) {
			error = e as typeof error;
		}
		expect(error?.problems?.[0].path).toBe(field);
		expect(error?.message).toMatch(/^Обращение max:/);
	});

	it("the bot's own messages are recognised", () => {
		expect(
			isOwnMaxMessage(
				dialog('ответ', { sender: { user_id: 590000001, first_name: 'МЦУ', is_bot: true } }),
			),
		).toBe(true);
		expect(
			isOwnMaxMessage(
				dialog('ответ', { sender: { user_id: 590000001, first_name: 'МЦУ' } }),
				590000001,
			),
		).toBe(true);
		expect(isOwnMaxMessage(dialog('вопрос'))).toBe(false);
	});
});
