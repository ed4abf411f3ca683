import GithubSlugger from 'github-slugger';

export interface ChapterInput {
	id: string;
	title: string;
	/** Skill ids, each optionally with the section that teaches it: `'1.2.3#invocation-types'`. */
	skills: readonly string[];
	/** The chapter's Markdown body, to name the sections its skills point at. */
	body: string;
}

export interface Teaching {
	id: string;
	title: string;
	/** Heading ids and texts of the sections declared for this skill, in the order written. */
	sections: { id: string; text: string }[];
}

/** `## Heading` and `### Heading` ids → texts, as Astro slugs them, outside code fences. */
export function headingsOf(body: string): Map<string, string> {
	const slugger = new GithubSlugger();
	const headings = new Map<string, string>();
	let fence: string | undefined;
	for (const line of body.split('\n')) {
		const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
		if (marker) {
			if (!fence) fence = marker;
			else if (marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
			continue;
		}
		if (fence) continue;
		const heading = /^#{2,3}\s+(.+?)\s*#*\s*$/.exec(line);
		if (heading) {
			const text = heading[1].replace(/[*_`]/g, '');
			headings.set(slugger.slug(text), text);
		}
	}
	return headings;
}

/** Skill id → the chapters that teach it, each with the sections it names; chapters keep the order given. */
export function coverage(chapters: readonly ChapterInput[]): Map<string, Teaching[]> {
	const bySkill = new Map<string, Teaching[]>();
	for (const chapter of chapters) {
		const headings = headingsOf(chapter.body);
		for (const entry of chapter.skills) {
			const [skill, section] = entry.split('#');
			const list = bySkill.get(skill) ?? [];
			let teaching = list.find((t) => t.id === chapter.id);
			if (!teaching) {
				teaching = { id: chapter.id, title: chapter.title, sections: [] };
				list.push(teaching);
			}
			if (section && !teaching.sections.some((s) => s.id === section)) teaching.sections.push({ id: section, text: headings.get(section) ?? section });
			bySkill.set(skill, list);
		}
	}
	return bySkill;
}

/** The distinct ids of a chapter's list, in the order first written: `['1.2.3#a', '1.2.3#b', '4.3.1']` → `['1.2.3', '4.3.1']`. */
export const distinctIds = (entries: readonly string[]) => [...new Set(entries.map((t) => t.split('#')[0]))];

/** Practice questions per skill, out-of-scope questions left out. */
export function questionsPerSkill(chapters: readonly { questions?: readonly { skill?: string }[] }[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const chapter of chapters) for (const q of chapter.questions ?? []) if (q.skill) counts.set(q.skill, (counts.get(q.skill) ?? 0) + 1);
	return counts;
}
