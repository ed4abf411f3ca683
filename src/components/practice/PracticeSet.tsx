import { useEffect, useRef, useState } from 'preact/hooks';
import QuizQuestion from './QuizQuestion.tsx';
import { blankAnswer as blank, scoreText, withCheck, withChoice, type AnswerState, type StoreAccess } from '../../lib/practice/quiz.ts';
import { loadBank, type BankQuestion } from '../../lib/practice/question-bank.ts';
import { recordAnswers } from '../../lib/practice/review-queue.ts';
import { newSeed } from '../../lib/practice/practice-exam.ts';
import { DEFAULT_SIZE, SET_SIZES, parseScope, pickSet, scopeFromQuery, scopeLabel, scopeValue, type GuideDomain, type SetScope } from '../../lib/practice/practice-set.ts';
import './PracticeQuiz.css';
import './Review.css';

interface Props {
	/** The question bank's URL, with the base path. */
	bankUrl: string;
	/** The site's base path, ending in "/": chapter links are `<base><chapter id>/#<section>`. */
	base: string;
	domains: GuideDomain[];
}

const storage: StoreAccess = () => window.localStorage;

type Stage =
	| { name: 'choose' }
	| { name: 'loading' }
	| { name: 'failed'; error: string }
	| { name: 'question'; questions: BankQuestion[]; index: number; right: number; state: AnswerState }
	| { name: 'finished'; right: number; total: number };

/** Review mode and drills: an untimed set, the answer and explanation shown after each question. */
export default function PracticeSet(props: Props) {
	return (
		<div class="practice__quiz review-tool">
			<SetSession {...props} />
		</div>
	);
}

function SetSession({ bankUrl, base, domains }: Props) {
	const [ready, setReady] = useState(false);
	const [scope, setScope] = useState<SetScope>({ kind: 'all' });
	const [size, setSize] = useState<number>(DEFAULT_SIZE);
	const [stage, setStage] = useState<Stage>({ name: 'choose' });
	const [label, setLabel] = useState('');
	const headingRef = useRef<HTMLHeadingElement>(null);
	const [focusHeading, setFocusHeading] = useState(0);

	useEffect(() => {
		// A link from a result, the readiness view or the exam guide map (`?domain=`, `?task=`, `?skill=`) chooses the set.
		setScope(scopeFromQuery(new URLSearchParams(location.search), domains));
		setReady(true);
	}, []);
	useEffect(() => {
		if (focusHeading) headingRef.current?.focus();
	}, [focusHeading]);

	if (!ready) {
		return (
			<p class="demo__needs-js">
				Practice sets need JavaScript, which is turned off: they fetch the questions and check each answer. The practice
				questions at the end of each chapter work without it.
			</p>
		);
	}

	const start = async () => {
		setStage({ name: 'loading' });
		const bank = await loadBank(bankUrl);
		if (!bank.ok) {
			setStage({ name: 'failed', error: bank.error });
			return;
		}
		const questions = pickSet(bank.value, scope, size, newSeed(Date.now()));
		setLabel(scopeLabel(scope, domains));
		setStage(questions.length ? { name: 'question', questions, index: 0, right: 0, state: blank() } : { name: 'failed', error: 'The notes hold no question for this choice yet.' });
		setFocusHeading((n) => n + 1);
	};

	if (stage.name === 'loading') return <p role="status">Loading the questions…</p>;

	if (stage.name === 'question') {
		const { questions, index, state } = stage;
		const question = questions[index];
		const last = index === questions.length - 1;
		const toggle = (choice: number) => setStage({ ...stage, state: withChoice(state, question, choice) });
		const check = () => {
			const checked = withCheck(state, question);
			if (checked === state) return;
			// Every answer counts in the review queue, as in a chapter quiz.
			if (checked.result) recordAnswers(storage, [{ id: question.id, correct: checked.result.correct }], Date.now());
			setStage({ ...stage, right: stage.right + (checked.result?.correct ? 1 : 0), state: checked });
		};
		const next = () => {
			setStage(last ? { name: 'finished', right: stage.right, total: questions.length } : { ...stage, index: index + 1, state: blank() });
			setFocusHeading((n) => n + 1);
		};
		return (
			<>
				<h3 ref={headingRef} tabIndex={-1}>
					Question {index + 1} of {questions.length}
				</h3>
				<p class="demo__note">
					{label[0].toUpperCase() + label.slice(1)}. From the chapter {question.chapter.title}.
				</p>
				<ol class="practice__list" start={index + 1}>
					<QuizQuestion key={question.id} question={question} state={state} onToggle={toggle} onCheck={check} sectionHref={`${base}${question.chapter.id}/#${question.section}`} />
				</ol>
				<div class="practice__actions">
					{state.result && (
						<button type="button" class="practice__button" onClick={next}>
							{last ? 'Finish the set' : 'Next question'}
						</button>
					)}
					<button
						type="button"
						class="practice__button practice__button--secondary"
						onClick={() => {
							setStage({ name: 'finished', right: stage.right, total: index + (state.result ? 1 : 0) });
							setFocusHeading((n) => n + 1);
						}}
					>
						End the set here
					</button>
				</div>
			</>
		);
	}

	return (
		<>
			{stage.name === 'finished' && (
				<>
					<h3 ref={headingRef} tabIndex={-1}>
						Set finished
					</h3>
					<p role="status">
						{scoreText({ correct: stage.right, total: stage.total })}. The questions you answered wrongly are due in your review queue.
					</p>
				</>
			)}
			{stage.name === 'failed' && (
				<p class="demo__error" role="alert">
					{stage.error}
				</p>
			)}
			<div class="review-tool__field">
				<label for="practice-set-scope">Questions from</label>
				<select id="practice-set-scope" value={scopeValue(scope)} onChange={(e) => setScope(parseScope((e.target as HTMLSelectElement).value, domains))}>
					<option value="all">Every domain (review mode)</option>
					{domains.map((d) => (
						<optgroup key={d.id} label={`Domain ${d.number}: ${d.name}`}>
							<option value={`domain:${d.id}`}>All of domain {d.number}</option>
							{d.tasks.flatMap((t) => [
								<option key={t.id} value={`task:${t.id}`}>
									Task {t.id}: {t.title}
								</option>,
								...t.skills.map((k) => (
									<option key={k.id} value={`skill:${k.id}`}>
										{'\u2003'}Skill {k.id}: {k.text}
									</option>
								)),
							])}
						</optgroup>
					))}
				</select>
			</div>
			<div class="review-tool__field">
				<label for="practice-set-size">How many questions</label>
				<select id="practice-set-size" value={String(size)} onChange={(e) => setSize(Number((e.target as HTMLSelectElement).value))}>
					{SET_SIZES.map((n) => (
						<option key={n} value={String(n)}>
							{n === 0 ? 'All that match' : n}
						</option>
					))}
				</select>
			</div>
			<div class="practice__actions">
				<button type="button" class="practice__button" onClick={start}>
					{stage.name === 'finished' ? 'Start another set' : 'Start the set'}
				</button>
			</div>
		</>
	);
}
