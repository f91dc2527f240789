import * as fs from 'node:fs';
import * as path from 'node:path';
import * as entry from '../../index';

const root = path.resolve(__dirname, '../..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');

/** The names the README promises from the main entry: its «main entry» paragraph and its `require('n8n-nodes-mcu')` example. */
function promisedNames(): string[] {
	const paragraph = readme.split(/\n\s*\n/).find((p) => p.includes("package's main entry")) ?? '';
	const listed = [...paragraph.matchAll(/`([A-Za-z_$][\w$]*)`/g)].map((m) => m[1]);
	const required = [...readme.matchAll(/const \{([^}]+)\} = require\('n8n-nodes-mcu'\)/g)].flatMap(
		(m) => m[1].split(',').map((n) => n.trim()),
	);
	return [...new Set([...listed, ...required])].sort();
}

describe('the main entry keeps the README promise', () => {
	const names = promisedNames();

	it('reads the promised names from the README (the five of issue #17 among them)', () => {
		expect(names).toEqual(
			expect.arrayContaining([
				'createClassifier',
				'detectConflicts',
				'linkRepeats',
				'checkAnswer',
				'computeRating',
				'addWorkingDays',
				'isWorkingDay',
			]),
		);
	});

	it('exports every promised name as a function', () => {
		const exported = entry as unknown as Record<string, unknown>;
		const notFunctions = names.filter((name) => typeof exported[name] !== 'function');
		expect(notFunctions).toEqual([]);
	});

	it('the README example gives what its comments say', () => {
		expect(entry.addWorkingDays('2026-04-30', 1)).toBe('2026-05-04');
		expect(entry.isWorkingDay('2026-05-11')).toBe(false);
	});

	it('the default calendar reports an unknown year in its warnings instead of printing a process warning', () => {
		const spy = jest.spyOn(process, 'emitWarning');
		try {
			const before = entry.defaultCalendar.warnings.length;
			entry.isWorkingDay('2049-03-01');
			expect(entry.defaultCalendar.warnings.slice(before)).toEqual([
				entry.unknownYearWarning(2049),
			]);
			expect(spy).not.toHaveBeenCalled();
		} finally {
			spy.mockRestore();
		}
	});
});
