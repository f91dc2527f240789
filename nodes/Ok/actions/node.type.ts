/** «МЦУ: Одноклассники»: each resource and its operations, by the values saved in workflows. */
export type OkMap = {
	comment: 'getMany' | 'reply';
};
