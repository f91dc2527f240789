import { pick, type Rng } from '../core/rng';

/**
 * How people write in the district's social groups when they do not write like a form: indirectly («сидим при
 * свечах»), with typos, about two things at once. Hand-written for the sandbox, on purpose unlike the topic
 * dictionary's words, so that the sandbox shows what the dictionary misses and what a model trained on the
 * district's history picks up. `{place}` is replaced with a street or village.
 */
export const INDIRECT: Record<string, string[]> = {
	roads: [
		'на {place} после дождей не проехать, машины садятся на брюхо',
		'по {place} только на тракторе теперь, лужи по колено и рытвины',
		'на {place} вся проезжая как после бомбёжки, подвеску оставили там',
		'на {place} зимой никто не разгребает, скорая застрянет',
		'на {place} щебёнку обещали подсыпать ещё весной',
	],
	transport: [
		'до райцентра с {place} теперь не уехать, последний в обед уходит',
		'на {place} ждали больше часа, так никто и не приехал',
		'пазик с {place} опять сняли, старики в поликлинику пешком',
		'у {place} стоим под открытым небом, навес бы хоть какой',
	],
	heating: [
		'в квартирах на {place} ходим в валенках и шубах, дети спят в шапках',
		'радиаторы на {place} ледяные, включили обогреватели, пробки вышибает',
		'дома на {place} колотун, изо рта пар идёт',
		'на {place} трубы в квартире чуть живые, дует отовсюду',
	],
	water: [
		'на {place} из крана бежит рыжая жижа, стирать нельзя',
		'на {place} сухо в кранах с утра, ходим с вёдрами к соседям',
		'на {place} во дворе всё затопило, течёт из люка и воняет',
		'на {place} после восьми вечера на втором этаже кап-кап и всё',
	],
	electricity: [
		'на {place} сидим при свечах второй вечер, продукты пропали',
		'на {place} мигает всё в доме, уже телевизор и котёл погорели',
		'на {place} обесточили полдеревни и молчат, когда включат',
		'на {place} ветер повалил столб, висит на честном слове',
	],
	utilities: [
		'на {place} на лестнице годами не мыли, штукатурка сыплется',
		'на {place} на пятом сверху капает в тазики после каждого ливня',
		'платим за содержание дома на {place}, а никто не приходит',
		'на {place} входная дверь не закрывается, кнопки вызова выломаны',
	],
	waste: [
		'на {place} баки забиты с горкой, пакеты валяются по всей площадке',
		'на {place} машина за пакетами не приезжала с прошлой среды',
		'у {place} в лесу устроили помойку, везут строительный хлам',
		'на {place} вонь от площадки на всю улицу, бродят вороны',
	],
	lighting: [
		'на {place} вечером хоть глаз выколи, ходим с телефонами',
		'столбы на {place} стоят, а лампы не светят с осени',
		'на {place} от остановки до домов ни одной лампы, страшно детям',
	],
	improvement: [
		'во дворе на {place} бурьян выше роста, клещи',
		'на {place} карусель сломана, торчат железки, малыши лазят',
		'на {place} тополь старый накренился над крышей, того гляди рухнет',
		'на {place} сесть негде, пусто и грязно, сделайте по-человечески',
	],
	housing: [
		'дом на {place} трещит по швам, стены в трещинах, а нас всё не переселяют',
		'много лет стоим в списке на квартиру, ни с места',
		'барак на {place} давно под снос, живём как в сарае',
	],
	education: [
		'в школе на {place} физику ведёт кто попало, учителя нет',
		'малышу в садик на {place} места нет, на работу не выйти',
		'детей из {place} возят на уроки с опозданием на час',
	],
	health: [
		'в медпункте {place} никого нет, за давлением мерить ехать 30 км',
		'к врачу на приём не попасть, номерки кончаются за минуту',
		'вызвали неотложку на {place}, ждали полтора часа',
	],
	social: [
		'маме-пенсионерке на {place} никто не помогает, сама не ходит',
		'деньги на третьего ребёнка так и не пришли, бумаги все сдали',
		'бабушке на {place} дрова на зиму не завезли, топить нечем',
	],
	culture_sport: [
		'клуб на {place} на замке, ребятам вечером некуда',
		'на {place} коробку для хоккея так и не залили',
		'тренажёры у стадиона на {place} переломаны',
	],
	animals: [
		'на {place} свора носится, покусали собаку соседа',
		'у школы на {place} псы без ошейников, дети боятся',
	],
	trade: [
		'в {place} лавку закрыли, за хлебом ездим за 15 км',
		'машина с продуктами в {place} не приезжает по четвергам',
	],
	safety: [
		'на {place} в пустом доме подростки жгут костры, полыхнёт',
		'переход по мостику у {place} гнилой, доски проваливаются',
	],
	communication: [
		'в {place} телефон не ловит, чтобы позвонить лезем на горку',
		'в {place} сеть пропадает каждый вечер, дети не могут учиться',
	],
};

/** Social endings of the district's posts (no dictionary words). */
export const SOCIAL_ENDINGS = [
	'Ну сколько ещё?',
	'Кто-нибудь ответит?',
	'Помогите уже.',
	'Просто крик души.',
	'',
];

/** A one-letter typo in one long word (swap, drop or double), as people type on a phone. */
export function withTypo(rng: Rng, text: string): string {
	const words = text.split(' ');
	const long = words.map((w, i) => [w, i] as const).filter(([w]) => /^[а-яё]{6,}$/i.test(w));
	if (!long.length) return text;
	const [word, i] = pick(rng, long);
	const at = 1 + Math.floor(rng() * (word.length - 2));
	const kind = rng();
	words[i] =
		kind < 0.4
			? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2)
			: kind < 0.7
				? word.slice(0, at) + word.slice(at + 1)
				: word.slice(0, at) + word[at] + word.slice(at);
	return words.join(' ');
}

/** Topics people often mention together (the first is what the post is about). */
export const MULTI: Array<[string, string]> = [
	['electricity', 'water'],
	['heating', 'utilities'],
	['roads', 'lighting'],
	['waste', 'improvement'],
	['transport', 'roads'],
	['water', 'roads'],
];
