import { Readable } from 'node:stream';
import type { IExecuteFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';
import { parseXmlCalendar, CalendarFormatError } from '../../../lib/calendar';
import { loadCalendar } from '../../../nodes/shared/calendar';

const node: INode = {
	id: 'n',
	name: 'Сроки',
	type: 'n8n-nodes-mcu.deadlines',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
const YEAR =
	'<calendar year="2027"><holidays><holiday id="1" title="Новый год"/></holidays><days><day d="01.01" t="1" h="1"/></days></calendar>';

function context(answer: (options: IHttpRequestOptions) => unknown) {
	const calls: IHttpRequestOptions[] = [];
	const ctx = {
		getNode: () => node,
		helpers: {
			httpRequest: async (options: IHttpRequestOptions) => {
				calls.push(options);
				return answer(options);
			},
		},
	} as unknown as IExecuteFunctions;
	return { ctx, calls };
}

describe('xmlcalendar parser on hostile input', () => {
	it('reads a day whose tag carries 100k characters of junk, correctly', () => {
		const xml = `<calendar year="2027"><days><day d="01.01" t="1" ${'x'.repeat(100000)}/><day d="01.02" t="2" junk="${'y'.repeat(100000)}"/></days></calendar>`;
		expect(parseXmlCalendar(xml).days).toEqual([
			{ date: '01-01', mark: 'off' },
			{ date: '01-02', mark: 'shortened' },
		]);
	});

	it('refuses 25,000 unclosed tags and oversized files with a calendar error', () => {
		expect(() =>
			parseXmlCalendar(
				`<calendar year="2027"><days>${'<day d="01.01" t="1"'.repeat(5000)}</days></calendar>`,
			),
		).toThrow(CalendarFormatError);
		expect(() =>
			parseXmlCalendar(`<calendar year="2027">${' '.repeat(1_000_001)}</calendar>`),
		).toThrow(/больше/);
		const error = (() => {
			try {
				parseXmlCalendar(
					`<calendar year="2027"><days><day d="01.01" t="9" ${'z'.repeat(100000)}/></days></calendar>`,
				);
			} catch (e) {
				return e as Error;
			}
			return undefined;
		})();
		expect(error?.message.length).toBeLessThan(300);
	});
});

describe('calendar URL: timeout and size cap', () => {
	it('asks n8n for a stream with a timeout and an abort signal, and parses the file', async () => {
		const { ctx, calls } = context(() => Readable.from([Buffer.from(YEAR)]));
		const calendar = await loadCalendar(ctx, { calendarUrl: 'https://calendar.example/2027.xml' });
		expect(calendar.yearSource(2027)).toBe('https://calendar.example/2027.xml');
		expect(calls[0]).toMatchObject({
			url: 'https://calendar.example/2027.xml',
			encoding: 'stream',
			timeout: 15000,
		});
		expect(calls[0].abortSignal).toBeDefined();
	});

	it('stops an endless answer at the size cap', async () => {
		let sent = 0;
		const endless = new Readable({
			read() {
				sent += 64 * 1024;
				this.push(Buffer.alloc(64 * 1024, 0x20));
			},
		});
		const { ctx, calls } = context(() => endless);
		await expect(
			loadCalendar(
				ctx,
				{ calendarUrl: 'https://calendar.example/endless.xml' },
				{ maxBytes: 1_000_000 },
			),
		).rejects.toThrow(/больше 1000000 байт/);
		expect(sent).toBeLessThan(2_000_000);
		expect((calls[0].abortSignal as AbortSignal).aborted).toBe(true);
	});

	it('stops an answer that never ends at the deadline', async () => {
		const silent = new Readable({ read() {} });
		const { ctx } = context(() => silent);
		await expect(
			loadCalendar(ctx, { calendarUrl: 'https://calendar.example/slow.xml' }, { timeoutMs: 50 }),
		).rejects.toThrow(/не загружен за 0.05 с/);
	});
});
