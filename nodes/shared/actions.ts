import {
	NodeConnectionTypes,
	NodeOperationError,
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type INodeTypeDescription,
} from 'n8n-workflow';

/**
 * The resource/operation layout of n8n's own Google Sheets v2 node, shared by every node that has operations: each
 * operation is a module `nodes/<Node>/actions/[<resource>/]<operation>.operation.ts` exporting its option, its fields
 * (`description`) and its `execute`; a resource lists its operations; the node spreads the properties built here and
 * calls its router. Source nodes have resources and run an operation with their credentials (`routeAction`); a node
 * without resources (the rating, the normalization) has the operation selector alone (`routeOperation`).
 */
export interface OperationModule<A, R = INodeExecutionData[][]> {
	/** The entry of the «Операция» list: `name` in the list, `action` in the nodes panel and on the canvas. */
	option: { name: string; value: string; action: string; description?: string };
	/** The operation's own fields, shown only when its resource and operation are chosen. */
	description: INodeProperties[];
	/** Runs the operation; `arg` is what the router hands every operation of the node (credentials, input items). */
	execute(this: IExecuteFunctions, arg: A): Promise<R>;
}

export interface ResourceModule<C, O extends string = string> {
	name: string;
	value: string;
	/** Operation value → module, in the order the «Операция» list shows them. */
	operations: Record<O, OperationModule<C>>;
	/** The operation a new node starts with (and a saved node without one runs); the first one when omitted. */
	defaultOperation?: O;
}

/** The resource's default operation: `defaultOperation`, else its first. */
function defaultOperationOf<C>(resource: ResourceModule<C>): string {
	return resource.defaultOperation ?? Object.keys(resource.operations)[0];
}

/** The nodes' resources by value, each with its operations by value (see the node's `actions/node.type.ts`). */
export type ResourceMap<C, M extends Record<string, string>> = {
	[R in keyof M & string]: ResourceModule<C, M[R]>;
};

/** «Ресурс», then per resource its «Операция» list and every operation's fields, shown only for it. */
export function actionProperties<C>(
	resources: Record<string, ResourceModule<C>>,
): INodeProperties[] {
	const list = Object.values(resources);
	const properties: INodeProperties[] = [
		// eslint-disable-next-line n8n-nodes-base/node-param-default-missing -- it has one: the map's first resource, computed
		{
			displayName: 'Ресурс',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			// Listed alphabetically, as n8n lists options; the first resource of the map stays the default.
			options: list
				.map(({ name, value }) => ({ name, value }))
				.sort((a, b) => a.name.localeCompare(b.name, 'ru')),
			default: list[0].value,
		},
	];
	for (const resource of list) {
		const operations = Object.values<OperationModule<C>>(resource.operations);
		properties.push({
			displayName: 'Операция',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource.value] } },
			options: operations.map((op) => ({ ...op.option })),
			default: defaultOperationOf(resource),
		});
		for (const op of operations) {
			properties.push(
				...updateDisplayOptions(
					{ show: { resource: [resource.value], operation: [op.option.value] } },
					op.description,
				),
			);
		}
	}
	return properties;
}

/**
 * A node without resources: its operation selector (labelled `displayName`, the first operation the default), then
 * every operation's fields, shown only for it.
 */
export function operationProperties<A, R>(
	displayName: string,
	operations: Record<string, OperationModule<A, R>>,
): INodeProperties[] {
	const list = Object.values(operations);
	return [
		// eslint-disable-next-line n8n-nodes-base/node-param-default-missing -- it has one: the first operation, computed
		{
			displayName,
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			options: list.map((op) => ({ ...op.option })),
			default: list[0].option.value,
		},
		...list.flatMap((op) =>
			updateDisplayOptions({ show: { operation: [op.option.value] } }, op.description),
		),
	];
}

/**
 * The canvas subtitle: the chosen operation's action label («Ответить на комментарий»), not the internal keys. Plain
 * comparisons, evaluated by n8n's own expression engine in the router tests.
 */
