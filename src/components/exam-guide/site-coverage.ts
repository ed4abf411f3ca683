// What the chapters teach, read once from the content collection for the exam guide pages: chapters in reading
// order, the skills and services each declares, and the practice questions per skill.
import { getCollection } from 'astro:content';
import { GROUPS } from '../../groups.ts';
import { coverage, questionsPerSkill, type Teaching } from '../../lib/exam-guide/exam-coverage.ts';

export interface SiteCoverage {
	bySkill: Map<string, Teaching[]>;
	questions: Map<string, number>;
	/** Service name → the chapters that list it in `services`. */
	byService: Map<string, { id: string; title: string }[]>;
}

export async function siteCoverage(): Promise<SiteCoverage> {
	const folders = GROUPS.map((g) => g.folder);
	const chapters = (await getCollection('docs', (e) => e.data.kind === 'chapter')).sort(
		(a, b) => folders.indexOf(a.id.split('/')[0]) - folders.indexOf(b.id.split('/')[0]) || (a.data.sidebar.order ?? 99) - (b.data.sidebar.order ?? 99),
	);
	const byService = new Map<string, { id: string; title: string }[]>();
	for (const e of chapters) for (const name of e.data.services ?? []) byService.set(name, [...(byService.get(name) ?? []), { id: e.id, title: e.data.title }]);
	return {
		// A chapter whose topic left the exam teaches no skill of it, whatever skills its sections once mapped to.
		bySkill: coverage(chapters.filter((e) => !e.data.outOfScope).map((e) => ({ id: e.id, title: e.data.title, skills: e.data.skills ?? [], body: e.body ?? '' }))),
		questions: questionsPerSkill(chapters.filter((e) => !e.data.outOfScope).map((e) => e.data)),
		byService,
	};
}
