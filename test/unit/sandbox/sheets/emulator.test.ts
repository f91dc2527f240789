import { createSign, generateKeyPairSync } from 'node:crypto';
import ExcelJS from 'exceljs';
import { auth as googleAuth, sheets as googleSheets } from '@googleapis/sheets';
import { serveEmulator, type RunningEmulator } from '../../../../sandbox/core/server';
import { formatA1, parseA1, RangeError400 } from '../../../../sandbox/sheets/a1';
import { DEMO_SPREADSHEET_ID, SheetsEmulator } from '../../../../sandbox/sheets/emulator';
import { applyMask, parseFields, selectFields } from '../../../../sandbox/sheets/fields';

const EMAIL = 'mcu-reports@sandbox.iam.gserviceaccount.com';
const SCOPE = 'https://www.googleapis.com/auth/spreadsheets';
const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PRIVATE_KEY = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const PUBLIC_KEY = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();

const b64 = (v: object | string) =>
	Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

function jwt(
	claims: Record<string, unknown>,
	header: Record<string, unknown> = { alg: 'RS256', typ: 'JWT' },
	key = PRIVATE_KEY,
): string {
	const unsigned = `${b64(header)}.${b64(claims)}`;
	const signature =
		header.alg === 'RS256'
			? createSign('RSA-SHA256').update(unsigned).sign(key).toString('base64url')
			: b64('hmac-signature');
	return `${unsigned}.${signature}`;
}

const now = () => Math.floor(Date.now() / 1000);
const goodClaims = () => ({
	iss: EMAIL,
	scope: SCOPE,
	aud: 'https://oauth2.googleapis.com/token',
	iat: now(),
	exp: now() + 3600,
});

describe('A1 notation', () => {
	it('parses quoted Cyrillic sheet names, doubled quotes, whole sheets, columns, rows and single cells', () => {
		expect(parseA1("'Реестр обращений'!A1:Z")).toEqual({
			sheet: 'Реестр обращений',
			startRow: 0,
			startCol: 0,
			endRow: null,
			endCol: 26,
		});
		expect(parseA1("'Отчёт ''май'''!B2")).toMatchObject({
			sheet: "Отчёт 'май'",
			startRow: 1,
			startCol: 1,
			endRow: 2,
			endCol: 2,
			anchor: true,
		});
		expect(parseA1('Сводка')).toEqual({
			sheet: 'Сводка',
			startRow: 0,
			startCol: 0,
			endRow: null,
			endCol: null,
		});
		expect(parseA1("'Лист 1'")).toMatchObject({ sheet: 'Лист 1', endRow: null });
		expect(parseA1('Sheet1!C:E')).toEqual({
			sheet: 'Sheet1',
			startRow: 0,
			startCol: 2,
			endRow: null,
			endCol: 5,
		});
		expect(parseA1('Sheet1!3:7')).toEqual({
			sheet: 'Sheet1',
			startRow: 2,
			startCol: 0,
			endRow: 7,
			endCol: null,
		});
		expect(parseA1('A2:AB10')).toEqual({
			sheet: null,
			startRow: 1,
			startCol: 0,
			endRow: 10,
			endCol: 28,
		});
		expect(parseA1("'a!b:c'!A1:B2")).toMatchObject({ sheet: 'a!b:c', endRow: 2, endCol: 2 });
		// Reversed corners mean the same rectangle.
		expect(parseA1('Лист1!C5:A1')).toMatchObject({
			startRow: 0,
			startCol: 0,
			endRow: 5,
			endCol: 3,
		});
	});

	it('rejects what Google cannot parse', () => {
		expect(() => parseA1('Лист1!')).toThrow(RangeError400);
		expect(() => parseA1('Лист1!A0')).toThrow(RangeError400);
		expect(() => parseA1('Лист1!A1:')).toThrow(RangeError400);
		expect(() => parseA1('')).toThrow(RangeError400);
	});

	it('writes ranges as Google does: quotes only when needed, a single cell without a colon', () => {
		expect(formatA1('Sheet1', 0, 0, 3, 2)).toBe('Sheet1!A1:B3');
		expect(formatA1('Реестр обращений', 2, 0, 1, 2)).toBe("'Реестр обращений'!A3:B3");
		expect(formatA1("It's", 0, 27, 1, 1)).toBe("'It''s'!AB1");
		expect(formatA1('A1', 0, 0, 1, 1)).toBe("'A1'!A1");
	});
});

describe('field masks', () => {
	it('parses dotted paths, slashes and parenthesised sub-selections', () => {
		expect(parseFields('sheets.properties(sheetId,title),spreadsheetId')).toEqual({
			sheets: { properties: { sheetId: true, title: true } },
			spreadsheetId: true,
		});
		expect(parseFields('userEnteredFormat(textFormat,backgroundColor)')).toEqual({
			userEnteredFormat: { textFormat: true, backgroundColor: true },
		});
		expect(parseFields('a/b,a/c')).toEqual({ a: { b: true, c: true } });
		expect(() => parseFields('a(b')).toThrow();
	});

	it('selects a partial response through arrays and copies masked fields only', () => {
		const value = {
			spreadsheetId: 'x',
			sheets: [{ properties: { sheetId: 1, title: 'А', index: 0 }, charts: [1] }],
		};
		expect(selectFields(value, parseFields('sheets.properties.title'))).toEqual({
			sheets: [{ properties: { title: 'А' } }],
		});
		const target: Record<string, unknown> = {
			title: 'Старое',
			gridProperties: { rowCount: 10, frozenRowCount: 0 },
		};
		applyMask(
			target,
			{ title: 'Новое', gridProperties: { frozenRowCount: 1 } },
			parseFields('gridProperties.frozenRowCount'),
		);
		expect(target).toEqual({
			title: 'Старое',
			gridProperties: { rowCount: 10, frozenRowCount: 1 },
		});
		applyMask(target, {}, parseFields('title'));
		expect(target.title).toBeUndefined();
	});
});

