// How small diagram labels end up on screen, chapter by chapter, as a Markdown table.
import type { Browser } from 'playwright-core';
import { diagramLabelTable, measureAllDiagrams } from '../../tests/support/diagram-labels.ts';
import { localContext, log } from './shared.ts';

export async function measureDiagrams(browser: Browser, origin: string, external: string[]): Promise<string> {
	log('diagram labels');
	const context = await localContext(browser, external);
	try {
		return diagramLabelTable(await measureAllDiagrams(await context.newPage(), `${origin}/`));
	} finally {
		await context.close();
	}
}
