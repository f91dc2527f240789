// n8n's community-node rules, without the n8n Cloud restrictions: we are an unverified package on purpose
// (runtime dependencies ajv, luxon, @googleapis/sheets, snowball-stemmers; see README "Dependencies").
import { configWithoutCloudSupport } from '@n8n/node-cli/eslint';

export default [
	...configWithoutCloudSupport,
	{
		files: ['nodes/**/*.ts'],
		rules: {
			// This rule's sentence-case check only knows Latin letters: it rewrites every Russian action label to ''
			// (verified with --fix). Our labels are written in Russian sentence case by hand.
			'n8n-nodes-base/node-param-operation-option-action-miscased': 'off',
			// n8n's editor shows collection and fixedCollection fields in the declared order (its Collection and
			// FixedCollection parameters do not sort them). Alphabetical order put a routing rule's name 5th of 12 and a
			// department head's escalation after the curator's: we declare fields in the order a coordinator fills them.
			'n8n-nodes-base/node-param-collection-type-unsorted-items': 'off',
			'n8n-nodes-base/node-param-fixed-collection-type-unsorted-items': 'off',
			// Descriptions are in Russian, so a boolean's cannot start with «Whether».
			'n8n-nodes-base/node-param-description-boolean-without-whether': 'off',
			// These two demand n8n's fixed English texts for «Вернуть все» and its limit; ours say the same in Russian.
			'n8n-nodes-base/node-param-description-wrong-for-return-all': 'off',
			'n8n-nodes-base/node-param-description-wrong-for-limit': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts', 'credentials/**/*.ts', 'lib/**/*.ts'],
		rules: {
			// n8n's community-package scanner refuses these globals (setTimeout, process…) even in unverified packages.
			'@n8n/community-nodes/no-restricted-globals': 'error',
		},
	},
	{
		files: ['lib/**/*.ts'],
		rules: {
			// lib/ has no n8n import by design: its domain errors are wrapped in NodeOperationError by the nodes.
			'@n8n/community-nodes/require-node-api-error': 'off',
		},
	},
	{
		files: ['package.json'],
		rules: {
			// Runtime dependencies are the point of being an unverified package (see README "Dependencies").
			'@n8n/community-nodes/no-runtime-dependencies': 'off',
		},
	},
];
