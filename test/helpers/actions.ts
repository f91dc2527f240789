import {
	NodeHelpers,
	Workflow,
	type IExecuteFunctions,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeProperties,
	type INodeType,
	type INodeTypes,
} from 'n8n-workflow';
import type { OperationModule, ResourceModule } from '../../nodes/shared/actions';

/** A stand-in IExecuteFunctions for a node's router: parameters by name (else the fallback), credentials, one item. */
export function routerContext(
	parameters: Record<string, unknown>,
	credentials: Record<string, unknown>,
): IExecuteFunctions {
	const node: INode = {
		id: 'router',
		name: 'router',
		type: 'n8n-nodes-mcu.test',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	return {
		getNode: () => node,
		getInputData: () => [{ json: {} }],
		getNodeParameter: (name: string, _i: number, fallback?: unknown) =>
			name in parameters ? parameters[name] : fallback,
		getCredentials: async () => credentials,
		continueOnFail: () => false,
	} as unknown as IExecuteFunctions;
}

/** The subtitle n8n's own expression engine shows on the canvas for a node of this type with these parameters. */
export function evaluateSubtitle(nodeType: INodeType, parameters: INodeParameters): unknown {
	const nodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
	const node: INode = {
		id: 'subtitle',
		name: 'subtitle',
		type: 'n8n-nodes-mcu.test',
		typeVersion: 1,
		position: [0, 0],
		parameters,
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	return workflow.expression.getSimpleParameterValue(
		node,
		String(nodeType.description.subtitle),
		'internal',
		{},
	);
}

/**
 * The parameters n8n gives a node saved with `saved` when it loads the workflow: the saved values of the fields it
 * shows, defaults for the rest, hidden ones dropped (n8n's own NodeHelpers.getNodeParameters).
 */
export function resolvedParameters(
	nodeType: INodeType,
	saved: INodeParameters,
): INodeParameters | null {
	const node: INode = {
		id: 'saved',
		name: 'saved',
		type: 'n8n-nodes-mcu.test',
		typeVersion: 1,
		position: [0, 0],
		parameters: saved,
	};
	return NodeHelpers.getNodeParameters(
		nodeType.description.properties,
		saved,
		true,
		false,
		node,
		nodeType.description,
	);
}

/** Whether n8n shows a property for these values (`show` conditions; a missing value counts as its default). */
function shown(property: INodeProperties, values: Record<string, unknown>): boolean {
	return Object.entries(property.displayOptions?.show ?? {}).every(([name, allowed]) =>
		(allowed as unknown[]).includes(values[name]),
	);
}

/** The names of the fields n8n shows for these values, besides the resource and operation selectors. */
export function visibleFields(
	properties: INodeProperties[],
	values: Record<string, unknown>,
): string[] {
	const withDefaults = { ...values };
	for (const p of properties)
		if (!(p.name in withDefaults) && shown(p, withDefaults)) withDefaults[p.name] = p.default;
	return properties
		.filter((p) => p.name !== 'resource' && p.name !== 'operation' && shown(p, withDefaults))
		.map((p) => p.name);
}

/** Every «resource:operation» pair the node offers in the editor. */
export function offeredPairs(properties: INodeProperties[]): string[] {
	const resources = properties.find((p) => p.name === 'resource')?.options ?? [];
	return resources.flatMap((r) => {
		const value = (r as { value: string }).value;
		const operation = properties.find(
			(p) => p.name === 'operation' && shown(p, { resource: value }),
		);
		return (operation?.options ?? []).map((o) => `${value}:${(o as { value: string }).value}`);
	});
}

/**
 * The router's contract, as tests: the pairs offered in the editor are exactly `fields`' keys (the values saved
 * workflows use), each runs its own operation module with the node's credentials, shows exactly its fields, and
 * the canvas subtitle is its Russian action label.
 */
export function describeRouter<C>(options: {
	node: INodeType;
	resources: Record<string, ResourceModule<C>>;
	credentials: Record<string, unknown>;
	parsed: C;
	fields: Record<string, string[]>;
}): void {
	const { node, resources } = options;
	const properties = node.description.properties;
	const pairs = Object.keys(options.fields);
	const moduleOf = (pair: string): OperationModule<C> => {
		const [resource, operation] = pair.split(':');
		return (resources[resource].operations as Record<string, OperationModule<C>>)[operation];
	};
	afterEach(() => jest.restoreAllMocks());

	it('offers exactly the resource/operation pairs saved workflows use', () => {
		expect(offeredPairs(properties).sort()).toEqual([...pairs].sort());
	});

	it.each(pairs)('%s runs its own operation with the credentials, and no other', async (pair) => {
		const spies = pairs.map((p) =>
			jest
				.spyOn(moduleOf(p), 'execute')
				.mockResolvedValue([[{ json: { ran: p } }]] as INodeExecutionData[][]),
		);
		const [resource, operation] = pair.split(':');
		const ctx = routerContext({ resource, operation }, options.credentials);
		await expect(node.execute!.call(ctx)).resolves.toEqual([[{ json: { ran: pair } }]]);
		const spy = spies[pairs.indexOf(pair)];
		expect(spy).toHaveBeenCalledTimes(1);
		expect(spy.mock.calls[0]).toEqual([options.parsed]);
		expect(spy.mock.contexts[0]).toBe(ctx);
		expect(spies.filter((s) => s.mock.calls.length).length).toBe(1);
	});

	it.each(pairs)('%s shows exactly its own fields', (pair) => {
		const [resource, operation] = pair.split(':');
		expect(visibleFields(properties, { resource, operation }).sort()).toEqual(
			[...options.fields[pair]].sort(),
		);
	});

	it("the canvas subtitle is the operation's Russian action label, a different one for each pair", () => {
		const labels = pairs.map((pair) => {
			const [resource, operation] = pair.split(':');
			return evaluateSubtitle(node, { resource, operation });
		});
		expect(labels).toEqual(pairs.map((pair) => moduleOf(pair).option.action));
		expect(new Set(labels).size).toBe(pairs.length);
		for (const label of labels) expect(label).toMatch(/^[А-ЯЁ][а-яё]+ [а-яё ]+$/);
	});

	it('refuses an operation it does not have, naming it', async () => {
		const [resource] = pairs[0].split(':');
		const ctx = routerContext({ resource, operation: 'delete' }, options.credentials);
		await expect(node.execute!.call(ctx)).rejects.toThrow(
			'Операция «delete» для ресурса «' + resource + '» не поддерживается',
		);
	});
}
