import type { Page } from '@playwright/test';
import { test, expect, axeViolations, setTheme } from './fixtures.ts';
import {
	EXAM_KEY,
	EXAM_PAGE as PAGE,
	MINUTE,
	REVIEW_KEY,
	answerFirstChoice,
	navigator as nav,
	navigatorCell as cell,
	questionHeading as heading,
	stored,
} from '../support/practice-exam.ts';

// The learner's exam data: two tabs, reviewing past attempts, incomplete answers, the review queue, the navigator.
/** "1 Dec 2026, 09:00": the one date format of the exam history, the review page and the import. */
const DATE = /\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}/;

interface BankQuestion {
	id: string;
	choices: { text: string; correct: boolean }[];
}

async function startExam(page: Page) {
	await page.goto(PAGE);
	await expect(page.locator('astro-island').filter({ has: page.getByRole('button', { name: 'Start the exam' }) })).not.toHaveAttribute('ssr');
	await page.getByRole('button', { name: 'Start the exam' }).click();
	await expect(heading(page)).toHaveText(/^Question 1 of 65/);
}

async function submitNow(page: Page) {
	await page.getByRole('button', { name: 'Submit exam…' }).click();
	await page.getByRole('button', { name: 'Submit the exam' }).click();
	await expect(page.getByRole('heading', { name: 'Your result' })).toBeVisible();
}

test('two tabs of one exam never overwrite each other, and a stale tab follows the other', async ({ browser, baseURL }) => {
	const context = await browser.newContext({ baseURL });
	const a = await context.newPage();
	await startExam(a);
	for (let i = 0; i < 3; i += 1) {
		await answerFirstChoice(a);
		await a.getByRole('button', { name: 'Next', exact: true }).click();
	}
	// Tab B opens the same page: it resumes the exam and submits it.
	const b = await context.newPage();
	await b.goto(PAGE);
	await expect(heading(b)).toHaveText(/^Question 4 of 65/);
	await submitNow(b);
	expect((await stored(b, EXAM_KEY)).history).toHaveLength(1);
	// Tab A still had the exam on screen: it says what happened instead of writing the exam back.
	await expect(a.getByText('This exam was submitted in another tab')).toBeVisible();
	await expect(a.getByRole('heading', { name: 'Your result' })).toBeVisible();
	await expect(a.locator('.exam__question')).toHaveCount(0);
	const afterA = await stored(a, EXAM_KEY);
	expect(afterA.history).toHaveLength(1);
	expect(afterA.current).toBeNull();

	// A new exam; B follows and resumes it. An answer in B and one in A both stay.
	await a.getByRole('button', { name: 'Start the exam' }).click();
	await expect(heading(a)).toHaveText(/^Question 1 of 65/);
	await b.reload();
	await expect(heading(b)).toHaveText(/^Question 1 of 65/);
	await cell(b, 26).click();
	await answerFirstChoice(b);
	await cell(a, 27).click();
	await answerFirstChoice(a);
	const exam = await stored(a, EXAM_KEY);
	expect(Object.keys(exam.current.answers).sort()).toEqual([exam.current.questionIds[25], exam.current.questionIds[26]].sort());
	// A follows B's answer on screen too.
	await expect(cell(a, 26)).toHaveAccessibleName(/^Question 26, answered/);
	expect(exam.history).toHaveLength(1);
	await context.close();
});

test('the flag button says what pressing it does, and a flagged question says so in words', async ({ page }) => {
	await startExam(page);
	await expect(page.locator('.exam__question').getByText('Flagged for review')).toHaveCount(0);
	await page.getByRole('button', { name: 'Flag for review' }).click();
	await expect(page.getByRole('button', { name: 'Remove the flag' })).toBeVisible();
	await expect(heading(page)).toHaveText('Question 1 of 65, flagged');
	await expect(page.locator('.exam__question').getByText('⚑ Flagged for review')).toBeVisible();
	await expect(cell(page, 1)).toHaveAccessibleName('Question 1, unanswered, flagged');
	await page.getByRole('button', { name: 'Remove the flag' }).click();
	await expect(page.getByRole('button', { name: 'Flag for review' })).toBeVisible();
	await expect(page.locator('.exam__question').getByText('Flagged for review')).toHaveCount(0);
});