export function actionSubtitle<C>(resources: Record<string, ResourceModule<C>>): string {
	const branches: string[] = [];
	for (const resource of Object.values(resources)) {
		for (const op of Object.values<OperationModule<C>>(resource.operations)) {
			const when = `$parameter["resource"] === ${JSON.stringify(resource.value)} && $parameter["operation"] === ${JSON.stringify(op.option.value)}`;
			branches.push(`${when} ? ${JSON.stringify(op.option.action)} : `);
		}
	}
	return `={{ ${branches.join('')}"" }}`;
}

/** A canvas subtitle that names the chosen option of `parameter` in Russian (n8n would show the internal value). */
export function optionSubtitle(parameter: string, labels: Record<string, string>): string {
	return `={{ (${JSON.stringify(labels)})[$parameter["${parameter}"]] }}`;
}

/** The subtitle of a node whose properties hold an «Операция» list: the chosen option's Russian name. */
export function operationSubtitle(properties: INodeProperties[]): string {
	const list = properties.find((p) => p.name === 'operation');
	const options = (list?.options ?? []) as Array<{ name: string; value: unknown }>;
	return optionSubtitle(
		'operation',
		Object.fromEntries(options.map((o) => [String(o.value), o.name])),
	);
}

/** A trigger's subtitle: the Russian names of the options chosen in a multi-option field (not their values). */
export function chosenOptionsSubtitle(property: INodeProperties): string {
	const names = (property.options ?? []).map((o) => {
		const value = JSON.stringify((o as { value: unknown }).value);
		return `($parameter[${JSON.stringify(property.name)}] || []).includes(${value}) ? ${JSON.stringify(o.name)} : ""`;
	});
	return `={{ [${names.join(', ')}].filter((name) => name).join(", ") }}`;
}

/** Runs the operation chosen in the node (resource and operation cannot be expressions: one per run). */
export async function routeAction<C>(
	ctx: IExecuteFunctions,
	resources: Record<string, ResourceModule<C>>,
	credentials: C,
): Promise<INodeExecutionData[][]> {
	const first = Object.values(resources)[0];
	const resource = ctx.getNodeParameter('resource', 0, first.value) as string;
	const module = has(resources, resource) ? resources[resource] : undefined;
	const operations = (module?.operations ?? {}) as Record<string, OperationModule<C>>;
	const operation = ctx.getNodeParameter(
		'operation',
		0,
		module ? defaultOperationOf(module) : '',
	) as string;
	const op = has(operations, operation) ? operations[operation] : undefined;
	if (!op)
		throw new NodeOperationError(
			ctx.getNode(),
			`Операция «${operation}» для ресурса «${resource}» не поддерживается`,
		);
	return op.execute.call(ctx, credentials);
}

/** Runs the operation chosen in a node without resources, handing it `arg`. */
export async function routeOperation<A, R>(
	ctx: IExecuteFunctions,
	operations: Record<string, OperationModule<A, R>>,
	arg: A,
): Promise<R> {
	const name = ctx.getNodeParameter('operation', 0) as string;
	const op = has(operations, name) ? operations[name] : undefined;
	if (!op) throw new NodeOperationError(ctx.getNode(), `Неизвестная операция «${name}»`);
	return op.execute.call(ctx, arg);
}

const has = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);

/** What differs between the source nodes' version descriptions; the rest (one input and output) is shared. */
export type ActionNodeBasics = Pick<
	INodeTypeDescription,
	'displayName' | 'name' | 'description' | 'credentials'
>;

/**
 * A source node's version description: its basics and the resource/operation properties. Icon, subtitle and
 * usableAsTool stay in the node class (as n8n keeps them in a versioned node's base description), where n8n's lint
 * checks them.
 */
export function actionNodeDescription<C>(
	basics: ActionNodeBasics,
	resources: Record<string, ResourceModule<C>>,
): Omit<INodeTypeDescription, 'icon' | 'subtitle' | 'usableAsTool'> {
	return {
		...basics,
		group: ['input'],
		version: 1,
		defaults: { name: basics.displayName },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: actionProperties(resources),
	};
}

/** The text a write operation sends (required, several lines). */
export function messageTextField(name: string, defaultValue: string): INodeProperties {
	return {
		displayName: 'Текст',
		name,
		type: 'string',
		typeOptions: { rows: 5 },
		required: true,
		default: defaultValue,
	};
}
