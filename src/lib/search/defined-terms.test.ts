import { test } from 'node:test';
import assert from 'node:assert/strict';
import { definedTerms, definitionFor, glossaryDefinitions, termsMeta } from './defined-terms.ts';

const glossary = `Terms are sorted.

## A

**ALB** (Application Load Balancer): Layer 7 load balancer. [Elastic Load Balancing](/scaling/elastic-load-balancing/#load-balancer-types)

**Alias record**: Route 53 record type. [Route 53](/dns/route-53/) and [DNS](/dns/dns-fundamentals/)

**Target group**: named set of targets. [Elastic Load Balancing](/scaling/elastic-load-balancing/#target-groups)

**No link**: a term without a chapter.
`;

test('each chapter gets the glossary terms (and their expansions) whose first link points at it', () => {
	assert.deepEqual(
		[...definedTerms(glossary)],
		[
			['scaling/elastic-load-balancing', ['ALB', 'Application Load Balancer', 'Target group']],
			['dns/route-53', ['Alias record']],
		],
	);
});

test('the metadata value keeps Pagefind\'s separators out of the terms', () => {
	assert.equal(termsMeta(['ALB', 'Cache-aside: lazy, loading']), 'terms:ALB · Cache-aside  lazy  loading');
});

test('a query that names a glossary term exactly (or its plural) finds where the term is explained', () => {
	const definitions = glossaryDefinitions(glossary);
	assert.deepEqual(definitionFor('Target groups', definitions), {
		terms: ['Target group'],
		href: '/scaling/elastic-load-balancing/#target-groups',
		label: 'Elastic Load Balancing',
	});
	assert.equal(definitionFor('  application   load balancer ', definitions)?.terms[0], 'ALB');
	assert.equal(definitionFor('target', definitions), undefined, 'a word of a term is not the term');
	assert.equal(definitionFor('No link', definitions), undefined, 'entries without a chapter are left out');
});
