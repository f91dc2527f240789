import { createHash, timingSafeEqual } from 'node:crypto';

/** A webhook's secret compared in constant time (digests first: equal-length buffers, and the length leaks nothing). */
export function sameSecret(given: unknown, expected: string): boolean {
	if (typeof given !== 'string' || !expected) return false;
	const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
	return timingSafeEqual(digest(given), digest(expected));
}
