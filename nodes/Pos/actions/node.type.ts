/** «МЦУ: ПОС»: each resource and its operations, by the values saved in workflows. */
export type PosMap = {
	appeal:
		| 'forward'
		| 'get'
		| 'getMany'
		| 'postpone'
		| 'sendResponse'
		| 'setExecutor'
		| 'takeToWork';
	category: 'getMany';
};
