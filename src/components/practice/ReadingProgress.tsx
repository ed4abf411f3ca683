import { useEffect, useId, useRef, useState } from 'preact/hooks';
import {
	attemptText,
	chapterProgress,
	clearProgress,
	loadProgress,
	summariseProgress,
	summaryText,
} from '../../lib/practice/quiz.ts';
import type { LoadedProgress, StoreAccess } from '../../lib/practice/quiz.ts';
import { useStoredProgress } from './useStoredProgress.ts';
import { clearDrafts } from '../../lib/practice/quiz-draft.ts';
import './ReadingProgress.css';

export interface ChapterLink {
	id: string;
	href: string;
	title: string;
	description: string | undefined;
	/** True for chapters with practice questions: they count towards "X of Y chapters read". */
	counts: boolean;
}

export interface ChapterGroup {
	label: string;
	headingId: string;
	chapters: ChapterLink[];
}

interface Props {
	groups: ChapterGroup[];
}

const storage: StoreAccess = () => window.localStorage;

/**
 * The home page's chapter list, with the reader's progress once JavaScript runs: a summary,
 * a read mark and best score on each chapter, and a reset with an inline confirmation.
 */
export default function ReadingProgress({ groups }: Props) {
	// Null until hydrated: the server and a reader without JavaScript get the plain list.
	const [loaded, setLoaded] = useState<LoadedProgress | null>(null);
	const [confirming, setConfirming] = useState(false);
	const [message, setMessage] = useState('');
	const [focusTarget, setFocusTarget] = useState<'reset' | 'cancel' | null>(null);
	const resetRef = useRef<HTMLButtonElement>(null);
	const cancelRef = useRef<HTMLButtonElement>(null);
	const id = `reading-progress-${useId()}`;
	const headingId = `${id}-heading`;
	const confirmId = `${id}-confirm`;

	useStoredProgress(storage, setLoaded);

	useEffect(() => {
		if (focusTarget === 'reset') resetRef.current?.focus();
		if (focusTarget === 'cancel') cancelRef.current?.focus();
		if (focusTarget) setFocusTarget(null);
	}, [focusTarget]);

	const counted = groups.flatMap((g) => g.chapters.filter((c) => c.counts).map((c) => c.id));
	const progress = loaded?.progress;

	const askToReset = () => {
		setMessage('');
		setConfirming(true);
		setFocusTarget('cancel');
	};
	const cancel = () => {
		setConfirming(false);
		setFocusTarget('reset');
	};
	const reset = () => {
		// Unfinished runs go too: a reset means starting every chapter afresh.
		const cleared = clearProgress(storage) && clearDrafts(storage);
		setLoaded(loadProgress(storage));
		setConfirming(false);
		setMessage(cleared ? 'Progress reset.' : 'The progress could not be cleared.');
		setFocusTarget('reset');
	};

	return (
		<div class="chapter-index">
			{loaded && progress && (
				<section class="reading-progress" aria-labelledby={headingId}>
					<h3 id={headingId}>Your progress</h3>
					{loaded.available ? (
						<>
							<p class="reading-progress__summary">{summaryText(summariseProgress(progress, counted))}.</p>
							{confirming ? (
								<div
									class="reading-progress__confirm"
									role="group"
									aria-labelledby={`${confirmId}-text`}
									onKeyDown={(event) => {
										if (event.key === 'Escape') cancel();
									}}
								>
									<p id={`${confirmId}-text`}>
										Clear the read marks and quiz scores of every chapter? This cannot be undone.
									</p>
									<div class="reading-progress__actions">
										<button type="button" class="reading-progress__button reading-progress__button--danger" onClick={reset}>
											Yes, reset progress
										</button>
										<button type="button" class="reading-progress__button" ref={cancelRef} onClick={cancel}>
											Cancel
										</button>
									</div>
								</div>
							) : (
								<div class="reading-progress__actions">
									<button type="button" class="reading-progress__button" ref={resetRef} onClick={askToReset}>
										Reset progress
									</button>
								</div>
							)}
						</>
					) : (
						<p class="demo__note">
							This browser does not let the site store data, so reading progress and quiz scores are not kept.
						</p>
					)}
					<p class="reading-progress__message" role="status">
						{message}
					</p>
				</section>
			)}
			{groups.map((g) => (
				<section aria-labelledby={g.headingId} key={g.headingId}>
					<h2 id={g.headingId}>{g.label}</h2>
					<ul>
						{g.chapters.map((c) => {
							const chapter = progress ? chapterProgress(progress, c.id) : null;
							return (
								<li data-chapter={c.id} data-read={chapter?.read ? 'true' : undefined} key={c.id}>
									<a href={c.href}>{c.title}</a>
									<span class="chapter-index__description">{c.description}</span>
									{chapter && (chapter.read || chapter.best) && (
										<span class="chapter-index__status">
											{chapter.read && (
												<span class="chapter-index__read">
													<span aria-hidden="true">✓ </span>Read
												</span>
											)}
											{chapter.best && <span>Best quiz score {attemptText(chapter.best)}</span>}
										</span>
									)}
								</li>
							);
						})}
					</ul>
				</section>
			))}
		</div>
	);
}
