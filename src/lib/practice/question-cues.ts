// Cues that give a practice question's answer away without knowledge of AWS: the key's length compared with the
// distractors'. A learner who always picks the longest (or the shortest) option must score no better than chance
// allows; these functions measure that per question and over a bank.

export interface CueChoice {
	text: string;
	correct: boolean;
}

/** What a reader sees: Markdown backticks are not characters of the option. */
export const visibleLength = (text: string) => text.replace(/`/g, '').trim().length;

/** The build refuses a key this much longer (or shorter) than every distractor, when the gap is also this many characters. */
export const GIVEAWAY_RATIO = 1.5;
export const GIVEAWAY_MIN_GAP = 20;

export type Giveaway = 'longest' | 'shortest';

/** Whether the keys stand out by length from every distractor, and which way. */
export function lengthGiveaway(choices: readonly CueChoice[]): Giveaway | undefined {
	const keys = choices.filter((c) => c.correct).map((c) => visibleLength(c.text));
	const others = choices.filter((c) => !c.correct).map((c) => visibleLength(c.text));
	if (!keys.length || !others.length) return undefined;
	const stands = (small: number, large: number) => large > GIVEAWAY_RATIO * small && large - small >= GIVEAWAY_MIN_GAP;
	if (stands(Math.max(...others), Math.min(...keys))) return 'longest';
	if (stands(Math.max(...keys), Math.min(...others))) return 'shortest';
	return undefined;
}

function binomial(n: number, k: number): number {
	if (k < 0 || k > n) return 0;
	let result = 1;
	for (let i = 1; i <= k; i += 1) result = (result * (n - k + i)) / i;
	return result;
}

/** Chance of scoring the question by ticking the right number of options at random. */
export function blindChance(choices: readonly CueChoice[]): number {
	const keys = choices.filter((c) => c.correct).length;
	return keys ? 1 / binomial(choices.length, keys) : 0;
}

/**
 * Chance of scoring the question by ticking the k longest options (k = the number of keys), ties broken at random.
 * `direction: -1` ticks the k shortest instead.
 */
export function lengthStrategyChance(choices: readonly CueChoice[], direction: 1 | -1 = 1): number {
	const k = choices.filter((c) => c.correct).length;
	if (!k) return 0;
	const sized = choices.map((c) => ({ size: direction * visibleLength(c.text), correct: c.correct }));
	const threshold = [...sized].sort((a, b) => b.size - a.size)[k - 1].size;
	const surely = sized.filter((c) => c.size > threshold);
	const tied = sized.filter((c) => c.size === threshold);
	if (surely.some((c) => !c.correct)) return 0;
	const needed = k - surely.length;
	const tiedKeys = tied.filter((c) => c.correct).length;
	if (tiedKeys !== needed) return 0;
	return 1 / binomial(tied.length, needed);
}

export interface CueFigures {
	questions: number;
	/** Expected score (questions) of ticking at random, of always ticking the longest, of always ticking the shortest. */
	blind: number;
	longest: number;
	shortest: number;
	/** Single-answer questions whose key is strictly the longest, and strictly the shortest, option. */
	singles: number;
	keyLongest: number;
	keyShortest: number;
}

export function cueFigures(questions: readonly { choices: readonly CueChoice[] }[]): CueFigures {
	const figures: CueFigures = { questions: questions.length, blind: 0, longest: 0, shortest: 0, singles: 0, keyLongest: 0, keyShortest: 0 };
	for (const { choices } of questions) {
		figures.blind += blindChance(choices);
		figures.longest += lengthStrategyChance(choices, 1);
		figures.shortest += lengthStrategyChance(choices, -1);
		if (choices.filter((c) => c.correct).length !== 1) continue;
		figures.singles += 1;
		const key = visibleLength(choices.find((c) => c.correct)!.text);
		const others = choices.filter((c) => !c.correct).map((c) => visibleLength(c.text));
		if (others.every((o) => key > o)) figures.keyLongest += 1;
		if (others.every((o) => key < o)) figures.keyShortest += 1;
	}
	return figures;
}

/** A length strategy may score at most this many times what ticking at random scores, over a whole bank. */
export const MAX_STRATEGY_ADVANTAGE = 1.5;
