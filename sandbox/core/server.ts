import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultInjector } from './faults';
import type { Emulator, Fault, FaultPlan, SandboxRequest, SandboxResponse } from './types';

function parseForm(text: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of new URLSearchParams(text)) out[k] = v;
	return out;
}

/** Text fields of a multipart body (files are kept only as their byte length). */
function parseMultipart(raw: Buffer, contentType: string): Record<string, string> {
	const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
	if (!boundary) return {};
	const out: Record<string, string> = {};
	for (const part of raw.toString('latin1').split(`--${boundary}`)) {
		const name = /name="([^"]+)"/i.exec(part)?.[1];
		if (!name) continue;
		const start = part.indexOf('\r\n\r\n');
		if (start < 0) continue;
		const value = part.slice(start + 4).replace(/\r\n$/, '');
		out[name] = /filename="/i.test(part)
			? `[file ${value.length} bytes]`
			: Buffer.from(value, 'latin1').toString('utf8');
	}
	return out;
}

export async function readRequest(req: IncomingMessage): Promise<SandboxRequest> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	const rawBody = Buffer.concat(chunks);
	const url = new URL(req.url ?? '/', 'http://sandbox.local');
	const query: Record<string, string> = {};
	const queryAll: Record<string, string[]> = {};
	for (const [k, v] of url.searchParams) {
		query[k] = v;
		(queryAll[k] ??= []).push(v);
	}
	const contentType = String(req.headers['content-type'] ?? '');
	let body: unknown;
	let form: Record<string, string> = {};
	if (rawBody.length) {
		if (contentType.includes('application/json')) {
			try {
				body = JSON.parse(rawBody.toString('utf8'));
			} catch {
				body = { __invalidJson: rawBody.toString('utf8') };
			}
		} else if (contentType.includes('application/x-www-form-urlencoded')) {
			form = parseForm(rawBody.toString('utf8'));
			body = form;
		} else if (contentType.includes('multipart/form-data')) {
			form = parseMultipart(rawBody, contentType);
			body = form;
		} else {
			body = rawBody.toString('utf8');
		}
	}
	return {
		method: (req.method ?? 'GET').toUpperCase(),
		path: url.pathname,
		query,
		queryAll,
		headers: req.headers,
		rawBody,
		body,
		params: { ...query, ...form },
	};
}

function genericFault(fault: Fault): SandboxResponse {
	switch (fault.kind) {
		case 'http_429':
			return {
				status: 429,
				headers: { 'retry-after': String(fault.retryAfter) },
				body: { error: { code: 429, message: 'Too Many Requests' } },
			};
		case 'http_502':
			return {
				status: 502,
				headers: { 'content-type': 'text/html' },
				body: '<html><body>502 Bad Gateway</body></html>',
			};
		case 'http_503':
			return {
				status: 503,
				headers: { 'retry-after': String(fault.retryAfter) },
				body: { error: { code: 503, message: 'Service Unavailable' } },
			};
		default:
			return { status: 500, body: { error: { code: 500, message: 'Internal Server Error' } } };
	}
}

function write(
	res: ServerResponse,
	response: SandboxResponse,
	corrupt?: 'truncated_json' | 'malformed_json',
): void {
	const headers: Record<string, string> = { ...(response.headers ?? {}) };
	let payload: Buffer;
	if (response.body === undefined) payload = Buffer.alloc(0);
	else if (Buffer.isBuffer(response.body)) payload = response.body;
	else if (typeof response.body === 'string') payload = Buffer.from(response.body, 'utf8');
	else {
		payload = Buffer.from(JSON.stringify(response.body), 'utf8');
		if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
			headers['content-type'] = 'application/json; charset=utf-8';
		}
	}
	if (corrupt === 'truncated_json')
		payload = payload.subarray(0, Math.max(1, Math.floor(payload.length / 2)));
	if (corrupt === 'malformed_json')
		payload = Buffer.from(`{"response": [${payload.toString('utf8').slice(1, 40)}<html>`, 'utf8');
	headers['content-length'] = String(payload.length);
	res.writeHead(response.status, headers);
	res.end(payload);
}

/**
 * Counts calls per route, for tests and the "API calls" benchmarks. Emits `call` as a call arrives and `handled` once
 * the emulator has dealt with it (its state changed, its answer written), so tests wait for calls, not time.
 */
