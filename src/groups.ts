/**
 * The sidebar groups, in reading order. Each is a folder under `src/content/docs/`; the sidebar and the home page's
 * chapter index are both built from this list, and a chapter in a folder not listed here fails the build.
 */
export const GROUPS: readonly { folder: string; label: string }[] = [
	{ folder: 'practice', label: 'Practice' },
	{ folder: 'foundations', label: 'Foundations' },
	{ folder: 'ec2-and-networking', label: 'EC2 and networking' },
	{ folder: 'storage', label: 'Storage' },
	{ folder: 'scaling', label: 'Scaling' },
	{ folder: 'serverless', label: 'Serverless' },
	{ folder: 'application-integration', label: 'Application integration' },
	{ folder: 'developing', label: 'Developing on AWS' },
	{ folder: 'security', label: 'Security' },
	{ folder: 'ai', label: 'AI in applications' },
	{ folder: 'deployment', label: 'Testing and deployment' },
	{ folder: 'databases', label: 'Databases' },
	{ folder: 'monitoring', label: 'Monitoring and troubleshooting' },
	{ folder: 'dns', label: 'DNS' },
	{ folder: 'reference', label: 'Reference' },
];

// Merging branches that each add a group can list one twice, which would show its chapters twice in the sidebar.
const repeated = GROUPS.map((g) => g.folder).filter((folder, i, all) => all.indexOf(folder) !== i);
if (repeated.length) throw new Error(`src/groups.ts lists ${repeated.join(', ')} more than once: keep one entry per folder`);
