import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { AnswerCheck } from '../../../nodes/AnswerCheck/AnswerCheck.node';

// «МЦУ: Контроль ответов»: a formal reply and personal data send an answer back by default; «Считать замечаниями»
// keeps them in the report only, «Считать ошибками» wins when a check is in both lists.
function context(items: INodeExecutionData[], options: Record<string, unknown>): IExecuteFunctions {
	const node = {
		id: 'answers',
		name: 'МЦУ: Контроль ответов',
		type: 'n8n-nodes-mcu.answerCheck',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	return {
		getInputData: () => items,
		getNodeParameter: (name: string, _item: number, fallback?: unknown) =>
			name === 'options' ? options : name === 'operation' ? 'check' : fallback,
		continueOnFail: () => false,
		getNode: () => node,
		helpers: {},
	} as unknown as IExecuteFunctions;
}

const formal = {
	id: 'pos:1',
	status: 'answered',
	text: 'Во дворе дома 5 на ул. Советской третий месяц не вывозят мусор.',
	organization: 'Администрация района',
	answerText:
		'Уважаемый пользователь! Рассмотрев Ваше обращение, сообщаем, что указанные Вами замечания устранены. Вопрос остаётся на контроле администрации района.',
};
const good = {
	...formal,
	id: 'pos:2',
	answerText:
		'Мусор во дворе дома 5 по ул. Советской вывезен 12.10.2026, контейнерная площадка убрана; фото прилагается.',
};

async function run(
	options: Record<string, unknown>,
): Promise<{ ok: string[]; back: string[]; flags: string[] }> {
	const [ok, back] = await new AnswerCheck().execute.call(
		context([{ json: formal }, { json: good }], options),
	);
	const first = [...ok, ...back].find((i) => i.json.id === 'pos:1')!.json.answerCheck as {
		errors: Array<{ code: string; severity: string }>;
	};
	return {
		ok: ok.map((i) => String(i.json.id)),
		back: back.map((i) => String(i.json.id)),
		flags: first.errors.map((e) => `${e.code}:${e.severity}`),
	};
}

describe('answer check node: severities', () => {
	it('a formal reply goes back by default', async () => {
		expect(await run({})).toEqual({
			ok: ['pos:2'],
			back: ['pos:1'],
			flags: ['formal_reply:error'],
		});
	});
	it('«Считать замечаниями» keeps it in the report only', async () => {
		expect(await run({ asWarnings: ['formal_reply'] })).toEqual({
			ok: ['pos:1', 'pos:2'],
			back: [],
			flags: ['formal_reply:warning'],
		});
	});
	it('«Считать ошибками» wins over «Считать замечаниями»', async () => {
		expect(await run({ asWarnings: ['formal_reply'], asErrors: ['formal_reply'] })).toEqual({
			ok: ['pos:2'],
			back: ['pos:1'],
			flags: ['formal_reply:error'],
		});
	});
});
