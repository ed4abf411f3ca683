import GithubSlugger from 'github-slugger';

export interface ChapterInput {
	id: string;
	title: string;
	tasks: readonly string[];
	/** The chapter's Markdown body, to name the sections its tasks point at. */
	body: string;
}

export interface Teaching {
	id: string;
	title: string;
	/** Heading ids and texts of the sections declared for this task, in the order written. */
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

/** Task id → the chapters that teach it, each with the sections it names; chapters keep the order given. */
export function coverage(chapters: readonly ChapterInput[]): Map<string, Teaching[]> {
	const byTask = new Map<string, Teaching[]>();
	for (const chapter of chapters) {
		const headings = headingsOf(chapter.body);
		for (const entry of chapter.tasks) {
			const [task, section] = entry.split('#');
			const list = byTask.get(task) ?? [];
			let teaching = list.find((t) => t.id === chapter.id);
			if (!teaching) {
				teaching = { id: chapter.id, title: chapter.title, sections: [] };
				list.push(teaching);
			}
			if (section && !teaching.sections.some((s) => s.id === section)) teaching.sections.push({ id: section, text: headings.get(section) ?? section });
			byTask.set(task, list);
		}
	}
	return byTask;
}

/** The distinct task ids of a chapter, in the order first written: `['1.2#a', '1.2#b', '4.3']` → `['1.2', '4.3']`. */
export const distinctTasks = (tasks: readonly string[]) => [...new Set(tasks.map((t) => t.split('#')[0]))];
