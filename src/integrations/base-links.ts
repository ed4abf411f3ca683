import type { HastPluginDefinition } from 'satteri';

/**
 * Chapters link to each other root-relative (`/dns/route-53/`), so they read the same in any checkout.
 * This adds the deployment base path (for example `/aws-notes` on GitHub Pages) at build time.
 */
export function baseLinksPlugin(base: string): HastPluginDefinition | undefined {
	const prefix = base.replace(/\/+$/, '');
	if (!prefix) return undefined;
	return {
		name: 'base-path-links',
		element: {
			filter: ['a'],
			visit(node, ctx) {
				const href = node.properties?.href;
				if (typeof href !== 'string' || !href.startsWith('/') || href.startsWith('//')) return;
				if (href === prefix || href.startsWith(`${prefix}/`)) return;
				ctx.setProperty(node, 'href', `${prefix}${href}`);
			},
		},
	};
}
