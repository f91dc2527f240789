// n8n's community-node rules, without the n8n Cloud restrictions: we are an unverified package on purpose
// (runtime dependencies ajv, luxon, googleapis, snowball-stemmers; see README "Dependencies").
import { configWithoutCloudSupport } from '@n8n/node-cli/eslint';

export default [
	...configWithoutCloudSupport,
	{
		files: ['package.json'],
		rules: {
			// Runtime dependencies are the point of being an unverified package (see README "Dependencies").
			'@n8n/community-nodes/no-runtime-dependencies': 'off',
		},
	},
];
