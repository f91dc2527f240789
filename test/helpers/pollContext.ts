import type { ICredentialDataDecryptedObject, IDataObject, IPollFunctions } from 'n8n-workflow';
import { fetchContext } from './httpContext';

/**
 * A stand-in for n8n's IPollFunctions, enough to run a trigger's `poll()` against an emulator: parameters, one
 * credential, the node's static data kept between polls (as n8n keeps it), real HTTP through fetch.
 */
export function pollContext(
	parameters: Record<string, unknown>,
	credentials: ICredentialDataDecryptedObject,
	mode: 'trigger' | 'manual' = 'trigger',
) {
	const http = fetchContext('trigger');
	const staticData: IDataObject = {};
	const ctx = {
		...http,
		getMode: () => mode,
		getNodeParameter: (name: string, fallback?: unknown) =>
			name in parameters ? parameters[name] : fallback,
		getCredentials: async () => credentials,
		getWorkflowStaticData: () => staticData,
	};
	return { ctx: ctx as unknown as IPollFunctions, requests: http.requests, staticData };
}
