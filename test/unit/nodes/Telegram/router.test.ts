import { Telegram } from '../../../../nodes/Telegram/Telegram.node';
import { resources } from '../../../../nodes/Telegram/actions/router';
import { telegramCredentials } from '../../../../nodes/Telegram/transport';
import { describeRouter } from '../../../helpers/actions';

describe('«МЦУ: Telegram»: resource and operation reach their code', () => {
	const credentials = { accessToken: '123:abc', baseUrl: 'http://telegram.invalid' };
	describeRouter({
		node: new Telegram(),
		resources,
		credentials,
		parsed: telegramCredentials(credentials),
		fields: {
			'message:getNew': [],
			'message:send': ['chatId', 'text'],
		},
	});
});
