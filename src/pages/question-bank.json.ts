import type { APIRoute } from 'astro';
import { getCollection, render } from 'astro:content';
import { EXAM_SKILLS } from '../exam-guide.ts';
import { presented } from '../lib/practice/quiz.ts';
import { BANK_FORMAT, duplicateIds, questionId, type Bank, type BankQuestion } from '../lib/practice/question-bank.ts';

// Static data fetched when a reader starts a practice exam or a review, so no page carries the whole bank.
export const GET: APIRoute = async () => {
	const questions: BankQuestion[] = [];
	const chapters = (await getCollection('docs')).filter((entry) => entry.data.questions?.length).sort((a, b) => a.id.localeCompare(b.id));
	for (const entry of chapters) {
		const { headings } = await render(entry);
		const headingText = new Map(headings.map((h) => [h.slug, h.text]));
		for (const q of entry.data.questions ?? []) {
			// The frontmatter schema already requires a known skill or a reason; this only narrows the types.
			const skill = q.skill ? EXAM_SKILLS.get(q.skill) : undefined;
			const scope = q.outOfScope ?? entry.data.outOfScope;
			const placed = scope ? { outOfScope: scope } : skill ? { skill: q.skill, task: skill.task.id, domain: skill.domain.id } : undefined;
			if (!placed) throw new Error(`${entry.filePath}: a question has neither a skill nor outOfScope`);
			questions.push({
				...presented({
					prompt: q.prompt,
					choices: q.choices.map((c) => ({ text: c.text, correct: c.correct })),
					explanation: q.explanation,
					section: q.section,
					...(headingText.has(q.section) ? { sectionTitle: headingText.get(q.section) } : {}),
				}),
				id: questionId(entry.id, q.prompt, q.id),
				chapter: { id: entry.id, title: entry.data.title },
				...placed,
			});
		}
	}
	const repeated = duplicateIds(questions);
	if (repeated.length) throw new Error(`Two questions share an id (${repeated.join(', ')}): make each prompt unique, and give a new question no copied id`);
	const bank: Bank = { format: BANK_FORMAT, questions };
	return new Response(JSON.stringify(bank), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