describe('Sheets emulator', () => {
	let server: RunningEmulator;
	let emulator: SheetsEmulator;
	let token: string;

	const api = async (
		method: string,
		path: string,
		body?: unknown,
		bearer: string | null = token,
	) => {
		const res = await fetch(`${server.url}${path}`, {
			method,
			headers: {
				...(bearer ? { Authorization: `Bearer ${bearer}` } : {}),
				...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await res.text();
		let json: any;
		try {
			json = JSON.parse(text);
		} catch {
			json = text;
		}
		return { status: res.status, headers: res.headers, body: json };
	};
	const tokenRequest = (fields: Record<string, string>) =>
		fetch(`${server.url}/token`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams(fields).toString(),
		});
	const values = (range: string, query = '') =>
		`/v4/spreadsheets/${DEMO_SPREADSHEET_ID}/values/${encodeURIComponent(range)}${query}`;
	const batchUpdate = (requests: unknown[]) =>
		api('POST', `/v4/spreadsheets/${DEMO_SPREADSHEET_ID}:batchUpdate`, { requests });

	beforeAll(async () => {
		emulator = new SheetsEmulator({
			serviceAccountKeys: { [EMAIL]: PUBLIC_KEY },
			refreshTokens: ['1//sandbox-refresh'],
		});
		server = await serveEmulator(emulator);
		const res = await tokenRequest({
			grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
			assertion: jwt(goodClaims()),
		});
		token = ((await res.json()) as { access_token: string }).access_token;
	});
	afterAll(() => server.close());
	beforeEach(async () => {
		await fetch(`${server.url}/__sandbox/reset`, { method: 'POST' });
	});

	describe('fidelity: the real googleapis client with a service-account JWT', () => {
		it('gets a token, creates, lays out, writes, appends, reads, clears — and reads back the same data', async () => {
			const auth = new googleAuth.JWT({ email: EMAIL, key: PRIVATE_KEY, scopes: [SCOPE] });
			// google-auth-library posts the signed JWT to Google's fixed token URL: send it to the emulator instead.
			auth.transporter.interceptors.request.add({
				resolved: async (options) => {
					if (String(options.url).startsWith('https://oauth2.googleapis.com/token'))
						options.url = new URL(`${server.url}/token`);
					return options;
				},
			});
			const sheets = googleSheets({ version: 'v4', auth, rootUrl: `${server.url}/` });

			const created = await sheets.spreadsheets.create({
				requestBody: { properties: { title: 'Отчёт МЦУ за октябрь' } },
			});
			const spreadsheetId = created.data.spreadsheetId!;
			expect(created.data.sheets?.[0].properties).toMatchObject({
				sheetId: 0,
				title: 'Лист1',
				gridProperties: { rowCount: 1000, columnCount: 26 },
			});

			const layout = await sheets.spreadsheets.batchUpdate({
				spreadsheetId,
				requestBody: {
					requests: [
						{
							addSheet: {
								properties: {
									sheetId: 42,
									title: 'Реестр обращений',
									gridProperties: { rowCount: 100, columnCount: 5 },
								},
							},
						},
						{
							updateSheetProperties: {
								properties: { sheetId: 42, gridProperties: { frozenRowCount: 1 } },
								fields: 'gridProperties.frozenRowCount',
							},
						},
						{
							repeatCell: {
								range: { sheetId: 42, startRowIndex: 0, endRowIndex: 1 },
								cell: { userEnteredFormat: { textFormat: { bold: true } } },
								fields: 'userEnteredFormat.textFormat.bold',
							},
						},
						{
							repeatCell: {
								range: { sheetId: 42, startRowIndex: 1, startColumnIndex: 2, endColumnIndex: 3 },
								cell: {
									userEnteredFormat: { numberFormat: { type: 'DATE', pattern: 'dd.mm.yyyy' } },
								},
								fields: 'userEnteredFormat.numberFormat',
							},
						},
						{
							updateBorders: {
								range: {
									sheetId: 42,
									startRowIndex: 0,
									endRowIndex: 1,
									startColumnIndex: 0,
									endColumnIndex: 3,
								},
								bottom: { style: 'SOLID_MEDIUM' },
							},
						},
						{
							setBasicFilter: {
								filter: {
									range: { sheetId: 42, startRowIndex: 0, startColumnIndex: 0, endColumnIndex: 3 },
								},
							},
						},
						{
							addConditionalFormatRule: {
								index: 0,
								rule: {
									ranges: [{ sheetId: 42, startRowIndex: 1 }],
									booleanRule: {
										condition: {
											type: 'CUSTOM_FORMULA',
											values: [{ userEnteredValue: '=$B2="Просрочено"' }],
										},
										format: { backgroundColor: { red: 1, green: 0.8, blue: 0.8 } },
									},
								},
							},
						},
						{
							setDataValidation: {
								range: { sheetId: 42, startRowIndex: 1, startColumnIndex: 1, endColumnIndex: 2 },
								rule: {
									condition: {
										type: 'ONE_OF_LIST',
										values: [{ userEnteredValue: 'Новое' }, { userEnteredValue: 'Просрочено' }],
									},
									strict: true,
								},
							},
						},
						{
							addChart: {
								chart: {
									spec: { title: 'По статусам', basicChart: { chartType: 'BAR' } },
									position: {
										overlayPosition: { anchorCell: { sheetId: 42, rowIndex: 1, columnIndex: 4 } },
									},
								},
							},
						},
						{
							autoResizeDimensions: {
								dimensions: { sheetId: 42, dimension: 'COLUMNS', startIndex: 0, endIndex: 3 },
							},
						},
					],
				},
			});
			expect(layout.data.replies).toHaveLength(10);
			expect(layout.data.replies?.[0].addSheet?.properties).toMatchObject({
				sheetId: 42,
				title: 'Реестр обращений',
				index: 1,
			});
			expect(layout.data.replies?.[8].addChart?.chart?.chartId).toEqual(expect.any(Number));

			const updated = await sheets.spreadsheets.values.update({
				spreadsheetId,
				range: "'Реестр обращений'!A1",
				valueInputOption: 'USER_ENTERED',
				requestBody: {
					values: [
						['ID', 'Статус', 'Поступило'],
						['pos:1', 'Новое', '01.10.2026'],
					],
				},
			});
			expect(updated.data).toMatchObject({
				updatedRange: "'Реестр обращений'!A1:C2",
				updatedRows: 2,
				updatedColumns: 3,
				updatedCells: 6,
			});

			const appended = await sheets.spreadsheets.values.append({
				spreadsheetId,
				range: "'Реестр обращений'!A:C",
				valueInputOption: 'RAW',
				insertDataOption: 'INSERT_ROWS',
				requestBody: { values: [['vk:2', 'Просрочено', '=СЕГОДНЯ()']] },
			});
			expect(appended.data.tableRange).toBe("'Реестр обращений'!A1:C2");
			expect(appended.data.updates).toMatchObject({
				updatedRange: "'Реестр обращений'!A3:C3",
				updatedRows: 1,
				updatedCells: 3,
			});

			const batch = await sheets.spreadsheets.values.batchUpdate({
				spreadsheetId,
				requestBody: {
					valueInputOption: 'USER_ENTERED',
					data: [
						{
							range: 'Лист1!A1:B2',
							values: [
								['Показатель', 'Значение'],
								['Всего', '42'],
							],
						},
						{ range: "'Реестр обращений'!D1", values: [['Комментарий']] },
					],
				},
			});
			expect(batch.data).toMatchObject({
				totalUpdatedCells: 5,
				totalUpdatedSheets: 2,
				totalUpdatedRows: 3,
			});

			const read = await sheets.spreadsheets.values.batchGet({
				spreadsheetId,
				ranges: ["'Реестр обращений'!A1:D", 'Лист1'],
				valueRenderOption: 'FORMATTED_VALUE',
			});
			expect(read.data.valueRanges?.[0]).toEqual({
				range: "'Реестр обращений'!A1:D101",
				majorDimension: 'ROWS',
				values: [
					['ID', 'Статус', 'Поступило', 'Комментарий'],
					['pos:1', 'Новое', '01.10.2026'],
					['vk:2', 'Просрочено', '=СЕГОДНЯ()'],
				],
			});
			expect(read.data.valueRanges?.[1]).toMatchObject({
				range: "'Лист1'!A1:Z1000",
				values: [
					['Показатель', 'Значение'],
					['Всего', '42'],
				],
			});

			const unformatted = await sheets.spreadsheets.values.get({
				spreadsheetId,
				range: "'Реестр обращений'!B2:C2",
				valueRenderOption: 'UNFORMATTED_VALUE',
				majorDimension: 'COLUMNS',
			});
			expect(unformatted.data.values).toEqual([
				['Новое'],
				[Date.UTC(2026, 9, 1) / 86400000 + 25569],
			]);
			const numbers = await sheets.spreadsheets.values.get({
				spreadsheetId,
				range: 'Лист1!B2',
				valueRenderOption: 'UNFORMATTED_VALUE',
			});
			expect(numbers.data.values).toEqual([[42]]);

			const meta = await sheets.spreadsheets.get({
				spreadsheetId,
				fields:
					'spreadsheetId,properties.title,sheets(properties(sheetId,title,gridProperties),basicFilter,conditionalFormats,charts)',
			});
			expect(meta.data.properties).toEqual({ title: 'Отчёт МЦУ за октябрь' });
			expect(meta.data.sheets?.[1].properties).toEqual({
				sheetId: 42,
				title: 'Реестр обращений',
				gridProperties: { rowCount: 101, columnCount: 5, frozenRowCount: 1 },
			});
			expect(meta.data.sheets?.[1].basicFilter?.range).toMatchObject({
				sheetId: 42,
				startColumnIndex: 0,
				endColumnIndex: 3,
			});
			expect(meta.data.sheets?.[1].conditionalFormats).toHaveLength(1);
			expect(meta.data.sheets?.[1].charts?.[0].spec?.title).toBe('По статусам');
			expect(meta.data.sheets?.[0]).toEqual({
				properties: {
					sheetId: 0,
					title: 'Лист1',
					gridProperties: { rowCount: 1000, columnCount: 26 },
				},
			});

			const cleared = await sheets.spreadsheets.values.clear({
				spreadsheetId,
				range: "'Реестр обращений'!C2:C",
			});
			expect(cleared.data.clearedRange).toBe("'Реестр обращений'!C2:C101");
			await sheets.spreadsheets.values.batchClear({
				spreadsheetId,
				requestBody: { ranges: ['Лист1!B1:B2'] },
			});
			expect(emulator.values(spreadsheetId, 'Реестр обращений')).toEqual([
				['ID', 'Статус', 'Поступило', 'Комментарий'],
				['pos:1', 'Новое'],
				['vk:2', 'Просрочено'],
			]);
			expect(emulator.values(spreadsheetId, 'Лист1')).toEqual([['Показатель'], ['Всего']]);

			// One token for the whole session; every method counted under its own label.
			expect(server.calls.get('token')).toBe(1);
			expect(server.calls.toJSON()).toMatchObject({
				'spreadsheets.create': 1,
				'spreadsheets.batchUpdate': 1,
				'spreadsheets.get': 1,
				'values.update': 1,
				'values.append': 1,
				'values.batchUpdate': 1,
				'values.batchGet': 1,
				'values.get': 2,
				'values.clear': 1,
				'values.batchClear': 1,
			});
		});

		it('a token expired mid-run reaches googleapis as 401 UNAUTHENTICATED; a new JWT grant works again', async () => {
			const client = () => {
				const auth = new googleAuth.JWT({ email: EMAIL, key: PRIVATE_KEY, scopes: [SCOPE] });
				auth.transporter.interceptors.request.add({
					resolved: async (options) => {
						if (String(options.url).startsWith('https://oauth2.googleapis.com/token'))
							options.url = new URL(`${server.url}/token`);
						return options;
					},
				});
				return googleSheets({ version: 'v4', auth, rootUrl: `${server.url}/` });
			};
			const sheets = client();
			await sheets.spreadsheets.values.update({
				spreadsheetId: DEMO_SPREADSHEET_ID,
				range: 'Лист1!A1',
				valueInputOption: 'RAW',
				requestBody: { values: [['до']] },
			});
			server.calls.reset();
			server.faults.configure({
				rules: [{ emulator: 'sheets', route: 'values.get', kind: 'expired_token', times: 1 }],
			});
			await expect(
				sheets.spreadsheets.values.get({ spreadsheetId: DEMO_SPREADSHEET_ID, range: 'Лист1!A1' }),
			).rejects.toMatchObject({
				status: 401,
				response: { data: { error: { code: 401, status: 'UNAUTHENTICATED' } } },
			});
			server.faults.clear();
			// The old token stays dead; the client that signs a new JWT is served.
			await expect(
				sheets.spreadsheets.values.get({ spreadsheetId: DEMO_SPREADSHEET_ID, range: 'Лист1!A1' }),
			).rejects.toMatchObject({ status: 401 });
			const res = await client().spreadsheets.values.get({
				spreadsheetId: DEMO_SPREADSHEET_ID,
				range: 'Лист1!A1',
			});
			expect(res.data.values).toEqual([['до']]);
			expect(server.calls.get('token')).toBe(1);
		});
	});

	describe('the token endpoint', () => {
		it('issues a Bearer token for a signed service-account JWT and for a refresh token', async () => {
			const res = await tokenRequest({
				grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
				assertion: jwt(goodClaims()),
			});
			expect(res.status).toBe(200);
			const body = (await res.json()) as Record<string, unknown>;
			expect(body).toEqual({
				access_token: expect.stringMatching(/^ya29\./),
				expires_in: 3600,
				token_type: 'Bearer',
			});
			const refreshed = await tokenRequest({
				grant_type: 'refresh_token',
				refresh_token: '1//sandbox-refresh',
				client_id: 'x',
				client_secret: 'y',
			});
			expect(refreshed.status).toBe(200);
			const access = ((await refreshed.json()) as { access_token: string }).access_token;
			expect(
				(await api('GET', `/v4/spreadsheets/${DEMO_SPREADSHEET_ID}`, undefined, access)).status,
			).toBe(200);
		});

		it.each([
			['a non-RS256 JWT', () => jwt(goodClaims(), { alg: 'HS256', typ: 'JWT' }), 'invalid_grant'],
			[
				'a JWT signed by another key',
				() =>
					jwt(
						goodClaims(),
						undefined,
						generateKeyPairSync('rsa', { modulusLength: 2048 })
							.privateKey.export({ type: 'pkcs8', format: 'pem' })
							.toString(),
					),
				'invalid_grant',
			],
			[
				'an expired JWT',
				() => jwt({ ...goodClaims(), iat: now() - 7200, exp: now() - 3600 }),
				'invalid_grant',
			],
			[
				'a JWT living longer than an hour',
				() => jwt({ ...goodClaims(), exp: now() + 7200 }),
				'invalid_grant',
			],
			['a JWT without scope', () => jwt({ ...goodClaims(), scope: undefined }), 'invalid_scope'],
			['a JWT without aud', () => jwt({ ...goodClaims(), aud: undefined }), 'invalid_grant'],
			['not a JWT', () => 'abc.def', 'invalid_grant'],
		])('refuses %s with 400 and OAuth error %s', async (_label, assertion, error) => {
			const res = await tokenRequest({
				grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
				assertion: assertion(),
			});
			expect(res.status).toBe(400);
			expect(await res.json()).toMatchObject({ error, error_description: expect.any(String) });
		});

		it('refuses unknown grants and unknown refresh tokens', async () => {
			expect(
				await (await tokenRequest({ grant_type: 'password', username: 'a', password: 'b' })).json(),
			).toMatchObject({ error: 'unsupported_grant_type' });
			expect(
				await (await tokenRequest({ grant_type: 'refresh_token', refresh_token: 'stolen' })).json(),
			).toMatchObject({ error: 'invalid_grant' });
			expect((await tokenRequest({})).status).toBe(400);
		});

		it('Sheets calls without a valid Bearer token get 401 UNAUTHENTICATED in Google’s shape', async () => {
			for (const bearer of [null, 'ya29.forged']) {
				const res = await api('GET', `/v4/spreadsheets/${DEMO_SPREADSHEET_ID}`, undefined, bearer);
				expect(res.status).toBe(401);
				expect(res.body).toEqual({
					error: {
						code: 401,
						message: expect.stringContaining('authentication credential'),
						status: 'UNAUTHENTICATED',
					},
				});
			}
		});
	});

	describe('values', () => {
		it('USER_ENTERED parses numbers, percents, dates and formulas; RAW keeps strings; FORMATTED_VALUE uses the decimal comma', async () => {
			await api('PUT', values('Лист1!A1:E1', '?valueInputOption=USER_ENTERED'), {
				values: [['3,5', '15%', '2026-10-01', '=A1*2', "'007"]],
			});
			await api('PUT', values('Лист1!A2:C2', '?valueInputOption=RAW'), {
				values: [['3,5', '=A1*2', 12.25]],
			});
			const unformatted = await api(
				'GET',
				values('Лист1!A1:E2', '?valueRenderOption=UNFORMATTED_VALUE'),
			);
			expect(unformatted.body.values).toEqual([
				[3.5, 0.15, Date.UTC(2026, 9, 1) / 86400000 + 25569, '=A1*2', '007'],
				['3,5', '=A1*2', 12.25],
			]);
			const formatted = await api('GET', values('Лист1!A1:C2'));
			expect(formatted.body.values).toEqual([
				['3,5', '0,15', '46296'],
				['3,5', '=A1*2', '12,25'],
			]);
			const formulas = await api('GET', values('Лист1!D1', '?valueRenderOption=FORMULA'));
			expect(formulas.body).toEqual({
				range: "'Лист1'!D1",
				majorDimension: 'ROWS',
				values: [['=A1*2']],
			});
		});

		it('requires a valid valueInputOption and render options, like Google', async () => {
			const missing = await api('PUT', values('Лист1!A1'), { values: [['x']] });
			expect(missing.status).toBe(400);
			expect(missing.body.error).toMatchObject({
				code: 400,
				status: 'INVALID_ARGUMENT',
				message: expect.stringContaining('valueInputOption'),
			});
			expect(
				(await api('PUT', values('Лист1!A1', '?valueInputOption=PARSED'), { values: [['x']] }))
					.status,
			).toBe(400);
			expect((await api('GET', values('Лист1!A1', '?valueRenderOption=PRETTY'))).status).toBe(400);
			expect((await api('POST', values('Лист1!A1', ':append'), { values: [['x']] })).status).toBe(
				400,
			);
			expect(
				(
					await api('POST', `/v4/spreadsheets/${DEMO_SPREADSHEET_ID}/values:batchUpdate`, {
						data: [{ range: 'Лист1!A1', values: [['x']] }],
					})
				).status,
			).toBe(400);
			expect(emulator.values(DEMO_SPREADSHEET_ID, 'Лист1')).toEqual([]);
		});

		it('refuses to write past an explicit range, and to read or write an unknown sheet', async () => {
			const tooMany = await api('PUT', values('Лист1!A1:B1', '?valueInputOption=RAW'), {
				values: [
					['a', 'b'],
					['c', 'd'],
				],
			});
			expect(tooMany.status).toBe(400);
			expect(tooMany.body.error.message).toContain('tried writing to row');
			expect(
				(await api('PUT', values('Лист1!A1:A2', '?valueInputOption=RAW'), { values: [['a', 'b']] }))
					.status,
			).toBe(400);
			expect((await api('GET', values("'Нет такого листа'!A1"))).status).toBe(400);
			expect((await api('GET', values('Лист1!A1001'))).body.error.message).toContain(
				'exceeds grid limits',
			);
			expect(emulator.values(DEMO_SPREADSHEET_ID, 'Лист1')).toEqual([]);
		});

		it('accepts a body range written differently from the URL when it means the same cells (as n8n sends it)', async () => {
			const ok = await api(
				'PUT',
				`/v4/spreadsheets/${DEMO_SPREADSHEET_ID}/values/${encodeURIComponent('Лист1')}!2:3?valueInputOption=RAW`,
				{ range: "'Лист1'!2:3", values: [['a'], ['b']] },
			);
			expect(ok.body).toMatchObject({ updatedRange: "'Лист1'!A2:A3", updatedRows: 2 });
			const other = await api('PUT', values('Лист1!A2:A3', '?valueInputOption=RAW'), {
				range: 'Лист1!B2:B3',
				values: [['x'], ['y']],
			});
			expect(other.status).toBe(400);
			expect(emulator.values(DEMO_SPREADSHEET_ID, 'Лист1')).toEqual([[], ['a'], ['b']]);
		});

		it('null leaves a cell as it is, an empty string empties it', async () => {
			await api('PUT', values('Лист1!A1', '?valueInputOption=RAW'), { values: [['a', 'b', 'c']] });
			const res = await api('PUT', values('Лист1!A1', '?valueInputOption=RAW'), {
				values: [[null, '', 'C']],
			});
			expect(res.body).toMatchObject({ updatedRange: "'Лист1'!A1:C1", updatedCells: 2 });
			expect(emulator.values(DEMO_SPREADSHEET_ID, 'Лист1')).toEqual([['a', '', 'C']]);
		});

		it('reads and writes by COLUMNS', async () => {
			await api('PUT', values('Лист1!A1', '?valueInputOption=RAW'), {
				majorDimension: 'COLUMNS',
				values: [
					['Округ', 'Дедовичи', 'Пожеревицы'],
					['Обращений', 12],
				],
			});
			expect(emulator.values(DEMO_SPREADSHEET_ID, 'Лист1')).toEqual([
				['Округ', 'Обращений'],
				['Дедовичи', 12],
				['Пожеревицы'],
			]);
			const res = await api(
				'GET',
				values('Лист1!A1:B3', '?majorDimension=COLUMNS&valueRenderOption=UNFORMATTED_VALUE'),
			);
			expect(res.body).toEqual({
				range: "'Лист1'!A1:B3",
				majorDimension: 'COLUMNS',
				values: [
					['Округ', 'Дедовичи', 'Пожеревицы'],
					['Обращений', 12],
				],
			});
		});

		it('append finds the table from the range and writes right after its last row; INSERT_ROWS grows the grid', async () => {
			await api('PUT', values('Лист1!A1', '?valueInputOption=RAW'), {
				values: [
					['ID', 'Текст'],
					['1', 'яма'],
					['2', 'свет'],
				],
			});
			// A note far to the right does not belong to the A:B table.
			await api('PUT', values('Лист1!F10', '?valueInputOption=RAW'), { values: [['заметка']] });
			const res = await api('POST', values('Лист1!A1:B', ':append?valueInputOption=RAW'), {
				values: [['3', 'мусор']],
			});
			expect(res.body).toMatchObject({
				tableRange: "'Лист1'!A1:B3",
				updates: { updatedRange: "'Лист1'!A4:B4", updatedRows: 1 },
			});
			const empty = await api(
				'POST',
				values(
					"'Лист1'!H5",
					':append?valueInputOption=USER_ENTERED&insertDataOption=INSERT_ROWS&includeValuesInResponse=true',
				),
				{ values: [['1,5']] },
			);
			expect(empty.body.tableRange).toBeUndefined();
			expect(empty.body.updates).toMatchObject({
				updatedRange: "'Лист1'!H5",
				updatedData: { values: [['1,5']] },
			});
			expect(emulator.get(DEMO_SPREADSHEET_ID)!.sheets[0].properties.gridProperties.rowCount).toBe(
				1001,
			);
			expect(emulator.values(DEMO_SPREADSHEET_ID, 'Лист1')[3]).toEqual(['3', 'мусор']);
			expect(
				(
					await api(
						'POST',
						values('Лист1!A1', ':append?valueInputOption=RAW&insertDataOption=SOMEWHERE'),
						{ values: [['x']] },
					)
				).status,
			).toBe(400);
		});

		it('values.batchUpdate applies all or nothing', async () => {
			const res = await api('POST', `/v4/spreadsheets/${DEMO_SPREADSHEET_ID}/values:batchUpdate`, {
				valueInputOption: 'RAW',
				data: [
					{ range: 'Лист1!A1', values: [['первое']] },
					{ range: "'Нет листа'!A1", values: [['второе']] },
				],
			});
			expect(res.status).toBe(400);
			expect(emulator.values(DEMO_SPREADSHEET_ID, 'Лист1')).toEqual([]);
		});
	});

	describe('spreadsheets.batchUpdate and get', () => {
		it('answers an unknown request like Google and applies nothing of the batch', async () => {
			const res = await batchUpdate([
				{ addSheet: { properties: { title: 'Новый' } } },
				{ frobnicate: {} },
			]);
			expect(res.status).toBe(400);
			expect(res.body.error).toMatchObject({
				code: 400,
				status: 'INVALID_ARGUMENT',
				message:
					'Invalid JSON payload received. Unknown name "frobnicate" at \'requests[1]\': Cannot find field.',
			});
			const failing = await batchUpdate([
				{ addSheet: { properties: { title: 'Новый' } } },
				{ deleteSheet: { sheetId: 999 } },
			]);
			expect(failing.status).toBe(400);
			expect(failing.body.error.message).toContain('No grid with id: 999');
			expect(emulator.get(DEMO_SPREADSHEET_ID)!.sheets.map((s) => s.properties.title)).toEqual([
				'Лист1',
			]);
		});

		it('updateSheetProperties changes only the fields in the mask; titles stay unique; the last sheet cannot go', async () => {
			await batchUpdate([
				{
					updateSheetProperties: {
						properties: { sheetId: 0, title: 'Не менять', gridProperties: { frozenRowCount: 2 } },
						fields: 'gridProperties.frozenRowCount',
					},
				},
			]);
			expect(emulator.get(DEMO_SPREADSHEET_ID)!.sheets[0].properties).toMatchObject({
				title: 'Лист1',
				gridProperties: { rowCount: 1000, columnCount: 26, frozenRowCount: 2 },
			});
			await batchUpdate([
				{ updateSheetProperties: { properties: { sheetId: 0, title: 'Сводка' }, fields: 'title' } },
			]);
			expect(emulator.get(DEMO_SPREADSHEET_ID)!.sheets[0].properties.title).toBe('Сводка');
			expect(
				(await batchUpdate([{ updateSheetProperties: { properties: { sheetId: 0, title: 'x' } } }]))
					.status,
			).toBe(400);
			expect(
				(await batchUpdate([{ addSheet: { properties: { title: 'сводка' } } }])).body.error.message,
			).toContain('already exists');
			expect((await batchUpdate([{ deleteSheet: { sheetId: 0 } }])).body.error.message).toContain(
				"can't remove all the sheets",
			);
		});

		it('inserts and deletes rows and columns, moving the data', async () => {
			await api('PUT', values('Лист1!A1', '?valueInputOption=RAW'), {
				values: [
					['a', 'b', 'c'],
					['d', 'e', 'f'],
				],
			});
			await batchUpdate([
				{
					insertDimension: { range: { sheetId: 0, dimension: 'ROWS', startIndex: 1, endIndex: 2 } },
				},
				{
					deleteDimension: {
						range: { sheetId: 0, dimension: 'COLUMNS', startIndex: 1, endIndex: 2 },
					},
				},
			]);
			expect(emulator.values(DEMO_SPREADSHEET_ID, 'Лист1')).toEqual([['a', 'c'], [], ['d', 'f']]);
			expect(emulator.get(DEMO_SPREADSHEET_ID)!.sheets[0].properties.gridProperties).toMatchObject({
				rowCount: 1001,
				columnCount: 25,
			});
		});

		it('a date format from repeatCell shows in FORMATTED_VALUE; get with ranges and includeGridData returns that sheet’s cells', async () => {
			const added = await batchUpdate([
				{ addSheet: { properties: { title: 'Реестр обращений' } } },
			]);
			const sheetId = added.body.replies[0].addSheet.properties.sheetId as number;
			await batchUpdate([
				{
					repeatCell: {
						range: { sheetId, startRowIndex: 1, startColumnIndex: 1, endColumnIndex: 2 },
						cell: {
							userEnteredFormat: {
								numberFormat: { type: 'DATE_TIME', pattern: 'dd.mm.yyyy hh:mm' },
							},
						},
						fields: 'userEnteredFormat.numberFormat',
					},
				},
			]);
			await api('PUT', values("'Реестр обращений'!A1", '?valueInputOption=USER_ENTERED'), {
				values: [
					['ID', 'Поступило'],
					['pos:1', '2026-10-01 09:05'],
				],
			});
			expect((await api('GET', values("'Реестр обращений'!B2"))).body.values).toEqual([
				['01.10.2026 09:05'],
			]);
			const got = await api(
				'GET',
				`/v4/spreadsheets/${DEMO_SPREADSHEET_ID}?includeGridData=true&ranges=${encodeURIComponent("'Реестр обращений'!A2:B2")}`,
			);
			expect(got.body.sheets).toHaveLength(1);
			expect(got.body.sheets[0].data[0]).toMatchObject({
				startRow: 1,
				rowData: [
					{
						values: [
							{ userEnteredValue: { stringValue: 'pos:1' } },
							{
								effectiveValue: { numberValue: expect.any(Number) },
								formattedValue: '01.10.2026 09:05',
							},
						],
					},
				],
			});
			expect((await batchUpdate([{ repeatCell: { range: { sheetId }, cell: {} } }])).status).toBe(
				400,
			);
		});
	});

	describe('faults, counters and state', () => {
		it('renders 429 as RESOURCE_EXHAUSTED with Retry-After, 500/503 in Google’s shape, 502 as Google’s HTML page', async () => {
			server.faults.configure({
				rules: [
					{ route: 'values.append', kind: 'http_429', retryAfter: 7, times: 1 },
					{ route: 'values.get', kind: 'http_503', times: 1 },
					{ route: 'spreadsheets.batchUpdate', kind: 'http_500', times: 1 },
					{ route: 'spreadsheets.get', kind: 'http_502', times: 1 },
				],
			});
			const limited = await api('POST', values('Лист1!A1', ':append?valueInputOption=RAW'), {
				values: [['x']],
			});
			expect(limited.status).toBe(429);
			expect(limited.headers.get('retry-after')).toBe('7');
			expect(limited.body.error).toMatchObject({
				code: 429,
				status: 'RESOURCE_EXHAUSTED',
				message: expect.stringContaining("'Write requests'"),
			});
			expect((await api('GET', values('Лист1!A1'))).body).toEqual({
				error: {
					code: 503,
					message: 'The service is currently unavailable.',
					status: 'UNAVAILABLE',
				},
			});
			expect((await batchUpdate([{ addSheet: {} }])).body.error).toMatchObject({
				code: 500,
				status: 'INTERNAL',
			});
			const bad = await api('GET', `/v4/spreadsheets/${DEMO_SPREADSHEET_ID}`);
			expect(bad.status).toBe(502);
			expect(String(bad.body)).toContain('Error 502');
			// Nothing happened behind the faults.
			expect(emulator.get(DEMO_SPREADSHEET_ID)!.sheets).toHaveLength(1);
			expect(emulator.values(DEMO_SPREADSHEET_ID, 'Лист1')).toEqual([]);
			expect(server.calls.toJSON()).toMatchObject({
				'values.append': 1,
				'values.get': 1,
				'spreadsheets.batchUpdate': 1,
				'spreadsheets.get': 1,
			});
		});

		it('reset brings back only the empty demo spreadsheet; dump and load round-trip', async () => {
			const created = emulator.createSpreadsheet('Проба');
			await api('PUT', values('Лист1!A1', '?valueInputOption=RAW'), { values: [['сохранить']] });
			const state = JSON.parse(JSON.stringify(emulator.dump()));
			emulator.reset();
			expect(emulator.get(created.spreadsheetId)).toBeUndefined();
			expect(emulator.values(DEMO_SPREADSHEET_ID, 'Лист1')).toEqual([]);
			emulator.load(state);
			expect(emulator.get(created.spreadsheetId)?.properties.title).toBe('Проба');
			expect(emulator.values(DEMO_SPREADSHEET_ID, 'Лист1')).toEqual([['сохранить']]);
			expect((await api('GET', '/v4/spreadsheets/no-such-id')).body.error).toMatchObject({
				code: 404,
				status: 'NOT_FOUND',
			});
		});
	});

	describe('exports', () => {
		beforeEach(async () => {
			await batchUpdate([
				{
					addSheet: {
						properties: {
							sheetId: 7,
							title: 'Реестр обращений',
							gridProperties: { rowCount: 50, columnCount: 4, frozenRowCount: 1 },
						},
					},
				},
				{
					repeatCell: {
						range: { sheetId: 7, startRowIndex: 0, endRowIndex: 1 },
						cell: { userEnteredFormat: { backgroundColor: { red: 0.85, green: 0.9, blue: 0.97 } } },
						fields: 'userEnteredFormat.backgroundColor',
					},
				},
				{
					repeatCell: {
						range: { sheetId: 7, startRowIndex: 1, startColumnIndex: 1, endColumnIndex: 2 },
						cell: { userEnteredFormat: { numberFormat: { type: 'DATE', pattern: 'dd.mm.yyyy' } } },
						fields: 'userEnteredFormat.numberFormat',
					},
				},
				{
					updateBorders: {
						range: {
							sheetId: 7,
							startRowIndex: 0,
							endRowIndex: 3,
							startColumnIndex: 0,
							endColumnIndex: 3,
						},
						top: { style: 'SOLID' },
						bottom: { style: 'SOLID_THICK' },
						innerHorizontal: { style: 'DOTTED' },
					},
				},
				{
					updateDimensionProperties: {
						range: { sheetId: 7, dimension: 'COLUMNS', startIndex: 2, endIndex: 3 },
						properties: { pixelSize: 350 },
						fields: 'pixelSize',
					},
				},
				{
					setBasicFilter: {
						filter: {
							range: { sheetId: 7, startRowIndex: 0, startColumnIndex: 0, endColumnIndex: 3 },
						},
					},
				},
				{
					setDataValidation: {
						range: { sheetId: 7, startRowIndex: 1, startColumnIndex: 2, endColumnIndex: 3 },
						rule: {
							condition: {
								type: 'ONE_OF_LIST',
								values: [{ userEnteredValue: 'Новое' }, { userEnteredValue: 'Отвечено' }],
							},
						},
					},
				},
			]);
			await api('PUT', values("'Реестр обращений'!A1", '?valueInputOption=USER_ENTERED'), {
				values: [
					['ID', 'Поступило', 'Статус <важно>'],
					['pos:1', '2026-10-01', 'Новое'],
					['vk:2', '2026-10-02', 'Отвечено'],
				],
			});
		});

		it('exportXlsx keeps values, dates, the bold frozen header, fills, borders, widths, the filter and list validation', async () => {
			const workbook = new ExcelJS.Workbook();
			await workbook.xlsx.load(
				(await emulator.exportXlsx(DEMO_SPREADSHEET_ID)) as unknown as ArrayBuffer,
			);
			expect(workbook.worksheets.map((w) => w.name)).toEqual(['Лист1', 'Реестр обращений']);
			const ws = workbook.getWorksheet('Реестр обращений')!;
			expect(ws.getCell('A1').value).toBe('ID');
			expect(ws.getCell('A1').font?.bold).toBe(true);
			expect((ws.getCell('B1').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFD9E6F7');
			expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
			expect(ws.getCell('B2').value).toEqual(new Date(Date.UTC(2026, 9, 1)));
			expect(ws.getCell('B2').numFmt).toBe('dd.mm.yyyy');
			expect(ws.getCell('A1').border?.top?.style).toBe('thin');
			expect(ws.getCell('A1').border?.bottom?.style).toBe('dotted');
			expect(ws.getCell('A3').border?.bottom?.style).toBe('thick');
			expect(ws.getColumn(3).width).toBe(50);
			expect(ws.autoFilter).toEqual('A1:C3');
			expect(ws.getCell('C2').dataValidation).toMatchObject({
				type: 'list',
				formulae: ['"Новое,Отвечено"'],
			});
		});

		it('exportHtml shows a table per sheet with the values as Sheets shows them, escaped; both are served over HTTP', async () => {
			const html = emulator.exportHtml(DEMO_SPREADSHEET_ID);
			expect(html).toContain('<h2>Реестр обращений</h2>');
			expect(html).toContain('<th>Статус &lt;важно&gt;</th>');
			expect(html).toContain('<td class="num">01.10.2026</td>');
			const served = await fetch(`${server.url}/export/${DEMO_SPREADSHEET_ID}.html`);
			expect(served.headers.get('content-type')).toContain('text/html');
			expect(await served.text()).toBe(html);
			const xlsx = await fetch(`${server.url}/export/${DEMO_SPREADSHEET_ID}.xlsx`);
			expect(
				Buffer.from(await xlsx.arrayBuffer())
					.subarray(0, 2)
					.toString(),
			).toBe('PK');
			expect((await fetch(`${server.url}/export/nope.html`)).status).toBe(404);
			expect(() => emulator.exportHtml('nope')).toThrow();
		});
	});
});
