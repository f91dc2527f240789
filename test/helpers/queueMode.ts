/** n8n's queue mode on this machine's PostgreSQL and Redis: one database and one Redis key space per run. */
export function queueModeEnv(database: string, redisPrefix: string): Record<string, string> {
	return {
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: '5432',
		DB_POSTGRESDB_DATABASE: database,
		DB_POSTGRESDB_USER: 'postgres',
		DB_POSTGRESDB_PASSWORD: '',
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: '6379',
		QUEUE_BULL_PREFIX: redisPrefix,
	};
}
