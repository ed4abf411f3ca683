import { z } from 'astro/zod';
// The exam outline from AWS's exam guide, as data: the current exam (domains, tasks, the numbered skills, the in- and
// out-of-scope services) and the retired one, kept only so old attempts and the comparison page can name its parts.
// Imported, not read from disk, so it is bundled wherever it is used. The next revision of the exam is a new JSON
// file and the one import below.
import current from './content/exam-guide/dva-c03.json' with { type: 'json' };
import previous from './content/exam-guide/dva-c02.json' with { type: 'json' };
import changes from './content/exam-guide/dva-c02-to-dva-c03.json' with { type: 'json' };

export const EXAM_GUIDE_FILE = 'src/content/exam-guide/dva-c03.json';

const https = z.url({ protocol: /^https$/ });

export const skillSchema = z.strictObject({
	id: z.string().regex(/^[1-9]\.[1-9]\.[1-9][0-9]?$/, 'a skill id such as "1.2.3"'),
	text: z.string().min(1),
});

export const taskSchema = z.strictObject({
	id: z.string().regex(/^[1-9]\.[1-9]$/, 'a task id such as "1.2"'),
	title: z.string().min(1),
	skills: z.array(skillSchema).min(1),
});

export const domainSchema = z.strictObject({
	id: z.string().regex(/^[a-z]+$/),
	number: z.number().int().min(1),
	name: z.string().min(1),
	weight: z.number().int().min(1).max(100),
	source: https,
	tasks: z.array(taskSchema).min(1),
});

const serviceListSchema = z.strictObject({
	source: https,
	categories: z.array(z.strictObject({ name: z.string().min(1), services: z.array(z.string().min(1)).min(1) })).min(1),
});

export const examGuideSchema = z
	.strictObject({
		code: z.string().regex(/^[A-Z]{3}-C\d\d$/, 'an exam code such as "DVA-C03"'),
		name: z.string().min(1),
		source: https,
		checked: z.iso.date(),
		firstDay: z.iso.date(),
		domains: z.array(domainSchema).min(1),
		inScope: serviceListSchema,
		outOfScope: serviceListSchema,
	})
	.superRefine((guide, ctx) => {
		// Ids must nest (skill 2.3.1 under task 2.3 under domain 2), or a chapter's skill would land in the wrong domain.
		guide.domains.forEach((d, di) =>
			d.tasks.forEach((t, ti) => {
				if (!t.id.startsWith(`${d.number}.`)) ctx.addIssue({ code: 'custom', path: ['domains', di, 'tasks', ti, 'id'], message: `task ${t.id} is not in domain ${d.number}` });
				t.skills.forEach((s, si) => {
					if (!s.id.startsWith(`${t.id}.`)) ctx.addIssue({ code: 'custom', path: ['domains', di, 'tasks', ti, 'skills', si, 'id'], message: `skill ${s.id} is not in task ${t.id}` });
				});
			}),
		);
		if (guide.domains.reduce((sum, d) => sum + d.weight, 0) !== 100) ctx.addIssue({ code: 'custom', path: ['domains'], message: 'the domain weights must add up to 100' });
	});

export type ExamGuide = z.infer<typeof examGuideSchema>;
export type ExamDomain = z.infer<typeof domainSchema>;
export type ExamTask = z.infer<typeof taskSchema>;

/** The retired outline: domains with their task statements, no skills (DVA-C02 listed knowledge and skills apart). */
const previousDomainSchema = domainSchema.extend({
	checked: z.iso.date(),
	tasks: z.array(z.strictObject({ id: taskSchema.shape.id, title: z.string().min(1) })).min(1),
});
export type PreviousDomain = z.infer<typeof previousDomainSchema>;

export const CURRENT_EXAM: ExamGuide = examGuideSchema.parse(current);

/** The exam the site prepares for, e.g. `DVA-C03`. */
export const EXAM_CODE = CURRENT_EXAM.code;

export const PREVIOUS_EXAM = { code: 'DVA-C02', domains: z.array(previousDomainSchema).parse(previous) } as const;

export const EXAM_GUIDE: readonly ExamDomain[] = CURRENT_EXAM.domains;

/** Domain id → name, e.g. `development` → `Development with AWS Services`. */
export const EXAM_DOMAINS: Readonly<Record<string, string>> = Object.fromEntries(EXAM_GUIDE.map((d) => [d.id, d.name]));

/** Task id → its domain, title and skills. */
export const EXAM_TASKS: ReadonlyMap<string, { domain: ExamDomain; title: string; skills: ExamTask['skills'] }> = new Map(
	EXAM_GUIDE.flatMap((domain) => domain.tasks.map((task) => [task.id, { domain, title: task.title, skills: task.skills }] as const)),
);

/** Skill id → its text, task and domain. */
export const EXAM_SKILLS: ReadonlyMap<string, { text: string; task: ExamTask; domain: ExamDomain }> = new Map(
	EXAM_GUIDE.flatMap((domain) => domain.tasks.flatMap((task) => task.skills.map((skill) => [skill.id, { text: skill.text, task, domain }] as const))),
);

/** The task a skill belongs to: `2.3.1` → `2.3`. */
export const taskOfSkill = (skill: string) => skill.split('.').slice(0, 2).join('.');

/** The anchor of a task statement on the exam guide page: `1.2` → `task-1-2`. */
export const taskAnchor = (id: string) => `task-${id.replaceAll('.', '-')}`;

/** The anchor of a skill on the exam guide page: `1.2.3` → `skill-1-2-3`. */
export const skillAnchor = (id: string) => `skill-${id.replaceAll('.', '-')}`;

const skillIds = z.array(z.string().refine((id) => EXAM_SKILLS.has(id), 'a skill id of the current exam')).min(1);

/** AWS's comparison of the previous and the current exam, each change tied to the skills where it now lives. */
export const EXAM_CHANGES = z
	.strictObject({
		source: https,
		checked: z.iso.date(),
		additions: z.array(z.strictObject({ skills: skillIds, what: z.string().min(1), meaning: z.string().min(1) })),
		moves: z.array(z.strictObject({ what: z.string().min(1), from: taskSchema.shape.id, to: taskSchema.shape.id, skills: skillIds })),
		consolidations: z.array(z.strictObject({ area: z.string().min(1), before: z.string().min(1), after: z.string().min(1), skills: skillIds })),
		servicesAdded: z.array(z.string().min(1)),
		servicesRemoved: z.array(z.string().min(1)),
		previousInScopeSource: https,
	})
	.parse(changes);

/** Every service the current guide lists as in scope, by its name there. */
export const IN_SCOPE_SERVICES: readonly string[] = CURRENT_EXAM.inScope.categories.flatMap((c) => c.services);

/** Names a chapter may give in `services`: the in-scope ones, and those that left the list (their chapters stay). */
export const KNOWN_SERVICES: ReadonlySet<string> = new Set([...IN_SCOPE_SERVICES, ...EXAM_CHANGES.servicesRemoved]);