export class CallCounter extends EventEmitter {
	private counts = new Map<string, number>();
	add(route: string): void {
		this.counts.set(route, (this.counts.get(route) ?? 0) + 1);
		this.emit('call', route);
	}
	get(route?: string): number {
		if (route) return this.counts.get(route) ?? 0;
		let total = 0;
		for (const n of this.counts.values()) total += n;
		return total;
	}
	toJSON(): Record<string, number> {
		return Object.fromEntries(this.counts);
	}
	reset(): void {
		this.counts.clear();
	}
}

export interface RunningEmulator {
	emulator: Emulator;
	url: string;
	port: number;
	calls: CallCounter;
	faults: FaultInjector;
	close(): Promise<void>;
}

/**
 * Serves one emulator on 127.0.0.1. Control routes under `/__sandbox/` let tests in another process
 * (e2e, demo) reset state, set faults and read call counters.
 */
export async function serveEmulator(
	emulator: Emulator,
	options: { port?: number; faults?: FaultInjector } = {},
): Promise<RunningEmulator> {
	const faults = options.faults ?? new FaultInjector();
	const calls = new CallCounter();
	const sockets = new Set<import('node:net').Socket>();
	const timers = new Set<NodeJS.Timeout>();

	const control = (req: SandboxRequest): SandboxResponse | undefined => {
		if (!req.path.startsWith('/__sandbox/')) return undefined;
		const action = req.path.slice('/__sandbox/'.length);
		if (action === 'reset' && req.method === 'POST') {
			emulator.reset();
			calls.reset();
			faults.clear();
			return { status: 200, body: { ok: true } };
		}
		if (action === 'faults' && req.method === 'POST') {
			faults.configure((req.body ?? { rules: [] }) as FaultPlan);
			return { status: 200, body: { ok: true } };
		}
		if (action === 'faults' && req.method === 'GET') return { status: 200, body: faults.log };
		if (action === 'calls' && req.method === 'GET') return { status: 200, body: calls.toJSON() };
		if (action === 'calls' && req.method === 'DELETE') {
			calls.reset();
			return { status: 200, body: { ok: true } };
		}
		if (action === 'dump' && req.method === 'GET') return { status: 200, body: emulator.dump() };
		if (action === 'load' && req.method === 'POST') {
			emulator.load(req.body);
			return { status: 200, body: { ok: true } };
		}
		if (action === 'insert' && req.method === 'POST') {
			emulator.insertRecords?.(Number((req.body as { count?: number })?.count ?? 1));
			return { status: 200, body: { ok: true } };
		}
		return { status: 404, body: { error: 'unknown sandbox control route' } };
	};

	const server: Server = createServer((rawReq, res) => {
		let route: string | undefined;
		void (async () => {
			try {
				const req = await readRequest(rawReq);
				const controlResponse = control(req);
				if (controlResponse) return write(res, controlResponse);
				route = emulator.routeOf(req);
				calls.add(route);
				const fault = faults.decide(emulator.name, route);
				// A write applied and then its answer lost: the state changes, the client sees only the failure.
				if (fault?.afterApply) await emulator.handle(req);
				if (fault?.kind === 'timeout') {
					const timer = setTimeout(() => {
						timers.delete(timer);
						rawReq.socket.destroy();
					}, fault.holdMs ?? 30000);
					timers.add(timer);
					return;
				}
				if (fault?.kind === 'connection_reset') return void rawReq.socket.destroy();
				if (fault?.kind === 'expired_token') emulator.expireTokens?.(req);
				if (fault?.kind === 'insert_records') emulator.insertRecords?.(fault.code ?? 1);
				if (
					fault &&
					['http_429', 'http_500', 'http_502', 'http_503', 'api_error'].includes(fault.kind)
				) {
					return write(res, emulator.renderFault?.(fault, req) ?? genericFault(fault));
				}
				const response = await emulator.handle(req);
				const corrupt =
					fault?.kind === 'truncated_json' || fault?.kind === 'malformed_json'
						? fault.kind
						: undefined;
				write(res, response, corrupt);
			} catch (error) {
				write(res, {
					status: 500,
					body: { error: { code: 500, message: `sandbox: ${(error as Error).message}` } },
				});
			} finally {
				if (route !== undefined) calls.emit('handled', route);
			}
		})();
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
	});
	const port = (server.address() as AddressInfo).port;
	const url = `http://127.0.0.1:${port}`;
	emulator.baseUrl = url;
	return {
		emulator,
		url,
		port,
		calls,
		faults,
		close: () =>
			new Promise<void>((resolve) => {
				for (const timer of timers) clearTimeout(timer);
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
	};
}
