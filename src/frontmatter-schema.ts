import { z } from 'astro/zod';
import { docsSchema } from '@astrojs/starlight/schema';
import { EXAM_CODE, EXAM_DOMAINS, EXAM_SKILLS, KNOWN_SERVICES, PREVIOUS_EXAM, taskOfSkill } from './exam-guide.ts';
import { lengthGiveaway } from './lib/practice/question-cues.ts';

/** The content domains of the current exam guide, read from its data file. */
export { EXAM_DOMAINS };

const DOMAIN_IDS = Object.keys(EXAM_DOMAINS) as [string, ...string[]];
const PREVIOUS_TASKS = new Set(PREVIOUS_EXAM.domains.flatMap((d) => d.tasks.map((t) => t.id)));

/** Why an id is not a skill of the current exam, in words that say what to write instead. */
function skillProblem(id: string): string | undefined {
	if (EXAM_SKILLS.has(id)) return undefined;
	if (/^\d\.\d$/.test(id)) {
		const was = PREVIOUS_TASKS.has(id) ? `a ${PREVIOUS_EXAM.code} task statement` : 'a task id';
		return `"${id}" is ${was}, not a ${EXAM_CODE} skill: name the skill, e.g. "${[...EXAM_SKILLS.keys()].find((s) => s.startsWith(`${id}.`)) ?? '1.2.3'}" (see the exam guide map)`;
	}
	return `"${id}" is not a ${EXAM_CODE} skill: use an id such as "1.2.3" from the exam guide map`;
}

/** `1.2.3`, or `1.2.3#invocation-types` to point at the section of the chapter that teaches it. */
const skillEntry = z.string().superRefine((value, ctx) => {
	const [id, section, ...rest] = value.split('#');
	const problem = skillProblem(id);
	if (problem) ctx.addIssue({ code: 'custom', message: problem });
	else if (rest.length > 0 || (section !== undefined && !/^[a-z0-9-]+$/.test(section))) {
		ctx.addIssue({ code: 'custom', message: `write "${id}" or "${id}#heading-id", e.g. "${id}#invocation-types"` });
	}
});

