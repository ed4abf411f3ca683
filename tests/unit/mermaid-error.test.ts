import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagramError } from '../../src/integrations/mermaid.ts';

const source = 'flowchart LR\n  accTitle: Two boxes\n  accDescr: A points to B.\n  A --> \n';

test('a Mermaid syntax error names the file line of the failing diagram line, not the line inside the diagram', () => {
	const mermaid = new Error('Parse error on line 4:\n...A --> \n-------^\nExpecting a node');
	// The fence is on line 20, so the diagram's line 4 is line 24 of the file.
	assert.equal(
		diagramError('src/content/docs/dns/route-53.mdx', 20, source, mermaid).message,
		'src/content/docs/dns/route-53.mdx:24: Mermaid diagram ("flowchart LR…") failed: Parse error on line 24 of the file:\n...A --> \n-------^\nExpecting a node',
	);
});

test('an error without a line points at the fence', () => {
	const error = diagramError('a.mdx', 20, source, new Error('a diagram needs an accessible name'));
	assert.equal(error.message, 'a.mdx:20: Mermaid diagram ("flowchart LR…") failed: a diagram needs an accessible name');
	// The message already says where; a stack trace into the build code would only distract.
	assert.equal(error.stack, error.message);
});
