import type { APIRoute, GetStaticPaths } from 'astro';
import { standaloneSvg } from '../../integrations/mermaid.ts';

// Every committed rendering becomes /diagrams/<hash>.svg: the full-size view a diagram's enlarge link opens without JavaScript.
const renderings = import.meta.glob<{ light: string }>('../../diagrams/*.json', { eager: true, import: 'default' });

export const getStaticPaths = (() =>
	Object.entries(renderings).map(([file, diagram]) => ({
		params: { hash: file.slice(file.lastIndexOf('/') + 1, -'.json'.length) },
		props: { svg: diagram.light },
	}))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
	new Response(standaloneSvg(props.svg as string), { headers: { 'content-type': 'image/svg+xml; charset=utf-8' } });
