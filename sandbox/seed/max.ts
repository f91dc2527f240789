/**
 * Messages citizens of the model district wrote to the administration's MAX bot and in the district's MAX chat
 * (hand-written for the sandbox, not taken from any real correspondence): plain, indirect, misspelled, a reply in the
 * chat, an attachment without text, and an empty message the normalizer must refuse naming its field.
 */
export interface MaxSeedMessage {
	/** Minutes after 2026-11-18 08:00 Moscow time. */
	minute: number;
	chat: 'dialog' | 'chat';
	user: { user_id: number; first_name: string; last_name?: string; username?: string };
	text?: string;
	/** Index (in this list) of the message this one replies to in the chat. */
	replyTo?: number;
	attachment?: boolean;
}

export const MAX_SEED_START = Date.parse('2026-11-18T08:00:00+03:00');

export const MAX_SEED: MaxSeedMessage[] = [
	{
		minute: 3,
		chat: 'dialog',
		user: { user_id: 610001, first_name: 'Галина', last_name: 'Семёнова', username: 'galina_sem' },
		text: 'Здравствуйте. На ул. Советской у дома 12 уже третий день не горят фонари, вечером идти страшно.',
	},
	{
		minute: 41,
		chat: 'dialog',
		user: { user_id: 610002, first_name: 'Виктор' },
		text: 'добрый день подскажите куда обращатся если автобус на вязье опять не пришол утром. дети в школу опаздали',
	},
	{
		minute: 95,
		chat: 'chat',
		user: { user_id: 610003, first_name: 'Ольга', last_name: 'Туманова' },
		text: 'Соседи, у кого на Пушкина тоже вода ржавая идёт? Может кто уже писал в водоканал',
	},
	{
		minute: 102,
		chat: 'chat',
		user: { user_id: 610004, first_name: 'Сергей', username: 'serg_ded' },
		text: 'у нас тоже, второй день. администрация может хоть вы скажете что там',
		replyTo: 2,
	},
	{
		minute: 180,
		chat: 'dialog',
		user: { user_id: 610005, first_name: 'Нина', last_name: 'Павловна' },
		text: 'Мне бы узнать, когда будут чистить дорогу до Крутца. Я пожилая, до магазина не дойти, а машина скорой у нас весной застряла.',
	},
	{
		minute: 240,
		chat: 'dialog',
		user: { user_id: 610006, first_name: 'Артём', last_name: 'Лебедев' },
		attachment: true,
	},
	{
		minute: 300,
		chat: 'dialog',
		user: { user_id: 610007, first_name: 'Людмила' },
		text: 'Спасибо вам за площадку во дворе на Лесной, внуки довольные! Только скамейку бы ещё одну.',
	},
	{ minute: 333, chat: 'chat', user: { user_id: 610008, first_name: 'Игорь' }, text: '   ' },
];
