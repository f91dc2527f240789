import type { Sandbox } from '../../sandbox';
import { SANDBOX_CREDENTIALS } from '../../sandbox';
import { CREDENTIALS } from '../../scripts/workflows';

/** n8n credentials (plain data; n8n encrypts them on import) pointing every node of the package at a sandbox. */
export function sandboxCredentials(sandbox: Sandbox, privateKey: string) {
	const s = SANDBOX_CREDENTIALS;
	return [
		{
			...CREDENTIALS.mcuPosApi,
			type: 'mcuPosApi',
			data: {
				baseUrl: sandbox.urls.pos,
				loginPath: '/auth/oauth/token',
				username: s.pos.username,
				password: s.pos.password,
				scope: s.pos.scope,
				appealsPath: '/appeal-service/external-appeal-system/appeals',
				urlTemplate: 'https://pos.gosuslugi.ru/lkp/appeals/{id}',
			},
		},
		{
			...CREDENTIALS.mcuImApi,
			type: 'mcuImApi',
			data: { baseUrl: sandbox.urls.im, token: s.im.token },
		},
		{
			...CREDENTIALS.mcuVkApi,
			type: 'mcuVkApi',
			data: {
				accessToken: s.vk.groupToken,
				keyKind: 'community',
				groupId: sandbox.district.vkGroupId,
				apiVersion: '5.199',
				apiUrl: sandbox.urls.vk,
				callbackSecret: s.vk.callbackSecret,
				confirmation: '',
			},
		},
		{
			...CREDENTIALS.mcuOkApi,
			type: 'mcuOkApi',
			data: {
				applicationKey: s.ok.applicationKey,
				applicationSecretKey: s.ok.applicationSecretKey,
				accessToken: s.ok.accessToken,
				groupId: sandbox.district.okGroupId,
				apiUrl: sandbox.urls.ok,
			},
		},
		{
			...CREDENTIALS.mcuTelegramApi,
			type: 'mcuTelegramApi',
			data: { accessToken: s.telegram.token, baseUrl: sandbox.urls.telegram },
		},
		{
			...CREDENTIALS.mcuMaxApi,
			type: 'mcuMaxApi',
			data: {
				accessToken: s.max.token,
				baseUrl: sandbox.urls.max,
				webhookSecret: s.max.webhookSecret,
			},
		},
		{
			...CREDENTIALS.mcuGoogleServiceAccountApi,
			type: 'mcuGoogleServiceAccountApi',
			data: {
				email: s.sheets.email,
				privateKey,
				grantUrl: `${sandbox.urls.sheets}/token`,
				sheetsUrl: `${sandbox.urls.sheets}/`,
				spreadsheetId: s.sheets.spreadsheetId,
			},
		},
	];
}
