import { defineCollection } from 'astro:content';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { i18nSchema } from '@astrojs/starlight/schema';
import { frontmatterSchema } from './frontmatter-schema.ts';

// The schema lives in its own module so the build's content check can validate with it before Astro does.
export { EXAM_DOMAINS } from './frontmatter-schema.ts';

export const collections = {
	docs: defineCollection({
		loader: docsLoader(),
		schema: frontmatterSchema,
	}),
	// Starlight reads UI string overrides from here; en.json is empty (the defaults are fine) so the build need not warn.
	i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
};
