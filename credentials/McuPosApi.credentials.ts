import type { ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/** ПОС REST gateway: OAuth2 password grant. The node gets, caches and renews the token itself. */
export class McuPosApi implements ICredentialType {
	name = 'mcuPosApi';

	displayName = 'МЦУ: ПОС (Госуслуги. Решаем вместе) API';

	icon = 'file:pos.svg' as const;

	documentationUrl = 'https://github.com/n8n-nodes-mcu/n8n-nodes-mcu#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Адрес шлюза',
			name: 'baseUrl',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'https://pos-gateway.example.ru',
			description:
				'Адрес REST-шлюза ПОС вашего региона (https://…), его выдаёт региональный оператор ПОС',
		},
		{
			displayName: 'Путь получения токена',
			name: 'loginPath',
			type: 'string',
			default: '/auth/oauth/token',
		},
		{
			displayName: 'Имя пользователя',
			name: 'username',
			type: 'string',
			default: '',
		},
		{
			displayName: 'Пароль',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
		},
		{
			displayName: 'Область доступа (scope)',
			name: 'scope',
			type: 'string',
			default: 'appeals',
		},
		{
			displayName: 'Путь к сообщениям',
			name: 'appealsPath',
			type: 'string',
			default: '/appeal-service/external-appeal-system/appeals',
			description: 'Маршрут списка сообщений; у разных региональных шлюзов он может отличаться',
		},
		{
			displayName: 'Ссылка на сообщение (шаблон)',
			name: 'urlTemplate',
			type: 'string',
			default: 'https://pos.gosuslugi.ru/lkp/appeals/{id}',
			description: 'Ссылка для людей в отчётах и напоминаниях; {id} заменяется номером сообщения',
		},
	];

	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			// The password form goes only to the gateway itself, never where a redirect points.
			disableFollowRedirect: true,
			sendCredentialsOnCrossOriginRedirect: false,
			baseURL: '={{$credentials.baseUrl}}',
			url: '={{$credentials.loginPath}}',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: {
				grant_type: 'password',
				username: '={{$credentials.username}}',
				password: '={{$credentials.password}}',
				scope: '={{$credentials.scope}}',
			},
		},
	};
}
