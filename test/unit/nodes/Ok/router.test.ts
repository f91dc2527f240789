import { Ok } from '../../../../nodes/Ok/Ok.node';
import { resources } from '../../../../nodes/Ok/actions/router';
import { okCredentials } from '../../../../nodes/Ok/transport';
import { describeRouter } from '../../../helpers/actions';

describe('«МЦУ: Одноклассники»: resource and operation reach their code', () => {
	const credentials = {
		applicationKey: 'app',
		applicationSecretKey: 'secret',
		accessToken: 'token',
		groupId: '7',
		apiUrl: 'http://ok.invalid',
	};
	describeRouter({
		node: new Ok(),
		resources,
		credentials,
		parsed: okCredentials(credentials),
		fields: {
			'comment:getMany': ['topics'],
			'comment:reply': ['discussionId', 'replyToCommentId', 'text'],
		},
	});
});
