/** Default local ports of the sandbox emulators (the demo and the credentials' default base URLs use them). */
export const SANDBOX_PORTS = {
	pos: 3101,
	im: 3102,
	vk: 3103,
	ok: 3104,
	telegram: 3105,
	sheets: 3106,
	max: 3107,
} as const;
