import type { SeedDepartment, SeedSettlement } from './types';

/**
 * Дедовичский район (Псковская область): the городское поселение and the волости with real-looking villages and
 * streets. Heads of settlements take part in the МЦУ (Постановление № 500, структура рабочей группы).
 */
export const SETTLEMENTS: SeedSettlement[] = [
	{
		id: 'dedovichi',
		name: 'Дедовичи',
		kind: 'городское поселение «Дедовичи»',
		streets: ['Советская', 'Октябрьская', 'Ленина', 'Юбилейная', 'Энергетиков', 'Лесная', 'Пушкина', 'Гагарина', 'Мира', 'Комсомольская', 'Школьная', 'Железнодорожная', 'Суворова', 'Красноармейская'],
		villages: ['Дедовичи'],
		head: { name: 'Морозов Алексей Викторович', position: 'Глава городского поселения «Дедовичи»', department: 'dedovichi' },
	},
	{
		id: 'vyazye',
		name: 'Вязьевская волость',
		kind: 'сельское поселение «Вязьевская волость»',
		streets: ['Центральная', 'Садовая', 'Заречная'],
		villages: ['Вязье', 'Дубровно', 'Ясски', 'Хохловы Горки'],
		head: { name: 'Ершова Наталья Петровна', position: 'Глава сельского поселения «Вязьевская волость»', department: 'vyazye' },
	},
	{
		id: 'pozherevitsy',
		name: 'Пожеревицкая волость',
		kind: 'сельское поселение «Пожеревицкая волость»',
		streets: ['Новая', 'Полевая', 'Озёрная'],
		villages: ['Пожеревицы', 'Крутец', 'Сосонка', 'Большие Горки'],
		head: { name: 'Васильев Игорь Николаевич', position: 'Глава сельского поселения «Пожеревицкая волость»', department: 'pozherevitsy' },
	},
	{
		id: 'shelon',
		name: 'Шелонская волость',
		kind: 'сельское поселение «Шелонская волость»',
		streets: ['Речная', 'Молодёжная', 'Береговая'],
		villages: ['Красные Луки', 'Береза', 'Сорокино', 'Шелонь'],
		head: { name: 'Кузнецова Ольга Андреевна', position: 'Глава сельского поселения «Шелонская волость»', department: 'shelon' },
	},
];

const head = (name: string, position: string, department: string) => ({ name, position, department });

export const DEPARTMENTS: SeedDepartment[] = [
	{ id: 'roads', name: 'Отдел дорожного хозяйства и транспорта', head: head('Смирнов Пётр Андреевич', 'начальник отдела дорожного хозяйства и транспорта', 'roads'), organization: false, topics: ['roads', 'transport'] },
	{ id: 'housing', name: 'Отдел ЖКХ и строительства', head: head('Петров Павел Сергеевич', 'начальник отдела ЖКХ и строительства', 'housing'), organization: false, topics: ['heating', 'electricity', 'utilities', 'housing'] },
	{ id: 'improvement', name: 'Отдел благоустройства', head: head('Федорова Ирина Олеговна', 'начальник отдела благоустройства', 'improvement'), organization: false, topics: ['improvement', 'lighting', 'animals'] },
	{ id: 'education', name: 'Управление образования Дедовичского района', head: head('Николаева Светлана Ивановна', 'начальник Управления образования', 'education'), organization: false, topics: ['education'] },
	{ id: 'social', name: 'Отдел социальной защиты', head: head('Егорова Марина Викторовна', 'начальник отдела социальной защиты', 'social'), organization: false, topics: ['social'] },
	{ id: 'culture', name: 'Отдел культуры, спорта и молодёжной политики', head: head('Соколов Дмитрий Юрьевич', 'начальник отдела культуры, спорта и молодёжной политики', 'culture'), organization: false, topics: ['culture_sport'] },
	{ id: 'health', name: 'Отдел по взаимодействию со здравоохранением', head: head('Белова Татьяна Михайловна', 'заместитель Главы Администрации района', 'health'), organization: false, topics: ['health'] },
	{ id: 'economy', name: 'Отдел экономики, торговли и связи', head: head('Григорьев Андрей Валерьевич', 'начальник отдела экономики', 'economy'), organization: false, topics: ['trade', 'communication'] },
	{ id: 'gochs', name: 'Отдел ГО и ЧС', head: head('Волков Сергей Петрович', 'начальник отдела ГО и ЧС', 'gochs'), organization: false, topics: ['safety'] },
	{ id: 'vodokanal', name: 'МУП «Дедовичский водоканал»', head: head('Орлов Виктор Иванович', 'директор МУП «Дедовичский водоканал»', 'vodokanal'), organization: true, topics: ['water'] },
	{ id: 'teploset', name: 'МУП «Тепловые сети Дедовичи»', head: head('Зайцев Роман Александрович', 'директор МУП «Тепловые сети Дедовичи»', 'teploset'), organization: true, topics: ['heating'] },
	{ id: 'blagoustroystvo', name: 'МБУ «Благоустройство Дедовичи»', head: head('Козлов Артём Евгеньевич', 'директор МБУ «Благоустройство Дедовичи»', 'blagoustroystvo'), organization: true, topics: ['waste', 'improvement'] },
];

export const MALE_NAMES = ['Александр', 'Сергей', 'Андрей', 'Дмитрий', 'Алексей', 'Николай', 'Владимир', 'Иван', 'Михаил', 'Евгений', 'Виктор', 'Юрий', 'Павел', 'Олег', 'Геннадий'];
export const FEMALE_NAMES = ['Елена', 'Ольга', 'Татьяна', 'Наталья', 'Ирина', 'Светлана', 'Анна', 'Марина', 'Людмила', 'Галина', 'Валентина', 'Надежда', 'Екатерина', 'Юлия', 'Нина'];
export const SURNAMES = ['Иванов', 'Петров', 'Смирнов', 'Кузнецов', 'Васильев', 'Попов', 'Соколов', 'Михайлов', 'Новиков', 'Федоров', 'Морозов', 'Волков', 'Алексеев', 'Лебедев', 'Семенов', 'Егоров', 'Павлов', 'Козлов', 'Степанов', 'Николаев', 'Орлов', 'Андреев', 'Макаров', 'Никитин', 'Захаров', 'Зайцев', 'Соловьев', 'Борисов', 'Яковлев', 'Григорьев'];
export const PATRONYMIC_ROOTS = ['Александров', 'Сергеев', 'Андреев', 'Николаев', 'Владимиров', 'Иванов', 'Михайлов', 'Викторов', 'Петров', 'Юрьев'];
