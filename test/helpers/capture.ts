import { EventEmitter } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { waitForEvent } from './waitFor';

/** A tiny HTTP sink: workflows under test POST their items here, the test reads what arrived. */
export interface Capture {
	url: string;
	received: Array<Record<string, unknown>>;
	waitFor(count: number, timeoutMs?: number): Promise<void>;
	close(): Promise<void>;
}

export async function startCapture(): Promise<Capture> {
	const received: Array<Record<string, unknown>> = [];
	const arrivals = new EventEmitter();
	const server: Server = createServer((req, res) => {
		let body = '';
		req.on('data', (d) => (body += d));
		req.on('end', () => {
			try {
				const parsed = JSON.parse(body) as unknown;
				for (const item of Array.isArray(parsed) ? parsed : [parsed])
					received.push(item as Record<string, unknown>);
			} catch {
				received.push({ unparsable: body });
			}
			arrivals.emit('item');
			res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		url,
		received,
		waitFor: (count, timeoutMs = 90000) =>
			waitForEvent(
				[arrivals],
				'item',
				() => received.length >= count,
				timeoutMs,
				() => `capture: ${received.length} of ${count} items arrived in ${timeoutMs} ms`,
			),
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

/** An n8n HTTP Request node that POSTs each incoming item's JSON to the capture. */
export function captureNode(url: string, name = 'Capture', position: [number, number] = [400, 0]) {
	return {
		id: `capture-${name}`,
		name,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position,
		parameters: {
			method: 'POST',
			url,
			sendBody: true,
			specifyBody: 'json',
			jsonBody: '={{ JSON.stringify($json) }}',
			options: {},
		},
	};
}
