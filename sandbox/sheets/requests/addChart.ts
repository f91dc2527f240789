import { RangeError400 } from '../a1';
import { sheetById } from '../state';
import type { RequestHandler } from './context';

export const addChart: RequestHandler = ({ store, ss, r, at }) => {
	const spec = (r.chart ?? {}) as {
		chartId?: number;
		spec?: unknown;
		position?: {
			overlayPosition?: { anchorCell?: { sheetId?: number } };
			sheetId?: number;
			newSheet?: boolean;
		};
	};
	if (!spec.spec) throw new RangeError400(`Invalid ${at}: chart spec is required`);
	const chart = { chartId: spec.chartId ?? (store.nextId() * 48271) % 2147483647, ...spec };
	const anchor = spec.position?.overlayPosition?.anchorCell?.sheetId ?? spec.position?.sheetId;
	sheetById(ss, anchor, at).charts.push(chart);
	return { addChart: { chart } };
};
