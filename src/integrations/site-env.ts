import { execFileSync } from 'node:child_process';

/** Where the site is served, from the environment, so one build config serves every host. */
export interface SiteEnv {
	site: string | undefined;
	base: string;
	repoUrl: string | undefined;
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

export function readSiteEnv(env: NodeJS.ProcessEnv = process.env): SiteEnv {
	const site = env.SITE_URL?.trim() || undefined;
	if (site && !/^https?:\/\//.test(site)) throw new Error(`SITE_URL must start with http:// or https://, got "${site}"`);
	return {
		site,
		base: normaliseBase(env.BASE_PATH),
		repoUrl: env.REPO_URL?.trim().replace(/\/+$/, '') || repoFromGit(),
	};
}