test('a resumed exam, once submitted, no longer says it is back', async ({ page }) => {
	await startExam(page);
	await answerFirstChoice(page);
	await page.reload();
	await expect(page.getByText('Your exam in progress is back')).toBeVisible();
	await submitNow(page);
	await expect(page.getByText('Your exam in progress is back')).toHaveCount(0);
});

test('any past attempt can be reviewed again, filtered, with "your choice" and "correct answer" marks, and retaken', async ({ page }) => {
	await startExam(page);
	await answerFirstChoice(page);
	await page.getByRole('button', { name: 'Next', exact: true }).click();
	await page.getByRole('button', { name: 'Flag for review' }).click();
	await submitNow(page);

	// After a reload the answers are still reviewable from the history.
	await page.reload();
	const history = page.getByRole('table', { name: /Past attempts/ });
	await expect(history.getByRole('row').nth(1).getByRole('rowheader')).toHaveText(DATE);
	await history.getByRole('button', { name: /^Review the attempt of / }).click();
	await expect(page.getByRole('heading', { name: /^Your DVA-C0\d attempt of / })).toBeFocused();
	const review = page.getByRole('region', { name: 'Answer review' });
	await expect(review.locator('.exam__review > li')).toHaveCount(65);
	await review.getByRole('radio', { name: /^Flagged only/ }).check();
	await expect(review.locator('.exam__review > li')).toHaveCount(1);
	await expect(review.locator('.exam__review > li summary')).toContainText('Question 2');
	await review.getByRole('radio', { name: /^Wrong only/ }).check();
	expect(await review.locator('.exam__review > li').count()).toBeGreaterThanOrEqual(63);
	await review.getByRole('radio', { name: /^Unanswered only/ }).check();
	await expect(review.locator('.exam__review > li')).toHaveCount(64);
	await review.getByRole('radio', { name: /^All/ }).check();
	await review.locator('.exam__review > li').first().locator('summary').click();
	await expect(review.locator('.exam__review > li').first()).toContainText(/\((correct answer, )?your choice/);
	await expect(review.locator('.exam__review > li').first()).toContainText('correct answer');
	for (const theme of ['light', 'dark'] as const) {
		await setTheme(page, theme);
		expect((await axeViolations(page, '.exam')).join('\n'), theme).toBe('');
	}

	// Retake the missed questions: 63 or 64 of them (the first answer may be right), two minutes each, a new order.
	await expect(page.getByRole('button', { name: 'Retake all 65 questions (130 minutes)' })).toBeVisible();
	const missedButton = page.getByRole('button', { name: /^Retake the \d+ missed questions \(\d+ minutes\)$/ });
	const [, missed, minutes] = (await missedButton.textContent())!.match(/(\d+) missed questions \((\d+) minutes/)!.map(Number);
	expect(missed).toBeGreaterThanOrEqual(63);
	expect(minutes).toBe(2 * missed);
	await missedButton.click();
	await expect(page.getByRole('heading', { level: 2, name: `Question 1 of ${missed}` })).toBeFocused();
	await expect(page.getByText(new RegExp(`^A retake of the ${missed} questions you missed from your attempt of .+, in a new order\\.`))).toBeVisible();
	const clock = (await page.getByRole('timer').locator('[aria-hidden]').textContent())!;
	const [h, m] = clock.split(':').map(Number);
	expect(h * 60 + m, `timer ${clock}`).toBeGreaterThanOrEqual(minutes - 1);
	expect(h * 60 + m, `timer ${clock}`).toBeLessThanOrEqual(minutes);
	const retake = (await stored(page, EXAM_KEY)).current;
	expect(retake.retake).toBe('missed');
	expect(retake.questionIds).toHaveLength(missed);
	await answerFirstChoice(page);
	await page.getByRole('button', { name: 'Submit exam…' }).click();
	await page.getByRole('button', { name: 'Submit the exam' }).click();
	await expect(page.getByRole('heading', { name: 'Your result (DVA-C03 practice exam, retake of the missed questions)' })).toBeFocused();

	// Listed as a retake, left out of the trend: each domain still shows the first attempt's score alone.
	await expect(history.getByRole('row')).toHaveCount(3);
	await expect(history.getByRole('row').nth(1)).toContainText('DVA-C03, retake of the missed questions');
	await expect(page.getByRole('heading', { name: 'Trend by domain (DVA-C03 exams, retakes left out)' })).toBeVisible();
	await expect(page.locator('.exam__trends li').first()).toHaveText(/^Domain 1, .+: \d+%$/);
	expect((await stored(page, EXAM_KEY)).history.map((a: { retake?: string }) => a.retake ?? 'full')).toEqual(['full', 'missed']);
});

test('"Choose two" with one box ticked is not counted as answered, and the question says so', async ({ page }) => {
	await startExam(page);
	const bank = (await (await page.request.get('question-bank.json')).json()) as { questions: BankQuestion[] };
	const ids: string[] = (await stored(page, EXAM_KEY)).current.questionIds;
	const index = ids.findIndex((id) => bank.questions.find((q) => q.id === id)!.choices.filter((c) => c.correct).length === 2);
	expect(index).toBeGreaterThanOrEqual(0);
	await cell(page, index + 1).click();
	await page.locator('.exam__question').getByRole('checkbox').first().check();
	await expect(page.locator('.exam__question').getByText('Select two answers: you have selected one.')).toBeVisible();
	await expect(page.getByText(/^0 of 65 answered/)).toBeVisible();
	await expect(cell(page, index + 1)).toHaveAccessibleName(`Question ${index + 1}, wrong number of choices`);
	await page.getByRole('button', { name: 'Submit exam…' }).click();
	await expect(page.locator('.exam__confirm')).toContainText('1 question has the wrong number of choices (scored as incorrect)');
});

test('a timed-out exam queues only the wrong answers and offers the unanswered ones; the queue and an attempt can be deleted', async ({ page }) => {
	await page.clock.install({ time: new Date('2026-12-01T09:00:00Z') });
	await startExam(page);
	for (let i = 0; i < 3; i += 1) {
		await answerFirstChoice(page);
		await page.getByRole('button', { name: 'Next', exact: true }).click();
	}
	await page.clock.runFor(131 * MINUTE);
	await expect(page.getByRole('heading', { name: 'Your result' })).toBeVisible();
	const attempt = (await stored(page, EXAM_KEY)).history[0];
	const wrongAnswered = 3 - attempt.correct;
	const queued = Object.keys((await stored(page, REVIEW_KEY))?.items ?? {});
	expect(queued).toHaveLength(wrongAnswered);
	// Each row of the result links to an untimed set of its questions.
	await expect(page.getByRole('table', { name: 'By task, weakest first' }).getByRole('link').first()).toHaveAttribute('href', /\/practice\/sets\/\?task=\d\.\d$/);
	await expect(page.getByRole('table', { name: 'By domain, weakest first' }).getByRole('link').first()).toHaveAttribute('href', /\/practice\/sets\/\?domain=[a-z]+$/);
	await page.getByRole('button', { name: 'Add the 62 unanswered questions to the review queue' }).click();
	await expect(page.getByText('62 unanswered questions were added to your review queue.')).toBeVisible();
	expect(Object.keys((await stored(page, REVIEW_KEY)).items)).toHaveLength(wrongAnswered + 62);

	// Deleting an attempt asks first; Cancel keeps it.
	const history = page.getByRole('table', { name: /Past attempts/ });
	await history.getByRole('button', { name: /^Delete the attempt of / }).click();
	const confirm = page.getByRole('group', { name: /^Delete the attempt of / });
	await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
	await confirm.getByRole('button', { name: 'Cancel' }).click();
	expect((await stored(page, EXAM_KEY)).history).toHaveLength(1);
	await history.getByRole('button', { name: /^Delete the attempt of / }).click();
	await page.getByRole('button', { name: 'Delete this attempt' }).click();
	await expect(page.getByText('The attempt was deleted.')).toBeVisible();
	expect((await stored(page, EXAM_KEY)).history).toHaveLength(0);

	// The review queue can be cleared, after a confirmation; the next-due date uses the same format.
	await page.goto('practice/review/');
	await expect(page.getByText(/questions are due for review/)).toBeVisible();
	await page.getByRole('button', { name: 'Clear the review queue…' }).click();
	const clear = page.getByRole('group', { name: /^Remove all \d+ questions from your review queue\?/ });
	await expect(clear.getByRole('button', { name: 'Cancel' })).toBeFocused();
	await clear.getByRole('button', { name: 'Clear the queue' }).click();
	await expect(page.getByText('The review queue was cleared.')).toBeVisible();
	await expect(page.getByText('No questions to review.', { exact: false })).toBeVisible();
	expect(Object.keys((await stored(page, REVIEW_KEY)).items)).toHaveLength(0);
});

test('on a phone, a tap on the navigator brings the question to the top of the screen', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await startExam(page);
	await cell(page, 40).click();
	await expect(heading(page)).toHaveText(/^Question 40 of 65/);
	await expect
		.poll(() => heading(page).evaluate((h) => h.getBoundingClientRect().top), { message: 'the question heading is near the top of the screen' })
		.toBeLessThan(250);
});

test('the navigator is one Tab stop; arrow keys, Home and End move inside it', async ({ page }) => {
	await startExam(page);
	await cell(page, 40).click();
	await cell(page, 40).focus();
	await page.keyboard.press('ArrowRight');
	await expect(cell(page, 41)).toBeFocused();
	await page.keyboard.press('ArrowLeft');
	await page.keyboard.press('ArrowLeft');
	await expect(cell(page, 39)).toBeFocused();
	await page.keyboard.press('End');
	await expect(cell(page, 65)).toBeFocused();
	await page.keyboard.press('Home');
	await expect(cell(page, 1)).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(heading(page)).toHaveText(/^Question 1 of 65/);
	await cell(page, 1).focus();
	await page.keyboard.press('Tab');
	expect(await page.evaluate(() => Boolean(document.activeElement?.closest('nav[aria-label="All questions"]'))), 'Tab leaves the grid').toBe(false);
	expect(await nav(page).locator('button[tabindex="0"], button:not([tabindex])').count()).toBe(1);
});

test('on a phone, the past attempts table scrolls in its focusable region and shows its whole caption', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await startExam(page);
	await submitNow(page);
	const region = page.getByRole('region', { name: 'Past attempts, newest first' });
	await region.scrollIntoViewIfNeeded();
	const caption = region.locator('caption');
	const fits = await caption.evaluate((c) => {
		// The caption's text, not its box (as wide as the table): all of it on screen.
		const range = document.createRange();
		range.selectNodeContents(c);
		const box = range.getBoundingClientRect();
		return box.width > 0 && box.left >= 0 && box.right <= document.documentElement.clientWidth;
	});
	expect(fits, 'the caption is not clipped').toBe(true);
	// The focusable region is what scrolls, not the table inside it.
	const scrolls = await region.evaluate((r) => ({ region: r.scrollWidth > r.clientWidth, table: r.querySelector('table')!.scrollWidth > r.querySelector('table')!.clientWidth }));
	expect(scrolls).toEqual({ region: true, table: false });
	for (const theme of ['light', 'dark'] as const) {
		// The theme picker sits in the menu on a phone: switch on a wide screen, check on the phone.
		await page.setViewportSize({ width: 1280, height: 800 });
		await setTheme(page, theme);
		await page.setViewportSize({ width: 390, height: 844 });
		expect((await axeViolations(page, '.exam__history')).join('\n'), theme).toBe('');
	}
});

