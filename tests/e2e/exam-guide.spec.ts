import { test, expect } from './fixtures.ts';
import { EXAM_CODE, EXAM_GUIDE, EXAM_SKILLS } from '../../src/exam-guide.ts';

test('the exam guide map lists every task and all 72 skills, each taught somewhere or plainly not covered yet', async ({ page }) => {
	await page.goto('reference/exam-guide/');
	for (const domain of EXAM_GUIDE) {
		await expect(page.getByRole('heading', { level: 2, name: `Domain ${domain.number}: ${domain.name} (${domain.weight}%)` })).toBeVisible();
		for (const task of domain.tasks) {
			await expect(page.getByRole('region', { name: `Task ${task.id}: ${task.title}` }).getByRole('heading', { level: 3 })).toHaveText(`Task ${task.id}: ${task.title}`);
		}
	}
	const skills = page.locator('.exam-skills > li');
	await expect(skills).toHaveCount(EXAM_SKILLS.size);
	// Each skill either links a chapter or says it is not covered yet, never neither and never both.
	const states = await skills.evaluateAll((items) => items.map((li) => ({ id: li.id, links: li.querySelectorAll('a').length, uncovered: li.textContent?.includes('Not covered yet') ?? false })));
	for (const s of states) expect(s.links > 0 !== s.uncovered, s.id).toBe(true);
	// The authors' own mapping: Lambda teaches skill 1.2.3 in its retries section.
	const lambdaSkill = page.locator('#skill-1-2-3');
	await expect(lambdaSkill).toContainText('Handle event lifecycles and errors');
	await expect(lambdaSkill.getByRole('link', { name: 'AWS Lambda', exact: true })).toBeVisible();
	await expect(lambdaSkill).toContainText(/\d+ practice questions?/);
});

test('a chapter names the skills it teaches near the top, linked to the map', async ({ page }) => {
	await page.goto('serverless/lambda/');
	const box = page.getByRole('complementary', { name: `${EXAM_CODE} skills` });
	await box.getByText(`${EXAM_CODE} skills this chapter teaches`).click();
	await expect(box.getByRole('link', { name: 'Skill 1.2.3' })).toHaveAttribute('href', /\/reference\/exam-guide\/#skill-1-2-3$/);
	const above = await box.evaluate((el) => {
		const first = document.querySelector('.sl-markdown-content h2');
		return first ? Boolean(el.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING) : false;
	});
	expect(above).toBe(true);
	// Long chapters defer rendering their heavy blocks, yet a jump to a section lands on it: from the table of contents...
	const top = (id: string) => page.locator(`#${id}`).evaluate((el) => el.getBoundingClientRect().top);
	expect(await page.locator('.sl-markdown-content > .expressive-code').last().evaluate((el) => getComputedStyle(el).contentVisibility)).toBe('auto');
	await page.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: 'Exam tips' }).click();
	await expect.poll(() => top('exam-tips')).toBeLessThan(200);
	await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
	expect(await top('exam-tips'), 'still there once the blocks above have rendered').toBeLessThan(200);
	// ...and from a link to the section on another page.
	await page.goto('serverless/lambda/#function-urls');
	await expect.poll(() => top('function-urls')).toBeLessThan(200);
	// A chapter whose topic left the exam says so at the top.
	await page.goto('serverless/appsync/');
	await expect(page.getByRole('complementary', { name: `Not on ${EXAM_CODE}` })).toContainText('not drawn into practice exams');
	// Its questions stay, each saying why it is not exam material.
	await expect(page.locator('.practice__out-of-scope').first()).toContainText('AWS AppSync is no longer on the DVA-C03 list of in-scope services');
});

test('what changed and the in-scope services link each change and service to a chapter or say not covered yet', async ({ page }) => {
	await page.goto('reference/dva-c02-to-dva-c03/');
	await expect(page.getByRole('table', { name: 'Share of the scored questions per domain' })).toContainText('Testing and Deployment (22%)');
	const services = page.getByRole('table', { name: 'Changes to the in-scope services list' });
	await expect(services.getByRole('row', { name: /AWS AppSync/ })).toContainText('no longer listed');
	await expect(services.getByRole('row', { name: /AWS AppSync/ }).getByRole('link', { name: 'AWS AppSync' })).toBeVisible();
	await page.goto('reference/in-scope-services/');
	const lambda = page.getByRole('listitem').filter({ hasText: /^AWS Lambda:/ });
	await expect(lambda.getByRole('link', { name: 'AWS Lambda' })).toHaveAttribute('href', /\/serverless\/lambda\/$/);
	await expect(page.getByRole('heading', { level: 2, name: 'Machine Learning and Artificial Intelligence' })).toBeVisible();
});
