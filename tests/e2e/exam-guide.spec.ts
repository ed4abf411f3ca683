import { test, expect } from './fixtures.ts';
import { EXAM_GUIDE } from '../../src/exam-guide.ts';

test('the exam guide lists every task statement with its chapters, and a chapter names its task statements', async ({ page }) => {
	await page.goto('reference/exam-guide/');
	for (const domain of EXAM_GUIDE) {
		await expect(page.getByRole('heading', { level: 2, name: `Domain ${domain.number}: ${domain.name} (${domain.weight}%)` })).toBeVisible();
		for (const task of domain.tasks) {
			const section = page.getByRole('region', { name: `Task ${task.id}: ${task.title}` });
			await expect(section.getByRole('heading', { level: 3 })).toHaveText(`Task ${task.id}: ${task.title}`);
			// Either at least one chapter link or the "not yet covered" note, never neither.
			const links = await section.getByRole('link').count();
			if (links === 0) await expect(section).toContainText('Not yet covered by a chapter.');
			else await expect(section).not.toContainText('Not yet covered');
		}
	}
	// The authors' own mapping: Lambda teaches task 1.2, with the invocation types section named.
	const lambdaTask = page.getByRole('region', { name: /^Task 1\.2:/ });
	await expect(lambdaTask.getByRole('link', { name: 'AWS Lambda', exact: true })).toBeVisible();
	await lambdaTask.getByRole('link', { name: 'Invocation types' }).click();
	await expect(page).toHaveURL(/\/serverless\/lambda\/#invocation-types$/);

	const tasks = page.getByRole('complementary', { name: 'DVA-C02 task statements' });
	await expect(tasks.getByRole('link', { name: /^1\.2 Develop code for AWS Lambda/ })).toHaveAttribute('href', /\/reference\/exam-guide\/#task-1-2$/);
	await expect(tasks.getByRole('listitem')).toHaveCount(10);
	// Near the top: before the chapter's first section heading.
	const above = await tasks.evaluate((el) => {
		const first = document.querySelector('.sl-markdown-content h2');
		return first ? Boolean(el.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING) : false;
	});
	expect(above).toBe(true);
});
