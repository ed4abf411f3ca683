import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect, axeViolations, setTheme } from './fixtures.ts';

const CHAPTER = 'scaling/elastic-load-balancing/';
const CHAPTER_ID = 'scaling/elastic-load-balancing';
const REVIEW = 'practice/review/';
const REVIEW_KEY = 'dva-notes:review:v1';

interface BankQuestion {
	id: string;
	prompt: string;
	section: string;
	chapter: { id: string };
	choices: { text: string; correct: boolean }[];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The radio of a choice by its text; the label reads "B. <text>". */
const choice = (page: Page, text: string) => page.getByRole('radio', { name: new RegExp(`^[A-F]\\. ${escape(text)}$`) });

/** Everything the site stores, as the page sees it. */
function stored(page: Page): Promise<Record<string, string>> {
	return page.evaluate(() => Object.fromEntries(Object.entries(localStorage).filter(([key]) => key.startsWith('dva-notes:'))));
}

test('a missed question is queued, served on the Review page and comes back on schedule; the data survives a backup round trip', async ({ page, browser, baseURL }) => {
	await page.clock.install({ time: new Date('2026-12-02T09:00:00Z') });
	// The bank says which choice is right, so the test can miss on purpose and then answer well.
	const bank = (await (await page.request.get('question-bank.json')).json()) as { questions: BankQuestion[] };
	const question = bank.questions.find((q) => q.chapter.id === CHAPTER_ID && q.choices.filter((c) => c.correct).length === 1);
	if (!question) throw new Error(`${CHAPTER_ID} has no single-answer question`);
	const right = question.choices.find((c) => c.correct)!.text;
	const wrong = question.choices.find((c) => !c.correct)!.text;

	// A wrong answer in the chapter quiz enters the queue.
	await page.goto(CHAPTER);
	const region = page.getByRole('region', { name: 'Practice questions' });
	await region.scrollIntoViewIfNeeded();
	const item = region.getByRole('listitem').filter({ hasText: question.prompt.slice(0, 60) }).filter({ has: page.getByRole('group') });
	await expect(item.getByRole('button', { name: 'Check answer' })).toBeVisible();
	await choice(page, wrong).check();
	await item.getByRole('button', { name: 'Check answer' }).click();
	await expect(item.getByRole('status')).toContainText('Incorrect.');
	expect(Object.keys(JSON.parse((await stored(page))[REVIEW_KEY]).items)).toEqual([question.id]);

	// The home page counts it and links to the Review page.
	await page.goto('');
	const due = page.getByTestId('review-due');
	await expect(due).toHaveText(/^1 question is due for review\./);
	await due.getByRole('link', { name: 'Review now' }).click();
	await expect(page).toHaveURL(new RegExp(`${REVIEW}$`));

	// The Review page fetches the bank only when asked and serves the question with the chapter's answer UI.
	await page.getByRole('button', { name: 'Start review' }).click();
	await expect(page.getByRole('heading', { name: 'Question 1 of 1' })).toBeFocused();
	await choice(page, right).press('Space');
	await page.getByRole('button', { name: 'Check answer' }).press('Enter');
	const feedback = page.locator('.practice__feedback');
	await expect(feedback).toContainText('Correct.');
	await expect(feedback.getByRole('link', { name: /^Review this section/ })).toHaveAttribute('href', new RegExp(`/${CHAPTER_ID}/#${question.section}$`));
	for (const theme of ['light', 'dark'] as const) {
		await setTheme(page, theme);
		expect(await axeViolations(page, 'main'), `answered review question, ${theme} theme`).toEqual([]);
	}
	await page.getByRole('button', { name: 'Finish review' }).click();
	await expect(page.getByRole('heading', { name: 'Review finished' })).toBeVisible();
	await expect(page.getByText(/No questions are due for review\. The next one is due in 1 day \(\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}\)/)).toBeVisible();

	// A day later it is due again.
	await page.clock.setSystemTime(new Date('2026-12-03T09:05:00Z'));
	await page.getByRole('button', { name: 'Check again' }).click();
	await expect(page.getByText('1 question is due for review.')).toBeVisible();

	// Export, with data from a newer site that this one does not know, which must round-trip too.
	await page.evaluate(() => localStorage.setItem('dva-notes:future-feature:v1', '{"kept":true}'));
	const before = await stored(page);
	expect(Object.keys(before).sort()).toEqual(['dva-notes:future-feature:v1', 'dva-notes:quiz-draft:v1', REVIEW_KEY]);
	await page.getByRole('button', { name: 'Export my data' }).scrollIntoViewIfNeeded();
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export my data' }).click()]);
	expect(download.suggestedFilename()).toBe('dva-notes-2026-12-03.json');
	const file = await download.path();
	const exported = JSON.parse(await readFile(file, 'utf8'));
	expect(exported).toMatchObject({ app: 'aws-developer-associate-notes', format: 1, exportedAt: expect.stringMatching(/^2026-12-03T09:05/) });
	expect(Object.keys(exported.data).sort()).toEqual(Object.keys(before).sort());
	expect(exported.data['dva-notes:future-feature:v1']).toEqual({ kept: true });
	await expect(page.getByText(/^Saved 3 items to dva-notes-2026-12-03\.json\.$/)).toBeVisible();

	// Import in a browser that has nothing stored: it restores the same state.
	const context = await browser.newContext({ baseURL });
	const fresh = await context.newPage();
	await fresh.goto(REVIEW);
	await expect(fresh.getByText('No questions to review.', { exact: false })).toBeVisible();
	const picker = fresh.getByLabel('Import a backup file');
	await picker.scrollIntoViewIfNeeded();

	// A corrupt file is refused and changes nothing; so is another app's file.
	await picker.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"app":"aws-developer') });
	await expect(fresh.getByText(/not valid JSON.*Nothing was changed\./)).toBeVisible();
	const damaged = { app: 'aws-developer-associate-notes', format: 1, data: { [REVIEW_KEY]: { version: 1, items: { nope: 1 } } } };
	await picker.setInputFiles({ name: 'damaged.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(damaged)) });
	await expect(fresh.getByText(/refused: the review queue: .*Nothing was changed\./)).toBeVisible();
	expect(await stored(fresh)).toEqual({});

	await picker.setInputFiles(file);
	const confirm = fresh.getByRole('group', { name: /Replace everything this site stores/ });
	await expect(confirm).toContainText('review queue: 1 question');
	// Dates read the same here as in the exam history and the review queue.
	await expect(confirm).toContainText(/from \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}\?/);
	await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
	for (const theme of ['light', 'dark'] as const) {
		await setTheme(fresh, theme);
		expect(await axeViolations(fresh, 'main'), `import confirmation, ${theme} theme`).toEqual([]);
	}
	// Many readers carry the file to a phone.
	await fresh.setViewportSize({ width: 375, height: 740 });
	expect(await fresh.evaluate(() => document.documentElement.scrollWidth), 'no sideways scrolling at 375 px').toBeLessThanOrEqual(375);
	await confirm.getByRole('button', { name: 'Replace my data' }).click();
	await expect(fresh.getByText(/^Imported .*review queue: 1 question/)).toBeVisible();
	expect(await stored(fresh)).toEqual(before);
	// The review part of the page reads the imported queue at once.
	await expect(fresh.getByText(/The next one is due|question is due/)).toBeVisible();
	await context.close();
});

test('without JavaScript the Review page says what it needs', async ({ browser, baseURL }) => {
	const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto(REVIEW);
	await expect(page.getByText('The review needs JavaScript, which is turned off')).toBeVisible();
	await expect(page.getByText('Export and import need JavaScript, which is turned off')).toBeVisible();
	await expect(page.getByRole('button', { name: /Start review|Export my data/ })).toHaveCount(0);
	await context.close();
});
