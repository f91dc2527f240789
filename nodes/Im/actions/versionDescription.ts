import { actionNodeDescription } from '../../shared/actions';
import { resources } from './router';

export const versionDescription = actionNodeDescription(
	{
		displayName: 'МЦУ: Инцидент-менеджмент',
		name: 'im',
		description:
			'Инциденты из соцсетей, зарегистрированные ЦУР: чтение, взятие в работу, исполнитель, перенаправление, ответ (публикуется автору), отклонение',
		credentials: [{ name: 'mcuImApi', required: true }],
	},
	resources,
);
