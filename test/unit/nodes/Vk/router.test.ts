import { Vk } from '../../../../nodes/Vk/Vk.node';
import { resources } from '../../../../nodes/Vk/actions/router';
import { vkCredentials } from '../../../../nodes/Vk/transport';
import { describeRouter } from '../../../helpers/actions';

describe('«МЦУ: ВКонтакте»: resource and operation reach their code', () => {
	const credentials = {
		accessToken: 'vk-token',
		keyKind: 'community',
		groupId: 42,
		apiUrl: 'http://vk.invalid',
	};
	describeRouter({
		node: new Vk(),
		resources,
		credentials,
		parsed: vkCredentials(credentials),
		fields: {
			'post:getMany': ['count'],
			'comment:getMany': ['count', 'postId'],
			'comment:reply': ['replyPostId', 'replyToComment', 'message'],
			'message:send': ['userId', 'appealId', 'purpose', 'message'],
			'mention:search': ['query', 'startTime'],
		},
	});
});
