import type { Locator } from '@playwright/test';
import { test, expect, axeViolations, openChapterDemo, setTheme } from './fixtures.ts';

const PAGE = 'scaling/auto-scaling-groups/';
const NAME = 'Auto Scaling simulator';
const SELECTOR = 'section[data-demo="autoscaling-simulator"]';

const live = (demo: Locator) => demo.locator('[aria-live="polite"]');
const events = (demo: Locator) => demo.getByRole('list', { name: 'Scaling events' }).getByRole('listitem');
const chart = (demo: Locator) => demo.getByRole('img', { name: /Load, average CPU and instance count per minute/ });

const LOAD = /^Load: requests per second/;
const FIELDS = ['Target average CPU (%)', 'Instance warm-up (seconds)', 'Maximum capacity', 'Minimum capacity', 'Desired capacity'] as const;

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the server-rendered demo shows the chart and events for the spike preset', async ({ page }) => {
		await page.goto(PAGE);
		const demo = page.getByRole('region', { name: NAME });
		await expect(chart(demo)).toBeVisible();
		await expect(live(demo)).toContainText('Over 90 minutes the load ranges from 80 to 400 requests per second');
		await expect(events(demo).first()).toContainText('Minute 12: scale out from 2 to 4 instances');
	});
});

// One page load walks every scenario. Each step puts the spike example back through the form (the
// preset, then each field in an order the capacity limits accept) so the next starts as a fresh load would.
test('simulates the presets and custom loads, explains capacity limits, reports bad input, fits a phone and passes axe', async ({ page }) => {
	// axe checks every cell of the 90-row table, which is slow on a busy machine.
	test.slow();
	const demo = await openChapterDemo(page, PAGE, NAME);
	const table = demo.getByText('Minute-by-minute table');
	const pattern = demo.getByLabel('Load pattern');
	const example = { pattern: await pattern.inputValue(), fields: [] as [string, string][] };
	for (const label of FIELDS) example.fields.push([label, await demo.getByLabel(label).inputValue()]);
	const restore = async () => {
		// Choosing the preset again brings back its load list.
		if ((await pattern.inputValue()) !== example.pattern) await pattern.selectOption(example.pattern);
		for (const [label, value] of example.fields) await demo.getByLabel(label).fill(value);
		await expect(demo.locator('.demo__error')).toHaveCount(0);
		await expect(events(demo).first()).toContainText('Minute 12: scale out from 2 to 4 instances');
		await expect(events(demo).last()).toContainText('Minute 89: scale in from 5 to 4 instances');
	};

	await test.step('the spike scales out fast in proportion and scales in one instance at a time', async () => {
		await expect(events(demo).nth(0)).toContainText('scale out from 2 to 4 instances');
		await expect(events(demo).nth(0)).toContainText('2 warmed-up × 100 / 50 → 4 instances');
		await expect(events(demo).nth(1)).toContainText('scale out from 4 to 8 instances');
		await expect(events(demo).nth(2)).toContainText('scale in from 8 to 7 instances');
		await expect(events(demo).nth(2)).toContainText('for 15 minutes');
		await expect(live(demo)).toContainText('peaks at 8');
	});

	await test.step('the summary ends with the capacity that the last scaling event leaves', async () => {
		// The spike preset's last event is a scale-in decided in its very last minute.
		await expect(events(demo).last()).toContainText('Minute 89: scale in from 5 to 4 instances');
		await expect(live(demo)).toContainText('ends with 4,');
	});

	await test.step('raising the minimum above the desired capacity raises the desired capacity, as Auto Scaling does', async () => {
		await demo.getByLabel('Minimum capacity').fill('4');
		await expect(demo.getByLabel('Desired capacity')).toHaveValue('4');
		await expect(demo.locator('.demo__error')).toHaveCount(0);
		await expect(live(demo)).toContainText('Desired capacity raised from 2 to 4');
		await expect(live(demo)).toContainText('The group starts with 4 instances');
		await demo.getByLabel('Maximum capacity').fill('3');
		await expect(demo.locator('.demo__error')).toContainText('Minimum capacity (4) cannot be greater than maximum capacity (3)');
		await restore();
	});

	await test.step('the steady preset does not scale', async () => {
		await pattern.selectOption('steady');
		await expect(demo.getByText('No scaling')).toBeVisible();
		await expect(live(demo)).toContainText('Over 60 minutes');
		await restore();
	});

	await test.step('a custom load list and the maximum capacity', async () => {
		await demo.getByLabel(LOAD).fill(Array(20).fill(2000).join(', '));
		await expect(pattern).toHaveValue('custom');
		await demo.getByLabel('Maximum capacity').fill('5');
		await expect(events(demo).filter({ hasText: 'capped at the maximum of 5' })).toHaveCount(1);
		await expect(events(demo).filter({ hasText: 'at maximum (5 instances)' })).toHaveCount(1);
		await expect(live(demo)).toContainText('could not serve all requests');
		await restore();
	});

	await test.step('a shorter warm-up lets the second scale-out happen sooner', async () => {
		await expect(events(demo).nth(1)).toContainText('Minute 16:');
		await demo.getByLabel('Instance warm-up (seconds)').fill('0');
		await expect(events(demo).nth(1)).toContainText('Minute 13:');
		await restore();
	});

	await test.step('the minute-by-minute table is the text alternative to the chart', async () => {
		await table.click();
		const rows = demo.getByRole('table').getByRole('row');
		await expect(rows).toHaveCount(91);
		// Row 0 is the header, so minute 13 is row 14: load 400, CPU 100%, 2 counted, 2 warming up, desired 4.
		await expect(rows.nth(14).getByRole('cell')).toHaveText(['13', '400', '100', '2', '2', '4']);
		await table.click();
		await expect(demo.getByRole('table')).toBeHidden();
	});

	await test.step('bad input shows an inline error instead of the chart', async () => {
		const original = await demo.getByLabel(LOAD).inputValue();
		const cases: [string | RegExp, string, string, string][] = [
			[LOAD, '10, , 20', 'value 2 is empty', original],
			[LOAD, '10, -3', 'is not a number of 0 or more', original],
			[LOAD, Array(241).fill(1).join(','), 'at most 240 minutes', original],
			['Target average CPU (%)', '0', 'Target CPU: enter a value from 1 to 100', '50'],
			['Maximum capacity', '101', 'Maximum capacity: enter a value from 1 to 100', '10'],
			['Desired capacity', '12', 'Desired capacity (12) must be between', '2'],
			['Instance warm-up (seconds)', 'ten', 'Instance warm-up', '180'],
		];
		for (const [label, value, message, good] of cases) {
			await demo.getByLabel(label).fill(value);
			await expect(demo.locator('.demo__error')).toContainText(message);
			await expect(chart(demo)).toHaveCount(0);
			await demo.getByLabel(label).fill(good);
			await expect(chart(demo)).toBeVisible();
		}
		await demo.getByLabel('Minimum capacity').fill('6');
		await demo.getByLabel('Maximum capacity').fill('4');
		await expect(demo.locator('.demo__error')).toContainText('cannot be greater than maximum');
		await demo.getByLabel('Maximum capacity').fill('10');
		await demo.getByLabel('Desired capacity').fill('6');
		await expect(demo.locator('.demo__error')).toHaveCount(0);
		await expect(chart(demo)).toBeVisible();
		await restore();
	});

	for (const theme of ['light', 'dark'] as const) {
		await test.step(`no WCAG 2.2 AA violations in the ${theme} theme`, async () => {
			await setTheme(page, theme);
			await table.click();
			await expect(demo.getByRole('table')).toBeVisible();
			expect(await axeViolations(page, SELECTOR), `${theme} theme, with the table open`).toEqual([]);
			await demo.getByLabel('Target average CPU (%)').fill('abc');
			await expect(demo.locator('.demo__error')).toBeVisible();
			expect(await axeViolations(page, SELECTOR), `${theme} theme, with an error`).toEqual([]);
			await restore();
			// An error replaces the chart and the table; they come back with the table closed.
			await expect(demo.getByRole('table')).toBeHidden();
		});
	}

	await test.step('on a 375 px wide phone: the chart text is at least 11 px and inside the chart, and the table scrolls sideways with a cue and the keyboard', async () => {
		await page.setViewportSize({ width: 375, height: 740 });
		await chart(demo).scrollIntoViewIfNeeded();
		const sizes = await chart(demo).evaluate((svg) => {
			const box = svg.getBoundingClientRect();
			const scale = box.width / (svg as SVGSVGElement).viewBox.baseVal.width;
			return [...svg.querySelectorAll('text')].map((t) => {
				const r = t.getBoundingClientRect();
				const inside = r.left >= box.left - 0.5 && r.right <= box.right + 0.5 && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5;
				return { text: t.textContent, px: Math.round(parseFloat(getComputedStyle(t).fontSize) * scale * 10) / 10, inside };
			});
		});
		expect(sizes.length).toBeGreaterThan(5);
		for (const s of sizes) {
			expect(s.px, `"${s.text}" is ${s.px} px`).toBeGreaterThanOrEqual(11);
			expect(s.inside, `"${s.text}" is cut off`).toBe(true);
		}
		await table.click();
		const region = demo.getByRole('region', { name: /Minute-by-minute table/ });
		await expect(region.getByText('Scroll sideways to see every column')).toBeVisible();
		const last = region.getByRole('columnheader', { name: 'Desired capacity' });
		const outside = async () => ((await last.boundingBox())?.x ?? 0) + ((await last.boundingBox())?.width ?? 0) > 375;
		expect(await outside(), 'the last column starts out of view on a phone').toBe(true);
		await region.focus();
		await expect(region).toBeFocused();
		// Arrow keys scroll a focused region; a few presses bring the last column into view.
		for (let i = 0; i < 20 && (await outside()); i++) await page.keyboard.press('ArrowRight');
		expect(await outside(), 'the last column scrolled into view').toBe(false);
	});
});
