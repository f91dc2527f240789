import { Pos } from '../../../../nodes/Pos/Pos.node';
import { resources } from '../../../../nodes/Pos/actions/router';
import { posCredentials } from '../../../../nodes/Pos/transport';
import { describeRouter, resolvedParameters } from '../../../helpers/actions';

describe('«МЦУ: ПОС»: resource and operation reach their code', () => {
	const credentials = {
		baseUrl: 'http://pos.invalid',
		username: 'u',
		password: 'p',
		scope: 's',
		urlTemplate: 'https://pos.invalid/{id}',
	};
	describeRouter({
		node: new Pos(),
		resources,
		credentials,
		parsed: posCredentials(credentials),
		fields: {
			'appeal:getMany': ['returnAll', 'limit', 'onlyChanged', 'filters'],
			'appeal:get': ['posId'],
			'appeal:takeToWork': ['posId'],
			'appeal:setExecutor': ['posId', 'executor'],
			'appeal:forward': ['posId', 'target', 'opaId', 'comment'],
			'appeal:postpone': ['posId', 'newDate', 'comment'],
			'appeal:sendResponse': ['posId', 'answerType', 'answerText'],
			'category:getMany': [],
		},
	});

	// The values below are what n8n resolved with the node's single-file description before the move.
	it('n8n resolves saved parameters to the same names, values and defaults as before the move', () => {
		const node = new Pos();
		const id = '={{ $json.externalId }}';
		expect(resolvedParameters(node, {})).toEqual({
			resource: 'appeal',
			operation: 'getMany',
			returnAll: false,
			limit: 50,
			onlyChanged: false,
			filters: {},
		});
		expect(
			resolvedParameters(node, {
				resource: 'appeal',
				operation: 'getMany',
				onlyChanged: true,
				returnAll: true,
				limit: 5,
			}),
		).toEqual({
			resource: 'appeal',
			operation: 'getMany',
			onlyChanged: true,
			filters: {},
		});
		expect(resolvedParameters(node, { resource: 'appeal', operation: 'setExecutor' })).toEqual({
			resource: 'appeal',
			operation: 'setExecutor',
			posId: id,
			executor: '={{ $json.responsible }}',
		});
		expect(
			resolvedParameters(node, { resource: 'appeal', operation: 'forward', target: 'parent' }),
		).toEqual({
			resource: 'appeal',
			operation: 'forward',
			posId: id,
			target: 'parent',
			opaId: '',
			comment: '',
		});
		expect(resolvedParameters(node, { resource: 'appeal', operation: 'postpone' })).toEqual({
			resource: 'appeal',
			operation: 'postpone',
			posId: id,
			newDate: '',
			comment: '',
		});
		expect(resolvedParameters(node, { resource: 'appeal', operation: 'sendResponse' })).toEqual({
			resource: 'appeal',
			operation: 'sendResponse',
			posId: id,
			answerType: 'EXPLAINED',
			answerText: '',
		});
		expect(resolvedParameters(node, { resource: 'category' })).toEqual({
			resource: 'category',
			operation: 'getMany',
		});
	});
});
