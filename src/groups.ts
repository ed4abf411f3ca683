/**
 * The sidebar groups, in reading order. Each is a folder under `src/content/docs/`; the sidebar and the home page's
 * chapter index are both built from this list, and a chapter in a folder not listed here fails the build.
 */
export const GROUPS: readonly { folder: string; label: string }[] = [
	{ folder: 'foundations', label: 'Foundations' },
	{ folder: 'ec2-and-networking', label: 'EC2 and networking' },
	{ folder: 'storage', label: 'Storage' },
	{ folder: 'scaling', label: 'Scaling' },
	{ folder: 'serverless', label: 'Serverless' },
	{ folder: 'databases', label: 'Databases' },
	{ folder: 'dns', label: 'DNS' },
	{ folder: 'deployment', label: 'Deployment' },
	{ folder: 'reference', label: 'Reference' },
];
