import type { APIRoute } from 'astro';

// Points crawlers at the sitemap, which Starlight writes only when the site URL is known.
export const GET: APIRoute = ({ site }) => {
	const lines = ['User-agent: *', 'Allow: /'];
	if (site) lines.push('', `Sitemap: ${new URL('sitemap-index.xml', new URL(import.meta.env.BASE_URL, site)).href}`);
	return new Response(`${lines.join('\n')}\n`, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
