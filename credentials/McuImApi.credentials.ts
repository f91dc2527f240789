import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

/** «Инцидент-менеджмент» REST adapter: base URL and an API token issued by the regional ЦУР. */
export class McuImApi implements ICredentialType {
	name = 'mcuImApi';

	displayName = 'МЦУ: Инцидент-менеджмент API';

	icon = 'file:im.svg' as const;

	documentationUrl = 'https://github.com/n8n-nodes-mcu/n8n-nodes-mcu#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Адрес REST-адаптера',
			name: 'baseUrl',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'https://im-adapter.example.ru',
			description: 'Адрес REST-адаптера ИМ вашего региона (https://…), его выдаёт региональный ЦУР',
		},
		{
			displayName: 'Токен API',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.token}}' } },
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/api/v1/incidents',
			qs: { size: 1 },
			disableFollowRedirect: true,
			sendCredentialsOnCrossOriginRedirect: false,
		},
	};
}
