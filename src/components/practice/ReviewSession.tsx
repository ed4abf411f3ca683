import { useEffect, useRef, useState } from 'preact/hooks';
import QuizQuestion from './QuizQuestion.tsx';
import { blankAnswer as blank, scoreText, withCheck, withChoice, type AnswerState, type StoreAccess } from '../../lib/practice/quiz.ts';
import { loadBank, type BankQuestion } from '../../lib/practice/question-bank.ts';
import {
	clearQueue,
	dropIds,
	dueCountText,
	dueIds,
	dueInText,
	loadQueueState,
	nextDue,
	planReview,
	recordAnswers,
	type LoadedQueue,
} from '../../lib/practice/review-queue.ts';
import { PREFIX } from '../../lib/practice/stored-data.ts';
import { dateTimeText } from '../../lib/practice/dates.ts';
import ClearQueue from './ClearQueue.tsx';
import { useStoredData } from './useStoredData.ts';
import './PracticeQuiz.css';
import './Review.css';

interface Props {
	/** The question bank's URL, with the base path. */
	bankUrl: string;
	/** The site's base path, ending in "/": chapter links are `<base><chapter id>/#<section>`. */
	base: string;
}

const storage: StoreAccess = () => window.localStorage;

type Stage =
	| { name: 'summary' }
	| { name: 'loading' }
	| { name: 'failed'; error: string }
	| { name: 'question'; questions: BankQuestion[]; index: number; right: number; state: AnswerState }
	| { name: 'finished'; right: number; total: number };



/** Serves the questions due for review one at a time, fetching the bank only when the reader starts. */
export default function ReviewSession(props: Props) {
	return (
		<div class="practice__quiz review-tool">
			<Session {...props} />
		</div>
	);
}