test('before submitting, a screen lists the unanswered and flagged questions; "Next flagged" moves between flags', async ({ page }) => {
	await startExam(page);
	await answerFirstChoice(page);
	await cell(page, 2).click();
	await page.getByRole('button', { name: 'Flag for review' }).click();
	await cell(page, 5).click();
	await page.getByRole('button', { name: 'Flag for review' }).click();
	await cell(page, 1).click();
	await page.getByRole('button', { name: 'Next flagged (question 2)' }).click();
	await expect(heading(page)).toHaveText(/^Question 2 of 65/);
	await page.getByRole('button', { name: 'Next flagged (question 5)' }).click();
	await expect(heading(page)).toHaveText(/^Question 5 of 65/);

	await page.getByRole('button', { name: 'Submit exam…' }).click();
	const screen = page.getByRole('group', { name: 'Before you submit' });
	await expect(screen.getByText(/Submit anyway\?$/)).toBeFocused();
	const flagged = screen.getByRole('list', { name: 'Flagged for review (2)' });
	await expect(flagged.getByRole('button')).toHaveText(['Question 2', 'Question 5']);
	await expect(screen.getByRole('list', { name: /^Unanswered \(\d+\)$/ }).getByRole('button').first()).toHaveText('Question 2');
	for (const theme of ['light', 'dark'] as const) {
		await setTheme(page, theme);
		expect((await axeViolations(page, '.exam')).join('\n'), theme).toBe('');
	}
	await flagged.getByRole('button', { name: 'Question 5' }).click();
	await expect(heading(page)).toHaveText(/^Question 5 of 65/);
	await expect(heading(page)).toBeFocused();
	await expect(screen).toHaveCount(0);
});

