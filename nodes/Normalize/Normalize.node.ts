import {
	VersionedNodeType,
	type INodeTypeBaseDescription,
	type IVersionedNodeType,
} from 'n8n-workflow';
import { NormalizeV1 } from './v1/NormalizeV1.node';
import { NormalizeV2 } from './v2/NormalizeV2.node';

/**
 * Version 1 chose the input with a parameter named `input`; version 2 names it `operation`, as every node of the
 * package does. Workflows saved with version 1 keep it and keep working; new nodes get version 2.
 */
export class Normalize extends VersionedNodeType {
	constructor() {
		const baseDescription: INodeTypeBaseDescription = {
			displayName: 'МЦУ: Нормализация',
			name: 'normalize',
			icon: { light: 'file:normalize.svg', dark: 'file:normalize.dark.svg' },
			group: ['transform'],
			description:
				'Превращает выгрузки кабинетов ПОС и ИМ (XLSX/CSV), обновления Telegram и MAX, события VK в обращения единого формата',
			defaultVersion: 2,
		};
		const nodeVersions: IVersionedNodeType['nodeVersions'] = {
			1: new NormalizeV1(baseDescription),
			2: new NormalizeV2(baseDescription),
		};
		super(nodeVersions, baseDescription);
	}
}
