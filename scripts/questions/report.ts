// Checks chapters' practice questions the way the build does and prints what a contributor needs to balance them:
// each question's option lengths and the chapters' cue figures (how a learner who always picks the longest or the
// shortest option would score, against ticking at random).
//   node scripts/questions/report.ts src/content/docs/serverless/lambda.mdx [more files]
//   node scripts/questions/report.ts            (every chapter, figures only)
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import yaml from 'js-yaml';
import { checkChapter, formatProblem, splitFrontmatter } from '../../src/integrations/content-check.ts';
import { cueFigures, lengthGiveaway, visibleLength, type CueChoice, type CueFigures } from '../../src/lib/practice/question-cues.ts';

const CONTENT = resolve('src/content/docs');
const named = process.argv.slice(2);
const files = named.length
	? named.map((f) => resolve(f))
	: readdirSync(CONTENT, { recursive: true, encoding: 'utf8' }).filter((f) => /\.mdx?$/.test(f)).map((f) => join(CONTENT, f)).sort();

interface Question {
	id?: string;
	prompt: string;
	skill?: string;
	outOfScope?: string;
	choices: CueChoice[];
}

const pct = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(0)}%` : '–');
const line = (label: string, f: CueFigures) =>
	`${label}: ${f.questions} questions (${f.singles} single); key longest ${f.keyLongest}/${f.singles} (${pct(f.keyLongest, f.singles)}), key shortest ${f.keyShortest}/${f.singles} (${pct(f.keyShortest, f.singles)}); ` +
	`always-longest scores ${f.longest.toFixed(1)}, always-shortest ${f.shortest.toFixed(1)}, random ${f.blind.toFixed(1)} (limit ${(1.5 * f.blind).toFixed(1)})`;

let problems = 0;
const all: Question[] = [];
for (const path of files) {
	const file = relative(process.cwd(), path);
	const text = readFileSync(path, 'utf8');
	const found = checkChapter(file, relative(CONTENT, path).split('\\').join('/'), text);
	problems += found.length;
	for (const p of found) console.log(`PROBLEM ${formatProblem(p)}`);
	let questions: Question[] = [];
	try {
		questions = ((yaml.load(splitFrontmatter(text)?.yaml ?? '') as { questions?: Question[] } | null)?.questions ?? []).filter((q) => Array.isArray(q?.choices));
	} catch {
		continue;
	}
	if (!questions.length) continue;
	all.push(...questions);
	if (named.length) {
		for (const q of questions) {
			const keys = q.choices.filter((c) => c.correct).length;
			const sizes = q.choices.map((c) => `${c.correct ? '*' : ''}${visibleLength(c.text)}`).join(' ');
			const flag = lengthGiveaway(q.choices) ? `  GIVEAWAY (${lengthGiveaway(q.choices)})` : '';
			console.log(`  ${q.id ?? 'new     '} ${keys > 1 ? `multi(${keys})` : 'single  '} ${(q.skill ?? (q.outOfScope ? 'out' : '?')).padEnd(6)} [${sizes}]${flag}`);
		}
	}
	console.log(line(file, cueFigures(questions)));
}
if (files.length > 1) console.log(line('ALL', cueFigures(all)));
console.log(problems ? `${problems} problem(s)` : 'no problems');
process.exitCode = problems ? 1 : 0;
