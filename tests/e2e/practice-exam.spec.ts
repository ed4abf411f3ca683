import type { Page } from '@playwright/test';
import { test, expect, axeViolations, setTheme } from './fixtures.ts';
import {
	EXAM_KEY,
	EXAM_PAGE as PAGE,
	MINUTE,
	REVIEW_KEY,
	answerFirstChoice,
	navigatorCell as cell,
	questionHeading as heading,
	stored,
} from '../support/practice-exam.ts';

const timer = (page: Page) => page.getByRole('timer');
const fitsPhone = async (page: Page) => {
	await page.setViewportSize({ width: 375, height: 700 });
	const fits = await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
	await page.setViewportSize({ width: 1280, height: 720 });
	return fits;
};

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the page says the exam needs JavaScript', async ({ page }) => {
		await page.goto(PAGE);
		await expect(page.getByText('The practice exam needs JavaScript, which is turned off')).toBeVisible();
	});
});

test('take an exam: answer, flag, navigate, reload, run out of time, read the result and the history', async ({ page }) => {
	test.setTimeout(150_000);
	await page.clock.install({ time: new Date('2026-12-01T09:00:00Z') });
	const bankRequests: string[] = [];
	page.on('request', (r) => {
		if (r.url().endsWith('/question-bank.json')) bankRequests.push(r.url());
	});
	await page.goto(PAGE);
	await expect(page.locator('astro-island').filter({ has: page.getByRole('button', { name: 'Start the exam' }) })).not.toHaveAttribute('ssr');
	expect(bankRequests, 'the bank is fetched only when an exam starts').toEqual([]);

	await page.getByRole('button', { name: 'Start the exam' }).click();
	await expect(heading(page)).toHaveText('Question 1 of 65');
	await expect(heading(page)).toBeFocused();
	expect(bankRequests).toHaveLength(1);
	// The mocked clock still flows, so allow a few seconds for a busy machine.
	await expect(timer(page)).toContainText(/2:(10:00|09:[45]\d)/);
	// Every domain has enough questions for its share, so no shortfall is reported.
	await expect(page.getByText(/ has only \d+ of its \d+ questions/)).toHaveCount(0);
	await expect(page.getByRole('navigation', { name: 'All questions' }).getByRole('button')).toHaveCount(65);

	// Answer and flag question 1, answer question 2, then jump to question 5 from the navigator.
	await answerFirstChoice(page);
	await page.getByRole('button', { name: 'Flag for review' }).click();
	await expect(page.getByRole('button', { name: 'Remove the flag' })).toBeVisible();
	await expect(cell(page, 1)).toHaveAccessibleName('Question 1, answered, flagged');
	await page.getByRole('button', { name: 'Next' }).click();
	await expect(heading(page)).toHaveText('Question 2 of 65');
	await answerFirstChoice(page);
	await cell(page, 5).click();
	await expect(heading(page)).toHaveText('Question 5 of 65');
	await expect(cell(page, 5)).toHaveAttribute('aria-current', 'step');
	// Keyboard: the navigator is a list of buttons.
	await cell(page, 4).focus();
	await page.keyboard.press('Enter');
	await expect(heading(page)).toHaveText('Question 4 of 65');
	expect((await axeViolations(page, '.exam')).join('\n')).toBe('');
	expect(await fitsPhone(page), 'nothing scrolls sideways on a 375 px phone').toBe(true);

	// Ten minutes pass; a reload brings back the question on screen, the answers, the flag and the time left.
	await page.clock.runFor(10 * MINUTE);
	await expect(timer(page)).toContainText(/(2:00:00|1:59:[0-5]\d)/);
	await page.reload();
	await expect(heading(page)).toHaveText('Question 4 of 65');
	await expect(page.getByText('Your exam in progress is back')).toBeVisible();
	await expect(timer(page)).toContainText(/(2:00:00|1:59:[0-5]\d)/);
	await expect(cell(page, 1)).toHaveAccessibleName('Question 1, answered, flagged');
	await expect(cell(page, 2)).toHaveAccessibleName('Question 2, answered');
	await expect(cell(page, 3)).toHaveAccessibleName('Question 3, unanswered');

	// Submitting early asks first, with the counts.
	await page.getByRole('button', { name: 'Submit exam…' }).click();
	await expect(page.getByText('63 questions are unanswered (scored as incorrect) and 1 question is flagged for review. Submit anyway?')).toBeFocused();
	await page.getByRole('button', { name: 'Keep working' }).click();
	await expect(page.getByRole('button', { name: 'Submit exam…' })).toBeFocused();

	// The timer submits when the deadline passes.
	await page.clock.runFor(120 * MINUTE + 1000);
	await expect(page.getByRole('heading', { name: 'Your result' })).toBeFocused();
	await expect(page.getByText('Time is up: the exam was submitted automatically.')).toBeVisible();
	await expect(page.getByText(/of 65 correct \(\d+%\), about \d+ on the 100–1000 scale/)).toBeVisible();
	const domains = page.getByRole('table', { name: 'By domain, weakest first' });
	await expect(domains.getByRole('row')).toHaveCount(5);
	await expect(domains).toContainText('Development with AWS Services');
	await expect(page.getByRole('table', { name: 'By task, weakest first' }).getByRole('row').nth(1)).toContainText(/^\d\.\d/);
	const review = page.locator('.exam__review > li');
	await expect(review).toHaveCount(65);
	// Each summary names the chapter the question comes from.
	await expect(review.first().locator('summary')).toHaveText(/^Question 1: (correct|incorrect|not answered), flagged \(.+\)$/);
	await review.first().getByText(/^Question 1:/).click();
	await expect(review.first()).toContainText('Correct answer:');
	await expect(review.first().getByRole('link')).toHaveAttribute('href', /^\/aws-notes\/[a-z0-9-]+\/[a-z0-9-]+\/#[a-z0-9-]+$/);
	const exam = await stored(page, EXAM_KEY);
	expect(exam.current).toBeNull();
	expect(exam.history).toHaveLength(1);
	expect(exam.history[0].timedOut).toBe(true);
	// The answers given and wrong are due in the review queue; the 63 unanswered questions are not.
	const queue = await stored(page, REVIEW_KEY);
	expect(Object.keys(queue?.items ?? {}).length).toBe(2 - exam.history[0].correct);
	await expect(page.getByRole('table', { name: /Past attempts/ }).getByRole('row')).toHaveCount(2);
	for (const theme of ['light', 'dark'] as const) {
		await setTheme(page, theme);
		expect((await axeViolations(page, '.exam')).join('\n'), theme).toBe('');
	}
	expect(await fitsPhone(page), 'the result fits a 375 px phone').toBe(true);

	// A second exam, left while running: when the reader comes back after its deadline, it is submitted then.
	await page.getByRole('button', { name: 'Start the exam' }).click();
	await expect(heading(page)).toHaveText('Question 1 of 65');
	await answerFirstChoice(page);
	await page.goto('about:blank');
	await page.clock.fastForward(3 * 60 * MINUTE);
	await page.goto(PAGE);
	await expect(page.getByText(/The time ran out while you were away/)).toBeVisible();
	await expect(page.getByRole('table', { name: /Past attempts/ }).getByRole('row')).toHaveCount(3);
	await expect(page.getByRole('heading', { name: 'Trend by domain' })).toBeVisible();
	await expect(page.locator('.exam__trends li')).toHaveCount(4);
});
