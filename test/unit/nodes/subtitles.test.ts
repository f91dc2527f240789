import { Workflow, type INode, type INodeType, type INodeTypes } from 'n8n-workflow';
import { Normalize } from '../../../nodes/Normalize/Normalize.node';
import { Rating } from '../../../nodes/Rating/Rating.node';
import { ReportSheets } from '../../../nodes/ReportSheets/ReportSheets.node';

/** The canvas subtitle, evaluated the way n8n's editor does it (its node's parameters, n8n's expression engine). */
function subtitleOf(nodeType: INodeType, parameters: INode['parameters']): unknown {
	const node: INode = {
		id: '1',
		name: 'N',
		type: 'n8n-nodes-mcu.x',
		typeVersion: 1,
		position: [0, 0],
		parameters,
	};
	const nodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	return workflow.expression.getSimpleParameterValue(
		node,
		nodeType.description.subtitle,
		'internal',
		{},
	);
}

describe('canvas subtitles in Russian', () => {
	it('«МЦУ: Рейтинг и сводка» names its operation', () => {
		expect(
			['rating', 'summary', 'sstu'].map((operation) => subtitleOf(new Rating(), { operation })),
		).toEqual(['Рейтинг', 'Сводка за период', 'Таблица ССТУ за месяц']);
	});

	it('«МЦУ: Отчёт в Google Таблицы» v2 names its operation; v1 keeps the subtitle its workflows were saved with', () => {
		const v2 = new ReportSheets().getNodeType(2);
		const operations = [
			'register',
			'readRegister',
			'overdue',
			'answerErrors',
			'table',
			'directory',
		];
		expect(operations.map((operation) => subtitleOf(v2, { operation }))).toEqual([
			'Реестр обращений',
			'Прочитать реестр',
			'Просроченные и истекающие',
			'Ошибки в ответах',
			'Таблица из входных элементов',
			'Прочитать справочник',
		]);
		// Every option of the selector has its Russian subtitle.
		const options = v2.description.properties.find((p) => p.name === 'operation')!
			.options as Array<{ value: string }>;
		expect(options.map((o) => o.value).sort()).toEqual([...operations].sort());
		expect(subtitleOf(new ReportSheets().getNodeType(1), { report: 'overdue' })).toBe('overdue');
	});

	it('«МЦУ: Нормализация» names every input in Russian, in both versions', () => {
		const v1 = new Normalize().getNodeType(1);
		const v2 = new Normalize().getNodeType(2);
		expect(subtitleOf(v1, { input: 'posExport' })).toBe('выгрузка ПОС');
		expect(subtitleOf(v2, { operation: 'vkEvent' })).toBe('событие ВКонтакте');
		const inputs = v2.description.properties.find((p) => p.name === 'operation')!.options as Array<{
			value: string;
		}>;
		expect(inputs.map(({ value }) => value)).toEqual(
			v1.description.properties
				.find((p) => p.name === 'input')!
				.options!.map((o) => (o as { value: string }).value),
		);
		for (const { value } of inputs) {
			expect(subtitleOf(v2, { operation: value })).toMatch(/^[а-яё]+ [А-ЯЁA-Z]/);
			expect(subtitleOf(v1, { input: value })).toBe(subtitleOf(v2, { operation: value }));
		}
	});
});
