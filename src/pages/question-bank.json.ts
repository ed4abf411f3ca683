import type { APIRoute } from 'astro';
import { getCollection, render } from 'astro:content';
import { EXAM_TASKS } from '../exam-guide.ts';
import { presented } from '../lib/quiz.ts';
import { BANK_FORMAT, duplicateIds, questionId, questionTask, type Bank, type BankQuestion } from '../lib/question-bank.ts';

// Static data fetched when a reader starts a practice exam or a review, so no page carries the whole bank.
export const GET: APIRoute = async () => {
	const questions: BankQuestion[] = [];
	const chapters = (await getCollection('docs')).filter((entry) => entry.data.questions?.length).sort((a, b) => a.id.localeCompare(b.id));
	for (const entry of chapters) {
		const { headings } = await render(entry);
		const headingText = new Map(headings.map((h) => [h.slug, h.text]));
		for (const q of entry.data.questions ?? []) {
			const task = questionTask(entry.data.tasks ?? [], q.section, q.task, headings);
			const domain = task ? EXAM_TASKS.get(task)?.domain.id : undefined;
			if (!task || !domain) throw new Error(`${entry.filePath}: a question has no task statement; add tasks to the chapter`);
			questions.push({
				...presented({
					prompt: q.prompt,
					choices: q.choices.map((c) => ({ text: c.text, correct: c.correct })),
					explanation: q.explanation,
					section: q.section,
					...(headingText.has(q.section) ? { sectionTitle: headingText.get(q.section) } : {}),
				}),
				id: questionId(entry.id, q.prompt),
				chapter: { id: entry.id, title: entry.data.title },
				task,
				domain,
			});
		}
	}
	const repeated = duplicateIds(questions);
	if (repeated.length) throw new Error(`Two questions share a prompt (ids ${repeated.join(', ')}): make each prompt unique`);
	const bank: Bank = { format: BANK_FORMAT, questions };
	return new Response(JSON.stringify(bank), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
