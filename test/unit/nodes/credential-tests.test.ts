import { ReportSheets } from '../../../nodes/ReportSheets/ReportSheets.node';
import { Reminders } from '../../../nodes/Reminders/Reminders.node';
import { Structure } from '../../../nodes/Structure/Structure.node';
import { mcuSheetsCredentialTest } from '../../../nodes/ReportSheets/credentialTest';

// Every node using the Google service account must say how n8n tests it, and test it the same way.
describe.each([
	['ReportSheets v1', new ReportSheets().getNodeType(1)],
	['ReportSheets v2', new ReportSheets().getNodeType(2)],
	['Structure', new Structure()],
	['Reminders', new Reminders()],
])('%s credential test', (_name, node) => {
	it('declares testedBy for mcuGoogleServiceAccountApi and provides that method (the shared one)', () => {
		const credential = node.description.credentials?.find(
			(c) => c.name === 'mcuGoogleServiceAccountApi',
		);
		expect(credential?.testedBy).toBe('mcuSheetsCredentialTest');
		const methods = (node as unknown as { methods?: { credentialTest?: Record<string, unknown> } })
			.methods;
		expect(methods?.credentialTest?.mcuSheetsCredentialTest).toBe(mcuSheetsCredentialTest);
	});
});
