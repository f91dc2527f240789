import { DEADLINE_UNITS, type DeadlineUnit } from '../deadlines/policy';
import type { Routed, RoutedContact, RoutedDeadline } from './types';

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);
const textOrNull = (v: unknown) => (typeof v === 'string' ? v : null);

function readDeadline(value: unknown): RoutedDeadline | null {
	if (!isObject(value)) return null;
	const { unit, amount } = value;
	if (!DEADLINE_UNITS.includes(unit as DeadlineUnit)) return null;
	if (typeof amount !== 'number' || !Number.isFinite(amount) || amount <= 0) return null;
	return { unit: unit as DeadlineUnit, amount };
}

function readContact(value: unknown): RoutedContact | undefined {
	if (!isObject(value)) return undefined;
	return {
		telegramChatId: textOrNull(value.telegramChatId),
		maxChatId: textOrNull(value.maxChatId),
		email: textOrNull(value.email),
	};
}

/**
 * `appeal.routing` as the routing node wrote it, read from an item that anyone could have edited on the way:
 * undefined when it is not an object; a deadline with an unknown unit or a non-positive amount is dropped.
 */
export function readRouted(value: unknown): Routed | undefined {
	if (!isObject(value)) return undefined;
	const routed: Routed = {
		rule: textOrNull(value.rule),
		why: Array.isArray(value.why)
			? value.why.filter((w): w is string => typeof w === 'string')
			: [],
		deadline: readDeadline(value.deadline),
	};
	const contact = readContact(value.contact);
	if (contact) routed.contact = contact;
	return routed;
}
