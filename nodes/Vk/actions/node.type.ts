/** «МЦУ: ВКонтакте»: each resource and its operations, by the values saved in workflows. */
export type VkMap = {
	post: 'getMany';
	comment: 'getMany' | 'reply';
	message: 'send';
	mention: 'search';
};
