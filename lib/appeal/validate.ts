import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { appealSchema } from './schema';
import type { Appeal } from './types';

/** One bad field of a record: where (JSON path) and what is wrong, in words. */
export interface FieldProblem {
	path: string;
	message: string;
}

export interface ValidationResult {
	valid: boolean;
	problems: FieldProblem[];
}

// Compiled once per process: validation is on the hot path of every node.
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validateCompiled = ajv.compile(appealSchema);

function describe(error: ErrorObject): FieldProblem {
	const base = error.instancePath || '';
	switch (error.keyword) {
		case 'required': {
			const missing = (error.params as { missingProperty: string }).missingProperty;
			return { path: `${base}/${missing}`, message: 'обязательное поле отсутствует' };
		}
		case 'format': {
			const format = (error.params as { format: string }).format;
			const expected =
				format === 'date-time'
					? 'дата и время ISO 8601 с часовым поясом, например 2026-05-04T10:00:00+03:00'
					: format === 'uri'
						? 'адрес (URL)'
						: format;
			return { path: base, message: `неверный формат: ожидается ${expected}` };
		}
		case 'enum': {
			const allowed = (error.params as { allowedValues: unknown[] }).allowedValues;
			return { path: base, message: `недопустимое значение; допустимо: ${allowed.join(', ')}` };
		}
		case 'type':
			return {
				path: base,
				message: `неверный тип: ожидается ${(error.params as { type: string }).type}`,
			};
		case 'pattern':
			return {
				path: base,
				message: `не соответствует шаблону ${(error.params as { pattern: string }).pattern}`,
			};
		case 'minLength':
			return { path: base, message: 'пустая строка недопустима' };
		default:
			return { path: base, message: error.message ?? error.keyword };
	}
}

/** Collapse anyOf noise (nullable fields report both branches) into one problem per path. */
function collect(errors: ErrorObject[] | null | undefined): FieldProblem[] {
	const byPath = new Map<string, FieldProblem>();
	for (const error of errors ?? []) {
		if (error.keyword === 'anyOf') continue;
		const problem = describe(error);
		if (error.keyword === 'type' && (error.params as { type: string }).type === 'null') continue;
		if (!byPath.has(problem.path)) byPath.set(problem.path, problem);
	}
	if (byPath.size === 0 && errors?.length) {
		for (const error of errors) byPath.set(error.instancePath, describe(error));
	}
	return [...byPath.values()];
}

export function validateAppeal(record: unknown): ValidationResult {
	const valid = validateCompiled(record) as boolean;
	if (valid) {
		const appeal = record as Appeal;
		if (appeal.id !== `${appeal.source}:${appeal.externalId}`) {
			return {
				valid: false,
				problems: [
					{
						path: '/id',
						message: `должно быть «${appeal.source}:${appeal.externalId}» (источник:внешний id)`,
					},
				],
			};
		}
		return { valid: true, problems: [] };
	}
	return { valid: false, problems: collect(validateCompiled.errors) };
}

/** Thrown (or turned into an error item) when a record is not a valid appeal. */
export class AppealValidationError extends Error {
	constructor(
		readonly recordId: string,
		readonly problems: FieldProblem[],
	) {
		super(
			`Обращение ${recordId}: ` +
				problems.map((p) => `поле ${p.path || '/'} — ${p.message}`).join('; '),
		);
		this.name = 'AppealValidationError';
	}
}

/** Best-effort id of a record for error messages, even when the record is broken. */
export function recordLabel(record: unknown): string {
	if (record && typeof record === 'object') {
		const r = record as Record<string, unknown>;
		if (typeof r.id === 'string' && r.id) return r.id;
		if (r.source !== undefined || r.externalId !== undefined)
			return `${String(r.source ?? '?')}:${String(r.externalId ?? '?')}`;
	}
	return '(без id)';
}

export function assertAppeal(record: unknown): Appeal {
	const result = validateAppeal(record);
	if (!result.valid) throw new AppealValidationError(recordLabel(record), result.problems);
	return record as Appeal;
}
