import type { Locator, Page } from '@playwright/test';
import { test, expect, axeViolations, setTheme } from './fixtures.ts';

// The chapter's questions are still being written, so these tests learn the answers the way a
// reader does: from the feedback after checking, or from the answer disclosure without JavaScript.
const CHAPTER = 'scaling/elastic-load-balancing/';
const CHAPTER_ID = 'scaling/elastic-load-balancing';
const PROGRESS_KEY = 'dva-notes:progress:v1';

const WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6 };
const LETTERS = 'ABCDEF';

function practice(page: Page): Locator {
	return page.getByRole('region', { name: 'Practice questions' });
}

/** Scrolls to the questions (the island hydrates when visible) and waits for the interactive form. */
async function openQuiz(page: Page): Promise<Locator> {
	const region = practice(page);
	await region.scrollIntoViewIfNeeded();
	// Hydration waits for the section to scroll into view; give a busy machine time.
	await expect(region.getByRole('button', { name: 'Check answer' }).first()).toBeVisible({ timeout: 15_000 });
	return region;
}

function questions(region: Locator): Locator {
	// Each question is a list item holding a fieldset (role "group") whose legend is the prompt.
	return region.getByRole('listitem').filter({ has: region.page().getByRole('group') });
}

function choices(question: Locator): Locator {
	return question.getByRole('radio').or(question.getByRole('checkbox'));
}

function feedback(question: Locator): Locator {
	return question.getByRole('status');
}

function score(region: Locator): Locator {
	return region.getByRole('status').filter({ hasText: /^Score:/ });
}

/** How many choices the question wants: "(Choose two.)" in its legend, else one. */
async function required(question: Locator): Promise<number> {
	const legend = (await question.getByRole('group').textContent()) ?? '';
	const match = /\(Choose (\w+)\.\)/.exec(legend);
	return match ? (WORDS[match[1]] ?? Number(match[1])) : 1;
}

async function pick(question: Locator, indexes: number[]) {
	for (const i of indexes) await choices(question).nth(i).check();
}

/** Picks the first N choices and checks; returns whether it was right and the right choices' indexes. */
async function answerWithFirstChoices(question: Locator): Promise<{ correct: boolean; answer: number[] }> {
	const n = await required(question);
	await pick(question, [...Array(n).keys()]);
	await question.getByRole('button', { name: 'Check answer' }).click();
	const box = feedback(question);
	await expect(box).toContainText(/Correct\.|Incorrect\./);
	const text = (await box.textContent()) ?? '';
	const letters = /correct answers? (?:is|are) ([A-F](?:(?:, | and )[A-F])*)\./.exec(text);
	expect(letters, `feedback names the right choices: ${text}`).not.toBeNull();
	const answer = (letters?.[1].match(/[A-F]/g) ?? []).map((l) => LETTERS.indexOf(l));
	return { correct: /\bCorrect\./.test(text), answer };
}

/** The choices' texts in the order shown, without the letter. */
async function choiceTexts(question: Locator): Promise<string[]> {
	return question.locator('.practice__option label').evaluateAll((labels) =>
		labels.map((label) => {
			const copy = label.cloneNode(true) as HTMLElement;
			copy.querySelectorAll('.practice__letter, .practice__mark').forEach((el) => el.remove());
			return (copy.textContent ?? '').trim();
		}),
	);
}

/** Where the given choice texts are now: "Start again" shuffles the order. */
async function positionsOf(question: Locator, texts: string[]): Promise<number[]> {
	const shown = await choiceTexts(question);
	return texts.map((t) => shown.indexOf(t)).sort((a, b) => a - b);
}

async function storedProgress(page: Page): Promise<unknown> {
	return page.evaluate((key) => {
		const raw = localStorage.getItem(key);
		return raw === null ? null : JSON.parse(raw);
	}, PROGRESS_KEY);
}

/** "Start again" clears every answer (and reshuffles): the quiz is back to a fresh run without a reload. */
async function startAgain(region: Locator) {
	await region.getByRole('button', { name: 'Start again' }).click();
	await expect(score(region)).toContainText(/\(0 of \d+ answered\)/);
	await expect(region.getByRole('button', { name: 'Start again' })).toHaveCount(0);
}

