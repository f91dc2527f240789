import {
	applyCorrection,
	computedValue,
	readCorrections,
	CORRECTION_HEADERS,
} from '../../../lib/reports';

const H = CORRECTION_HEADERS;

describe('readCorrections', () => {
	const header = [
		'ID',
		'Тема',
		H.topic,
		'Подразделение',
		H.department,
		H.settlement,
		H.appealType,
		'Комментарий',
	];
	it('reads a grid: topic by label or id, settlement by name, alias or id, type by label or id, department as written', () => {
		const { corrections, warnings } = readCorrections([
			header,
			['pos:1', 'Отопление', 'дороги и тротуары', '', ' Дорожный  отдел ', '', '', 'позвонить'],
			['pos:2', '', 'water', '', '', 'Вязьевской волости', 'жалоба', ''],
			['pos:3', '', '', '', '', 'shelon', 'question', ''],
			['pos:4', 'Отопление', '', '', '', '', '', 'без исправлений'],
		]);
		expect(warnings).toEqual([]);
		expect([...corrections]).toEqual([
			['pos:1', { topic: 'roads', department: 'Дорожный отдел' }],
			[
				'pos:2',
				{
					topic: 'water',
					settlement: 'vyazye',
					settlementName: 'Вязьевская волость',
					appealType: 'complaint',
				},
			],
			[
				'pos:3',
				{ settlement: 'shelon', settlementName: 'Шелонская волость', appealType: 'question' },
			],
		]);
	});

	it('finds the columns wherever people moved them, and reads rows given as objects', () => {
		const moved = [
			[H.department, 'Что-то', 'ID'],
			['ЖКХ', 'x', 'vk:9'],
		];
		expect([...readCorrections(moved).corrections]).toEqual([['vk:9', { department: 'ЖКХ' }]]);
		const objects = [
			{ ID: 'ok:1', 'тема (исправлено)': 'Уличное освещение' },
			{ ID: 'ok:2', [H.topic]: '' },
		];
		expect([...readCorrections(objects).corrections]).toEqual([['ok:1', { topic: 'lighting' }]]);
	});

	it('ignores unknown values with a warning naming row, appeal and column; keeps the known ones of that row', () => {
		const { corrections, warnings } = readCorrections([
			header,
			['pos:1', '', 'Дороги и тратуары', '', 'ЖКХ', 'Нарния', 'донос', ''],
			['', '', 'Отопление', '', '', '', '', ''],
			['pos:1', '', 'Отопление', '', '', '', '', ''],
		]);
		expect([...corrections]).toEqual([['pos:1', { department: 'ЖКХ' }]]);
		expect(warnings).toEqual([
			'Реестр, строка 2 (pos:1), столбец «Тема (исправлено)»: нет такой темы «Дороги и тратуары» — не учтено',
			'Реестр, строка 2 (pos:1), столбец «Поселение (исправлено)»: нет такого поселения «Нарния» — не учтено',
			'Реестр, строка 2 (pos:1), столбец «Вид (исправлено)»: вид «донос» не из списка (Жалоба, Заявление, Предложение, Вопрос, Благодарность) — не учтено',
			'Реестр, строка 3, столбец «Тема (исправлено)»: нет ID обращения — исправление пропущено',
			'Реестр, строка 4 (pos:1), столбец «Тема (исправлено)»: ID повторяется, действует первая строка с ним',
		]);
	});

	it('matches departments to a known list (spelling and case aside) and refuses the others', () => {
		const { corrections, warnings } = readCorrections(
			[
				['ID', H.department],
				['a', 'отдел жкх'],
				['b', 'Отдел кадров'],
			],
			{ departments: ['Отдел ЖКХ', 'Дорожный отдел'] },
		);
		expect([...corrections]).toEqual([['a', { department: 'Отдел ЖКХ' }]]);
		expect(warnings).toEqual([
			'Реестр, строка 3 (b), столбец «Подразделение (исправлено)»: нет такого подразделения «Отдел кадров» — не учтено',
		]);
	});

	it('an empty or headerless input gives nothing', () => {
		expect(readCorrections([]).corrections.size).toBe(0);
		expect(
			readCorrections([
				['ID', 'Тема'],
				['a', 'Отопление'],
			]).corrections.size,
		).toBe(0);
	});
});

describe('applyCorrection', () => {
	const record = {
		id: 'pos:1',
		topic: 'heating',
		topicTitle: 'Отопление',
		totkCode: '0005.0005.0056.1154',
		settlement: 'dedovichi',
		settlementName: 'Дедовичи',
		appealType: 'question',
		text: 'x',
	};
	it('replaces topic (label, ТОТК), settlement and type, and keeps what it replaced', () => {
		const out = applyCorrection(record, {
			topic: 'roads',
			settlement: 'vyazye',
			settlementName: 'Вязьевская волость',
			appealType: 'complaint',
			department: 'ЖКХ',
		});
		expect(out).toMatchObject({
			topic: 'roads',
			topicTitle: 'Дороги и тротуары',
			totkCode: '0003.0008.0086.0574',
			settlement: 'vyazye',
			settlementName: 'Вязьевская волость',
			appealType: 'complaint',
		});
		expect(out.corrections).toEqual({
			topic: 'roads',
			settlement: 'vyazye',
			settlementName: 'Вязьевская волость',
			appealType: 'complaint',
			department: 'ЖКХ',
			computed: {
				topic: 'heating',
				settlement: 'dedovichi',
				settlementName: 'Дедовичи',
				appealType: 'question',
			},
		});
		expect(computedValue(out, 'topic')).toBe('heating');
		expect(computedValue(record, 'topic')).toBe('heating');
		// Applied again to its own output: the computed values stay the first ones.
		expect(applyCorrection(out, { topic: 'water' }).corrections?.computed).toEqual(
			out.corrections?.computed,
		);
		expect(applyCorrection(record, undefined)).toBe(record);
	});
});
