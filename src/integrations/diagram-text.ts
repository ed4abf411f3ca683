/**
 * The text alternative of a diagram, read from its Mermaid source at build time: the edges of a flowchart
 * ("A → B: label") and the steps of a sequence diagram. Mermaid's own parser needs a browser, so this reads the
 * subset the chapters use and fails loudly on anything else, rather than publishing an incomplete text.
 */
export interface DiagramText {
	/** Sequence steps are ordered; flowchart edges are not. */
	ordered: boolean;
	items: string[];
}

/** Mermaid labels may carry line breaks and quotes; the text version reads them as one line. */
const cleanLabel = (label: string) =>
	label
		.replace(/<br\s*\/?>/gi, ' ')
		.replace(/^"(.*)"$/s, '$1')
		.replace(/\s+/g, ' ')
		.trim();

/** A line of a diagram the text version cannot read; `line` counts from the diagram's first line. */
export class DiagramLineError extends Error {
	line: number;
	text: string;
	reason: string;
	constructor(line: number, text: string, reason: string) {
		super(`line ${line} of the diagram ("${text}") ${reason}`);
		this.line = line;
		this.text = text;
		this.reason = reason;
	}
}

/** Says what is missing when a diagram lacks `accTitle:` or `accDescr:`, its accessible name and description. */
export function missingAccessibleName(source: string): string | undefined {
	// A line without its colon counts as present here: the text version names that line.
	const missing = [/^\s*accTitle\b/m.test(source) ? '' : '"accTitle: …"', /^\s*accDescr\b/m.test(source) ? '' : '"accDescr: …"'].filter(Boolean);
	if (!missing.length) return undefined;
	return `a diagram needs an accessible name and description: add ${missing.join(' and ')} after its first line`;
}

const SKIPPED = /^(accTitle\s*:|accDescr\s*:|direction\s|classDef\s|class\s|style\s|linkStyle\s|autonumber$|activate\s|deactivate\s)/;

/** Source lines without the accessibility block, comments and blank lines, each with its line number. */
function statements(source: string): { text: string; line: number }[] {
	const out: { text: string; line: number }[] = [];
	let inDescrBlock = false;
	source.split('\n').forEach((raw, index) => {
		const text = raw.trim();
		if (inDescrBlock) {
			if (text.endsWith('}')) inDescrBlock = false;
			return;
		}
		if (/^accDescr\s*\{/.test(text)) {
			inDescrBlock = !text.endsWith('}');
			return;
		}
		// Without its colon, Mermaid takes the line for part of the diagram (a node or an edge).
		const keyword = /^(accTitle|accDescr)\b(?!\s*:)(?!\s*\{)/.exec(text)?.[1];
		if (keyword) {
			const block = keyword === 'accDescr' ? ', or a block "accDescr { … }"' : '';
			throw new DiagramLineError(index + 1, text, `needs a colon after ${keyword}: write "${keyword}: …"${block}`);
		}
		if (!text || text.startsWith('%%') || SKIPPED.test(text)) return;
		out.push({ text, line: index + 1 });
	});
	return out;
}

const unreadable = (line: number, text: string, what: string) => new DiagramLineError(line, text, `is not ${what} the text version can read`);

// Shapes: id["x"], id[x], id("x"), id((x)), id[(x)], id{x}, id{{x}}, id([x]), id[[x]], id>x], id[/x/].
// A quoted label may hold brackets of its own.
const SHAPE = /^(\(\(|\[\(|\(\[|\[\[|\{\{|\[\/|\[\\|\[|\(|\{|>)(?:"([^"]*)"|([^"]*?))(\)\)|\)\]|\]\)|\]\]|\}\}|\/\]|\\\]|\]|\)|\})/;
const NODE_ID = /^\w+/;
const ARROW = /^(<?)(-{2,}>|-\.+->|={2,}>|-{3,}|-\.+-|={3,}|~{3,}|--[ox]|==[ox])/;
const TEXT_ARROW = /^(<?)(--|==|-\.)\s+(.+?)\s+(-{2,}>|\.+->|={2,}>|-{3,}|\.+-|={3,})/;

