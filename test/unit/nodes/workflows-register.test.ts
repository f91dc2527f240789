import * as fs from 'node:fs';
import * as path from 'node:path';
import { departmentList } from '../../../lib/reports';
import { intakeWorkflow } from '../../../scripts/workflows';

type Json = Record<string, any>;

// The shipped intake's register offers, in «Подразделение (исправлено)», exactly the departments its routing rules use.
describe('shipped intake: register drop-down of corrected departments', () => {
	const check = (wf: Json) => {
		const routing = wf.nodes.find((n: Json) => n.type === 'n8n-nodes-mcu.routing');
		const register = wf.nodes.find((n: Json) => n.type === 'n8n-nodes-mcu.reportSheets' && n.parameters.report === 'register');
		const departments = [...new Set<string>(routing.parameters.rules.rule.map((r: Json) => r.department))];
		expect(departments.length).toBeGreaterThan(1);
		// Read as the node reads it: names with commas in them («Отдел культуры, спорта и …») stay whole.
		expect(departmentList(register.parameters.correctionDepartments)).toEqual(departments);
	};
	it('in the generator', () => check(intakeWorkflow()));
	it('in workflows/intake.json as shipped (regenerated)', () => check(JSON.parse(fs.readFileSync(path.join(__dirname, '../../../workflows/intake.json'), 'utf8'))));
});

describe('departmentList', () => {
	it('one per line or «;» when names have commas, commas otherwise', () => {
		expect(departmentList('Отдел ЖКХ, Отдел благоустройства')).toEqual(['Отдел ЖКХ', 'Отдел благоустройства']);
		expect(departmentList('Отдел культуры, спорта\n Отдел ЖКХ \n\n')).toEqual(['Отдел культуры, спорта', 'Отдел ЖКХ']);
		expect(departmentList('Отдел экономики, торговли; Отдел ЖКХ')).toEqual(['Отдел экономики, торговли', 'Отдел ЖКХ']);
		expect(departmentList(undefined)).toEqual([]);
	});
});
