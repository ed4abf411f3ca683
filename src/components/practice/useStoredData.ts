import { useEffect } from 'preact/hooks';
import { DATA_CHANGED, upgradeStorage } from '../../lib/practice/stored-data.ts';

/**
 * Reads stored data after hydration, and again whenever it may have changed elsewhere: another tab wrote one of the
 * watched keys, an import on this page replaced it, or the page came back from the back/forward cache.
 */
export function useStoredData(read: () => void, watches: (key: string) => boolean) {
	useEffect(() => {
		// Data an older version of the site stored is carried over to the current keys before anything reads it.
		upgradeStorage(() => window.localStorage);
		read();
		const onStorage = (event: StorageEvent) => {
			if (event.key === null || watches(event.key)) read();
		};
		const onPageShow = (event: PageTransitionEvent) => {
			if (event.persisted) read();
		};
		window.addEventListener('storage', onStorage);
		window.addEventListener('pageshow', onPageShow);
		window.addEventListener(DATA_CHANGED, read);
		return () => {
			window.removeEventListener('storage', onStorage);
			window.removeEventListener('pageshow', onPageShow);
			window.removeEventListener(DATA_CHANGED, read);
		};
	}, []);
}
