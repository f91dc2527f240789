/**
 * `{ ...record, ...extra }` for the records nodes pass on. Measured on 10,000 appeals (24 fields) copied and then
 * given ten fields on Node 24 (V8 13, what n8n 2 runs on): the spread takes ≈ 0.5 µs and ≈ 0.4 KB a record,
 * `Object.fromEntries(Object.entries(…))` ≈ 3.5 µs and ≈ 3 KB. (On Node 20 `Object.assign` would be faster, but the
 * package only runs inside n8n, and n8n's scanner refuses reading `process` to choose.) The spread defines
 * `__proto__` as a data property, as JSON has it, never as a prototype.
 */

/** A shallow copy of `record`, as `{ ...record }`. */
export function copyRecord<T extends object>(record: T): T {
	return { ...record };
}

/** `{ ...record, ...extra }`: the record's fields, then the extra ones (a key of both keeps its place, takes extra's value). */
export function withFields<T extends object, E extends object>(record: T, extra: E): T & E {
	return { ...record, ...extra };
}
