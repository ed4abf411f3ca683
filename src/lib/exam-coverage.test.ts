import { test } from 'node:test';
import assert from 'node:assert/strict';
import { coverage, distinctTasks, headingsOf } from './exam-coverage.ts';

const body = '## Invocation types\n\n```md title="x"\n## Not a heading\n```\n\n## SSL/TLS termination\n\n### Health checks\n';

test('headings are slugged as Astro does, ignoring code blocks', () => {
	assert.deepEqual([...headingsOf(body)], [
		['invocation-types', 'Invocation types'],
		['ssltls-termination', 'SSL/TLS termination'],
		['health-checks', 'Health checks'],
	]);
});

test('coverage groups chapters by task, with the named sections', () => {
	const map = coverage([
		{ id: 'serverless/lambda', title: 'AWS Lambda', tasks: ['1.2#invocation-types', '1.2#health-checks', '4.3'], body },
		{ id: 'databases/dynamodb', title: 'Amazon DynamoDB', tasks: ['1.2'], body: '' },
	]);
	assert.deepEqual(map.get('1.2'), [
		{ id: 'serverless/lambda', title: 'AWS Lambda', sections: [{ id: 'invocation-types', text: 'Invocation types' }, { id: 'health-checks', text: 'Health checks' }] },
		{ id: 'databases/dynamodb', title: 'Amazon DynamoDB', sections: [] },
	]);
	assert.deepEqual(map.get('4.3')?.map((t) => t.id), ['serverless/lambda']);
	assert.equal(map.get('2.1'), undefined);
	assert.deepEqual(distinctTasks(['1.2#a', '1.2#b', '4.3']), ['1.2', '4.3']);
});
