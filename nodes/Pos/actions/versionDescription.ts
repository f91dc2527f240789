import { actionNodeDescription } from '../../shared/actions';
import { resources } from './router';

export const versionDescription = actionNodeDescription(
	{
		displayName: 'МЦУ: ПОС',
		name: 'pos',
		description:
			'Сообщения Платформы обратной связи («Госуслуги. Решаем вместе»): чтение, взятие в работу, ответ',
		credentials: [{ name: 'mcuPosApi', required: true }],
	},
	resources,
);
