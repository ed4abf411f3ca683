import { useEffect } from 'preact/hooks';
import { PROGRESS_KEY, loadProgress } from '../../lib/quiz.ts';
import type { LoadedProgress, StoreAccess } from '../../lib/quiz.ts';
import { upgradeStorage } from '../../lib/stored-data.ts';

/**
 * Reads the stored progress after hydration, and again whenever it may have changed elsewhere:
 * another tab wrote it, or this page came back from the back/forward cache after another page did.
 */
export function useStoredProgress(storage: StoreAccess, onLoad: (loaded: LoadedProgress) => void) {
	useEffect(() => {
		// Data an older version of the site stored is carried over to the current keys before anything reads it.
		upgradeStorage(() => window.localStorage);
		const sync = () => onLoad(loadProgress(storage));
		sync();
		const onStorage = (event: StorageEvent) => {
			if (event.key === null || event.key === PROGRESS_KEY) sync();
		};
		const onPageShow = (event: PageTransitionEvent) => {
			if (event.persisted) sync();
		};
		window.addEventListener('storage', onStorage);
		window.addEventListener('pageshow', onPageShow);
		return () => {
			window.removeEventListener('storage', onStorage);
			window.removeEventListener('pageshow', onPageShow);
		};
	}, []);
}
