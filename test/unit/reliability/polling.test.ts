import { pollCost } from '../../../bench/polling';

/** Issue 9: with many old records and 10 new ones, a poll makes the same number of requests as with few old ones. */
describe('polling cost', () => {
	it('does not grow with the old records at the source', async () => {
		const few = await pollCost(100);
		const many = await pollCost(20000);
		expect(few.emitted).toBe(10);
		expect(many.emitted).toBe(10);
		expect(many.requests).toBe(few.requests);
		expect(many.requests).toBeLessThanOrEqual(2); // a token and one page of the new messages
	}, 60000);
});
