import { Max } from '../../../../nodes/Max/Max.node';
import { resources } from '../../../../nodes/Max/actions/router';
import { maxCredentials } from '../../../../nodes/Max/transport';
import { describeRouter, visibleFields } from '../../../helpers/actions';

describe('«МЦУ: MAX»: resource and operation reach their code', () => {
	const credentials = {
		accessToken: 'max-token',
		baseUrl: 'http://max.invalid',
		webhookSecret: 'max-secret-1',
	};
	describeRouter({
		node: new Max(),
		resources,
		credentials,
		parsed: maxCredentials(credentials),
		fields: {
			'message:getNew': ['batchSize', 'timeout'],
			// «Кому» defaults to a user: the user's id, not the chat's.
			'message:send': ['recipient', 'userId', 'text', 'format', 'idempotencyKey', 'markAnswered'],
			'message:reply': ['chatId', 'replyTo', 'text', 'format', 'idempotencyKey', 'markAnswered'],
		},
	});

	it("«Отправить» to a chat shows the chat's id instead of the user's", () => {
		expect(
			visibleFields(new Max().description.properties, {
				resource: 'message',
				operation: 'send',
				recipient: 'chat',
			}).sort(),
		).toEqual(['recipient', 'chatId', 'text', 'format', 'idempotencyKey', 'markAnswered'].sort());
	});
});
