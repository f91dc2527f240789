import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/** Одноклассники API: application key, application secret key and an access token; requests are signed. */
export class McuOkApi implements ICredentialType {
	name = 'mcuOkApi';

	displayName = 'МЦУ: Одноклассники API';

	icon = 'file:ok.svg' as const;

	documentationUrl = 'https://github.com/n8n-nodes-mcu/n8n-nodes-mcu#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Публичный ключ приложения',
			name: 'applicationKey',
			type: 'string',
			default: '',
			description: 'Из письма ok.ru о регистрации приложения (application key)',
		},
		{
			displayName: 'Секретный ключ приложения',
			name: 'applicationSecretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
		},
		{
			displayName: 'Токен доступа',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
		},
		{ displayName: 'ID группы', name: 'groupId', type: 'string', default: '' },
		{
			displayName: 'Адрес API',
			name: 'apiUrl',
			type: 'string',
			default: 'https://api.ok.ru',
			description: 'Адрес OK API; другой нужен только для тестового стенда',
		},
	];
}
