import type { HastPluginDefinition } from 'satteri';

/**
 * Starlight lets a table wider than the column scroll sideways. A keyboard user can scroll it only if it can take
 * focus (WCAG 2.1.1; axe's scrollable-region-focusable), and which tables are too wide depends on the screen, so every
 * chapter table takes focus.
 */
export function scrollableTablesPlugin(): HastPluginDefinition {
	return {
		name: 'scrollable-tables',
		element: {
			filter: ['table'],
			visit(node, ctx) {
				if (node.properties?.tabIndex === undefined) ctx.setProperty(node, 'tabIndex', 0);
			},
		},
	};
}
