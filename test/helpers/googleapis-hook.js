/**
 * Preloaded into n8n (`node --require`) by the e2e tests: n8n has no base-URL setting for Google, so requests to
 * *.googleapis.com are sent to the Sheets emulator instead (MCU_GOOGLEAPIS_EMULATOR=http://127.0.0.1:port).
 * Only the transport is redirected; n8n's own Google Sheets node and its token code run unchanged.
 * The same for n8n's community-package installer, whose registry is fixed in Community Edition: with
 * MCU_NPM_REGISTRY_EMULATOR, registry.npmjs.org and n8n's package vetting API (api.n8n.io) go to a local registry —
 * also from the npm processes n8n starts, which inherit NODE_OPTIONS.
 */
const http = require('node:http');
const https = require('node:https');

const emulator = (name) => (process.env[name] ? new URL(process.env[name]) : null);
const routes = [
	{ host: /(^|\.)googleapis\.com$/i, target: emulator('MCU_GOOGLEAPIS_EMULATOR') },
	{ host: /^(registry\.npmjs\.org|api\.n8n\.io)$/i, target: emulator('MCU_NPM_REGISTRY_EMULATOR') },
];
const targetFor = (host) =>
	typeof host === 'string'
		? routes.find((r) => r.target && r.host.test(host.split(':')[0]))?.target
		: undefined;

function rewrite(args) {
	let [first, second, third] = args;
	let options;
	let callback;
	if (typeof first === 'string' || first instanceof URL) {
		const url = new URL(String(first));
		options = {
			protocol: url.protocol,
			hostname: url.hostname,
			port: url.port,
			path: `${url.pathname}${url.search}`,
			...(typeof second === 'object' ? second : {}),
		};
		callback = typeof second === 'function' ? second : third;
	} else {
		options = { ...first };
		callback = second;
	}
	const target = targetFor(options.hostname || options.host);
	if (!target) return null;
	const headers = { ...(options.headers || {}) };
	delete options.agent;
	return {
		options: {
			...options,
			protocol: 'http:',
			hostname: target.hostname,
			host: target.hostname,
			port: target.port,
			headers,
			servername: undefined,
		},
		callback,
	};
}

for (const name of ['request', 'get']) {
	const original = https[name];
	https[name] = function patched(...args) {
		const redirected = rewrite(args);
		if (!redirected) return original.apply(this, args);
		return http[name](redirected.options, redirected.callback);
	};
}
