/** JSON Schema of the normalized appeal (draft 2020-12 subset understood by ajv). */
import {
	APPEAL_KINDS,
	APPEAL_SOURCES,
	APPEAL_STATUSES,
	APPEAL_TYPES,
	SATISFACTION_VALUES,
} from './types';

const isoDateTime = { type: 'string', format: 'date-time' } as const;
const nullable = (schema: Record<string, unknown>) => ({ anyOf: [schema, { type: 'null' }] });

export const TOTK_CODE_PATTERN = '^[0-9]{4}(\\.[0-9]{4}){3,4}$';

export const appealSchema = {
	$id: 'https://n8n-nodes-mcu/appeal.schema.json',
	title: 'Обращение (нормализованная запись МЦУ)',
	type: 'object',
	required: [
		'id',
		'source',
		'externalId',
		'receivedAt',
		'kind',
		'author',
		'text',
		'status',
		'satisfaction',
		'flags',
		'raw',
	],
	properties: {
		id: { type: 'string', pattern: '^[a-z]+:.+$' },
		source: { enum: [...APPEAL_SOURCES] },
		externalId: { type: 'string', minLength: 1 },
		url: nullable({ type: 'string', format: 'uri' }),
		receivedAt: isoDateTime,
		registeredAt: nullable(isoDateTime),
		kind: { enum: [...APPEAL_KINDS] },
		author: {
			type: 'object',
			required: ['name'],
			properties: {
				name: nullable({ type: 'string' }),
				id: nullable({ type: 'string' }),
				profileUrl: nullable({ type: 'string' }),
				contact: nullable({ type: 'string' }),
				anonymous: { type: 'boolean' },
			},
		},
		text: { type: 'string' },
		address: nullable({ type: 'string' }),
		settlement: nullable({ type: 'string' }),
		category: nullable({ type: 'string' }),
		topic: nullable({ type: 'string' }),
		totkCode: nullable({ type: 'string', pattern: TOTK_CODE_PATTERN }),
		appealType: nullable({ enum: [...APPEAL_TYPES] }),
		department: nullable({ type: 'string' }),
		responsible: nullable({ type: 'string' }),
		status: { enum: [...APPEAL_STATUSES] },
		sourceStatus: nullable({ type: 'string' }),
		deadline: nullable(isoDateTime),
		extendedDeadline: nullable(isoDateTime),
		firstReactionAt: nullable(isoDateTime),
		answeredAt: nullable(isoDateTime),
		answerText: nullable({ type: 'string' }),
		satisfaction: { enum: [...SATISFACTION_VALUES] },
		flags: { type: 'array', items: { type: 'string' } },
		parentId: nullable({ type: 'string' }),
		primaryId: nullable({ type: 'string' }),
		raw: {},
	},
} as const;
