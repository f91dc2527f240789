import type { ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/** VK API access: a community (or user) token, the API version, and the Callback API settings. */
export class McuVkApi implements ICredentialType {
	name = 'mcuVkApi';

	displayName = 'МЦУ: ВКонтакте API';

	icon = 'file:vk.svg' as const;

	documentationUrl = 'https://github.com/n8n-nodes-mcu/n8n-nodes-mcu#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Ключ доступа',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Ключ доступа сообщества (Управление → Работа с API) или пользователя',
		},
		{
			displayName: 'Тип ключа',
			name: 'keyKind',
			type: 'options',
			options: [
				{ name: 'Ключ сообщества (до 20 запросов/с)', value: 'community' },
				{ name: 'Ключ пользователя (до 3 запросов/с)', value: 'user' },
			],
			default: 'community',
		},
		{
			displayName: 'ID сообщества',
			name: 'groupId',
			type: 'number',
			default: 0,
			description: 'Числовой ID сообщества администрации (без минуса)',
		},
		{
			displayName: 'Версия API',
			name: 'apiVersion',
			type: 'string',
			default: '5.199',
		},
		{
			displayName: 'Адрес API',
			name: 'apiUrl',
			type: 'string',
			default: 'https://api.vk.com',
			description: 'Адрес VK API; другой нужен только для тестового стенда',
		},
		{
			displayName: 'Callback API: секретный ключ',
			name: 'callbackSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
		},
		{
			displayName: 'Callback API: строка подтверждения',
			name: 'confirmation',
			type: 'string',
			default: '',
			description:
				'Строка, которую сервер должен вернуть (Управление → Работа с API → Callback API)',
		},
	];

	test: ICredentialTestRequest = {
		// The token goes in the POST form (VK accepts every parameter there), never in a URL that proxies and logs keep.
		request: {
			method: 'POST',
			baseURL: '={{$credentials.apiUrl}}',
			url: '/method/groups.getById',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: { access_token: '={{$credentials.accessToken}}', v: '={{$credentials.apiVersion}}' },
			disableFollowRedirect: true,
			sendCredentialsOnCrossOriginRedirect: false,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'error.error_msg',
					value: 'User authorization failed: invalid access_token (4).',
					message: 'Неверный ключ доступа',
				},
			},
		],
	};
}
