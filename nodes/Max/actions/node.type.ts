/** «МЦУ: MAX»: each resource and its operations, by the values saved in workflows. */
export type MaxMap = {
	message: 'getNew' | 'send' | 'reply';
};
