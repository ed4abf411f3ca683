import { z } from 'astro/zod';
import { docsSchema } from '@astrojs/starlight/schema';

/** The four content domains of the DVA-C02 exam guide. */
export const EXAM_DOMAINS = {
	development: 'Development with AWS Services',
	security: 'Security',
	deployment: 'Deployment',
	troubleshooting: 'Troubleshooting and Optimization',
} as const;

const choice = z.strictObject({
	text: z.string().min(1, 'write the choice'),
	correct: z.boolean().default(false),
});

const question = z
	.strictObject({
		prompt: z.string().min(10, 'write at least 10 characters'),
		choices: z.array(choice).min(2, 'give at least 2 choices').max(6, 'give at most 6 choices'),
		explanation: z.string().min(10, 'write at least 10 characters'),
		/** Heading id, in the same chapter, of the section that answers it. */
		section: z.string().regex(/^[a-z0-9-]+$/, 'a heading id such as "health-checks", without "#"'),
	})
	.refine((q) => q.choices.some((c) => c.correct), { message: 'at least one choice needs "correct: true"', path: ['choices'] });

const chapterFields = z
	.object({
		// Search results and link previews show it; Starlight alone would accept none at all.
		description: z
			.string({ error: 'required: 20–170 characters saying what the page covers' })
			.min(20, 'too short: write 20–170 characters')
			.max(170, 'too long: keep it to 170 characters'),
		/** `chapter` needs practice questions; `reference` (the glossary) and `page` (home) do not. */
		kind: z.enum(['chapter', 'reference', 'page']).default('chapter'),
		domains: z.array(z.enum(Object.keys(EXAM_DOMAINS) as [keyof typeof EXAM_DOMAINS])).min(1).optional(),
		reviewed: z.coerce.date().optional(),
		sources: z.array(z.url({ protocol: /^https$/, error: 'an https:// link to the page you checked' })).min(1).optional(),
		questions: z.array(question).optional(),
	})
	.superRefine((data, ctx) => {
		if (data.kind === 'page') return;
		for (const field of ['domains', 'reviewed', 'sources'] as const) {
			if (data[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: `required for a ${data.kind}` });
		}
		if (data.kind === 'chapter' && (data.questions?.length ?? 0) < 3) {
			ctx.addIssue({ code: 'custom', path: ['questions'], message: 'a chapter needs at least 3 practice questions' });
		}
	});

/** The whole frontmatter schema: Starlight's fields plus this site's. The build checks it before Astro does. */
export const frontmatterSchema = docsSchema({ extend: chapterFields });
