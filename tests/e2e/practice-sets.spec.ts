import { test, expect, axeViolations, setTheme } from './fixtures.ts';

const PAGE = 'practice/sets/';

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the page says practice sets need JavaScript', async ({ page }) => {
		await page.goto(PAGE);
		await expect(page.getByText('Practice sets need JavaScript, which is turned off')).toBeVisible();
	});
});

test('a drill of one task statement, linked from a result row: answer shown after each question, wrong answers queued', async ({ page }) => {
	await page.goto(`${PAGE}?task=1.2`);
	const scope = page.getByLabel('Questions from');
	await expect(scope).toHaveValue('task:1.2');
	await page.getByLabel('How many questions').selectOption('10');
	await page.getByRole('button', { name: 'Start the set' }).click();
	const heading = page.getByRole('heading', { name: /^Question 1 of \d+$/ });
	await expect(heading).toBeFocused();
	await expect(page.getByText(/^Task 1\.2: .+\. From the chapter /)).toBeVisible();

	// Keyboard only: pick the first choice (the first two or three on a "choose two"), check it, read the explanation.
	const group = page.locator('.practice__list').getByRole('group');
	const wanted = (await group.getByRole('checkbox').count()) === 0 ? 1 : /\(Choose three\.\)/.test((await group.textContent()) ?? '') ? 3 : 2;
	for (let i = 0; i < wanted; i += 1) await group.getByRole('radio').or(group.getByRole('checkbox')).nth(i).press('Space');
	await page.getByRole('button', { name: 'Check answer' }).press('Enter');
	await expect(page.locator('.practice__feedback')).toContainText(/Correct\.|Incorrect\./);
	for (const theme of ['light', 'dark'] as const) {
		await setTheme(page, theme);
		expect(await axeViolations(page, 'main'), theme).toEqual([]);
	}
	await page.getByRole('button', { name: 'End the set here' }).click();
	await expect(page.getByRole('heading', { name: 'Set finished' })).toBeFocused();
	await expect(page.getByText(/^\d of 1 correct\./)).toBeVisible();
	await expect(page.getByRole('button', { name: 'Start another set' })).toBeVisible();
});

test('a drill of one skill, started from the exam guide map, holds exactly the questions the map counts', async ({ page }) => {
	await page.goto('reference/exam-guide/');
	const drill = page.locator('#skill-1-2-3').getByRole('link', { name: /^Drill its \d+ practice questions \(skill 1\.2\.3\)$/ });
	const count = Number((await drill.textContent())!.match(/\d+/)![0]);
	await expect(page.getByRole('region', { name: /^Task 1\.2: / }).getByRole('link', { name: /^Drill task 1\.2 \(Develop code for AWS Lambda\)$/ })).toHaveAttribute('href', /\/practice\/sets\/\?task=1\.2$/);
	await drill.click();
	await expect(page).toHaveURL(/\/practice\/sets\/\?skill=1\.2\.3$/);
	await expect(page.getByLabel('Questions from')).toHaveValue('skill:1.2.3');
	// A skill's long wording stays inside a phone's width, in text big enough that iOS does not zoom on focus.
	await page.setViewportSize({ width: 390, height: 844 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), 'nothing scrolls sideways').toBe(true);
	expect(await page.getByLabel('Questions from').evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(16);
	await page.setViewportSize({ width: 1280, height: 720 });
	await page.getByLabel('How many questions').selectOption({ label: 'All that match' });
	await page.getByRole('button', { name: 'Start the set' }).click();
	await expect(page.getByRole('heading', { name: `Question 1 of ${count}` })).toBeFocused();
	await expect(page.getByText(/^Skill 1\.2\.3: Handle event lifecycles and errors.*\. From the chapter /)).toBeVisible();
});
