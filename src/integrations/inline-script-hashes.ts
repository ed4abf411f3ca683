import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { htmlFiles } from './html-files.ts';

const CSP_META = /(<meta http-equiv="content-security-policy" content=")([^"]*)(")/i;
const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * Adds to a page's Content-Security-Policy the hash of every inline script it carries.
 * Astro hashes the scripts it bundles, but not `is:inline` ones (Starlight's theme and sidebar scripts),
 * which a strict policy would otherwise block.
 */
export function addInlineScriptHashes(html: string): string {
	const meta = CSP_META.exec(html);
	if (!meta) return html;
	const hashes = new Set(Array.from(html.matchAll(INLINE_SCRIPT), (m) => sha256(m[1])));
	const directives = meta[2].split(';').map((d) => d.trim()).filter(Boolean);
	const index = directives.findIndex((d) => d.startsWith('script-src '));
	if (index === -1) return html;
	const present = new Set(directives[index].split(/\s+/));
	const missing = [...hashes].filter((h) => !present.has(h));
	if (!missing.length) return html;
	directives[index] = `${directives[index]} ${missing.join(' ')}`;
	return html.replace(CSP_META, `$1${directives.join('; ')};$3`);
}

export function inlineScriptHashes(): AstroIntegration {
	return {
		name: 'inline-script-hashes',
		hooks: {
			'astro:build:done': ({ dir }) => {
				for (const path of htmlFiles(fileURLToPath(dir))) {
					const html = readFileSync(path, 'utf8');
					const patched = addInlineScriptHashes(html);
					if (patched !== html) writeFileSync(path, patched);
				}
			},
		},
	};
}
