import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagramError } from '../../src/integrations/mermaid.ts';
import { explainDiagramError } from '../../src/integrations/mermaid-sources.ts';
import { diagramText } from '../../src/integrations/diagram-text.ts';

const source = 'flowchart LR\n  accTitle: Two boxes\n  accDescr: A points to B.\n  A --> \n';

test('a Mermaid syntax error names the file line of the failing diagram line, and which diagram it is in', () => {
	const mermaid = new Error('Parse error on line 4:\n...A --> \n-------^\nExpecting a node');
	// The fence is on line 20, so the diagram's line 4 is line 24 of the file; Mermaid's own count is dropped.
	assert.equal(
		diagramError('src/content/docs/dns/route-53.mdx', 20, source, mermaid).message,
		'src/content/docs/dns/route-53.mdx:24: in the Mermaid diagram opened on line 20: Parse error:\n...A --> \n-------^\nExpecting a node',
	);
});

test('an error without a line points at the fence', () => {
	const error = diagramError('a.mdx', 20, source, new Error('a diagram needs an accessible name'));
	assert.equal(error.message, 'a.mdx:20: in the Mermaid diagram ("flowchart LR…"): a diagram needs an accessible name');
	// The message already says where; a stack trace into the build code would only distract.
	assert.equal(error.stack, error.message);
});

test('a line the text version cannot read is quoted, at its file line', () => {
	const unreadable = 'flowchart TD\n  accTitle: Two boxes\n  accDescr: A points to B.\n  A -=> B';
	const explain = (diagram: string) => {
		try {
			diagramText(diagram);
		} catch (error) {
			return explainDiagramError(52, diagram, error);
		}
	};
	assert.deepEqual(explain(unreadable), { line: 56, message: 'in the Mermaid diagram opened on line 52: "A -=> B" is not an edge the text version can read' });
	// accDescr without its colon is named as such, not as an edge that cannot be read.
	assert.deepEqual(explain(unreadable.replace('accDescr: A', 'accDescr A')), {
		line: 55,
		message: 'in the Mermaid diagram opened on line 52: "accDescr A points to B." needs a colon after accDescr: write "accDescr: …", or a block "accDescr { … }"',
	});
	assert.deepEqual(explain(unreadable.replace('accTitle: Two', 'accTitle Two'))?.message, 'in the Mermaid diagram opened on line 52: "accTitle Two boxes" needs a colon after accTitle: write "accTitle: …"');
});
