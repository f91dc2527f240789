import type { RequestHandler } from './context';

export const addSheet: RequestHandler = ({ store, ss, r, at }) => {
	const sheet = store.addSheet(ss, (r.properties ?? {}) as Record<string, unknown>, at);
	return { addSheet: { properties: sheet.properties } };
};
