import { copyRecord, withFields } from '../../../lib/record';

describe('record copies (lib/record): what the spread gives, on any V8', () => {
	it('copies own fields in order, shallow; extra fields keep the place of a field they replace', () => {
		const author = { name: 'Жители' };
		const record = { id: 'vk:1', topic: null, author, flags: ['anonymous'] };
		const copy = copyRecord(record);
		expect(copy).not.toBe(record);
		expect(Object.keys(copy)).toEqual(['id', 'topic', 'author', 'flags']);
		expect(copy.author).toBe(author);
		const out = withFields(record, { topic: 'roads', classification: { confidence: 1 } });
		expect(Object.keys(out)).toEqual(['id', 'topic', 'author', 'flags', 'classification']);
		expect(out).toEqual({ ...record, topic: 'roads', classification: { confidence: 1 } });
		expect(record.topic).toBeNull();
	});

	it('a «__proto__» field from JSON stays a field and never becomes the prototype', () => {
		const record = JSON.parse('{"id":"vk:2","__proto__":{"polluted":true}}') as Record<
			string,
			unknown
		>;
		for (const out of [
			copyRecord(record),
			withFields(record, { topic: 'roads' }),
			withFields({ id: 'vk:3' }, record),
		]) {
			expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
			expect(Object.prototype.hasOwnProperty.call(out, '__proto__')).toBe(true);
			expect((out as { polluted?: boolean }).polluted).toBeUndefined();
		}
	});

	it('symbol keys are copied too', () => {
		const mark = Symbol('mark');
		const out = withFields({ id: 'ok:1', [mark]: 1 }, { topic: 'roads' });
		expect(out[mark]).toBe(1);
	});
});
