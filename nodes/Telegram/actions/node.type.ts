/** «МЦУ: Telegram»: each resource and its operations, by the values saved in workflows. */
export type TelegramMap = {
	message: 'getNew' | 'send';
};
