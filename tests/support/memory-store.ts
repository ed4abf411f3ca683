import type { KeyValueStore } from '../../src/lib/practice/quiz.ts';

/** An in-memory stand-in for localStorage, with its contents exposed for assertions. */
export function memoryStore(initial: Record<string, string> = {}): KeyValueStore & { data: Map<string, string> } {
	const data = new Map(Object.entries(initial));
	return {
		data,
		getItem: (key) => data.get(key) ?? null,
		setItem: (key, value) => void data.set(key, value),
		removeItem: (key) => void data.delete(key),
	};
}
