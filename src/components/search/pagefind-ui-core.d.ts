// The real Pagefind UI, reached by file path so the lazy-loading alias does not catch it.
declare module '@pagefind/default-ui/npm_dist/mjs/ui-core.mjs' {
	export class PagefindUI {
		constructor(options: Record<string, unknown>);
	}
}
