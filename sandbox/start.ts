/**
 * `npm run sandbox`: starts every emulator with the seeded Дедовичский район on the default ports and prints
 * where they are and which credentials they accept. Ctrl-C stops it.
 */
import { SANDBOX_CREDENTIALS, startSandbox } from './index';

async function main(): Promise<void> {
	const sandbox = await startSandbox({ ports: 'default' });
	const count = (channel: string) =>
		sandbox.district.appeals.filter((a) => a.channel === channel).length;
	console.log(
		`Песочница МЦУ запущена: ${sandbox.district.name}, ${sandbox.district.appeals.length} обращений (seed ${sandbox.district.seed}).`,
	);
	console.log(
		`  ПОС:                ${sandbox.urls.pos}  (${count('pos')} сообщ.; логин ${SANDBOX_CREDENTIALS.pos.username} / ${SANDBOX_CREDENTIALS.pos.password})`,
	);
	console.log(
		`  Инцидент-менеджмент: ${sandbox.urls.im}  (${count('im')} инцид.; токен ${SANDBOX_CREDENTIALS.im.token})`,
	);
	console.log(
		`  ВКонтакте:          ${sandbox.urls.vk}  (${count('vk')} записей и комм.; группа ${sandbox.district.vkGroupId})`,
	);
	console.log(`  Одноклассники:      ${sandbox.urls.ok}  (${count('ok')})`);
	console.log(`  Telegram Bot API:   ${sandbox.urls.telegram}  (${count('telegram')})`);
	console.log(
		`  MAX Bot API:        ${sandbox.urls.max}  (${sandbox.max.seededCount()}; токен ${SANDBOX_CREDENTIALS.max.token}, секрет webhook ${SANDBOX_CREDENTIALS.max.webhookSecret})`,
	);
	console.log(
		`  Google Sheets:      ${sandbox.urls.sheets}  (таблица ${SANDBOX_CREDENTIALS.sheets.spreadsheetId}; выгрузка ${sandbox.urls.sheets}/export/${SANDBOX_CREDENTIALS.sheets.spreadsheetId}.xlsx)`,
	);
	console.log(
		'Управление: POST <url>/__sandbox/reset | faults | insert, GET <url>/__sandbox/calls | dump. Ctrl-C — остановить.',
	);
	const stop = async () => {
		await sandbox.close();
		process.exit(0);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());
}

void main();
