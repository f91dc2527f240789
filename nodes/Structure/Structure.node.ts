import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import {
	compileCategoryMap,
	parseCategoryRows,
	parseDictionaryRows,
	structureBatch,
	type CategoryMap,
	type CategoryRule,
	type TopicDictionary,
	type TrainingExample,
} from '../../lib/classify';
import { readCorrections, type Correction } from '../../lib/reports/corrections';
import { mcuSheetsCredentialTest } from '../ReportSheets/credentialTest';
import { openSheets, serviceAccountFrom } from '../ReportSheets/transport';
import { readTab } from '../ReportSheets/writer';
import { errorItem } from '../shared/items';
import { resolveSpreadsheetId } from '../shared/spreadsheet';
import { SHEETS_SHOWN, structureProperties } from './description';
import {
	classifierFor,
	correctionExamples,
	dedupe,
	gridRows,
	historyExamples,
	inputExamples,
	modelFor,
	type ModelUse,
} from './training';

export class Structure implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'МЦУ: Структурирование',
		name: 'structure',
		icon: { light: 'file:structure.svg', dark: 'file:structure.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: 'тема, ТОТК, поселение, конфликты, повторы',
		description:
			'Тема и код ТОТК, вид обращения, поселение и адрес — с объяснением; признаки конфликта; повторы, дубли и очаги проблем',
		defaults: { name: 'МЦУ: Структурирование' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'mcuGoogleServiceAccountApi',
				required: true,
				testedBy: 'mcuSheetsCredentialTest',
				displayOptions: SHEETS_SHOWN,
			},
		],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Обращения', 'На ручную разметку'],
		properties: structureProperties,
	};

	methods = { credentialTest: { mcuSheetsCredentialTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const options = this.getNodeParameter('options', 0, {}) as IDataObject;
		let dictionary: TopicDictionary = {};
		let categoryMap: CategoryMap | null;
		try {
			for (const row of ((this.getNodeParameter('terms', 0, {}) as IDataObject).topic ??
				[]) as Array<{ topic: string; words: string }>) {
				dictionary = mergeInto(
					dictionary,
					parseDictionaryRows([{ Тема: row.topic, Слова: row.words }]),
				);
			}
			dictionary = mergeInto(
				dictionary,
				parseDictionaryRows(jsonRows(this, options.dictionaryRows, 'Словарь из таблицы')),
			);
		} catch (error) {
			throw new NodeOperationError(this.getNode(), error as Error, {
				description: 'Словарь тем не прочитан',
			});
		}
		const learnFromSheets = this.getNodeParameter('learnFromSheets', 0, false) as boolean;
		const session = learnFromSheets ? await sheetsSession(this) : undefined;
		try {
			categoryMap = categoryMapOf(
				this,
				options,
				session ? await readCategoryTab(this, session) : [],
			);
		} catch (error) {
			throw new NodeOperationError(this.getNode(), error as Error, {
				description: 'Таблица категорий не прочитана',
			});
		}
		const good: Array<{ record: IDataObject; index: number }> = [];
		const bad: INodeExecutionData[] = [];
		items.forEach((item, index) => {
			if (typeof item.json.text !== 'string' || typeof item.json.id !== 'string') {
				const error = Object.assign(
					new Error(
						`Запись без ${typeof item.json.id !== 'string' ? 'id' : 'текста'}: нечего структурировать`,
					),
					{
						field: typeof item.json.id !== 'string' ? 'id' : 'text',
					},
				);
				if (!this.continueOnFail())
					throw new NodeOperationError(this.getNode(), error, { itemIndex: index });
				bad.push(errorItem(error, item.json, index));
				return;
			}
			good.push({ record: item.json, index });
		});

		const examples: TrainingExample[] = [];
		let corrections: Map<string, Correction> | undefined;
		if (session) {
			const fromSheets = await readSheets(
				this,
				session,
				categoryMap,
				good.map((g) => g.record),
			);
			corrections = fromSheets.corrections;
			examples.push(...fromSheets.examples);
		}
		const field = String(options.trainingField ?? '').trim();
		if (field) {
			try {
				examples.push(
					...inputExamples(
						items.map((i) => i.json[field]),
						field,
					),
				);
			} catch (error) {
				throw new NodeOperationError(this.getNode(), error as Error, {
					itemIndex: (error as { itemIndex?: number }).itemIndex,
				});
			}
		}
		let model: ModelUse | undefined;
		const training = dedupe(examples);
		const minExamples = Math.max(1, Number(options.minExamples ?? 30));
		if (training.length >= minExamples && new Set(training.map((e) => e.topic)).size > 1) {
			try {
				model = modelFor(training);
			} catch (error) {
				throw new NodeOperationError(this.getNode(), error as Error, {
					description: `Модель тем не обучена (${training.length} примеров)`,
				});
			}
			this.logger?.info?.(
				`МЦУ: Структурирование — модель ${model.fingerprint} (${training.length} примеров, ${model.trained ? 'обучена сейчас' : 'из памяти процесса'})`,
			);
		}
		const classifier = classifierFor(
			{
				dictionary,
				mode: (options.dictionaryMode as 'extend' | 'replace') ?? 'extend',
				minScore: (options.minScore as number | undefined) ?? 3,
			},
			model,
		);
		const structured = structureBatch(
			good.map((g) => g.record),
			{
				classifier,
				conflicts: options.conflicts !== false,
				repeats: options.repeats !== false,
				windowDays: (options.windowDays as number | undefined) ?? 30,
				categoryMap,
				corrections,
				mismatchToReview: options.mismatchToReview === true,
			},
		);
		const main: INodeExecutionData[] = [];
		const review: INodeExecutionData[] = [...bad];
		structured.forEach((json, i) => {
			const target = (json.classification as { needsReview?: boolean }).needsReview ? review : main;
			target.push({ json: json as IDataObject, pairedItem: { item: good[i].index } });
		});
		return [main, review];
	}
}

