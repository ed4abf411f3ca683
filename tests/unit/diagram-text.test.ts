import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { diagramText } from '../../src/integrations/diagram-text.ts';
import { diagramsIn } from '../../src/integrations/mermaid-sources.ts';

test('a flowchart reads as its edges with labels, line breaks as spaces', () => {
	const text = diagramText(`flowchart TB
  accTitle: Three tiers
  accDescr: Traffic flows down.
  users((Internet)) -->|"HTTPS 443"| alb["Load balancer<br/>alb-sg"]
  alb --> web[Web]
  web -.->|db| db[("RDS database")]
  a <-->|both ways| b
  web -- text label --> b`);
	assert.deepEqual(text, {
		ordered: false,
		items: [
			'Internet → Load balancer alb-sg: HTTPS 443',
			'Load balancer alb-sg → Web',
			'Web → RDS database: db',
			'a ↔ b: both ways',
			'Web → b: text label',
		],
	});
});

test('subgraphs list their members, nested ones included, and edges to a subgraph use its label', () => {
	const text = diagramText(`flowchart LR
  App --> P
  subgraph R1["Region 1"]
    direction TB
    subgraph AZA["AZ A"]
      P[("Primary")]
      Q[Standby]
    end
  end
  R1 ~~~ App
  AZA <-->|links| App`);
	assert.deepEqual(text.items, ['App → Primary', 'AZ A ↔ App: links', 'Region 1 contains: AZ A', 'AZ A contains: Primary, Standby']);
});

test('a sequence diagram reads as numbered steps with participant names and notes', () => {
	const text = diagramText(`sequenceDiagram
  accTitle: A write
  accDescr {
    Several lines
    of description
  }
  actor U as User
  participant P as Primary<br/>node
  participant L
  U->>P: SET cart:42 value
  Note over U,P: Both sides
  P-->>+L: Append
  Note right of L: Stored in several AZs
  L--xU: lost`);
	assert.deepEqual(text, {
		ordered: true,
		items: [
			'User → Primary node: SET cart:42 value',
			'Note over User and Primary node: Both sides',
			'Primary node → L: Append',
			'Note (L): Stored in several AZs',
			'L → User: lost',
		],
	});
});

test('an unsupported diagram type or an unreadable line is a clear error, not a partial text', () => {
	assert.throws(() => diagramText('pie title Pets\n  "Dogs" : 386'), /diagram type "pie" has no text version/);
	assert.throws(() => diagramText('sequenceDiagram\n  loop Every minute\n  A->>B: ping\n  end'), /line 2 of the diagram \("loop Every minute"\)/);
	assert.throws(() => diagramText('flowchart LR\n  A ==| B'), /line 2 of the diagram \("A ==\| B"\) is not an edge/);
	assert.throws(() => diagramText('flowchart LR\n  subgraph X\n  A --> B'), /subgraph "X" has no matching end/);
});

test('every diagram in the chapters has a text version that names each of its labels', () => {
	const contentDir = fileURLToPath(new URL('../../src/content/docs/', import.meta.url));
	for (const { file, source } of diagramsIn(contentDir)) {
		const { items } = diagramText(source);
		assert.ok(items.length >= 2, `${file}: a text version with at least two items`);
		const joined = items.join('\n');
		// Every quoted label in the source shows up in the text version.
		for (const [, label] of source.matchAll(/"([^"]+)"/g)) {
			assert.ok(joined.includes(label.replace(/<br\/>/g, ' ')), `${file}: "${label}" is in the text version`);
		}
	}
});
