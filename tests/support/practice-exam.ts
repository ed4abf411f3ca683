// What the practice exam's end-to-end tests share: the page with a fixed seed, the stored keys and ways to reach a
// question, its navigator cell and the stored record.
import type { Page } from '@playwright/test';

/** A fixed seed gives the same 65 questions on every run. */
export const EXAM_PAGE = 'practice/exam/?seed=7';
export const EXAM_KEY = 'dva-notes:exam:v2';
export const REVIEW_KEY = 'dva-notes:review:v1';
export const MINUTE = 60_000;

export const questionHeading = (page: Page) => page.getByRole('heading', { level: 2 }).filter({ hasText: /^Question \d+ of 65/ });
export const navigator = (page: Page) => page.getByRole('navigation', { name: 'All questions' });
export const navigatorCell = (page: Page, n: number) => navigator(page).getByRole('button', { name: new RegExp(`^Question ${n},`) });
export const stored = (page: Page, key: string) => page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? 'null'), key);

/** Answers the question on screen completely: its first choice, or as many first boxes as a "choose N" asks for. */
export async function answerFirstChoice(page: Page) {
	const group = page.locator('.exam__question').getByRole('group');
	const boxes = group.getByRole('checkbox');
	if ((await boxes.count()) === 0) return group.getByRole('radio').first().check();
	const wanted = /\(Choose three\.\)/.test((await group.textContent()) ?? '') ? 3 : 2;
	for (let i = 0; i < wanted; i += 1) await boxes.nth(i).check();
}
