/**
 * Google field masks: `sheets.properties`, `sheets(properties(sheetId,title))`, `userEnteredFormat(textFormat,backgroundColor)`,
 * `*`. Used for partial responses (`fields=`) and for the `fields` of update requests.
 */
export type FieldTree = { [name: string]: FieldTree | true };

export function parseFields(mask: string): FieldTree {
	let i = 0;
	const insert = (tree: FieldTree, path: string[], leaf: FieldTree | true) => {
		let node = tree;
		for (let k = 0; k < path.length - 1; k++) {
			const next = node[path[k]];
			if (next === true) return;
			node = node[path[k]] = next ?? {};
		}
		const last = path[path.length - 1];
		const existing = node[last];
		if (leaf === true || existing === undefined)
			node[last] = leaf === true ? true : existing === true ? true : leaf;
		else if (existing !== true) Object.assign(existing, leaf);
	};
	const list = (): FieldTree => {
		const tree: FieldTree = {};
		while (i < mask.length) {
			const path: string[] = [];
			let name = '';
			while (i < mask.length && !',()'.includes(mask[i])) {
				const ch = mask[i++];
				if (ch === '.' || ch === '/') {
					path.push(name.trim());
					name = '';
				} else name += ch;
			}
			path.push(name.trim());
			if (path.some((p) => !p)) throw new Error(`Invalid field selection ${mask}`);
			let leaf: FieldTree | true = true;
			if (mask[i] === '(') {
				i++;
				leaf = list();
				if (mask[i] !== ')') throw new Error(`Invalid field selection ${mask}`);
				i++;
			}
			insert(tree, path, leaf);
			if (mask[i] === ',') i++;
			else if (mask[i] === ')') return tree;
		}
		return tree;
	};
	const tree = list();
	if (i < mask.length) throw new Error(`Invalid field selection ${mask}`);
	return tree;
}

/** A partial response: only the selected fields (arrays are filtered element by element). */
export function selectFields(value: unknown, tree: FieldTree): unknown {
	if (tree['*'] === true) return value;
	if (Array.isArray(value)) return value.map((v) => selectFields(v, tree));
	if (!value || typeof value !== 'object') return value;
	const out: Record<string, unknown> = {};
	for (const [key, sub] of Object.entries(tree)) {
		const v = (value as Record<string, unknown>)[key];
		if (v === undefined) continue;
		out[key] = sub === true ? v : selectFields(v, sub);
	}
	return out;
}

/** Copies the masked fields from `source` onto `target` (a masked field absent from `source` is cleared). */
export function applyMask(
	target: Record<string, unknown>,
	source: Record<string, unknown>,
	tree: FieldTree,
): void {
	for (const [key, sub] of Object.entries(tree)) {
		if (key === '*') {
			for (const k of Object.keys(target)) if (!(k in source)) delete target[k];
			Object.assign(target, structuredClone(source));
			continue;
		}
		const v = source[key];
		if (
			sub === true ||
			v === undefined ||
			v === null ||
			typeof v !== 'object' ||
			Array.isArray(v)
		) {
			if (sub !== true && (v === undefined || v === null)) {
				// Clearing a nested selection clears the selected sub-fields only.
				const t = target[key];
				if (t && typeof t === 'object') applyMask(t as Record<string, unknown>, {}, sub);
				continue;
			}
			if (v === undefined) delete target[key];
			else target[key] = structuredClone(v);
			continue;
		}
		const t = target[key];
		const next =
			t && typeof t === 'object' && !Array.isArray(t) ? (t as Record<string, unknown>) : {};
		applyMask(next, v as Record<string, unknown>, sub);
		target[key] = next;
	}
}
