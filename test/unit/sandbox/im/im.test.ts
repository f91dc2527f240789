import { imDeadline } from '../../../../sandbox/im/emulator';

/** The emulator's own rules; what the node's transport does with it is in test/unit/nodes/Im/transport.test.ts. */
describe('ИМ emulator', () => {
	it('the regional deadline counts 8 office hours', () => {
		expect(imDeadline('2026-11-20T16:00:00+03:00')).toBe('2026-11-23T15:00:00+03:00');
		expect(imDeadline('2026-11-21T11:00:00+03:00')).toBe('2026-11-23T17:00:00+03:00');
	});
});