/** A JSON parameter holding sheet rows (a string in the editor, an array from an expression). */
function jsonRows(
	ctx: IExecuteFunctions,
	raw: unknown,
	what: string,
): Array<Record<string, unknown>> {
	const rows = typeof raw === 'string' ? (JSON.parse(raw || '[]') as unknown) : (raw ?? []);
	if (!Array.isArray(rows))
		throw new NodeOperationError(ctx.getNode(), `${what}: ожидается массив строк`);
	return rows as Array<Record<string, unknown>>;
}

function categoryMapOf(
	ctx: IExecuteFunctions,
	options: IDataObject,
	tabRows: Array<Record<string, unknown>> = [],
): CategoryMap | null {
	const mode = (options.categoryMode as string | undefined) ?? 'extend';
	if (mode === 'off') return null;
	const rows = ((ctx.getNodeParameter('categories', 0, {}) as IDataObject).rule ?? []) as Array<{
		source?: string;
		category?: string;
		subcategory?: string;
		topic?: string;
	}>;
	const fromNode: CategoryRule[] = parseCategoryRows(
		rows.map((r) => ({
			Источник: r.source ?? '',
			Категория: r.category ?? '',
			Подкатегория: r.subcategory ?? '',
			Тема: r.topic ?? '',
		})),
	);
	const fromSheet = parseCategoryRows(jsonRows(ctx, options.categoryRows, 'Категории из таблицы'));
	const fromTab = parseCategoryRows(tabRows);
	// The sheets' rows after the node's: a coordinator's tab overrides the workflow's defaults.
	return compileCategoryMap(
		[...fromNode, ...fromSheet, ...fromTab],
		mode === 'replace' ? 'replace' : 'extend',
	);
}

/** The Sheets session and the spreadsheet it reads (the node's own, else the credential's). */
type Session = Awaited<ReturnType<typeof openSheets>> & { spreadsheetId: string };

const sheetsFailure = (ctx: IExecuteFunctions, error: unknown) =>
	new NodeOperationError(ctx.getNode(), error as Error, {
		description: 'История, категории и исправления из Google Таблицы не прочитаны',
	});

async function sheetsSession(ctx: IExecuteFunctions): Promise<Session> {
	const credentials = await ctx.getCredentials('mcuGoogleServiceAccountApi');
	const spreadsheetId = resolveSpreadsheetId(
		ctx.getNode(),
		ctx.getNodeParameter('spreadsheetId', 0, ''),
		credentials,
	);
	const account = serviceAccountFrom(credentials);
	try {
		return Object.assign(
			await openSheets(account, (o) => ctx.helpers.httpRequest(o), ctx.getNode()),
			{ spreadsheetId },
		);
	} catch (error) {
		throw sheetsFailure(ctx, error);
	}
}

/** The coordinator's category tab (no tab or no name: no rows). */
async function readCategoryTab(
	ctx: IExecuteFunctions,
	session: Session,
): Promise<Array<Record<string, unknown>>> {
	const title = String(ctx.getNodeParameter('categorySheet', 0, '')).trim();
	if (!title) return [];
	try {
		return gridRows(await readTab(session, session.spreadsheetId, title));
	} catch (error) {
		throw sheetsFailure(ctx, error);
	}
}

/** The history tab and the register's corrections, read with the reports' Sheets transport (a read per tab). */
async function readSheets(
	ctx: IExecuteFunctions,
	session: Session,
	categoryMap: CategoryMap | null,
	records: IDataObject[],
): Promise<{ examples: TrainingExample[]; corrections: Map<string, Correction> }> {
	const { spreadsheetId } = session;
	const historySheet = String(ctx.getNodeParameter('historySheet', 0, '')).trim();
	const registerSheet = String(ctx.getNodeParameter('registerSheet', 0, '')).trim();
	try {
		const examples: TrainingExample[] = [];
		if (historySheet) {
			const history = historyExamples(
				gridRows(await readTab(session, spreadsheetId, historySheet)),
				categoryMap,
			);
			examples.push(...history.examples);
		}
		let corrections = new Map<string, Correction>();
		if (registerSheet) {
			// No register yet (the first run) is no corrections.
			const grid = await readTab(session, spreadsheetId, registerSheet);
			const read = readCorrections(grid ?? []);
			corrections = read.corrections;
			for (const warning of read.warnings) ctx.logger?.warn?.(warning);
			const texts = new Map(records.map((r) => [String(r.id), String(r.text)]));
			examples.push(...correctionExamples(corrections, texts, gridRows(grid)));
		}
		return { examples, corrections };
	} catch (error) {
		throw sheetsFailure(ctx, error);
	}
}

function mergeInto(target: TopicDictionary, extra: TopicDictionary): TopicDictionary {
	const out: TopicDictionary = { ...target };
	for (const [topic, terms] of Object.entries(extra))
		out[topic] = [...(out[topic] ?? []), ...terms];
	return out;
}
