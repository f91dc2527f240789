import { Im } from '../../../../nodes/Im/Im.node';
import { resources } from '../../../../nodes/Im/actions/router';
import { imCredentials } from '../../../../nodes/Im/transport';
import { describeRouter, resolvedParameters } from '../../../helpers/actions';

describe('«МЦУ: Инцидент-менеджмент»: resource and operation reach their code', () => {
	const credentials = { baseUrl: 'http://im.invalid', token: 'im-token' };
	describeRouter({
		node: new Im(),
		resources,
		credentials,
		parsed: imCredentials(credentials),
		fields: {
			'incident:getMany': ['returnAll', 'limit', 'onlyChanged', 'updatedSince'],
			'incident:get': ['incidentId'],
			'incident:take': ['incidentId'],
			'incident:assign': ['incidentId', 'executor'],
			'incident:forward': ['incidentId', 'organization', 'comment'],
			'incident:answer': ['incidentId', 'answerText'],
			'incident:reject': ['incidentId', 'reason'],
		},
	});

	// The values below are what n8n resolved with the node's single-file description before the move; nodes saved
	// then may lack `resource` (the node had one).
	it('n8n resolves saved parameters to the same names, values and defaults as before the move', () => {
		const node = new Im();
		const id = '={{ $json.externalId }}';
		expect(resolvedParameters(node, {})).toEqual({
			resource: 'incident',
			operation: 'getMany',
			returnAll: false,
			limit: 50,
			onlyChanged: false,
			updatedSince: '',
		});
		expect(
			resolvedParameters(node, { operation: 'getMany', onlyChanged: true, returnAll: true }),
		).toEqual({ resource: 'incident', operation: 'getMany', onlyChanged: true, updatedSince: '' });
		expect(resolvedParameters(node, { operation: 'assign' })).toEqual({
			resource: 'incident',
			operation: 'assign',
			incidentId: id,
			executor: '={{ $json.responsible }}',
		});
		expect(resolvedParameters(node, { operation: 'forward', organization: 'ГБУЗ' })).toEqual({
			resource: 'incident',
			operation: 'forward',
			incidentId: id,
			organization: 'ГБУЗ',
			comment: '',
		});
		expect(resolvedParameters(node, { operation: 'answer' })).toEqual({
			resource: 'incident',
			operation: 'answer',
			incidentId: id,
			answerText: '',
		});
		expect(resolvedParameters(node, { operation: 'reject' })).toEqual({
			resource: 'incident',
			operation: 'reject',
			incidentId: id,
			reason: '',
		});
	});
});
