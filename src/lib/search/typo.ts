// Pagefind matches words by prefix and stem, so one swapped letter ("laod balancer") finds nothing useful. Before a
// query is searched, each word the site never uses is replaced by the site's word one edit away, when there is one.

/** Edits between two words, counting a swap of neighbours as one (optimal string alignment), capped at `max` + 1. */
export function editDistance(a: string, b: string, max = 2): number {
	if (Math.abs(a.length - b.length) > max) return max + 1;
	const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
	for (let j = 1; j <= b.length; j += 1) rows[0][j] = j;
	for (let i = 1; i <= a.length; i += 1) {
		for (let j = 1; j <= b.length; j += 1) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
		}
	}
	return Math.min(rows[a.length][b.length], max + 1);
}

// Short words have too many neighbours one edit away ("SNS"/"SQS") to guess which was meant.
const MIN_LENGTH = 4;

/** The query with each unknown word of four letters or more replaced by the closest known word, if one is one edit away. */
export function correctQuery(query: string, vocabulary: ReadonlySet<string>): string {
	return query.replace(/[\p{L}\p{N}]+/gu, (word) => {
		const lower = word.toLowerCase();
		if (lower.length < MIN_LENGTH || vocabulary.has(lower) || /\d/.test(lower)) return word;
		let best: string | undefined;
		for (const known of vocabulary) {
			if (editDistance(lower, known, 1) !== 1) continue;
			// Prefer a word with the same first letter: typos rarely hit the first key.
			if (!best || (known[0] === lower[0] && best[0] !== lower[0])) best = known;
		}
		return best ?? word;
	});
}

/** The distinct lower-case words of some texts, as the vocabulary to correct against. */
export function vocabularyOf(texts: Iterable<string>): string[] {
	const words = new Set<string>();
	for (const text of texts) for (const [word] of text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) if (word.length >= MIN_LENGTH - 1) words.add(word);
	return [...words].sort();
}
