import { PROGRESS_KEY, loadProgress } from '../../lib/practice/quiz.ts';
import type { LoadedProgress, StoreAccess } from '../../lib/practice/quiz.ts';
import { useStoredData } from './useStoredData.ts';

/** Reads the stored progress after hydration, and again whenever it may have changed elsewhere. */
export function useStoredProgress(storage: StoreAccess, onLoad: (loaded: LoadedProgress) => void) {
	useStoredData(
		() => onLoad(loadProgress(storage)),
		(key) => key === PROGRESS_KEY,
	);
}
