import type { Locator } from '@playwright/test';
import { test, expect, axeViolations, openChapterDemo, setTheme } from './fixtures.ts';

const PAGE = 'dns/dns-fundamentals/';
const NAME = 'DNS resolution stepper';
const SELECTOR = 'section[data-demo="dns-resolution-stepper"]';

const live = (demo: Locator) => demo.locator('[aria-live="polite"]');
// The ordered list holds the steps; the answer's records are in a separate list.
const steps = (demo: Locator) => live(demo).locator('ol > li');
const lookUp = (demo: Locator) => demo.getByRole('button', { name: /^Look up/ }).click();
const showAll = (demo: Locator) => demo.getByRole('button', { name: 'Show all steps' }).click();

async function advance(demo: Locator, seconds: string) {
	await demo.getByLabel('Advance clock by (seconds)').fill(seconds);
	await demo.getByRole('button', { name: 'Advance clock', exact: true }).click();
}

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the server-rendered demo shows the first step of the example lookup', async ({ page }) => {
		await page.goto(PAGE);
		const demo = page.getByRole('region', { name: NAME });
		await expect(demo.getByLabel('Domain name')).toHaveValue('www.example.com');
		await expect(live(demo)).toContainText('step 1 of 7');
		await expect(live(demo)).toContainText("not in this device's cache");
	});
});

