import { test } from 'node:test';
import assert from 'node:assert/strict';
import { STRATEGY_IDS, capacityText, compareAll, configurationFor, defaultInput, failureWhen, parseWhole, simulate, validate } from './deployment-strategies.ts';
import type { DeployInput, Field, Simulation, Settings } from './deployment-strategies.ts';

function ok(change: Partial<DeployInput> = {}): Simulation {
	const r = simulate({ ...defaultInput(), ...change });
	assert.ok(r.ok, r.ok ? '' : JSON.stringify(r.errors));
	return r.value;
}
function bad(change: Partial<DeployInput>, field: Field, message: RegExp) {
	const r = simulate({ ...defaultInput(), ...change });
	assert.equal(r.ok, false);
	if (r.ok) return;
	assert.match(r.errors[field] ?? '', message);
}
const settings = (change: Partial<DeployInput> = {}): Settings => {
	const v = validate({ ...defaultInput(), ...change });
	assert.ok(v.ok);
	return v.settings;
};

test('the default example: a 10% canary for 5 minutes, rolled back by an alarm at minute 3', () => {
	const s = ok();
	assert.equal(s.configuration, 'CodeDeployDefault.LambdaCanary10Percent5Minutes or CodeDeployDefault.ECSCanary10Percent5Minutes');
	assert.deepEqual(
		s.steps.map((st) => [st.at, st.kind, st.newShare]),
		[
			[0, 'shift', 10],
			[3, 'rollback', 0],
		],
	);
	assert.equal(s.summary.outcome, 'rolled-back');
	assert.equal(s.summary.blastRadius, 10);
	assert.equal(s.summary.minCapacity, 100);
	assert.equal(s.summary.extraInstances, null);
	assert.match(s.rollbackRule, /new deployment of the last known good revision/);
});

test('canary without an alarm completes after one interval; an alarm after that rolls nothing back', () => {
	const s = ok({ alarmMinute: '' });
	assert.deepEqual(s.steps.map((st) => [st.at, st.newShare]), [[0, 10], [5, 100]]);
	assert.equal(s.summary.outcome, 'completed');
	assert.equal(s.summary.minutes, 5);
	assert.equal(s.summary.blastRadius, 100);
	const late = ok({ alarmMinute: '6' });
	assert.equal(late.summary.outcome, 'completed');
	assert.match(late.steps.at(-1)!.text, /already succeeded, so CodeDeploy does not roll it back/);
});

test('an alarm in the same minute as a shift acts first', () => {
	const s = ok({ alarmMinute: '5' });
	assert.equal(s.summary.outcome, 'rolled-back');
	assert.equal(s.summary.blastRadius, 10);
});

test('linear: equal increments at the start of each interval', () => {
	const s = ok({ strategy: 'cd-linear', percent: '10', stepMinutes: '1', alarmMinute: '' });
	assert.equal(s.steps.length, 10);
	assert.equal(s.summary.minutes, 9);
	assert.equal(s.configuration, 'CodeDeployDefault.LambdaLinear10PercentEvery1Minute or CodeDeployDefault.ECSLinear10PercentEvery1Minutes');
	const partial = ok({ strategy: 'cd-linear', percent: '30', stepMinutes: '2', alarmMinute: '5' });
	// 30% at 0, 60% at 2, 90% at 4; the alarm at 5 catches it before 100% at 6.
	assert.equal(partial.summary.blastRadius, 90);
	assert.equal(partial.steps.at(-1)!.kind, 'rollback');
	assert.match(configurationFor('cd-linear', settings({ percent: '10', stepMinutes: '2' })), /^CodeDeployDefault\.LambdaLinear10PercentEvery2Minutes$/);
	assert.match(configurationFor('cd-canary', settings({ percent: '20', stepMinutes: '7' })), /TimeBasedCanary with canaryPercentage 20 and canaryInterval 7/);
	assert.equal(configurationFor('cd-canary', settings({ percent: '10', stepMinutes: '30' })), 'CodeDeployDefault.LambdaCanary10Percent30Minutes');
});

