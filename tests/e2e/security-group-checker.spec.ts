import type { Page } from '@playwright/test';
import { test, expect, axeViolations, openChapterDemo, reloadChapterDemo, setTheme } from './fixtures.ts';

const PAGE = 'ec2-and-networking/security-groups/';
const NAME = 'Try it: security group inbound rules';
const SELECTOR = 'section[data-demo="security-group-checker"]';
const SOURCE = 'Source (CIDR or group ID)';

const result = (demo: ReturnType<Page['getByRole']>) => demo.locator('[aria-live="polite"]');
const packet = (demo: ReturnType<Page['getByRole']>) => demo.getByRole('group', { name: 'Test packet (inbound)' });

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the server-rendered demo already shows the verdict for the example packet', async ({ page }) => {
		await page.goto(PAGE);
		const demo = page.getByRole('region', { name: NAME });
		await expect(result(demo)).toContainText('Allowed by rule 1: TCP 443 from 0.0.0.0/0');
		await expect(result(demo)).toContainText('Response traffic to 198.51.100.25 (from port 443) is allowed automatically');
	});
});

// One page load walks every scenario. Each step puts the example back through the demo's own
// controls (typing the original values, removing what it added) so the next step starts as a fresh load would.
test('checks packets against the rules, reports bad input, edits rules by keyboard and passes axe', async ({ page }) => {
	// Several full axe runs on a long chapter take a while on a busy machine.
	test.slow();
	let demo = await openChapterDemo(page, PAGE, NAME);
	const source = () => packet(demo).getByLabel('Source address');
	const port = () => packet(demo).getByLabel('Destination port');
	const groups = () => packet(demo).getByLabel(/Security groups of the sending instance/);
	const rule = (n: number) => demo.getByRole('group', { name: `Rule ${n}` });
	const example = {
		source: await source().inputValue(),
		port: await port().inputValue(),
		rule1From: await rule(1).getByLabel('From port').inputValue(),
		rule1Source: await rule(1).getByLabel(SOURCE).inputValue(),
		rule3Source: await rule(3).getByLabel(SOURCE).inputValue(),
	};
	const restore = async () => {
		await packet(demo).getByLabel('Packet protocol').selectOption('tcp');
		await source().fill(example.source);
		await port().fill(example.port);
		await groups().fill('');
		await rule(1).getByLabel('From port').fill(example.rule1From);
		await rule(1).getByLabel(SOURCE).fill(example.rule1Source);
		await rule(3).getByLabel(SOURCE).fill(example.rule3Source);
		await expect(rule(4)).toHaveCount(0);
		await expect(demo.locator('.demo__error')).toHaveCount(0);
		await expect(result(demo)).toContainText('Allowed by rule 1: TCP 443 from 0.0.0.0/0');
	};

	await test.step('SSH from outside the allowed range is dropped, and the result explains there are no deny rules', async () => {
		await port().fill('22');
		await expect(result(demo)).toContainText('Denied (dropped)');
		await expect(result(demo)).toContainText('Security groups have no deny rules');
		await expect(result(demo)).not.toContainText('Response traffic');
		// Rule 2 (::/0) is for port 443 and IPv6: a note about it here would only confuse.
		await expect(result(demo)).not.toContainText('::/0');
		await source().fill('203.0.113.9');
		await expect(result(demo)).toContainText('Allowed by rule 3: TCP 22 from 203.0.113.0/24');
		await restore();
	});

	await test.step('a rule can reference a security group, which matches packets from instances in that group', async () => {
		await demo.getByRole('button', { name: 'Add rule' }).click();
		await rule(4).getByLabel('From port').fill('5432');
		await rule(4).getByLabel('To port').fill('5432');
		await rule(4).getByLabel(SOURCE).fill('sg-0123456789abcdef0');
		await source().fill('10.0.1.25');
		await port().fill('5432');
		await expect(result(demo)).toContainText('Denied (dropped)');
		await groups().fill('sg-0123456789abcdef0');
		await expect(result(demo)).toContainText('Allowed by rule 4: TCP 5432 from sg-0123456789abcdef0 (the source instance is in sg-0123456789abcdef0)');
		await groups().fill('sg-0fedcba9876543210');
		await expect(result(demo)).toContainText('Denied (dropped)');
		await groups().fill('web-tier');
		await expect(demo.locator('.demo__error')).toContainText('"web-tier" is not a security group ID');
		await demo.getByRole('button', { name: 'Remove rule 4' }).click();
		await restore();
	});

	await test.step('following the suggestion in an error message always gives an accepted value', async () => {
		const rule3Source = rule(3).getByLabel(SOURCE);
		for (const bad of ['203.0.113.7', 'sg-0123456789abcdef0/32', '203.0.113.5/24']) {
			await rule3Source.fill(bad);
			await expect(demo.locator('.demo__error')).toContainText(bad);
			const message = await demo.locator('.demo__error').textContent();
			const suggestion = /(?:for example|Did you mean) (\S+?)[.?]?$/.exec(message ?? '')?.[1];
			expect(suggestion, `a suggestion for "${bad}" in: ${message}`).toBeTruthy();
			await rule3Source.fill(suggestion!);
			await expect(demo.locator('.demo__error'), `"${bad}" → "${suggestion}"`).toHaveCount(0);
		}
		await restore();
	});

	await test.step('an IPv4-mapped IPv6 address is treated as its IPv4 address', async () => {
		await source().fill('::ffff:203.0.113.9');
		await port().fill('22');
		await expect(result(demo)).toContainText('Allowed by rule 3');
		await expect(result(demo)).toContainText('IPv4-mapped IPv6 address');
		await restore();
	});

	await test.step('an added "All traffic" rule covers every protocol, and ICMP has no port field', async () => {
		await demo.getByRole('button', { name: 'Add rule' }).click();
		await rule(4).getByLabel('Protocol').selectOption('all');
		await expect(rule(4).getByLabel('From port')).toHaveCount(0);
		await expect(rule(4)).toContainText('Ports: not applicable');
		await rule(4).getByLabel(SOURCE).fill('10.0.0.0/8');
		await source().fill('10.1.2.3');
		await packet(demo).getByLabel('Packet protocol').selectOption('icmp');
		await expect(port()).toHaveCount(0);
		await expect(result(demo)).toContainText('Allowed by rule 4: All traffic from 10.0.0.0/8');
		await expect(result(demo)).toContainText('Response traffic to 10.1.2.3 is allowed automatically');
		await demo.getByRole('button', { name: 'Remove rule 4' }).click();
		await restore();
	});

	await test.step('bad input shows an inline error naming the rule', async () => {
		const from = rule(1).getByLabel('From port');
		await from.fill('abc');
		await expect(demo.locator('.demo__error')).toContainText('Rule 1: the "from" port "abc" is not a whole number');
		await from.fill('500');
		await expect(demo.locator('.demo__error')).toContainText('is greater than the "to" port 443');
		await from.fill('443');
		await rule(1).getByLabel(SOURCE).fill('203.0.113.7');
		await expect(demo.locator('.demo__error')).toContainText('has no prefix length');
		await rule(1).getByLabel(SOURCE).fill('0.0.0.0/0');
		await port().fill('70000');
		await expect(demo.locator('.demo__error')).toContainText('out of range');
		await port().fill('443');
		await expect(result(demo)).toContainText('Allowed by rule 1');
		await restore();
	});

	for (const theme of ['light', 'dark'] as const) {
		await test.step(`passes axe (WCAG 2.2 AA) in the ${theme} theme, allowed, denied and with an error`, async () => {
			await setTheme(page, theme);
			expect(await axeViolations(page, SELECTOR), `${theme} theme, allowed`).toEqual([]);
			await port().fill('22');
			await expect(result(demo)).toContainText('Denied');
			expect(await axeViolations(page, SELECTOR), `${theme} theme, denied`).toEqual([]);
			await source().fill('nope');
			await expect(demo.locator('.demo__error')).toBeVisible();
			expect(await axeViolations(page, SELECTOR), `${theme} theme, with an error`).toEqual([]);
			await restore();
		});
	}

	// Removing one of the example rules cannot be undone through the demo.
	await test.step('an IPv6 source is checked only against IPv6 rules, and the note about 0.0.0.0/0 appears only when it applies', async () => {
		await source().fill('2001:db8::5');
		await expect(result(demo)).toContainText('Allowed by rule 2: TCP 443 from ::/0');
		await port().fill('22');
		await expect(result(demo)).toContainText('Denied (dropped)');
		await expect(result(demo)).not.toContainText('only checked against IPv6 rules');
		await port().fill('443');
		await demo.getByRole('button', { name: 'Remove rule 2' }).click();
		await expect(result(demo)).toContainText('Denied (dropped)');
		await expect(result(demo)).toContainText(
			'Rule 1 allows TCP 443 from 0.0.0.0/0, which covers every IPv4 address but no IPv6 address: an IPv6 address is only checked against IPv6 rules',
		);
	});

	await test.step('rules can be removed with the keyboard', async () => {
		// The step above removed rule 2; this one needs all three example rules again.
		demo = await reloadChapterDemo(page, NAME);
		await demo.getByRole('button', { name: 'Remove rule 1' }).focus();
		await page.keyboard.press('Enter');
		await expect(rule(3)).toHaveCount(0);
		await expect(demo.getByRole('button', { name: 'Add rule' })).toBeFocused();
		await expect(result(demo)).toContainText('Denied (dropped)');
	});
});
