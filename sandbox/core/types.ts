import type { IncomingHttpHeaders, ServerResponse } from 'node:http';

/** A parsed incoming request, as every emulator sees it. */
export interface SandboxRequest {
	method: string;
	/** Path without the query string, e.g. `/method/wall.get`. */
	path: string;
	query: Record<string, string>;
	/** Every value of repeated query parameters (`ranges=a&ranges=b`). */
	queryAll: Record<string, string[]>;
	headers: IncomingHttpHeaders;
	rawBody: Buffer;
	/** JSON body, or form fields (urlencoded / multipart text fields) as a flat object; `undefined` when empty. */
	body: unknown;
	/** Query and form fields merged (APIs like VK and OK accept parameters in either). */
	params: Record<string, string>;
}

/** What the emulator answers with; the core writes it (and may corrupt it for a fault). */
export interface SandboxResponse {
	status: number;
	headers?: Record<string, string>;
	/** Objects are sent as JSON; strings and Buffers as they are. */
	body?: unknown;
}

export type FaultKind =
	| 'http_429'
	| 'http_500'
	| 'http_502'
	| 'http_503'
	| 'timeout'
	/** The socket is destroyed without an answer. */
	| 'connection_reset'
	| 'truncated_json'
	| 'malformed_json'
	| 'expired_token'
	/** API-specific error (e.g. VK error 6/9/29): the emulator renders it; `code` says which. */
	| 'api_error'
	/** Not an error: new records appear at the source right before this request is served. */
	| 'insert_records';

export interface FaultRule {
	/** Emulator name (`pos`, `im`, `vk`, `ok`, `telegram`, `sheets`, `google-oauth`); omitted = all. */
	emulator?: string;
	/** Route label or a glob with `*` (`wall.*`, `GET /appeals*`); omitted = all routes. */
	route?: string;
	kind: FaultKind;
	/** Probability per matching request (0..1); default 1. */
	rate?: number;
	/** Skip the first N matching requests. */
	after?: number;
	/** Fire at most N times. */
	times?: number;
	/** Seconds for Retry-After on 429. */
	retryAfter?: number;
	/** For `api_error`: the API's own error code (VK 6, 9, 29…). For `insert_records`: how many. */
	code?: number;
	/** For `timeout`: how long to hold the socket before destroying it (ms); default 30000. */
	holdMs?: number;
	/**
	 * Apply the request first (the emulator changes its state), then fail the response with `kind` (`http_500`,
	 * `http_502`, `timeout`, `connection_reset`…): the write happened but the client cannot know — what makes a blind
	 * retry double it. Without it, error faults are injected before the request reaches the emulator.
	 */
	afterApply?: boolean;
}

export interface FaultPlan {
	seed?: number;
	rules: FaultRule[];
}

export interface Fault extends FaultRule {
	retryAfter: number;
}

/** One emulated service. Stateful; the core owns the HTTP server, faults and call counting. */
export interface Emulator {
	readonly name: string;
	/** A stable label of the request's route, for fault rules and call counters (`wall.get`, `GET /appeals`). */
	routeOf(req: SandboxRequest): string;
	handle(req: SandboxRequest): Promise<SandboxResponse> | SandboxResponse;
	/** Render a fault in this API's own error shape; return undefined to use the generic rendering. */
	renderFault?(fault: Fault, req: SandboxRequest): SandboxResponse | undefined;
	/** Called for `expired_token` faults: invalidate the token the request carries (or all tokens). */
	expireTokens?(req: SandboxRequest): void;
	/** Called for `insert_records` faults: add `count` new records at the source. */
	insertRecords?(count: number): void;
	/** Back to the seeded state. */
	reset(): void;
	dump(): unknown;
	load(state: unknown): void;
	/** Set by the core after the server starts, so emulators can build their own URLs. */
	baseUrl?: string;
}

export type RawResponse = ServerResponse;
