import {
	makeAppeal,
	validateAppeal,
	assertAppeal,
	AppealValidationError,
	recordLabel,
} from '../../../lib/appeal';

const good = () =>
	makeAppeal(
		{
			source: 'vk',
			externalId: '-123_45',
			kind: 'comment',
			receivedAt: '2026-05-04T10:00:00+03:00',
			text: 'Яма на дороге',
			raw: { id: 45 },
		},
		{
			author: { name: 'Иван Петров', profileUrl: 'https://vk.com/id1' },
			url: 'https://vk.com/wall-123_45',
		},
	);

describe('appeal record validation', () => {
	it('accepts a complete record built with makeAppeal', () => {
		expect(validateAppeal(good())).toEqual({ valid: true, problems: [] });
	});

	it('builds the id as <source>:<externalId> and neutral defaults', () => {
		const a = good();
		expect(a.id).toBe('vk:-123_45');
		expect(a.status).toBe('new');
		expect(a.satisfaction).toBe('unknown');
		expect(a.flags).toEqual([]);
	});

	it('names every bad field with its JSON path', () => {
		const bad = {
			...good(),
			receivedAt: '2026-13-45',
			status: 'done',
			author: { name: 5 },
			totkCode: '12.34',
		} as unknown;
		const result = validateAppeal(bad);
		expect(result.valid).toBe(false);
		const paths = result.problems.map((p) => p.path).sort();
		expect(paths).toEqual(['/author/name', '/receivedAt', '/status', '/totkCode']);
		const status = result.problems.find((p) => p.path === '/status');
		expect(status?.message).toContain('in_progress');
	});

	it('requires an offset in date-times', () => {
		const result = validateAppeal({ ...good(), receivedAt: '2026-05-04T10:00:00' });
		expect(result.problems).toEqual([
			{ path: '/receivedAt', message: expect.stringContaining('ISO 8601 с часовым поясом') },
		]);
	});

	it('reports missing required fields by name', () => {
		const { text: _text, ...rest } = good();
		const result = validateAppeal(rest);
		expect(result.problems).toEqual([{ path: '/text', message: 'обязательное поле отсутствует' }]);
	});

	it('rejects an id that does not match source and externalId', () => {
		const result = validateAppeal({ ...good(), id: 'vk:other' });
		expect(result.valid).toBe(false);
		expect(result.problems[0].path).toBe('/id');
	});

	it('accepts nulls in nullable fields and a valid ТОТК code', () => {
		expect(
			validateAppeal({ ...good(), deadline: null, totkCode: '0003.0009.0097.0689' }).valid,
		).toBe(true);
	});

	it('assertAppeal throws an error naming the record and the fields', () => {
		expect(() => assertAppeal({ ...good(), kind: 'tweet' })).toThrow(AppealValidationError);
		expect(() => assertAppeal({ ...good(), kind: 'tweet' })).toThrow(
			/Обращение vk:-123_45: поле \/kind/,
		);
	});

	it('labels broken records as well as it can', () => {
		expect(recordLabel({ source: 'pos', externalId: 7 })).toBe('pos:7');
		expect(recordLabel(null)).toBe('(без id)');
	});
});
