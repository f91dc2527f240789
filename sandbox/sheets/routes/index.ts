import type { SandboxRequest, SandboxResponse } from '../../core/types';
import { googleError } from '../errors';
import type { SheetsStore } from '../state';
import { append } from './append';
import type { Route } from './context';
import * as spreadsheets from './spreadsheets';
import * as values from './values';

const API_PATH =
	/^\/v4\/spreadsheets(?:\/([^/:]+))?(?:\/values(?:\/(.+?))?)?(?::(append|clear|batchGet|batchUpdate|batchClear))?$/;
export const TOKEN_PATHS = new Set(['/token', '/oauth2/v4/token']);

/** The Sheets API's routes on an existing spreadsheet, by the names `routeOf` gives them. */
const ROUTES: Record<string, Route> = {
	'spreadsheets.get': spreadsheets.get,
	'spreadsheets.batchUpdate': spreadsheets.batchUpdate,
	'values.get': values.get,
	'values.update': values.update,
	'values.append': append,
	'values.clear': values.clear,
	'values.batchGet': values.batchGet,
	'values.batchUpdate': values.batchUpdate,
	'values.batchClear': values.batchClear,
};

/** The route's name from an API path matched by API_PATH and the method (`values.get` is a GET on a range). */
function apiRoute(path: string, m: RegExpExecArray, method: string): string {
	if (!m[1]) return 'spreadsheets.create';
	if (path.includes('/values')) {
		if (m[3]) return `values.${m[3]}`;
		return method === 'GET' ? 'values.get' : 'values.update';
	}
	return m[3] ? `spreadsheets.${m[3]}` : 'spreadsheets.get';
}

/** A stable label of the request's route, for fault rules and call counters. */
export function routeOf(req: SandboxRequest): string {
	if (TOKEN_PATHS.has(req.path)) return 'token';
	if (req.path.startsWith('/export/')) return 'export';
	const m = API_PATH.exec(req.path);
	if (!m) return `${req.method} ${req.path}`;
	return apiRoute(req.path, m, req.method);
}

/** An authenticated API request: its spreadsheet first (404 when there is none), then its route by name, method and range. */
export function api(
	store: SheetsStore,
	baseUrl: string | undefined,
	req: SandboxRequest,
): SandboxResponse {
	const m = API_PATH.exec(req.path);
	if (!m) return googleError(404, 'NOT_FOUND', `Method not found: ${req.path}`);
	const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<
		string,
		unknown
	>;
	if (!m[1]) {
		if (req.method !== 'POST' || req.path !== '/v4/spreadsheets')
			return googleError(404, 'NOT_FOUND', 'Method not found.');
		return spreadsheets.create(store, baseUrl, body, req);
	}
	const ss = store.get(decodeURIComponent(m[1]));
	if (!ss) return googleError(404, 'NOT_FOUND', 'Requested entity was not found.');
	const range = m[2] !== undefined ? decodeURIComponent(m[2]) : undefined;
	const name = apiRoute(req.path, m, req.method);
	const route = Object.prototype.hasOwnProperty.call(ROUTES, name) ? ROUTES[name] : undefined;
	if (!route || route.method !== req.method || route.range !== (range !== undefined))
		return googleError(404, 'NOT_FOUND', 'Method not found.');
	return route.handle({ store, baseUrl, req, body, ss, range });
}
