/** «МЦУ: Инцидент-менеджмент»: each resource and its operations, by the values saved in workflows. */
export type ImMap = {
	incident: 'answer' | 'assign' | 'forward' | 'get' | 'getMany' | 'reject' | 'take';
};
