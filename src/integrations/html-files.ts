import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Absolute paths of every HTML file below a built site's folder. */
export function htmlFiles(dir: string): string[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
		.map((entry) => join(entry.parentPath, entry.name));
}
