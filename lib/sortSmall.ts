/** Ascending order in place, by insertion: for the handful of numbers one text yields it beats the generic sort. */
export function sortSmall(a: number[]): void {
	for (let i = 1; i < a.length; i++) {
		const x = a[i];
		let j = i - 1;
		while (j >= 0 && a[j] > x) {
			a[j + 1] = a[j];
			j--;
		}
		a[j + 1] = x;
	}
}
