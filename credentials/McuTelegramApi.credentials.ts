import type { ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/** The official bot of the administration (Telegram Bot API token and the API address). */
export class McuTelegramApi implements ICredentialType {
	name = 'mcuTelegramApi';

	displayName = 'МЦУ: Telegram Bot API';

	icon = 'file:telegram.svg' as const;

	documentationUrl = 'https://github.com/n8n-nodes-mcu/n8n-nodes-mcu#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Токен бота',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Токен бота от @BotFather',
		},
		{
			displayName: 'Адрес Bot API',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.telegram.org',
			description:
				'Адрес Bot API; другой нужен только для тестового стенда или своего сервера Bot API',
		},
	];

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}/bot{{$credentials.accessToken}}',
			url: '/getMe',
			disableFollowRedirect: true,
			sendCredentialsOnCrossOriginRedirect: false,
		},
	};
}
