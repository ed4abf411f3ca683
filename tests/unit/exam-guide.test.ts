import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EXAM_DOMAINS, EXAM_GUIDE, EXAM_TASKS, taskAnchor } from '../../src/exam-guide.ts';

test('the exam guide data has the four DVA-C02 domains, weighted 32/26/24/18', () => {
	assert.deepEqual(
		EXAM_GUIDE.map((d) => [d.number, d.name, d.weight]),
		[
			[1, 'Development with AWS Services', 32],
			[2, 'Security', 26],
			[3, 'Deployment', 24],
			[4, 'Troubleshooting and Optimization', 18],
		],
	);
});

test('EXAM_DOMAINS and the task list are derived from the data file', () => {
	assert.deepEqual(Object.keys(EXAM_DOMAINS), EXAM_GUIDE.map((d) => d.id));
	assert.deepEqual([...EXAM_TASKS.keys()], ['1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '3.1', '3.2', '3.3', '3.4', '4.1', '4.2', '4.3']);
	for (const [id, { domain }] of EXAM_TASKS) assert.equal(id.split('.')[0], String(domain.number));
	assert.equal(taskAnchor('3.4'), 'task-3-4');
});
