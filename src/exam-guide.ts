import { z } from 'astro/zod';
// The DVA-C02 content outline from the AWS Certification user guide, one page per domain (each domain's `source`),
// compared with those pages on the date in `checked`. Imported, not read from disk, so it is bundled into every page.
import data from './content/exam-guide/dva-c02.json' with { type: 'json' };

/** Where the exam outline lives; the content collection `examGuide` loads the same file. */
export const EXAM_GUIDE_FILE = 'src/content/exam-guide/dva-c02.json';

export const taskSchema = z.strictObject({
	id: z.string().regex(/^[1-9]\.[1-9]$/, 'a task id such as "1.2"'),
	title: z.string().min(1),
});

export const domainSchema = z.strictObject({
	id: z.string().regex(/^[a-z]+$/),
	number: z.number().int().min(1),
	name: z.string().min(1),
	weight: z.number().int().min(1).max(100),
	source: z.url({ protocol: /^https$/ }),
	checked: z.iso.date(),
	tasks: z.array(taskSchema).min(1),
});

export type ExamDomain = z.infer<typeof domainSchema>;

const DOMAINS_LIST: readonly ExamDomain[] = z.array(domainSchema).parse(data);

export const EXAM_GUIDE: readonly ExamDomain[] = DOMAINS_LIST;

/** Domain id → name, e.g. `development` → `Development with AWS Services`. */
export const EXAM_DOMAINS: Readonly<Record<string, string>> = Object.fromEntries(DOMAINS_LIST.map((d) => [d.id, d.name]));

/** Task id → its domain and title. */
export const EXAM_TASKS: ReadonlyMap<string, { domain: ExamDomain; title: string }> = new Map(
	DOMAINS_LIST.flatMap((domain) => domain.tasks.map((task) => [task.id, { domain, title: task.title }] as const)),
);

/** The anchor of a task statement on the exam guide page: `1.2` → `task-1-2`. */
export const taskAnchor = (id: string) => `task-${id.replace('.', '-')}`;
