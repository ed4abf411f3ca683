import { test } from 'node:test';
import assert from 'node:assert/strict';
import { coverage, distinctIds, headingsOf, questionsPerSkill } from './exam-coverage.ts';

const body = '## Invocation types\n\n```md title="x"\n## Not a heading\n```\n\n## SSL/TLS termination\n\n### Health checks\n';

test('headings are slugged as Astro does, ignoring code blocks', () => {
	assert.deepEqual([...headingsOf(body)], [
		['invocation-types', 'Invocation types'],
		['ssltls-termination', 'SSL/TLS termination'],
		['health-checks', 'Health checks'],
	]);
});

test('coverage groups chapters by skill, with the named sections', () => {
	const map = coverage([
		{ id: 'serverless/lambda', title: 'AWS Lambda', skills: ['1.2.3#invocation-types', '1.2.3#health-checks', '4.3.1'], body },
		{ id: 'databases/dynamodb', title: 'Amazon DynamoDB', skills: ['1.2.3'], body: '' },
	]);
	assert.deepEqual(map.get('1.2.3'), [
		{ id: 'serverless/lambda', title: 'AWS Lambda', sections: [{ id: 'invocation-types', text: 'Invocation types' }, { id: 'health-checks', text: 'Health checks' }] },
		{ id: 'databases/dynamodb', title: 'Amazon DynamoDB', sections: [] },
	]);
	assert.deepEqual(map.get('4.3.1')?.map((t) => t.id), ['serverless/lambda']);
	assert.equal(map.get('2.1.1'), undefined);
	assert.deepEqual(distinctIds(['1.2.3#a', '1.2.3#b', '4.3.1']), ['1.2.3', '4.3.1']);
});

test('questions are counted per skill, out-of-scope ones left out', () => {
	const counts = questionsPerSkill([{ questions: [{ skill: '1.2.3' }, { skill: '1.2.3' }, {}] }, { questions: [{ skill: '4.3.1' }] }, {}]);
	assert.deepEqual([...counts], [['1.2.3', 2], ['4.3.1', 1]]);
});
