import type { SandboxRequest, SandboxResponse } from '../../core/types';
import { RangeError400 } from '../a1';
import { unknownField } from '../errors';
import { describe, partial } from '../reading';
import { applyRequest, isGoogleRequest, isSupportedRequest } from '../requests';
import type { SheetsStore } from '../state';
import type { Route } from './context';

/** spreadsheets.create: the title and sheets asked for, or one «Лист1». */
export function create(
	store: SheetsStore,
	baseUrl: string | undefined,
	body: Record<string, unknown>,
	req: SandboxRequest,
): SandboxResponse {
	const props = (body.properties ?? {}) as Record<string, unknown>;
	const created = store.createSpreadsheet(String(props.title ?? 'Новая таблица'));
	Object.assign(created.properties, props);
	const sheets = (body.sheets ?? []) as Array<{ properties?: Record<string, unknown> }>;
	if (sheets.length) {
		created.sheets = [];
		sheets.forEach((s, i) =>
			store.addSheet(created, {
				...(s.properties ?? {}),
				...(s.properties?.sheetId === undefined && i === 0 ? { sheetId: 0 } : {}),
			}),
		);
	}
	return { status: 200, body: describe(created, baseUrl, false, [], req.query.fields) };
}

export const get: Route = {
	method: 'GET',
	range: false,
	handle: ({ ss, baseUrl, req }) => ({
		status: 200,
		body: describe(
			ss,
			baseUrl,
			req.query.includeGridData === 'true',
			req.queryAll.ranges ?? [],
			req.query.fields,
		),
	}),
};

/** spreadsheets.batchUpdate: every request is checked, then all are applied to a copy that replaces the spreadsheet. */
export const batchUpdate: Route = {
	method: 'POST',
	range: false,
	handle: ({ store, baseUrl, ss, body, req }) => {
		const requests = body.requests ?? [];
		if (!Array.isArray(requests))
			throw new RangeError400("Invalid value at 'requests', expected a list");
		// Unknown fields are rejected before anything runs, as Google parses the whole payload first.
		for (const [index, request] of (requests as Array<Record<string, unknown>>).entries()) {
			const kinds = Object.keys(request ?? {});
			if (!kinds.length) throw new RangeError400(`Invalid requests[${index}]: No request set.`);
			const unknown = kinds.find((k) => !isGoogleRequest(k));
			if (unknown) return unknownField(unknown, `requests[${index}]`);
			if (kinds.length > 1)
				throw new RangeError400(
					`Invalid value at 'requests[${index}]' (oneof), oneof field 'kind' is already set. Cannot set '${kinds[1]}'`,
				);
			if (!isSupportedRequest(kinds[0]))
				throw new RangeError400(
					`Invalid requests[${index}].${kinds[0]}: this request is not supported by the sandbox emulator`,
				);
		}
		// All or nothing: apply to a copy, keep it only when every request succeeded.
		const copy = structuredClone(ss);
		const replies = (requests as Array<Record<string, Record<string, unknown>>>).map(
			(request, index) => {
				const kind = Object.keys(request)[0];
				return applyRequest(store, copy, kind, request[kind] ?? {}, index);
			},
		);
		store.replace(copy);
		const out: Record<string, unknown> = { spreadsheetId: ss.spreadsheetId, replies };
		if (body.includeSpreadsheetInResponse === true) {
			out.updatedSpreadsheet = describe(
				copy,
				baseUrl,
				body.responseIncludeGridData === true,
				(body.responseRanges ?? []) as string[],
			);
		}
		return { status: 200, body: partial(out, req.query.fields) };
	},
};
