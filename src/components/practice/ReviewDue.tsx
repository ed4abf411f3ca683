import { useState } from 'preact/hooks';
import { REVIEW_KEY, dueCountText, dueIds, loadQueueState, type LoadedQueue } from '../../lib/practice/review-queue.ts';
import { useStoredData } from './useStoredData.ts';

interface Props {
	/** The Review page, with the base path. */
	href: string;
}

/** The home page's line about the review queue: how many missed questions are due, with a link to review them. */
export default function ReviewDue({ href }: Props) {
	// Null until hydrated: without JavaScript there is no queue to count, and the sidebar still links the page.
	const [state, setState] = useState<{ loaded: LoadedQueue; now: number } | null>(null);

	useStoredData(
		() => setState({ loaded: loadQueueState(() => window.localStorage), now: Date.now() }),
		(key) => key === REVIEW_KEY,
	);

	if (!state) return null;
	const { loaded, now } = state;
	let text: string;
	if (loaded.status === 'unavailable') text = 'This browser does not let the site store data, so missed questions cannot be kept for review.';
	else if (loaded.status === 'unreadable') text = 'Your review queue could not be read; it has been left as it is.';
	else {
		const due = dueIds(loaded.queue, now).length;
		text = due === 0 ? 'No questions are due for review.' : `${dueCountText(due)}.`;
	}
	return (
		<p class="review-due" data-testid="review-due">
			{text} <a href={href}>{loaded.status === 'ok' && dueIds(loaded.queue, now).length > 0 ? 'Review now' : 'Go to the Review page'}</a>
		</p>
	);
}
