/**
 * Hostile input: masking, personal-data patterns, redaction and the xmlcalendar parser on 100k-character inputs
 * built to make backtracking patterns quadratic, at n and 4n characters (linear: ≈ 4× the time, not 16×).
 * Run: npx tsx bench/hostile.ts
 */
import { maskText } from '../lib/reports/masking';
import { EMAIL, PASSPORT, PHONE } from '../lib/text/personalData';
import { parseXmlCalendar } from '../lib/calendar';
import { redactText } from '../nodes/shared/http';
import { findSecrets } from '../test/helpers/secrets';

const inputs: Record<string, (n: number) => string> = {
	'maskText: letters, no @': (n) => 'a'.repeat(n),
	'maskText: "a." × n/2 then @ (e-mail worst case)': (n) => `${'a.'.repeat(n / 2)}@`,
	'maskText: capitalised words (names worst case)': (n) => 'Аа '.repeat(Math.floor(n / 3)),
	'maskText: digits and dashes (phones worst case)': (n) => '1-'.repeat(n / 2),
	'maskText: «паспорт» + spaces': (n) => `паспорт${' '.repeat(n)}`,
	'EMAIL.match on letters': (n) => 'a'.repeat(n),
	'redactText: a word without =': (n) => 'a'.repeat(n),
	'xmlcalendar: one 100k tag': (n) =>
		`<calendar year="2027"><days><day d="01.01" t="1" ${'x'.repeat(n)}/></days></calendar>`,
	'findSecrets: 1 MB of text': (n) => 'pos-sandbox-'.repeat(Math.floor((n * 10) / 12)),
};

function run(name: string, text: string): number {
	const t0 = process.hrtime.bigint();
	for (let i = 0; i < 3; i++) once(name, text);
	return Number(process.hrtime.bigint() - t0) / 3e6;
}

function once(name: string, text: string): void {
	if (name.startsWith('maskText')) maskText(text);
	else if (name.startsWith('EMAIL')) {
		text.match(EMAIL);
		text.match(PHONE);
		text.match(PASSPORT);
	} else if (name.startsWith('redactText')) redactText(text);
	else if (name.startsWith('xmlcalendar')) parseXmlCalendar(text);
	else findSecrets(text);
}

const rows: string[] = ['| input | 100k chars, ms | 400k chars, ms | ratio |', '|---|---|---|---|'];
for (const [name, make] of Object.entries(inputs)) {
	run(name, make(100000));
	const a = run(name, make(100000));
	const b = run(name, make(400000));
	rows.push(
		`| ${name} | ${a.toFixed(1)} | ${b.toFixed(1)} | ${(b / Math.max(a, 0.01)).toFixed(1)} |`,
	);
}
console.log(rows.join('\n'));