// One page load walks every scenario. Between steps the demo is put back through its own controls:
// the example name, type and device, Clear all caches and a new lookup, which is the state a fresh load
// starts in. The simulated clock only moves forward, so the one step that advances it comes last.
test('steps through lookups, caches and TTLs, record types and bad input, by mouse and keyboard, and passes axe', async ({ page }) => {
	// Several full axe runs on a long chapter take a while on a busy machine.
	test.slow();
	const demo = await openChapterDemo(page, PAGE, NAME);
	const name = demo.getByLabel('Domain name');
	const type = demo.getByLabel('Record type');
	const device = demo.getByLabel('Ask from');
	const result = demo.locator('.demo__result');
	const example = { name: await name.inputValue(), type: await type.inputValue(), device: await device.inputValue() };
	const startOver = async () => {
		await type.selectOption(example.type);
		await device.selectOption(example.device);
		await name.fill(example.name);
		await demo.getByRole('button', { name: 'Clear all caches' }).click();
		await expect(live(demo)).toContainText('Caches are empty');
		await lookUp(demo);
		await expect(live(demo)).toContainText('step 1 of 7');
		await expect(live(demo)).toContainText("not in this device's cache");
	};

	await test.step('the button says Look up until the reader has looked the name up', async () => {
		await expect(demo.getByRole('button', { name: 'Look up', exact: true })).toBeVisible();
		await lookUp(demo);
		await expect(demo.getByRole('button', { name: 'Look up again', exact: true })).toBeVisible();
		await name.fill('api.example.com');
		await expect(demo.getByRole('button', { name: 'Look up', exact: true })).toBeVisible();
		await startOver();
	});

	await test.step('Next step walks root, TLD and the Route 53 name servers to the answer', async () => {
		const next = demo.getByRole('button', { name: 'Next step' });
		for (let i = 2; i <= 7; i++) {
			await next.click();
			await expect(live(demo)).toContainText(`step ${i} of 7`);
		}
		await expect(steps(demo)).toHaveCount(7);
		await expect(steps(demo).nth(2)).toContainText('Root server');
		await expect(steps(demo).nth(3)).toContainText('TLD server');
		await expect(steps(demo).nth(3)).toContainText('awsdns');
		await expect(steps(demo).nth(4)).toContainText('TTL 300 s');
		await expect(result).toContainText('www.example.com 300 A 192.0.2.10');
		await expect(next).toBeDisabled();
		await startOver();
	});

	await test.step('on a 375 px phone: the chapter does not scroll sideways', async () => {
		const desktop = page.viewportSize()!;
		await page.setViewportSize({ width: 375, height: 667 });
		const { scrollWidth, clientWidth } = await page.evaluate(() => ({
			scrollWidth: document.documentElement.scrollWidth,
			clientWidth: document.documentElement.clientWidth,
		}));
		expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
		await page.setViewportSize(desktop);
	});

	await test.step('a second device gets the answer from the recursive resolver cache; the same device from its own cache', async () => {
		await showAll(demo);
		await lookUp(demo);
		await expect(live(demo)).toContainText('step 1 of 1');
		await expect(live(demo)).toContainText("this device's own cache");

		await device.selectOption('phone');
		await lookUp(demo);
		await showAll(demo);
		await expect(steps(demo)).toHaveCount(3);
		await expect(live(demo)).toContainText('Root, TLD and authoritative servers are not contacted');
		await expect(live(demo)).not.toContainText('Root server');
		await expect(result).toContainText('Queries sent by the recursive resolver to name servers: 0');
		await startOver();
	});

	await test.step('a CNAME chain resolves the target name with extra steps', async () => {
		await type.selectOption({ label: 'CNAME chain (asks for A, gets a CNAME)' });
		await expect(name).toHaveValue('shop.example.com');
		await lookUp(demo);
		await showAll(demo);
		await expect(live(demo)).toContainText('Answers with a CNAME');
		await expect(live(demo)).toContainText('.net name servers');
		await expect(result).toContainText('shop.example.com 300 CNAME shops.example.net');
		await expect(result).toContainText('shops.example.net 120 A 192.0.2.50');
		await startOver();
	});

	await test.step('a Route 53 alias at the zone apex answers with A records directly', async () => {
		await type.selectOption({ label: 'Route 53 alias at the zone apex (asks for A)' });
		await expect(name).toHaveValue('example.com');
		await lookUp(demo);
		await showAll(demo);
		await expect(live(demo)).toContainText('Route 53 alias record');
		await expect(live(demo)).toContainText('zone apex');
		await expect(live(demo)).not.toContainText('Answers with a CNAME');
		await expect(result).toContainText('example.com 60 A 198.51.100.10');
		await startOver();
	});

	await test.step('an unknown name gets NXDOMAIN from the authoritative server', async () => {
		await name.fill('missing.example.com');
		await lookUp(demo);
		await showAll(demo);
		await expect(live(demo)).toContainText('example.com has no record named missing.example.com');
		await expect(result).toContainText('Result: NXDOMAIN');
		await expect(result).toHaveAttribute('data-verdict', 'deny');
		await startOver();
	});

	await test.step("names outside the made-up zones are labelled as the demo's answer; a bare zone apex is NODATA", async () => {
		for (const outside of ['amazon.com', 'example.io']) {
			await name.fill(outside);
			await lookUp(demo);
			await showAll(demo);
			await expect(result).toContainText('NXDOMAIN');
			await expect(result).toContainText(`${outside} is not in this demo's small world`);
			await expect(live(demo)).not.toContainText(/registered|there is no top-level domain|the name does not exist/);
		}
		await name.fill('example.net');
		await lookUp(demo);
		await showAll(demo);
		await expect(result).toContainText('Result: NOERROR');
		await expect(live(demo)).toContainText("zone apex, which always holds the zone's SOA and NS records");
		await startOver();
	});

	await test.step('the stepper works from the keyboard', async () => {
		await name.fill('api.example.com');
		await name.press('Enter');
		await expect(live(demo)).toContainText('api.example.com A');
		const next = demo.getByRole('button', { name: 'Next step' });
		await next.focus();
		await page.keyboard.press('Enter');
		await expect(live(demo)).toContainText('step 2 of');
		await page.keyboard.press('Space');
		await expect(live(demo)).toContainText('step 3 of');
		await startOver();
	});

	const cacheDisclosure = demo.getByText(/Recursive resolver cache \(\d+ entries\)/);
	await test.step('the cache table and Clear all caches', async () => {
		await showAll(demo);
		await cacheDisclosure.click();
		await expect(demo.getByRole('table')).toContainText('www.example.com A 192.0.2.10');
		await demo.getByRole('button', { name: 'Clear all caches' }).click();
		await expect(live(demo)).toContainText('Caches are empty');
		await expect(demo.getByText('Recursive resolver cache (0 entries)')).toBeVisible();
		// Close the disclosure again: the next step opens it as a reader would.
		await cacheDisclosure.click();
		await expect(demo.getByRole('table')).toBeHidden();
		await startOver();
	});

	for (const theme of ['light', 'dark'] as const) {
		await test.step(`no WCAG 2.2 AA violations in the ${theme} theme`, async () => {
			await setTheme(page, theme);
			await showAll(demo);
			await cacheDisclosure.click();
			await expect(demo.getByRole('table')).toBeVisible();
			await name.fill('-x');
			await lookUp(demo);
			await expect(demo.getByRole('alert')).toBeVisible();
			expect(await axeViolations(page, SELECTOR), `${theme} theme`).toEqual([]);
			await cacheDisclosure.click();
			await expect(demo.getByRole('table')).toBeHidden();
			await startOver();
		});
	}

	// Needs the clock still at 0 s. Its clock message stays until the clock next moves, in the last step.
	await test.step('bad input shows an inline error and never breaks the demo', async () => {
		for (const [input, message] of [
			['-bad.example.com', 'starts or ends with a hyphen'],
			['a..example.com', 'empty label'],
			['under_score.example.com', 'only letters, digits and hyphens'],
			['', 'Enter a domain name'],
			[`${'a'.repeat(64)}.com`, 'at most 63 characters'],
		]) {
			await name.fill(input!);
			await lookUp(demo);
			await expect(demo.getByRole('alert')).toContainText(message!);
		}
		await name.fill('www.example.com');
		await lookUp(demo);
		await expect(demo.getByRole('alert')).toHaveCount(0);
		await advance(demo, 'soon');
		await expect(demo.getByRole('alert')).toContainText('whole seconds');
		await advance(demo, '-5');
		await expect(demo.getByRole('alert')).toContainText('whole seconds');
		await expect(demo.getByText('Clock: 0 s')).toBeVisible();
		await startOver();
	});

	// Last: the clock cannot be set back.
	await test.step('after the TTL passes the resolver asks again; after the NS TTL it walks from the root', async () => {
		await showAll(demo);
		await advance(demo, '301');
		await expect(demo.getByText('Clock: 301 s')).toBeVisible();
		await device.selectOption('phone');
		await lookUp(demo);
		await showAll(demo);
		await expect(live(demo)).toContainText('(it expired)');
		await expect(live(demo)).toContainText('Authoritative server');
		await expect(live(demo)).not.toContainText('Root server');

		await advance(demo, '200000');
		await lookUp(demo);
		await showAll(demo);
		await expect(live(demo)).toContainText('Root server');
		await expect(live(demo)).toContainText('TLD server');
	});
});
