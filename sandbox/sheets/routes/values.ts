import { RangeError400 } from '../a1';
import { readValues } from '../reading';
import { locate } from '../state';
import { clearRange, inputOption, sameRange, withData, write } from '../writing';
import type { Route } from './context';

/** The values routes on a range (`/values/{range}`) and their batch forms. */

export const get: Route = {
	method: 'GET',
	range: true,
	handle: ({ ss, range, req }) => ({ status: 200, body: readValues(ss, range!, req.query) }),
};

export const update: Route = {
	method: 'PUT',
	range: true,
	handle: ({ ss, range, body, req }) => {
		const a1 = range!;
		const option = inputOption(req.query.valueInputOption);
		if (body.range !== undefined && !sameRange(ss, String(body.range), a1)) {
			throw new RangeError400(
				`Requested entity range [${String(body.range)}] does not match the range in the URL [${a1}]`,
			);
		}
		const apply = write(ss, a1, body.values, option, body.majorDimension);
		return { status: 200, body: withData(apply(), ss, req.query) };
	},
};

export const clear: Route = {
	method: 'POST',
	range: true,
	handle: ({ ss, range }) => ({
		status: 200,
		body: { spreadsheetId: ss.spreadsheetId, clearedRange: clearRange(ss, range!) },
	}),
};

export const batchGet: Route = {
	method: 'GET',
	range: false,
	handle: ({ ss, req }) => {
		const ranges = req.queryAll.ranges ?? [];
		const valueRanges = ranges.map((r) => readValues(ss, r, req.query));
		return {
			status: 200,
			body: { spreadsheetId: ss.spreadsheetId, ...(valueRanges.length ? { valueRanges } : {}) },
		};
	},
};

/** values.batchUpdate: every range is validated first, as the batch applies all or nothing. */
export const batchUpdate: Route = {
	method: 'POST',
	range: false,
	handle: ({ ss, body }) => {
		const option = inputOption(body.valueInputOption);
		const data = (body.data ?? []) as Array<{
			range?: string;
			values?: unknown;
			majorDimension?: string;
		}>;
		const writes = data.map((d, i) => {
			if (!d.range) throw new RangeError400(`Invalid data[${i}]: range is required`);
			return {
				sheet: locate(ss, d.range).sheet,
				apply: write(ss, d.range, d.values, option, d.majorDimension),
			};
		});
		const responses = writes.map((w) => withData(w.apply(), ss, body));
		const touched = responses.filter((r) => r.updatedCells);
		return {
			status: 200,
			body: {
				spreadsheetId: ss.spreadsheetId,
				...(touched.length
					? {
							totalUpdatedRows: touched.reduce((s, r) => s + (r.updatedRows ?? 0), 0),
							totalUpdatedColumns: Math.max(0, ...touched.map((r) => r.updatedColumns ?? 0)),
							totalUpdatedCells: touched.reduce((s, r) => s + (r.updatedCells ?? 0), 0),
							totalUpdatedSheets: new Set(
								writes
									.filter((_, i) => responses[i].updatedCells)
									.map((w) => w.sheet.properties.sheetId),
							).size,
						}
					: {}),
				...(responses.length ? { responses } : {}),
			},
		};
	},
};

export const batchClear: Route = {
	method: 'POST',
	range: false,
	handle: ({ ss, body }) => {
		const ranges = (body.ranges ?? []) as string[];
		for (const r of ranges) locate(ss, r);
		return {
			status: 200,
			body: {
				spreadsheetId: ss.spreadsheetId,
				clearedRanges: ranges.map((r) => clearRange(ss, r)),
			},
		};
	},
};
