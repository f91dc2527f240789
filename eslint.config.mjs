// n8n's community-node rules, without the n8n Cloud restrictions: we are an unverified package on purpose
// (runtime dependencies ajv, luxon, googleapis, snowball-stemmers; see README "Dependencies").
import { configWithoutCloudSupport } from '@n8n/node-cli/eslint';

export default [
	...configWithoutCloudSupport,
	{
		files: ['nodes/**/*.ts'],
		rules: {
			// This rule's sentence-case check only knows Latin letters: it rewrites every Russian action label to ''
			// (verified with --fix). Our labels are written in Russian sentence case by hand.
			'n8n-nodes-base/node-param-operation-option-action-miscased': 'off',
			// Demands English «Whether …» for booleans; our descriptions are Russian sentences.
			'n8n-nodes-base/node-param-description-boolean-without-whether': 'off',
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