const skillId = z.string().superRefine((value, ctx) => {
	const problem = skillProblem(value);
	if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const outOfScopeReason = z.string().min(20, `say in a sentence why it is not on ${EXAM_CODE}`);

const choice = z.strictObject({
	text: z.string().min(1, 'write the choice'),
	correct: z.boolean().default(false),
});

const question = z
	.strictObject({
		/** Keeps a learner's history when the prompt is reworded; without it the id is a hash of the prompt. */
		id: z.string().regex(/^[0-9a-f]{8}$/, 'eight lowercase hex digits; keep the id a question already has').optional(),
		prompt: z.string().min(10, 'write at least 10 characters'),
		/** The skill of the exam guide the question tests. */
		skill: skillId.optional(),
		/** Instead of a skill: why the question's topic is not on the current exam. It is then left out of practice exams. */
		outOfScope: outOfScopeReason.optional(),
		choices: z.array(choice).min(2, 'give at least 2 choices').max(8, 'give at most 8 choices'),
		explanation: z.string().min(10, 'write at least 10 characters'),
		/** Heading id, in the same chapter, of the section that answers it. */
		section: z.string().regex(/^[a-z0-9-]+$/, 'a heading id such as "health-checks", without "#"'),
	})
	.superRefine((q, ctx) => {
		const keys = q.choices.filter((c) => c.correct).length;
		if (keys === 0) ctx.addIssue({ code: 'custom', path: ['choices'], message: 'at least one choice needs "correct: true"' });
		// The real exam's two formats: one key among four options, or two or more keys among five or more.
		else if (keys === 1 && q.choices.length !== 4) {
			ctx.addIssue({ code: 'custom', path: ['choices'], message: `a single-answer question has exactly 4 choices (one key, three distractors), not ${q.choices.length}` });
		} else if (keys > 1 && q.choices.length < 5) {
			ctx.addIssue({ code: 'custom', path: ['choices'], message: `a question with ${keys} correct choices has at least 5 choices, not ${q.choices.length}` });
		}
		const giveaway = keys ? lengthGiveaway(q.choices) : undefined;
		if (giveaway) {
			ctx.addIssue({
				code: 'custom',
				path: ['choices'],
				message: `the ${keys > 1 ? 'keys are' : 'key is'} much ${giveaway === 'longest' ? 'longer' : 'shorter'} than every distractor, which gives the answer away: make the options alike in length and detail (see "Practice questions" in CONTRIBUTING.md)`,
			});
		}
		if (q.skill === undefined && q.outOfScope === undefined) {
			ctx.addIssue({ code: 'custom', path: ['skill'], message: `required: the ${EXAM_CODE} skill the question tests, e.g. "1.2.3" (or outOfScope with the reason)` });
		} else if (q.skill !== undefined && q.outOfScope !== undefined) {
			ctx.addIssue({ code: 'custom', path: ['outOfScope'], message: 'a question has either a skill or outOfScope, not both' });
		}
	});

const chapterFields = z
	.object({
		// Search results and link previews show it; Starlight alone would accept none at all.
		description: z
			.string({ error: 'required: 20–170 characters saying what the page covers' })
			.min(20, 'too short: write 20–170 characters')
			.max(170, 'too long: keep it to 170 characters'),
		/**
		 * `chapter` needs practice questions; `reference` (the glossary) and `page` (home) do not. `tool` is an
		 * interactive page in a group that teaches nothing itself (practice exam, review): no questions or skills,
		 * and `sources` only for what it cites.
		 */
		kind: z.enum(['chapter', 'reference', 'page', 'tool']).default('chapter'),
		domains: z.array(z.enum(DOMAIN_IDS)).min(1).optional(),
		/** The exam guide's skills the chapter teaches, e.g. `['1.2.3', '4.3.1#concurrency-and-throttling']`. */
		skills: z.array(skillEntry).min(1, 'name at least one skill, e.g. "1.2.3"').optional(),
		/** The services of the exam guide's in-scope list that the chapter teaches, named as the list names them. */
		services: z
			.array(
				z.string().refine((name) => KNOWN_SERVICES.has(name), {
					error: (issue) => `"${String(issue.input)}" is not a service of the ${EXAM_CODE} in-scope list: write its name as the list does (see the in-scope services page)`,
				}),
			)
			.optional(),
		/** A chapter whose whole topic left the exam: the reason, shown at the top of the page. */
		outOfScope: outOfScopeReason.optional(),
		reviewed: z.coerce.date().optional(),
		sources: z.array(z.url({ protocol: /^https$/, error: 'an https:// link to the page you checked' })).min(1).optional(),
		questions: z.array(question).optional(),
	})
	.superRefine((data, ctx) => {
		if (data.kind === 'page' || data.kind === 'tool') return;
		for (const field of ['domains', 'reviewed', 'sources'] as const) {
			if (data[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: `required for a ${data.kind}` });
		}
		if (data.kind === 'chapter' && data.skills === undefined && data.outOfScope === undefined) {
			ctx.addIssue({ code: 'custom', path: ['skills'], message: `required for a chapter: the ${EXAM_CODE} skills it teaches, e.g. ['1.2.3']` });
		}
		// A skill belongs to one domain; the chapter says so in `domains` too, so the two lists cannot drift apart.
		data.skills?.forEach((value, i) => {
			const domain = EXAM_SKILLS.get(value.split('#')[0])?.domain;
			if (domain && data.domains && !data.domains.includes(domain.id)) {
				ctx.addIssue({ code: 'custom', path: ['skills', i], message: `skill ${value.split('#')[0]} (task ${taskOfSkill(value)}) is in domain ${domain.number} (${domain.name}): add "${domain.id}" to domains` });
			}
		});
		if (data.kind === 'chapter' && (data.questions?.length ?? 0) < 3) {
			ctx.addIssue({ code: 'custom', path: ['questions'], message: 'a chapter needs at least 3 practice questions' });
		}
	});

/** The whole frontmatter schema: Starlight's fields plus this site's. The build checks it before Astro does. */
export const frontmatterSchema = docsSchema({ extend: chapterFields });
