// Arrow keys inside a grid of buttons that is one Tab stop (a roving tabindex): the question navigator.

/**
 * The index focus moves to for a key, or null when the key is not one the grid handles. Left and right step one
 * cell and wrap between rows; up and down move a row and stop at the edges; Home and End go to the first and
 * last cell.
 */
export function gridMove(index: number, key: string, count: number, columns: number): number | null {
	if (!Number.isInteger(count) || count <= 0) return null;
	const cols = Number.isInteger(columns) && columns > 0 ? columns : 1;
	const at = Math.min(Math.max(Number.isInteger(index) ? index : 0, 0), count - 1);
	switch (key) {
		case 'ArrowRight':
			return Math.min(at + 1, count - 1);
		case 'ArrowLeft':
			return Math.max(at - 1, 0);
		case 'ArrowDown':
			return at + cols < count ? at + cols : at;
		case 'ArrowUp':
			return at - cols >= 0 ? at - cols : at;
		case 'Home':
			return 0;
		case 'End':
			return count - 1;
		default:
			return null;
	}
}

/** How many cells sit on the first row, from their top edges (the grid's columns change with the screen width). */
export function columnsOf(tops: readonly number[]): number {
	if (tops.length === 0) return 1;
	const first = tops[0];
	const n = tops.findIndex((top) => Math.abs(top - first) > 1);
	return n === -1 ? tops.length : n;
}
