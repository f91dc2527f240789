/** Two projects: fast unit tests (lib, nodes with fakes, sandbox) and e2e tests in a real n8n. */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.test.json' }];
module.exports = {
	projects: [
		{
			displayName: 'unit',
			testEnvironment: 'node',
			transform: { '^.+\\.ts$': tsJest },
			testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
		},
		{
			displayName: 'e2e',
			testEnvironment: 'node',
			transform: { '^.+\\.ts$': tsJest },
			testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
			setupFilesAfterEnv: ['<rootDir>/test/helpers/e2e-timeout.ts'],
			globalSetup: '<rootDir>/test/helpers/e2e-global-setup.ts',
		},
	],
};
