// Deterministic shuffling: the same seed always gives the same order, so a page built twice is
// byte-identical and tests can predict it, while the order still does not follow the author's.

/** FNV-1a: a small, well-spread 32-bit hash of a string. */
export function hashString(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i += 1) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}

/** mulberry32: a tiny seeded generator of numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A permutation of 0…length-1 (Fisher–Yates); `random` defaults to Math.random. */
export function shuffledIndexes(length: number, random: () => number = Math.random): number[] {
	const n = Number.isInteger(length) && length > 0 ? length : 0;
	const order = Array.from({ length: n }, (_, i) => i);
	for (let i = n - 1; i > 0; i -= 1) {
		const j = Math.min(i, Math.floor(random() * (i + 1)));
		[order[i], order[j]] = [order[j], order[i]];
	}
	return order;
}

/** The same permutation every time for the same seed text. */
export function seededOrder(length: number, seed: string): number[] {
	return shuffledIndexes(length, seededRandom(hashString(seed)));
}

/** True when `order` holds each of 0…length-1 exactly once. */
export function isPermutation(order: unknown, length: number): order is number[] {
	if (!Array.isArray(order) || order.length !== length) return false;
	const seen = new Set<number>();
	for (const i of order) {
		if (!Number.isInteger(i) || i < 0 || i >= length || seen.has(i)) return false;
		seen.add(i);
	}
	return true;
}

/** `items` rearranged so that position p holds items[order[p]]. */
export function applyOrder<T>(items: readonly T[], order: readonly number[]): T[] {
	return order.map((i) => items[i]);
}
