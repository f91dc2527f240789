/**
 * Collects every record of a page-numbered listing. Records that arrive while paging land on later pages; a
 * record seen twice (it moved between pages) is returned once; a full last page is followed by one more request
 * to catch records that arrived meanwhile.
 */
export async function collectPages<T>(
	fetchPage: (page: number, size: number) => Promise<{ items: T[]; totalPages?: number }>,
	options: { pageSize: number; limit?: number; idOf: (record: T) => string; maxPages?: number },
): Promise<T[]> {
	const seen = new Set<string>();
	const out: T[] = [];
	const maxPages = options.maxPages ?? 10000;
	for (let page = 0; page < maxPages; page++) {
		const { items, totalPages } = await fetchPage(page, options.pageSize);
		for (const record of items) {
			const id = options.idOf(record);
			if (seen.has(id)) continue;
			seen.add(id);
			out.push(record);
			if (options.limit && out.length >= options.limit) return out;
		}
		const lastByCount = totalPages !== undefined && page + 1 >= totalPages;
		if (items.length < options.pageSize || (lastByCount && items.length === 0)) return out;
	}
	return out;
}
