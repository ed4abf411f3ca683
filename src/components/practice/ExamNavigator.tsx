import { useEffect, useRef, useState } from 'preact/hooks';
import { columnsOf, gridMove } from '../../lib/practice/grid-keys.ts';
import type { AnswerStatus } from '../../lib/practice/practice-exam.ts';

export interface Cell {
	id: string;
	status: AnswerStatus;
	flagged: boolean;
}

interface Props {
	cells: Cell[];
	/** The question on screen. */
	current: number;
	onGo: (index: number) => void;
}

const STATUS_WORDS: Record<AnswerStatus, string> = { answered: 'answered', unanswered: 'unanswered', incomplete: 'wrong number of choices' };

/**
 * Every question as a numbered button. The grid is one Tab stop, on the question on screen; the arrow keys, Home
 * and End move between the buttons, and Enter or Space opens one.
 */
export default function ExamNavigator({ cells, current, onGo }: Props) {
	const listRef = useRef<HTMLOListElement>(null);
	// The one button Tab reaches: the question on screen, until the arrow keys move on.
	const [stop, setStop] = useState(current);
	useEffect(() => setStop(current), [current]);
	const onKeyDown = (event: KeyboardEvent) => {
		const buttons = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
		const from = buttons.indexOf(event.target as HTMLButtonElement);
		if (from === -1) return;
		const to = gridMove(from, event.key, buttons.length, columnsOf(buttons.map((b) => b.getBoundingClientRect().top)));
		if (to === null) return;
		event.preventDefault();
		setStop(to);
		buttons[to].focus();
	};
	return (
		<nav class="exam__nav" aria-label="All questions">
			<h2 class="exam__nav-title">All questions</h2>
			<p class="exam__legend">
				Filled: answered. Striped: the wrong number of choices. <span aria-hidden="true">⚑</span> flagged. Outlined: the question on
				screen. Arrow keys move between the numbers.
			</p>
			<ol class="exam__grid not-content" ref={listRef} onKeyDown={onKeyDown}>
				{cells.map((cell, i) => (
					<li key={cell.id}>
						<button
							type="button"
							class="exam__cell"
							tabIndex={i === stop ? 0 : -1}
							data-status={cell.status}
							aria-current={i === current ? 'step' : undefined}
							aria-label={`Question ${i + 1}, ${STATUS_WORDS[cell.status]}${cell.flagged ? ', flagged' : ''}`}
							onClick={() => onGo(i)}
						>
							{i + 1}
							{cell.flagged && <span aria-hidden="true">⚑</span>}
						</button>
					</li>
				))}
			</ol>
		</nav>
	);
}