function flowchartText(lines: { text: string; line: number }[]): DiagramText {
	const labels = new Map<string, string>();
	const order: string[] = [];
	const groups: { id: string; members: string[] }[] = [];
	const stack: { id: string; members: string[] }[] = [];
	const edges: { from: string; to: string; label: string; both: boolean }[] = [];
	const linked = new Set<string>();

	const member = new Set<string>();
	// As in Mermaid, a node belongs to the subgraph whose block it first appears in, even if an edge above named it.
	const seen = (id: string) => {
		if (!labels.has(id)) {
			labels.set(id, id);
			order.push(id);
		}
		const group = stack.at(-1);
		if (group && !member.has(id) && group.id !== id) {
			group.members.push(id);
			member.add(id);
		}
	};

	for (const { text, line } of lines) {
		if (text === 'end') {
			if (!stack.pop()) throw unreadable(line, text, 'an end of a subgraph');
			continue;
		}
		const subgraph = /^subgraph\s+(.+)$/.exec(text);
		if (subgraph) {
			const head = subgraph[1].trim();
			const withLabel = /^([\w.-]+)\s*\[(.*)\]$/.exec(head);
			const id = withLabel ? withLabel[1] : head;
			seen(id);
			labels.set(id, cleanLabel(withLabel ? withLabel[2] : head));
			const group = { id, members: [] };
			groups.push(group);
			stack.push(group);
			continue;
		}
		let rest = text;
		const readNode = () => {
			const id = NODE_ID.exec(rest)?.[0];
			if (!id) throw unreadable(line, text, 'a node or edge');
			rest = rest.slice(id.length);
			seen(id);
			const shape = SHAPE.exec(rest);
			if (shape) {
				labels.set(id, cleanLabel(shape[2] ?? shape[3]));
				rest = rest.slice(shape[0].length);
			}
			rest = rest.trimStart();
			return id;
		};
		let from = readNode();
		while (rest) {
			let label = '';
			let both = false;
			let invisible = false;
			const textArrow = TEXT_ARROW.exec(rest);
			const arrow = textArrow ? null : ARROW.exec(rest);
			if (textArrow) {
				both = Boolean(textArrow[1]);
				label = cleanLabel(textArrow[3]);
				rest = rest.slice(textArrow[0].length).trimStart();
			} else if (arrow) {
				both = Boolean(arrow[1]);
				invisible = arrow[2].startsWith('~');
				rest = rest.slice(arrow[0].length).trimStart();
				const piped = /^\|([^|]*)\|\s*/.exec(rest);
				if (piped) {
					label = cleanLabel(piped[1]);
					rest = rest.slice(piped[0].length);
				}
			} else {
				throw unreadable(line, text, 'an edge');
			}
			const to = readNode();
			// An invisible link only steers the layout; it says nothing to a reader.
			if (!invisible) {
				edges.push({ from, to, label, both });
				linked.add(from).add(to);
			}
			from = to;
		}
	}
	if (stack.length) throw new Error(`subgraph "${stack.at(-1)?.id}" has no matching end`);

	const name = (id: string) => labels.get(id) ?? id;
	const items = edges.map(({ from, to, label, both }) => `${name(from)} ${both ? '↔' : '→'} ${name(to)}${label ? `: ${label}` : ''}`);
	for (const id of order) {
		if (!linked.has(id) && !member.has(id) && !groups.some((g) => g.id === id)) items.push(name(id));
	}
	for (const group of groups) {
		if (group.members.length) items.push(`${name(group.id)} contains: ${group.members.map(name).join(', ')}`);
	}
	return { ordered: false, items };
}

const MESSAGE = /^([^\s:+-][^:]*?)\s*(--?>>|--?>|--?x|--?\))\s*[+-]?\s*([^:]+?)\s*:\s*(.*)$/;
const NOTE = /^note\s+(over|left of|right of)\s+([^:]+?)\s*:\s*(.*)$/i;
const PARTICIPANT = /^(participant|actor)\s+(.+?)(?:\s+as\s+(.+))?$/;

function sequenceText(lines: { text: string; line: number }[]): DiagramText {
	const names = new Map<string, string>();
	const name = (id: string) => names.get(id.trim()) ?? id.trim();
	const items: string[] = [];
	for (const { text, line } of lines) {
		const participant = PARTICIPANT.exec(text);
		if (participant) {
			names.set(participant[2], cleanLabel(participant[3] ?? participant[2]));
			continue;
		}
		const note = NOTE.exec(text);
		if (note) {
			const who = note[2].split(',').map(name).join(' and ');
			const where = note[1].toLowerCase() === 'over' ? `Note over ${who}` : `Note (${who})`;
			items.push(`${where}: ${cleanLabel(note[3])}`);
			continue;
		}
		const message = MESSAGE.exec(text);
		if (message) {
			items.push(`${name(message[1])} → ${name(message[3])}: ${cleanLabel(message[4])}`);
			continue;
		}
		throw unreadable(line, text, 'a participant, message or note');
	}
	return { ordered: true, items };
}

/** Reads a diagram's text alternative; throws, naming the line, on anything it cannot read in full. */
export function diagramText(source: string): DiagramText {
	const [head, ...rest] = statements(source);
	const type = head?.text.split(/\s+/)[0] ?? '';
	if (type === 'flowchart' || type === 'graph') return flowchartText(rest);
	if (type === 'sequenceDiagram') return sequenceText(rest);
	throw new Error(
		`diagram type "${type}" has no text version: use a flowchart (graph) or a sequenceDiagram, or teach src/integrations/diagram-text.ts the new type`,
	);
}
