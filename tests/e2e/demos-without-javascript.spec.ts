import { test, expect, openChapterDemo } from './fixtures.ts';

// Every demo, by chapter and accessible name. Without JavaScript each one is an inert form with a static result,
// so it must say so; with JavaScript the same sentence must stay out of sight.
const DEMOS = [
	['foundations/iam/', 'Try it: IAM policy evaluator'],
	['ec2-and-networking/security-groups/', 'Try it: security group inbound rules'],
	['scaling/auto-scaling-groups/', 'Auto Scaling simulator'],
	['scaling/elastic-load-balancing/', 'Try it: Application Load Balancer routing'],
	['dns/dns-fundamentals/', 'DNS resolution stepper'],
	['dns/route-53/', 'Route 53 routing policy picker'],
	['databases/dynamodb/', 'DynamoDB capacity calculator'],
	['serverless/lambda/', 'Lambda concurrency and throttling calculator'],
	['application-integration/messaging/', 'SQS visibility timeout and redrive timeline'],
	['security/encryption-and-secrets/', 'Envelope encryption stepper'],
	['deployment/ci-cd/', 'Deployment strategy simulator'],
	['deployment/containers/', 'ECR lifecycle policy evaluator'],
	['ai/securing-ai/', 'Guardrail checker'],
] as const;

const NOTICE = /This demo needs JavaScript/;

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('every demo says that it needs JavaScript and that what it shows is a static example', async ({ page }) => {
		for (const [path, name] of DEMOS) {
			await page.goto(path);
			const notice = page.getByRole('region', { name }).getByText(NOTICE);
			await expect(notice, `${name} on ${path}`).toBeVisible();
			await expect(notice).toContainText('static example');
		}
	});
});

test('with JavaScript the notice is in the page but not shown, in every demo', async ({ page }) => {
	test.slow();
	for (const [path, name] of DEMOS) {
		const demo = await openChapterDemo(page, path, name);
		const notice = demo.getByText(NOTICE);
		await expect(notice, `${name} on ${path}`).toHaveCount(1);
		await expect(notice).toBeHidden();
	}
});
