import type { ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/** The administration's official MAX bot (business.max.ru): its token, the Bot API address and the webhook secret. */
export class McuMaxApi implements ICredentialType {
	name = 'mcuMaxApi';

	displayName = 'МЦУ: MAX Bot API';

	icon = 'file:max.svg' as const;

	documentationUrl = 'https://github.com/n8n-nodes-mcu/n8n-nodes-mcu#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Токен бота',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Токен бота из кабинета организации на business.max.ru (Чат-боты → Интеграция)',
		},
		{
			displayName: 'Адрес Bot API',
			name: 'baseUrl',
			type: 'string',
			default: 'https://platform-api2.max.ru',
			description: 'Адрес Bot API MAX; для песочницы — http://127.0.0.1:3107',
		},
		{
			displayName: 'Секрет вебхука',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'5–256 символов: латинские буквы, цифры, «_» и «-». MAX присылает его в заголовке X-Max-Bot-Api-Secret каждой доставки; без него «МЦУ: MAX Trigger» не включается',
		},
	];

	// The token goes only in the Authorization header: MAX no longer accepts it in the query string.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/me',
			method: 'GET',
			headers: { Authorization: '={{$credentials.accessToken}}' },
			disableFollowRedirect: true,
			sendCredentialsOnCrossOriginRedirect: false,
		},
	};
}