test('all-at-once traffic shifting is done at minute 0: every user gets the new version', () => {
	const s = ok({ strategy: 'cd-all-at-once', alarmMinute: '1' });
	assert.equal(s.summary.outcome, 'completed');
	assert.equal(s.summary.blastRadius, 100);
});

test('EC2 HalfAtATime on 9 instances: batches of 4, 4 and 1, never fewer than 5 in service', () => {
	const s = ok({ strategy: 'ec2-half', alarmMinute: '' });
	assert.deepEqual(s.steps.map((st) => st.inService), [5, 5, 8, 9]);
	assert.equal(s.summary.minutes, 15);
	assert.equal(s.summary.minCapacity, 55.6);
	assert.equal(s.summary.extraInstances, 0);
	assert.equal(s.configuration, 'CodeDeployDefault.HalfAtATime');
});

test('EC2 in-place rollback is a new deployment that takes instances out again', () => {
	// OneAtATime, 4 instances, 5 minutes each; alarm at 12: instances 1 and 2 done, 3 in progress.
	const s = ok({ strategy: 'ec2-one', instances: '4', alarmMinute: '12' });
	const rollback = s.steps.filter((st) => st.kind === 'rollback');
	assert.equal(rollback.length, 3);
	assert.match(rollback[0].text, /new deployment of the last known good revision/);
	assert.deepEqual(rollback.map((st) => st.inService), [3, 3, 3]);
	assert.equal(s.summary.minutes, 27);
	assert.equal(s.summary.outcome, 'rolled-back');
	// Before the alarm 2 of 3 instances in service ran the new version.
	assert.equal(s.summary.blastRadius, 66.7);
	assert.equal(s.steps.at(-1)!.newShare, 0);
});

test('EC2 AllAtOnce takes the whole fleet out of service', () => {
	const s = ok({ strategy: 'ec2-all-at-once', alarmMinute: '' });
	assert.equal(s.summary.minCapacity, 0);
	assert.equal(s.summary.minutes, 5);
});

test('Elastic Beanstalk rolling and rolling with additional batch', () => {
	const rolling = ok({ strategy: 'eb-rolling', alarmMinute: '' });
	assert.equal(rolling.summary.minutes, 15);
	assert.equal(rolling.summary.minCapacity, 66.7);
	const extra = ok({ strategy: 'eb-rolling-batch', alarmMinute: '' });
	assert.equal(extra.summary.minutes, 20);
	assert.equal(extra.summary.minCapacity, 100);
	assert.equal(extra.summary.extraInstances, 3);
	const stopped = ok({ strategy: 'eb-rolling', alarmMinute: '7' });
	assert.equal(stopped.summary.outcome, 'stopped');
	assert.match(stopped.steps.at(-1)!.text, /keep the new version until you deploy the previous version again/);
});

test('Elastic Beanstalk immutable and traffic splitting keep the originals and throw the new instances away', () => {
	const imm = ok({ strategy: 'eb-immutable', alarmMinute: '' });
	assert.equal(imm.summary.minutes, 10);
	assert.equal(imm.summary.extraInstances, 9);
	assert.equal(Math.max(...imm.steps.map((st) => st.capacity)), 200);
	const split = ok({ strategy: 'eb-traffic-splitting', percent: '15', alarmMinute: '8' });
	assert.equal(split.summary.outcome, 'rolled-back');
	assert.equal(split.summary.blastRadius, 15);
	assert.equal(split.summary.minCapacity, 100);
	assert.match(split.steps.at(-1)!.text, /back to the original instances and terminates the new ones/);
});

test('Elastic Beanstalk reacts to its health checks, not to a CloudWatch alarm', () => {
	for (const strategy of ['eb-all-at-once', 'eb-rolling', 'eb-rolling-batch', 'eb-immutable', 'eb-traffic-splitting'] as const) {
		const sim = ok({ strategy, alarmMinute: '3' });
		const text = sim.steps.map((st) => st.text).join(' ');
		assert.doesNotMatch(text, /CloudWatch alarm/, strategy);
		assert.match(text, /The new version fails its health checks at minute 3\./, strategy);
		assert.equal(failureWhen(strategy), 'When the new version fails its health checks');
	}
	const late = ok({ strategy: 'eb-immutable', alarmMinute: '40' });
	assert.match(late.steps.at(-1)!.text, /^The new version fails its health checks at minute 40\. The deployment had already finished/);
	// CodeDeploy still acts on the alarm.
	assert.match(ok({ strategy: 'cd-canary', alarmMinute: '3' }).steps.at(-1)!.text, /^CloudWatch alarm fires at minute 3\./);
	assert.equal(failureWhen('ec2-one'), 'When the alarm fires');
});

