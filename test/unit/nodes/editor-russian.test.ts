import type { ICredentialType, INodeProperties, INodeType } from 'n8n-workflow';
import { Vk } from '../../../nodes/Vk/Vk.node';
import { VkTrigger } from '../../../nodes/Vk/VkTrigger.node';
import { VkCallbackTrigger } from '../../../nodes/Vk/VkCallbackTrigger.node';
import { Ok } from '../../../nodes/Ok/Ok.node';
import { OkTrigger } from '../../../nodes/Ok/OkTrigger.node';
import { Telegram } from '../../../nodes/Telegram/Telegram.node';
import { Max } from '../../../nodes/Max/Max.node';
import { Pos } from '../../../nodes/Pos/Pos.node';
import { Im } from '../../../nodes/Im/Im.node';
import { MaxTrigger } from '../../../nodes/Max/MaxTrigger.node';
import { ReportSheets } from '../../../nodes/ReportSheets/ReportSheets.node';
import { McuGoogleServiceAccountApi } from '../../../credentials/McuGoogleServiceAccountApi.credentials';
import { McuImApi } from '../../../credentials/McuImApi.credentials';
import { McuMaxApi } from '../../../credentials/McuMaxApi.credentials';
import { McuOkApi } from '../../../credentials/McuOkApi.credentials';
import { McuPosApi } from '../../../credentials/McuPosApi.credentials';
import { McuTelegramApi } from '../../../credentials/McuTelegramApi.credentials';
import { McuVkApi } from '../../../credentials/McuVkApi.credentials';
import { evaluateSubtitle } from '../../helpers/actions';

const CYRILLIC = /[А-Яа-яЁё]/;
/** Names of things that have no Russian name: a format, or the service's own term. */
const PROPER_NAMES = new Set(['Markdown', 'HTML']);

/** Every label and description a user reads in a node's or credential's panel. */
function texts(properties: INodeProperties[]): Array<{ where: string; text: string }> {
	const out: Array<{ where: string; text: string }> = [];
	for (const p of properties) {
		out.push({ where: `${p.name}.displayName`, text: p.displayName });
		if (p.description) out.push({ where: `${p.name}.description`, text: p.description });
		for (const o of (p.options ?? []) as Array<{
			name: string;
			displayName?: string;
			values?: INodeProperties[];
			action?: string;
			description?: string;
		}>) {
			// A collection's field or a fixedCollection's group: its label is the displayName (name is the saved key).
			if (o.displayName !== undefined) {
				out.push(
					...(o.values
						? [{ where: `${p.name}.${o.name}`, text: o.displayName }, ...texts(o.values)]
						: texts([o as unknown as INodeProperties])),
				);
				continue;
			}
			if (!PROPER_NAMES.has(o.name)) out.push({ where: `${p.name}.option`, text: o.name });
			if (o.action) out.push({ where: `${p.name}.action`, text: o.action });
		}
	}
	return out;
}

/** Russian, in sentence case: Cyrillic, no English boilerplate, no Capitalised Word after the first (names aside). */
function notRussian(entries: Array<{ where: string; text: string }>): string[] {
	return entries
		.filter(
			({ text }) =>
				!CYRILLIC.test(text) ||
				/^(Whether|Limit|Max number|Return All)\b/.test(text) ||
				/[:,] [А-ЯЁ][а-яё]/.test(text),
		)
		.map(({ where, text }) => `${where}: ${text}`);
}

describe('the source nodes, the reports node and all credentials speak Russian in the editor', () => {
	// Both versions of «МЦУ: Отчёт в Google Таблицы»: v1 stays in saved workflows.
	const reportSheets = new ReportSheets();
	const nodes: INodeType[] = [
		new Vk(),
		new VkTrigger(),
		new VkCallbackTrigger(),
		new Ok(),
		new OkTrigger(),
		new Telegram(),
		new Max(),
		new MaxTrigger(),
		new Pos(),
		new Im(),
		reportSheets.getNodeType(1),
		reportSheets.getNodeType(2),
	];
	const credentials: ICredentialType[] = [
		new McuGoogleServiceAccountApi(),
		new McuImApi(),
		new McuMaxApi(),
		new McuOkApi(),
		new McuPosApi(),
		new McuTelegramApi(),
		new McuVkApi(),
	];

	it.each(
		nodes.map(
			(n) => [`${n.description.displayName} v${String(n.description.version)}`, n] as const,
		),
	)('%s: every label and description is Russian', (_name, node) => {
		expect(notRussian(texts(node.description.properties))).toEqual([]);
	});

	it.each(credentials.map((c) => [c.displayName, c] as const))(
		'%s: every field is Russian',
		(_name, credential) => {
			expect(notRussian(texts(credential.properties))).toEqual([]);
		},
	);

	it("triggers' subtitles name the chosen events in Russian, not their keys", () => {
		expect(evaluateSubtitle(new VkTrigger(), { events: ['wall_reply_new', 'message_new'] })).toBe(
			'Комментарии на стене, Личные сообщения сообществу',
		);
		expect(evaluateSubtitle(new VkTrigger(), { events: ['wall_post_new'] })).toBe(
			'Новые записи на стене',
		);
		expect(evaluateSubtitle(new MaxTrigger(), { updateTypes: ['message_edited'] })).toBe(
			'Сообщение изменено',
		);
		expect(evaluateSubtitle(new OkTrigger(), {})).toBe('Новые комментарии');
	});

	it("a trigger merged with its node in the nodes panel carries the node's description (n8n shows the trigger's for both)", () => {
		// n8n merges «<name>Trigger» into «<name>» and replaces the app's description with the trigger's.
		const pairs: Array<[INodeType, INodeType]> = [
			[new Vk(), new VkTrigger()],
			[new Ok(), new OkTrigger()],
			[new Max(), new MaxTrigger()],
		];
		for (const [node, trigger] of pairs) {
			expect(trigger.description.name).toBe(`${node.description.name}Trigger`);
			expect(trigger.description.description).toBe(node.description.description);
		}
	});
});
