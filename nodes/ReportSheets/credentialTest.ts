import type {
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	INodeCredentialTestResult,
} from 'n8n-workflow';
import { credentialTestContext } from '../shared/credentialTest';
import { accessToken, serviceAccountFrom } from './transport';

/** The test of the Google service account, shared by every node that uses it (a token is requested afresh). */
export async function mcuSheetsCredentialTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	try {
		const account = serviceAccountFrom(credential.data ?? {});
		// Credential tests get only n8n's legacy request helper (still n8n's SSRF filter and proxy).
		const ctx = credentialTestContext(this, 'n8n-nodes-mcu.reportSheets');
		await accessToken(account, (options) => ctx.helpers.httpRequest(options), ctx.getNode(), true);
		return { status: 'OK', message: 'Токен получен' };
	} catch (error) {
		return { status: 'Error', message: (error as Error).message };
	}
}
