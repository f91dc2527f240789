import { VersionedNodeType, type INodeTypeBaseDescription } from 'n8n-workflow';
import { ReportSheetsV1 } from './v1/ReportSheetsV1.node';
import { ReportSheetsV2 } from './v2/ReportSheetsV2.node';

/**
 * Reports in the district's Google spreadsheet. Version 2 names its selector `operation` like every other node of the
 * package; version 1 (selector `report`) stays for the workflows saved with it. Both run `actions/<operation>`.
 */
export class ReportSheets extends VersionedNodeType {
	constructor() {
		const baseDescription: INodeTypeBaseDescription = {
			displayName: 'МЦУ: Отчёт в Google Таблицы',
			name: 'reportSheets',
			icon: { light: 'file:sheets.svg', dark: 'file:sheets.dark.svg' },
			group: ['output'],
			description:
				'Реестр обращений (обновление по ID без дублей), просроченные, отчёты — в общей Google Таблице',
			defaultVersion: 2,
		};
		super(
			{ 1: new ReportSheetsV1(baseDescription), 2: new ReportSheetsV2(baseDescription) },
			baseDescription,
		);
	}
}