test.describe('practice questions on a chapter', () => {
	// Each test answers many questions and runs axe or loads several pages.
	test.slow();

	// One chapter load serves every scenario that stays on the chapter; "Start again" resets the quiz
	// between them. The two reloads are the behaviour under test: what survives a reload.
	test('answering, multiple answers, printing, a reload keeps answers, the read toggle and axe on the chapter', async ({ page }) => {
		await page.goto(CHAPTER);
		let region = await openQuiz(page);

		await test.step('a correct and an incorrect answer get feedback, the explanation, the section link and a score', async () => {
			const total = await questions(region).count();
			expect(total).toBeGreaterThanOrEqual(3);
			await expect(score(region)).toHaveText(`Score: 0 of ${total} correct (0 of ${total} answered).`);

			const first = questions(region).first();
			// Checking with nothing selected is a message, not a wrong answer.
			await first.getByRole('button', { name: 'Check answer' }).click();
			await expect(feedback(first)).toContainText(/^Select (an answer|\w+ answers), then check\.$/);
			await expect(score(region)).toContainText(`0 of ${total} answered`);

			const learned = await answerWithFirstChoices(first);
			const answerTexts = (await choiceTexts(first)).filter((_, i) => learned.answer.includes(i));
			await region.getByRole('button', { name: 'Start again' }).click();
			await expect(feedback(first)).toHaveText('');
			await expect(choices(first).first()).toBeFocused();
			const answer = await positionsOf(first, answerTexts);
			expect(answer).not.toContain(-1);

			// Correct.
			await pick(first, answer);
			await first.getByRole('button', { name: 'Check answer' }).click();
			await expect(feedback(first)).toContainText('Correct.');
			await expect(feedback(first)).not.toContainText('Incorrect');
			await expect(score(region)).toHaveText(`Score: 1 of ${total} correct (1 of ${total} answered).`);
			for (const i of answer) await expect(choices(first).nth(i)).toBeDisabled();
			await expect(first.getByText('(correct answer, your choice)')).toHaveCount(answer.length);

			// The link goes to a heading of this chapter.
			const link = feedback(first).getByRole('link', { name: /^Review this section/ });
			await expect(link).toBeVisible();
			const href = (await link.getAttribute('href')) ?? '';
			expect(href).toMatch(/^#[a-z0-9-]+$/);
			await expect(page.locator(`[id="${href.slice(1)}"]`)).toHaveCount(1);

			// Incorrect: a selection that differs from the answer.
			await region.getByRole('button', { name: 'Start again' }).click();
			answer.splice(0, answer.length, ...(await positionsOf(first, answerTexts)));
			const n = answer.length;
			const optionCount = await choices(first).count();
			const wrong = [...Array(optionCount).keys()].filter((i) => !answer.includes(i)).slice(0, 1);
			const wrongSelection = n === 1 ? wrong : [...answer.slice(0, n - 1), ...wrong];
			await pick(first, wrongSelection);
			await first.getByRole('button', { name: 'Check answer' }).click();
			await expect(feedback(first)).toContainText('Incorrect.');
			await expect(feedback(first)).toContainText(`You chose ${LETTERS[wrongSelection[0]]}`);
			await expect(first.getByText('(your choice, incorrect)')).toHaveCount(1);
			await expect(first.getByText(/\(correct answer/)).toHaveCount(n);
			await expect(feedback(first).getByRole('link', { name: /^Review this section/ })).toBeVisible();
			await expect(score(region)).toHaveText(`Score: 0 of ${total} correct (1 of ${total} answered).`);

			// Nothing is recorded until every question is answered.
			expect(await storedProgress(page)).toBeNull();
			await startAgain(region);
		});

		await test.step('a multiple-answer question uses checkboxes with a "(Choose N.)" hint and needs N choices', async () => {
			const multi = questions(region).filter({ has: page.getByRole('checkbox') }).first();
			if ((await multi.count()) === 0) {
				test.info().annotations.push({ type: 'skip', description: 'this chapter has no multiple-answer question yet' });
				return;
			}
			const n = await required(multi);
			expect(n).toBeGreaterThan(1);
			await expect(multi.getByRole('radio')).toHaveCount(0);
			await pick(multi, [0]);
			await multi.getByRole('button', { name: 'Check answer' }).click();
			await expect(feedback(multi)).toContainText(/Select \w+ answers \(you selected one\), then check\./);
			await choices(multi).nth(0).uncheck();
			const result = await answerWithFirstChoices(multi);
			expect(result.answer).toHaveLength(n);
			await startAgain(region);
		});

		await test.step('printing: the answers are on paper without opening anything', async () => {
			const first = questions(region).first();
			const second = questions(region).nth(1);
			await answerWithFirstChoices(first);
			const checkedFeedback = feedback(first);
			const check = second.getByRole('button', { name: 'Check answer' });
			await expect(second.getByText(/^Answer: [A-F]/)).toBeHidden();
			await page.emulateMedia({ media: 'print' });
			// Unchecked questions print their answer; the checked one prints its feedback; buttons do not print.
			await expect(second.getByText(/^Answer: [A-F]/)).toBeVisible();
			await expect(checkedFeedback).toBeVisible();
			await expect(check).toBeHidden();
			await expect(region.getByRole('button', { name: 'Mark chapter as read' })).toBeHidden();
			await page.emulateMedia({ media: 'screen' });
			await expect(check).toBeVisible();
			await startAgain(region);
		});

		await test.step('answers in progress survive a reload; Start again reshuffles the choices', async () => {
			const total = await questions(region).count();
			const first = questions(region).first();
			const second = questions(region).nth(1);
			const firstResult = await answerWithFirstChoices(first);
			await pick(second, [0]);
			const before = [await choiceTexts(first), await choiceTexts(second)];
			const feedbackBefore = await feedback(first).textContent();

			await page.reload();
			region = await openQuiz(page);
			await expect(score(region)).toContainText(`(1 of ${total} answered)`);
			await expect(feedback(questions(region).first())).toHaveText(feedbackBefore ?? '');
			expect([await choiceTexts(questions(region).first()), await choiceTexts(questions(region).nth(1))]).toEqual(before);
			await expect(choices(questions(region).nth(1)).first()).toBeChecked();
			await expect(choices(questions(region).first()).nth(firstResult.answer[0])).toBeDisabled();

			// A new run gets a new order for at least one question (the odds of every order repeating are tiny).
			const orders = async () => {
				const all: string[][] = [];
				for (let i = 0; i < total; i += 1) all.push(await choiceTexts(questions(region).nth(i)));
				return all;
			};
			const runOne = await orders();
			await region.getByRole('button', { name: 'Start again' }).click();
			await expect(score(region)).toContainText(`(0 of ${total} answered)`);
			expect(await orders()).not.toEqual(runOne);
			await expect(region.getByRole('button', { name: 'Start again' })).toHaveCount(0);
		});

		await test.step('the read toggle marks and unmarks the chapter', async () => {
			const toggle = region.getByRole('button', { name: 'Mark chapter as read' });
			await toggle.click();
			await expect(toggle).toHaveAttribute('aria-pressed', 'true');
			await expect(region.getByText('You have read this chapter.')).toBeVisible();
			expect(await storedProgress(page)).toEqual({ version: 1, chapters: { [CHAPTER_ID]: { read: true } } });

			await page.reload();
			region = await openQuiz(page);
			await expect(region.getByRole('button', { name: 'Mark chapter as read' })).toHaveAttribute('aria-pressed', 'true');
			await region.getByRole('button', { name: 'Mark chapter as read' }).click();
			await expect(region.getByText('Not marked as read yet.')).toBeVisible();
			expect(await storedProgress(page)).toEqual({ version: 1, chapters: {} });
		});

		await test.step('answered questions pass axe in the light and the dark theme', async () => {
			await answerWithFirstChoices(questions(region).nth(0));
			await answerWithFirstChoices(questions(region).nth(1));
			await questions(region).nth(2).getByRole('button', { name: 'Check answer' }).click();
			await expect(feedback(questions(region).nth(2))).toContainText(/^Select /);
			await region.getByRole('button', { name: 'Mark chapter as read' }).click();
			await expect(region.getByRole('button', { name: 'Mark chapter as read' })).toHaveAttribute('aria-pressed', 'true');
			for (const theme of ['light', 'dark'] as const) {
				await setTheme(page, theme);
				expect(await axeViolations(page, '.practice'), `${theme} theme`).toEqual([]);
			}
		});
	});

	// The progress summary on the home page: each visit there is a page load the scenario needs
	// (a reset, then the chapter reading what the reset left), and the stored-data checks reuse the
	// last visit instead of opening the home page again.
	test('progress reaches the home page, resets there by mouse and keyboard, passes axe and ignores bad stored data', async ({ page }) => {
		await page.goto(CHAPTER);
		let region = await openQuiz(page);
		let correct = 0;
		let total = 0;

		await test.step('answering every question records the score and read mark', async () => {
			const toggle = region.getByRole('button', { name: 'Mark chapter as read' });
			await expect(toggle).toHaveAttribute('aria-pressed', 'false');

			total = await questions(region).count();
			for (let i = 0; i < total; i += 1) {
				if ((await answerWithFirstChoices(questions(region).nth(i))).correct) correct += 1;
			}
			const pct = Math.round((correct / total) * 100);
			await expect(score(region)).toHaveText(`Score: ${correct} of ${total} correct (${pct}%). All questions answered.`);
			// Finishing the questions means the reader reached the end of the chapter.
			await expect(toggle).toHaveAttribute('aria-pressed', 'true');
			await expect(region.getByText(`Best score for this chapter: ${correct} of ${total} (${pct}%)`)).toBeVisible();
			expect(await storedProgress(page)).toEqual({
				version: 1,
				chapters: { [CHAPTER_ID]: { read: true, last: { correct, total }, best: { correct, total } } },
			});
		});

		await test.step('the score and read mark are shown on the home page; reset clears them', async () => {
			const pct = Math.round((correct / total) * 100);
			await page.goto('');
			const progress = page.getByRole('region', { name: 'Your progress' });
			await expect(progress).toBeVisible();
			await expect(progress).toContainText(new RegExp(`^Your progress1 of \\d+ chapters read, average quiz score ${pct}%\\.`));
			const row = page.locator(`li[data-chapter="${CHAPTER_ID}"]`);
			await expect(row).toContainText('Read');
			await expect(row).toContainText(`Best quiz score ${correct} of ${total} (${pct}%)`);

			// Cancel keeps everything.
			await progress.getByRole('button', { name: 'Reset progress' }).click();
			await expect(progress.getByRole('group', { name: /Clear the read marks and quiz scores/ })).toBeVisible();
			await progress.getByRole('button', { name: 'Cancel' }).click();
			await expect(row).toContainText('Read');

			await progress.getByRole('button', { name: 'Reset progress' }).click();
			await progress.getByRole('button', { name: 'Yes, reset progress' }).click();
			await expect(progress.getByRole('status')).toHaveText('Progress reset.');
			await expect(progress).toContainText(/0 of \d+ chapters read, no quiz scores yet\./);
			await expect(row).not.toContainText('Read');
			await expect(row).not.toContainText('Best quiz score');
			expect(await storedProgress(page)).toBeNull();

			await page.goto(CHAPTER);
			region = await openQuiz(page);
			await expect(region.getByRole('button', { name: 'Mark chapter as read' })).toHaveAttribute('aria-pressed', 'false');
		});

		// The reset above also cleared the answers in progress: this chapter load starts a fresh run.
		await test.step('works with the keyboard alone: the questions and the read toggle', async () => {
			const first = questions(region).first();
			const n = await required(first);

			// Reach the first choice from the heading before it, as Tab would.
			await region.getByRole('heading', { name: 'Practice questions' }).scrollIntoViewIfNeeded();
			await choices(first).first().focus();
			await page.keyboard.press('Space');
			await expect(choices(first).first()).toBeChecked();
			for (let i = 1; i < n; i += 1) {
				await page.keyboard.press('Tab');
				await page.keyboard.press('Space');
			}
			// Radios are one Tab stop; checkboxes were tabbed through above.
			await page.keyboard.press('Tab');
			if (n > 1) {
				for (let i = n; i < (await choices(first).count()); i += 1) await page.keyboard.press('Tab');
			}
			const check = first.getByRole('button', { name: 'Check answer' });
			await expect(check).toBeFocused();
			await page.keyboard.press('Enter');
			await expect(feedback(first)).toContainText(/Correct\.|Incorrect\./);
			// Focus stays put, and the next Tab reaches the section link in the feedback.
			await expect(check).toBeFocused();
			await expect(check).toHaveAttribute('aria-disabled', 'true');
			await page.keyboard.press('Tab');
			await expect(feedback(first).getByRole('link', { name: /^Review this section/ })).toBeFocused();
			await page.keyboard.press('Tab');
			await expect(choices(questions(region).nth(1)).first()).toBeFocused();

			const toggle = region.getByRole('button', { name: 'Mark chapter as read' });
			await toggle.focus();
			await page.keyboard.press('Space');
			await expect(toggle).toHaveAttribute('aria-pressed', 'true');
			await page.keyboard.press('Enter');
			await expect(toggle).toHaveAttribute('aria-pressed', 'false');
			await page.keyboard.press('Enter');
			await expect(toggle).toHaveAttribute('aria-pressed', 'true');
		});

		await test.step('the home summary passes axe in the light and the dark theme', async () => {
			await page.goto('');
			const progress = page.getByRole('region', { name: 'Your progress' });
			await expect(progress).toContainText(/1 of \d+ chapters read/);
			await progress.getByRole('button', { name: 'Reset progress' }).click();
			await expect(progress.getByRole('button', { name: 'Cancel' })).toBeVisible();
			for (const theme of ['light', 'dark'] as const) {
				await setTheme(page, theme);
				expect(await axeViolations(page, '.chapter-index'), `${theme} theme`).toEqual([]);
			}
			await progress.getByRole('button', { name: 'Cancel' }).click();
			await expect(progress.getByRole('button', { name: 'Cancel' })).toHaveCount(0);
		});

		await test.step('works with the keyboard alone: reset on the home page', async () => {
			// Enter opens the confirmation on "Cancel", Escape closes it.
			const progress = page.getByRole('region', { name: 'Your progress' });
			await expect(progress).toContainText(/1 of \d+ chapters read/);
			const reset = progress.getByRole('button', { name: 'Reset progress' });
			await reset.focus();
			await page.keyboard.press('Enter');
			await expect(progress.getByRole('button', { name: 'Cancel' })).toBeFocused();
			await page.keyboard.press('Escape');
			await expect(reset).toBeFocused();
			await page.keyboard.press('Enter');
			// Focus moves to Cancel after the confirmation renders; Shift+Tab before that would start from the wrong place.
			await expect(progress.getByRole('button', { name: 'Cancel' })).toBeFocused();
			await page.keyboard.press('Shift+Tab');
			await expect(progress.getByRole('button', { name: 'Yes, reset progress' })).toBeFocused();
			await page.keyboard.press('Enter');
			await expect(progress.getByRole('status')).toHaveText('Progress reset.');
			await expect(reset).toBeFocused();
			await expect(progress).toContainText(/0 of \d+ chapters read/);
			expect(await storedProgress(page)).toBeNull();
		});

		// Each reload below is the behaviour under test: the summary reads what is stored when the page loads.
		await test.step('corrupt or foreign stored data is ignored without errors', async () => {
			for (const raw of [
				'{not json',
				'null',
				'[]',
				JSON.stringify({ version: 2, chapters: { [CHAPTER_ID]: { read: true } } }),
				JSON.stringify({ version: 1, chapters: { [CHAPTER_ID]: { read: 'yes', best: { correct: 9, total: 2 } } } }),
			]) {
				await page.evaluate(([key, value]) => localStorage.setItem(key, value), [PROGRESS_KEY, raw]);
				await page.reload();
				const progress = page.getByRole('region', { name: 'Your progress' });
				await expect(progress, raw).toContainText(/^Your progress0 of \d+ chapters read, no quiz scores yet\./);
			}

			// Valid entries survive beside unknown chapters, which do not count.
			const mixed = {
				version: 1,
				chapters: {
					[CHAPTER_ID]: { read: true, best: { correct: 3, total: 4 } },
					'no-such/chapter': { read: true, best: { correct: 0, total: 4 } },
				},
			};
			await page.evaluate(([key, value]) => localStorage.setItem(key, value), [PROGRESS_KEY, JSON.stringify(mixed)]);
			await page.reload();
			await expect(page.getByRole('region', { name: 'Your progress' })).toContainText(
				/1 of \d+ chapters read, average quiz score 75%\./,
			);

			// The chapter page copes too, and its next write replaces the bad record.
			await page.evaluate((key) => localStorage.setItem(key, '{"version":1,"chapters":'), PROGRESS_KEY);
			await page.goto(CHAPTER);
			region = await openQuiz(page);
			await region.getByRole('button', { name: 'Mark chapter as read' }).click();
			expect(await storedProgress(page)).toEqual({ version: 1, chapters: { [CHAPTER_ID]: { read: true } } });
		});
	});
});

test.describe('stored progress that cannot be used', () => {
	test.slow();

	test('without localStorage the questions still work, with a note that nothing is kept', async ({ page }) => {
		// Storage that refuses this site's key, as a full or locked-down store does. (Making the whole
		// localStorage getter throw would also break Starlight's own theme script; the unit tests cover that.)
		await page.addInitScript(() => {
			for (const method of ['getItem', 'setItem', 'removeItem'] as const) {
				const original = Storage.prototype[method] as (...args: string[]) => unknown;
				Storage.prototype[method] = function (this: Storage, ...args: string[]) {
					if (args[0]?.startsWith('dva-notes:')) throw new DOMException('The operation is insecure.', 'SecurityError');
					return original.apply(this, args);
				} as never;
			}
		});
		await page.goto(CHAPTER);
		const region = await openQuiz(page);
		await expect(region.getByText(/does not let the site store data/)).toBeVisible();
		const first = questions(region).first();
		await answerWithFirstChoices(first);
		await expect(score(region)).toContainText('1 of');
		const toggle = region.getByRole('button', { name: 'Mark chapter as read' });
		await toggle.click();
		await expect(toggle).toHaveAttribute('aria-pressed', 'true');

		await page.goto('');
		await expect(page.getByRole('region', { name: 'Your progress' })).toContainText(/does not let the site store data/);
		await expect(page.locator(`li[data-chapter="${CHAPTER_ID}"]`)).toBeVisible();
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('every question shows its choices, the answer is in a disclosure, and printing shows the answers without opening them', async ({ page }) => {
		await page.goto(CHAPTER);
		const region = practice(page);

		await test.step('printing shows the answers without opening them', async () => {
			await page.emulateMedia({ media: 'print' });
			const answers = region.getByText(/^Answer: [A-F]/);
			await expect(answers.first()).toBeVisible();
			await expect(answers.last()).toBeVisible();
			await page.emulateMedia({ media: 'screen' });
		});

		await test.step('every question shows its choices, and the answer is in a disclosure', async () => {
			await expect(region.getByRole('heading', { name: 'Practice questions' })).toBeVisible();
			await expect(region.getByRole('button', { name: 'Check answer' })).toHaveCount(0);
			await expect(region.getByRole('radio')).toHaveCount(0);

			const summaries = region.getByText('Show the answer', { exact: true });
			const count = await summaries.count();
			expect(count).toBeGreaterThanOrEqual(3);
			const answer = region.getByText(/^Answer: [A-F]/).first();
			await expect(answer).toBeHidden();
			await summaries.first().click();
			await expect(answer).toBeVisible();
			await expect(region.getByRole('link', { name: /^Review this section/ }).first()).toBeVisible();
			// Choices are listed under each question.
			await expect(region.getByRole('listitem').filter({ hasText: 'Show the answer' })).toHaveCount(count);
		});
	});

	test('the home page shows the chapter list and no progress', async ({ page }) => {
		await page.goto('');
		await expect(page.locator(`li[data-chapter="${CHAPTER_ID}"]`).getByRole('link')).toBeVisible();
		await expect(page.getByRole('region', { name: 'Your progress' })).toHaveCount(0);
	});
});