test('capacity reads as instances of the fleet, or the fleet plus the new ones', () => {
	assert.equal(capacityText({ inService: 5, capacity: 55.6 }, 9), '55.6% (5 of 9 instances)');
	assert.equal(capacityText({ inService: 8, capacity: 200 }, 4), '200% (8 instances: the fleet of 4 and 4 new ones)');
	assert.equal(capacityText({ inService: 5, capacity: 125 }, 4), '125% (5 instances: the fleet of 4 and 1 new one)');
	assert.equal(capacityText({ inService: null, capacity: 100 }, 4), '100% (both versions serve)');
});

test('thousands separators are read as such; a decimal comma is still a fraction', () => {
	assert.deepEqual(parseWhole('1,000', 'the minutes', 1, 5000, '3'), { ok: true, value: 1000 });
	assert.equal(parseWhole('1,5', 'the minutes', 1, 5000, '3').ok, false);
});

test('the comparison covers every strategy with the same settings', () => {
	const rows = compareAll(settings());
	assert.equal(rows.length, STRATEGY_IDS.length);
	assert.deepEqual(rows.find((r) => r.strategy === 'ec2-one')!.outcome, 'rolled-back');
});

test('spaces around numbers are ignored', () => {
	assert.equal(ok({ instances: ' 9 ', stepMinutes: ' 5' }).summary.blastRadius, 10);
});

const BAD: [string, Partial<DeployInput>, Field, RegExp][] = [
	['empty instances', { instances: '' }, 'instances', /Enter the number of instances, for example 9/],
	['negative instances', { instances: '-4' }, 'instances', /cannot be negative/],
	['fractional instances', { instances: '2.5' }, 'instances', /whole number .* 2\.5 is a fraction/],
	['non-numeric instances', { instances: 'ten' }, 'instances', /"ten" is not a whole number/],
	['NaN percent', { percent: 'NaN' }, 'percent', /"NaN" is not a whole number/],
	['one instance', { instances: '1' }, 'instances', /from 2 to 100, not 1/],
	['huge instances', { instances: '99999999999999999999999' }, 'instances', /from 2 to 100\.$/],
	['percent of 100', { percent: '100' }, 'percent', /from 1 to 99, not 100/],
	['zero percent', { percent: '0' }, 'percent', /from 1 to 99/],
	['zero minutes', { stepMinutes: '0' }, 'stepMinutes', /from 1 to 60/],
	['exponent minutes', { stepMinutes: '1e3' }, 'stepMinutes', /"1e3" is not a whole number/],
	['Infinity minutes', { stepMinutes: 'Infinity' }, 'stepMinutes', /not a whole number/],
	['batch over fleet', { batchSize: '10' }, 'batchSize', /at most 9 instances/],
	['fractional alarm', { alarmMinute: '2,5' }, 'alarmMinute', /2,5 is a fraction/],
	['alarm at 0', { alarmMinute: '0' }, 'alarmMinute', /from 1 to 1,440/],
	['unknown strategy', { strategy: 'blue-green' as never }, 'strategy', /Choose a strategy/],
];
for (const [name, change, field, message] of BAD) {
	test(`bad input: ${name}`, () => bad(change, field, message));
}

test('never throws on nonsense and reports every field at once', () => {
	const r = simulate({ strategy: 'x', instances: null, percent: undefined, batchSize: 5, stepMinutes: {}, alarmMinute: [] } as never);
	assert.equal(r.ok, false);
	if (!r.ok) assert.deepEqual(Object.keys(r.errors).sort(), ['batchSize', 'instances', 'percent', 'stepMinutes', 'strategy']);
	assert.equal(simulate(null as never).ok, false);
});
