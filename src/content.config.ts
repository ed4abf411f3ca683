import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { i18nSchema } from '@astrojs/starlight/schema';
import { frontmatterSchema } from './frontmatter-schema.ts';
import { EXAM_GUIDE_FILE, domainSchema } from './exam-guide.ts';

// The schema lives in its own module so the build's content check can validate with it before Astro does.
export { EXAM_DOMAINS } from './frontmatter-schema.ts';

export const collections = {
	docs: defineCollection({
		loader: docsLoader(),
		schema: frontmatterSchema,
	}),
	// The DVA-C02 outline: one entry per domain, with its weight and task statements.
	examGuide: defineCollection({ loader: file(EXAM_GUIDE_FILE), schema: domainSchema }),
	// Starlight reads UI string overrides from here; en.json is empty (the defaults are fine) so the build need not warn.
	i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
};
