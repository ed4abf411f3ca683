import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
	CURRENT_EXAM,
	EXAM_CHANGES,
	EXAM_CODE,
	EXAM_DOMAINS,
	EXAM_GUIDE,
	EXAM_SKILLS,
	EXAM_TASKS,
	IN_SCOPE_SERVICES,
	PREVIOUS_EXAM,
	examGuideSchema,
	skillAnchor,
	taskAnchor,
} from '../../src/exam-guide.ts';

test('the current exam is DVA-C03: four domains weighted 30/26/22/22', () => {
	assert.equal(EXAM_CODE, 'DVA-C03');
	assert.deepEqual(
		EXAM_GUIDE.map((d) => [d.number, d.name, d.weight]),
		[
			[1, 'Development with AWS Services', 30],
			[2, 'Security', 26],
			[3, 'Testing and Deployment', 22],
			[4, 'Troubleshooting and Optimization', 22],
		],
	);
});

test('12 tasks and 72 skills, from 1.1.1 to 4.3.6, each inside its task and domain', () => {
	assert.deepEqual([...EXAM_TASKS.keys()], ['1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '3.1', '3.2', '3.3', '4.1', '4.2', '4.3']);
	assert.deepEqual(
		[...EXAM_TASKS].map(([id, t]) => `${id}:${t.skills.length}`),
		['1.1:10', '1.2:4', '1.3:4', '2.1:7', '2.2:7', '2.3:5', '3.1:5', '3.2:5', '3.3:9', '4.1:5', '4.2:5', '4.3:6'],
	);
	assert.equal(EXAM_SKILLS.size, 72);
	for (const [id, { task, domain }] of EXAM_SKILLS) {
		assert.ok(id.startsWith(`${task.id}.`), id);
		assert.equal(id.split('.')[0], String(domain.number));
	}
	assert.match(EXAM_SKILLS.get('2.3.2')?.text ?? '', /VPC endpoints/);
	assert.equal(taskAnchor('3.3'), 'task-3-3');
	assert.equal(skillAnchor('1.1.10'), 'skill-1-1-10');
	assert.deepEqual(Object.keys(EXAM_DOMAINS), EXAM_GUIDE.map((d) => d.id));
});

test('the outline data is checked: a skill outside its task, or weights not adding up to 100, is refused', () => {
	const copy = structuredClone(CURRENT_EXAM);
	copy.domains[0].tasks[0].skills[0].id = '2.1.1';
	assert.equal(examGuideSchema.safeParse(copy).success, false);
	const weights = structuredClone(CURRENT_EXAM);
	weights.domains[0].weight = 31;
	assert.equal(examGuideSchema.safeParse(weights).success, false);
});

test('the service lists and the comparison with DVA-C02 agree with each other', () => {
	assert.equal(PREVIOUS_EXAM.code, 'DVA-C02');
	assert.deepEqual(PREVIOUS_EXAM.domains.map((d) => d.weight), [32, 26, 24, 18]);
	for (const name of ['Amazon Bedrock', 'Amazon Bedrock AgentCore', 'Kiro', 'Amazon Quick', 'AWS PrivateLink', 'AWS Private CA']) assert.ok(IN_SCOPE_SERVICES.includes(name), name);
	for (const name of EXAM_CHANGES.servicesAdded) assert.ok(IN_SCOPE_SERVICES.includes(name), `${name} is added, so it is in scope`);
	for (const name of EXAM_CHANGES.servicesRemoved) assert.ok(!IN_SCOPE_SERVICES.includes(name), `${name} is removed, so it is not in scope`);
	const outOfScope = CURRENT_EXAM.outOfScope.categories.flatMap((c) => c.services);
	for (const name of ['Amazon Rekognition', 'Amazon Polly', 'Amazon SageMaker AI', 'Strands Agents']) assert.ok(outOfScope.includes(name), name);
	assert.deepEqual(EXAM_CHANGES.additions.flatMap((a) => a.skills).filter((id) => id.startsWith('2.3')), ['2.3.1', '2.3.2', '2.3.3', '2.3.4', '2.3.5']);
});