test('the review page shows readiness per domain and the weakest task statements and skills, and says it is not a prediction', async ({ page }) => {
	await startExam(page);
	await answerFirstChoice(page);
	await submitNow(page);
	await page.goto('practice/review/');
	const domains = page.getByRole('table', { name: 'Domains, weakest first' });
	await expect(domains.getByRole('row')).toHaveCount(5);
	await expect(page.getByText(/not a prediction of your score on the real exam/).first()).toBeVisible();
	await expect(domains.getByRole('link').first()).toHaveAttribute('href', /\/practice\/sets\/\?domain=[a-z]+$/);
	await page.getByRole('button', { name: 'Show the weakest task statements and skills' }).click();
	await expect(page.getByRole('heading', { name: 'Weakest task statements' })).toBeVisible();
	await expect(page.locator('.readiness ol').first().locator('li').first()).toContainText(/^\d\.\d .+: \d+ of \d+ right \(\d+%\)\. Drill/);
	// Skills need two answers to be listed; a 65-question draw meets several skills twice.
	await expect(page.getByRole('heading', { name: 'Weakest skills' })).toBeVisible();
	const skill = page.locator('.readiness ol').nth(1).locator('li').first();
	await expect(skill).toContainText(/^\d\.\d\.\d+ .+: \d+ of \d+ right \(\d+%\)\. Drill/);
	await expect(skill.getByRole('link')).toHaveAttribute('href', /\/practice\/sets\/\?skill=\d\.\d\.\d+$/);
	for (const theme of ['light', 'dark'] as const) {
		await setTheme(page, theme);
		expect(await axeViolations(page, 'main'), theme).toEqual([]);
	}
});

test('each attempt shows the choices in its own order; the stored answer is the choice picked', async ({ page }) => {
	await page.clock.install({ time: new Date('2026-12-01T09:00:00Z') });
	await startExam(page);
	const bank = (await (await page.request.get('question-bank.json')).json()) as { questions: BankQuestion[] };
	const firstShown: number[] = [];
	for (let n = 1; n <= 6; n += 1) {
		const group = page.locator('.exam__question').getByRole('group');
		const first = group.getByRole('radio').or(group.getByRole('checkbox')).first();
		const text = (await group.locator('label').first().innerText()).replace(/^[A-Z]\.\s*/, '').trim();
		await first.check();
		const exam = (await stored(page, EXAM_KEY)).current;
		const id = exam.questionIds[n - 1];
		const picked: number = exam.answers[id].selected[0];
		expect(bank.questions.find((q) => q.id === id)!.choices[picked].text.replace(/`/g, ''), `question ${n}`).toBe(text);
		firstShown.push(picked);
		await page.getByRole('button', { name: 'Next', exact: true }).click();
	}
	// The first choice on screen is not always the bank's first one.
	expect(firstShown.some((i) => i !== 0), `bank choices shown first: ${firstShown.join(', ')}`).toBe(true);
});
