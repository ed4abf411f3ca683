import { z } from 'astro/zod';
import { docsSchema } from '@astrojs/starlight/schema';
import { EXAM_DOMAINS, EXAM_TASKS } from './exam-guide.ts';

/** The content domains of the DVA-C02 exam guide, read from its data file. */
export { EXAM_DOMAINS };

const DOMAIN_IDS = Object.keys(EXAM_DOMAINS) as [string, ...string[]];
const TASK_IDS = [...EXAM_TASKS.keys()];

/** `1.2`, or `1.2#invocation-types` to point at the section of the chapter that teaches it. */
const task = z.string().superRefine((value, ctx) => {
	const [id, section, ...rest] = value.split('#');
	if (!EXAM_TASKS.has(id)) ctx.addIssue({ code: 'custom', message: `"${id}" is not a DVA-C02 task statement: use one of ${TASK_IDS.join(', ')}` });
	else if (rest.length > 0 || (section !== undefined && !/^[a-z0-9-]+$/.test(section))) {
		ctx.addIssue({ code: 'custom', message: `write "${id}" or "${id}#heading-id", e.g. "${id}#invocation-types"` });
	}
});

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
		/** The task statement it tests, when it is not the chapter task tied to its section (or the chapter's first). */
		task: z.enum(TASK_IDS as [string, ...string[]], { error: `a DVA-C02 task statement: one of ${TASK_IDS.join(', ')}` }).optional(),
	})
	.refine((q) => q.choices.some((c) => c.correct), { message: 'at least one choice needs "correct: true"', path: ['choices'] });

const chapterFields = z
	.object({
		// Search results and link previews show it; Starlight alone would accept none at all.
		description: z
			.string({ error: 'required: 20–170 characters saying what the page covers' })
			.min(20, 'too short: write 20–170 characters')
			.max(170, 'too long: keep it to 170 characters'),
		/**
		 * `chapter` needs practice questions; `reference` (the glossary) and `page` (home) do not. `tool` is an
		 * interactive page in a group that teaches nothing itself (practice exam, review): no questions or tasks,
		 * and `sources` only for what it cites.
		 */
		kind: z.enum(['chapter', 'reference', 'page', 'tool']).default('chapter'),
		domains: z.array(z.enum(DOMAIN_IDS)).min(1).optional(),
		/** The exam guide's task statements the chapter teaches, e.g. `['1.2', '4.3#concurrency-and-throttling']`. */
		tasks: z.array(task).min(1, 'name at least one task statement, e.g. "1.2"').optional(),
		reviewed: z.coerce.date().optional(),
		sources: z.array(z.url({ protocol: /^https$/, error: 'an https:// link to the page you checked' })).min(1).optional(),
		questions: z.array(question).optional(),
	})
	.superRefine((data, ctx) => {
		if (data.kind === 'page' || data.kind === 'tool') return;
		for (const field of ['domains', 'reviewed', 'sources'] as const) {
			if (data[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: `required for a ${data.kind}` });
		}
		if (data.kind === 'chapter' && data.tasks === undefined) {
			ctx.addIssue({ code: 'custom', path: ['tasks'], message: 'required for a chapter: the task statements it teaches, e.g. [\'1.2\']' });
		}
		// A task belongs to one domain; the chapter says so in `domains` too, so the two lists cannot drift apart.
		data.tasks?.forEach((value, i) => {
			const domain = EXAM_TASKS.get(value.split('#')[0])?.domain;
			if (domain && data.domains && !data.domains.includes(domain.id)) {
				ctx.addIssue({ code: 'custom', path: ['tasks', i], message: `task ${value.split('#')[0]} is in domain ${domain.number} (${domain.name}): add "${domain.id}" to domains` });
			}
		});
		if (data.kind === 'chapter' && (data.questions?.length ?? 0) < 3) {
			ctx.addIssue({ code: 'custom', path: ['questions'], message: 'a chapter needs at least 3 practice questions' });
		}
	});

/** The whole frontmatter schema: Starlight's fields plus this site's. The build checks it before Astro does. */
export const frontmatterSchema = docsSchema({ extend: chapterFields });
