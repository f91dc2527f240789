import { Workflow, type INode, type INodeType, type INodeTypes } from 'n8n-workflow';
import { Normalize } from '../../../nodes/Normalize/Normalize.node';
import { Rating } from '../../../nodes/Rating/Rating.node';

/** The canvas subtitle, evaluated the way n8n's editor does it (its node's parameters, n8n's expression engine). */
function subtitleOf(nodeType: INodeType, parameters: INode['parameters']): unknown {
	const node: INode = { id: '1', name: 'N', type: 'n8n-nodes-mcu.x', typeVersion: 1, position: [0, 0], parameters };
	const nodeTypes = { getByName: () => nodeType, getByNameAndVersion: () => nodeType, getKnownTypes: () => ({}) } as unknown as INodeTypes;
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	return workflow.expression.getSimpleParameterValue(node, nodeType.description.subtitle, 'internal', {});
}

describe('canvas subtitles in Russian', () => {
	it('«МЦУ: Рейтинг и сводка» names its operation', () => {
		expect(['rating', 'summary', 'sstu'].map((operation) => subtitleOf(new Rating(), { operation }))).toEqual(['Рейтинг', 'Сводка за период', 'Таблица ССТУ за месяц']);
	});

	it('«МЦУ: Нормализация» names every input in Russian', () => {
		expect(subtitleOf(new Normalize(), { input: 'posExport' })).toBe('выгрузка ПОС');
		expect(subtitleOf(new Normalize(), { input: 'vkEvent' })).toBe('событие ВКонтакте');
		const inputs = new Normalize().description.properties.find((p) => p.name === 'input')!.options as Array<{ value: string }>;
		for (const { value } of inputs) expect(subtitleOf(new Normalize(), { input: value })).toMatch(/^[а-яё]+ [А-ЯЁA-Z]/);
	});
});
