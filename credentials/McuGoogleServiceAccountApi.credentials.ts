import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * A Google service account for the report spreadsheets. The token endpoint and the Sheets address are settings
 * (taken from the key's `token_uri`), so the same credential works with Google and with the local sandbox.
 */
export class McuGoogleServiceAccountApi implements ICredentialType {
	name = 'mcuGoogleServiceAccountApi';

	displayName = 'МЦУ: Google Service Account (Таблицы) API';

	icon = 'file:sheets.svg' as const;

	documentationUrl = 'https://github.com/n8n-nodes-mcu/n8n-nodes-mcu#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Адрес почты сервисного аккаунта',
			name: 'email',
			type: 'string',
			placeholder: 'mcu-reports@project.iam.gserviceaccount.com',
			default: '',
		},
		{
			displayName: 'Закрытый ключ',
			name: 'privateKey',
			type: 'string',
			typeOptions: { password: true, rows: 4 },
			default: '',
			description:
				'Поле private_key из JSON-ключа сервисного аккаунта, вместе с -----BEGIN PRIVATE KEY-----',
		},
		{
			displayName: 'Таблица МЦУ',
			name: 'spreadsheetId',
			type: 'string',
			default: '',
			placeholder: 'https://docs.google.com/spreadsheets/d/…/edit',
			description:
				'ID или адрес общей таблицы района (реестр, отчёты, лист «Справочник»). Узлы с этими учётными данными работают с ней, если в узле своя таблица не указана. Таблицу нужно открыть сервисному аккаунту на редактирование.',
		},
		{
			displayName: 'Адрес выдачи токенов (token_uri)',
			name: 'grantUrl',
			type: 'string',
			default: 'https://oauth2.googleapis.com/token',
		},
		{
			displayName: 'Адрес Google Sheets API',
			name: 'sheetsUrl',
			type: 'string',
			default: 'https://sheets.googleapis.com/',
			description: 'Для песочницы — адрес её эмулятора таблиц',
		},
	];
}
