import { execFileSync } from 'node:child_process';

/** Where the site is served, from the environment, so one build config serves every host. */
export interface SiteEnv {
	site: string | undefined;
	base: string;
	repoUrl: string | undefined;
	/** Build output folder, relative to the project: `dist` unless OUT_DIR says otherwise (the tests use their own). */
	outDir: string;
}

function normaliseBase(raw: string | undefined): string {
	const trimmed = (raw ?? '').trim().replace(/^\/+|\/+$/g, '');
	return trimmed ? `/${trimmed}` : '/';
}

function repoFromGit(): string | undefined {
	try {
		const remote = execFileSync('git', ['remote', 'get-url', 'origin'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
		const match = /github\.com[:/]([^/]+\/[^/]+?)(?:\.git)?$/.exec(remote);
		return match ? `https://github.com/${match[1]}` : undefined;
	} catch {
		return undefined;
	}
}

function outDirFrom(raw: string | undefined): string {
	const dir = raw?.trim() || 'dist';
	// A stray value must not make the build write over sources or outside the project.
	if (!/^[a-z0-9][a-z0-9._-]*$/i.test(dir) || ['src', 'public', 'tests', 'node_modules'].includes(dir)) {
		throw new Error(`OUT_DIR must be a plain folder name inside the project such as "dist-test", got "${dir}"`);
	}
	return dir;
}

export function readSiteEnv(env: NodeJS.ProcessEnv = process.env): SiteEnv {
	const site = env.SITE_URL?.trim() || undefined;
	if (site && !/^https?:\/\//.test(site)) throw new Error(`SITE_URL must start with http:// or https://, got "${site}"`);
	return {
		site,
		base: normaliseBase(env.BASE_PATH),
		repoUrl: env.REPO_URL?.trim().replace(/\/+$/, '') || repoFromGit(),
		outDir: outDirFrom(env.OUT_DIR),
	};
}
