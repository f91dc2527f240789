import type { SandboxResponse } from '../core/types';
import { RangeError400 } from './a1';

/** Google's error shapes. */
export function googleError(code: number, status: string, message: string): SandboxResponse {
	return { status: code, body: { error: { code, message, status } } };
}

/** Google's answer to a JSON field it does not know. */
export function unknownField(name: string, at: string): SandboxResponse {
	const message = `Invalid JSON payload received. Unknown name "${name}" at '${at}': Cannot find field.`;
	return {
		status: 400,
		body: {
			error: {
				code: 400,
				message,
				status: 'INVALID_ARGUMENT',
				details: [
					{
						'@type': 'type.googleapis.com/google.rpc.BadRequest',
						fieldViolations: [{ field: at, description: message }],
					},
				],
			},
		},
	};
}

export function invalidEnum(param: string, value: string): RangeError400 {
	return new RangeError400(
		`Invalid value at '${param}' (${param.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())}), "${value}"`,
	);
}