function Session({ bankUrl, base }: Props) {
	const [loaded, setLoaded] = useState<LoadedQueue | null>(null);
	const [now, setNow] = useState(0);
	const [stage, setStage] = useState<Stage>({ name: 'summary' });
	const [dropped, setDropped] = useState(0);
	const headingRef = useRef<HTMLHeadingElement>(null);
	const [focusHeading, setFocusHeading] = useState(false);

	const refresh = () => {
		setLoaded(loadQueueState(storage));
		setNow(Date.now());
	};

	// Another tab or an import may change the queue: a question on screen stays, a summary is redrawn.
	useStoredData(
		() => {
			setStage((s) => (s.name === 'question' ? s : { name: 'summary' }));
			refresh();
		},
		(key) => key.startsWith(PREFIX),
	);

	useEffect(() => {
		if (!focusHeading) return;
		headingRef.current?.focus();
		setFocusHeading(false);
	}, [focusHeading]);

	if (!loaded) {
		return (
			<p class="demo__needs-js">
				The review needs JavaScript, which is turned off: it reads the questions you missed from this browser's storage and
				fetches them from the site. The practice questions at the end of each chapter work without it.
			</p>
		);
	}

	const start = async () => {
		setStage({ name: 'loading' });
		setDropped(0);
		const bank = await loadBank(bankUrl);
		if (!bank.ok) {
			setStage({ name: 'failed', error: bank.error });
			return;
		}
		const questions = bank.value;
		const at = Date.now();
		const current = loadQueueState(storage);
		const plan = planReview(current.queue, questions, at);
		// A changed prompt has a new id: its old entry can never be served, so it leaves the queue.
		if (plan.missing.length > 0 && dropIds(storage, plan.missing)) setDropped(plan.missing.length);
		setLoaded(loadQueueState(storage));
		setNow(at);
		setStage(plan.due.length > 0 ? { name: 'question', questions: plan.due, index: 0, right: 0, state: blank() } : { name: 'summary' });
		setFocusHeading(true);
	};

	const statusLine = () => {
		if (loaded.status === 'unavailable') {
			return <p class="demo__note">This browser does not let the site store data, so there is no review queue to serve.</p>;
		}
		if (loaded.status === 'unreadable') {
			return (
				<p class="demo__error">
					The review queue stored in this browser could not be read (it may come from a newer version of this site). It has
					been left as it is; importing a backup below replaces it.
				</p>
			);
		}
		const due = dueIds(loaded.queue, now).length;
		const next = nextDue(loaded.queue);
		if (due > 0) return <p>{dueCountText(due)}.</p>;
		if (next === null) {
			return <p>No questions to review. A question you answer wrongly in a chapter quiz or a practice exam appears here.</p>;
		}
		return (
			<p>
				No questions are due for review. The next one is due {dueInText(next, now)} ({dateTimeText(next)}).
			</p>
		);
	};

	const queued = Object.keys(loaded.queue.items).length;
	const actions = loaded.status === 'ok' && (
		<>
			<div class="practice__actions">
				{dueIds(loaded.queue, now).length > 0 ? (
					<button type="button" class="practice__button" onClick={start}>
						Start review
					</button>
				) : (
					<button type="button" class="practice__button practice__button--secondary" onClick={refresh}>
						Check again
					</button>
				)}
			</div>
			<ClearQueue
				count={queued}
				onClear={() => {
					const ok = clearQueue(storage);
					refresh();
					return ok;
				}}
			/>
		</>
	);

	const droppedNote = dropped > 0 && (
		<p class="demo__note">
			{dropped === 1 ? '1 question in your queue has' : `${dropped} questions in your queue have`} changed or been removed
			since you missed {dropped === 1 ? 'it' : 'them'}, so {dropped === 1 ? 'it was' : 'they were'} taken out of the queue.
		</p>
	);

	if (stage.name === 'loading') return <p role="status">Loading the questions…</p>;
	if (stage.name === 'failed') {
		return (
			<>
				<p class="demo__error" role="alert">
					{stage.error}
				</p>
				<div class="practice__actions">
					<button type="button" class="practice__button" onClick={start}>
						Try again
					</button>
				</div>
			</>
		);
	}
	if (stage.name === 'finished') {
		return (
			<>
				<h3 ref={headingRef} tabIndex={-1}>
					Review finished
				</h3>
				<p role="status">{scoreText({ correct: stage.right, total: stage.total })}. Missed questions come back first next time.</p>
				{statusLine()}
				{actions}
			</>
		);
	}
	if (stage.name === 'summary') {
		return (
			<>
				{droppedNote}
				<div role="status">{statusLine()}</div>
				{actions}
			</>
		);
	}

	const { questions, index, state } = stage;
	const question = questions[index];
	const last = index === questions.length - 1;

	const toggle = (choice: number) => setStage({ ...stage, state: withChoice(state, question, choice) });
	const check = () => {
		const checked = withCheck(state, question);
		if (checked === state) return;
		if (checked.result) {
			const at = Date.now();
			recordAnswers(storage, [{ id: question.id, correct: checked.result.correct }], at);
			setLoaded(loadQueueState(storage));
			setNow(at);
		}
		setStage({ ...stage, right: stage.right + (checked.result?.correct ? 1 : 0), state: checked });
	};
	const next = () => {
		setStage(last ? { name: 'finished', right: stage.right, total: questions.length } : { ...stage, index: index + 1, state: blank() });
		setFocusHeading(true);
	};

	return (
		<>
			{droppedNote}
			<h3 ref={headingRef} tabIndex={-1}>
				Question {index + 1} of {questions.length}
			</h3>
			<p class="demo__note">From the chapter {question.chapter.title}.</p>
			<ol class="practice__list" start={index + 1}>
				<QuizQuestion
					key={question.id}
					question={question}
					state={state}
					onToggle={toggle}
					onCheck={check}
					sectionHref={`${base}${question.chapter.id}/#${question.section}`}
				/>
			</ol>
			{state.result && (
				<div class="practice__actions">
					<button type="button" class="practice__button" onClick={next}>
						{last ? 'Finish review' : 'Next question'}
					</button>
				</div>
			)}
		</>
	);
}
