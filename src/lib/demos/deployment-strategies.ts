/**
 * Deployment strategies side by side, following the CodeDeploy User Guide and API Reference and the Elastic Beanstalk
 * Developer Guide:
 * - CodeDeploy, Lambda and ECS: AllAtOnce shifts all traffic at once; TimeBasedCanary shifts canaryPercentage first and
 *   the rest canaryInterval minutes later (two increments); TimeBasedLinear shifts linearPercentage at the start of each
 *   increment, linearInterval minutes apart. Predefined names: LambdaCanary10Percent 5/10/15/30 minutes, LambdaLinear10Percent
 *   every 1/2/3/10 minutes, ECSCanary10Percent 5/15 minutes, ECSLinear10Percent every 1/3 minutes, and the AllAtOnce ones.
 * - CodeDeploy, EC2 in-place: AllAtOnce deploys to as many instances as possible at once, HalfAtATime to at most half
 *   (rounded down: 4 of 9), OneAtATime (the default) to one at a time.
 * - A CodeDeploy rollback, automatic on a CloudWatch alarm or by hand, is a new deployment (new deployment ID) of the last
 *   known good revision, not a restore. After a deployment has finished, an alarm no longer stops it.
 * - Elastic Beanstalk: all at once; rolling in batches; rolling with an additional batch launched first to keep full
 *   capacity (terminated at the end); immutable launches a full set of new instances in a temporary Auto Scaling group
 *   behind the load balancer (capacity doubles for a while) and, on failure, terminates them and leaves the originals;
 *   traffic splitting also launches a full new set, sends a percentage of client traffic to it for an evaluation time,
 *   then moves all traffic and terminates the old instances, or on failure moves traffic back and terminates the new ones.
 *
 * Simplifications, also said in the demo: health checks and hooks take no time, traffic is steady and spread evenly over
 * the instances in service, instances being updated in place serve nothing, each batch or launch takes the same time,
 * immutable launches the whole new set in one step (Elastic Beanstalk starts with one instance), an alarm at minute N
 * acts before any shift planned for that minute, and for Elastic Beanstalk the alarm stands for the new version failing
 * its health checks (Beanstalk acts on health checks, not on CloudWatch alarms). Bad input never throws: it comes back
 * as a message per field.
 */

import { withoutThousands } from './number-input.ts';

export type Strategy =
	| 'cd-all-at-once'
	| 'cd-canary'
	| 'cd-linear'
	| 'ec2-all-at-once'
	| 'ec2-half'
	| 'ec2-one'
	| 'eb-all-at-once'
	| 'eb-rolling'
	| 'eb-rolling-batch'
	| 'eb-immutable'
	| 'eb-traffic-splitting';

export type Family = 'traffic' | 'ec2' | 'eb';

export const FAMILIES: Record<Family, string> = {
	traffic: 'CodeDeploy: Lambda or ECS (traffic shifting)',
	ec2: 'CodeDeploy: EC2 in-place',
	eb: 'Elastic Beanstalk deployment policies',
};

export const STRATEGIES: Record<Strategy, { label: string; family: Family }> = {
	'cd-all-at-once': { label: 'All at once', family: 'traffic' },
	'cd-canary': { label: 'Canary', family: 'traffic' },
	'cd-linear': { label: 'Linear', family: 'traffic' },
	'ec2-all-at-once': { label: 'AllAtOnce', family: 'ec2' },
	'ec2-half': { label: 'HalfAtATime', family: 'ec2' },
	'ec2-one': { label: 'OneAtATime', family: 'ec2' },
	'eb-all-at-once': { label: 'All at once', family: 'eb' },
	'eb-rolling': { label: 'Rolling', family: 'eb' },
	'eb-rolling-batch': { label: 'Rolling with additional batch', family: 'eb' },
	'eb-immutable': { label: 'Immutable', family: 'eb' },
	'eb-traffic-splitting': { label: 'Traffic splitting', family: 'eb' },
};

export const STRATEGY_IDS = Object.keys(STRATEGIES) as Strategy[];

/** "Elastic Beanstalk: Rolling", short enough for a table row. */
export function strategyName(s: Strategy): string {
	const { label, family } = STRATEGIES[s];
	return `${family === 'traffic' ? 'Lambda/ECS' : family === 'ec2' ? 'EC2 in-place' : 'Beanstalk'}: ${label}`;
}

export interface DeployInput {
	strategy: Strategy;
	/** As typed by the reader. */
	instances: string;
	percent: string;
	batchSize: string;
	stepMinutes: string;
	/** Empty means no alarm. */
	alarmMinute: string;
}
export type Field = keyof DeployInput;

/** Demo bounds, not AWS limits: enough to see the patterns, small enough for a readable timeline. */
export const MIN_INSTANCES = 2;
export const MAX_INSTANCES = 100;
export const MAX_STEP_MINUTES = 60;
export const MAX_ALARM_MINUTE = 1440;

export function defaultInput(): DeployInput {
	return { strategy: 'cd-canary', instances: '9', percent: '10', batchSize: '3', stepMinutes: '5', alarmMinute: '3' };
}

export type StepKind = 'shift' | 'batch' | 'launch' | 'done' | 'alarm' | 'rollback' | 'note';

export interface Step {
	/** Minutes after the deployment starts. */
	at: number;
	kind: StepKind;
	text: string;
	/** Share of requests served by the new version, 0–100. */
	newShare: number;
	/** Instances serving requests; null for Lambda/ECS traffic shifting, where capacity is not counted in instances. */
	inService: number | null;
	/** Capacity in service as a share of the normal fleet, 0–200. */
	capacity: number;
}

export type Outcome = 'completed' | 'rolled-back' | 'stopped';

export interface Summary {
	strategy: Strategy;
	outcome: Outcome;
	/** When it completed, finished rolling back, or stopped. */
	minutes: number;
	/** Lowest capacity in service during the deployment and any rollback, % of the normal fleet. */
	minCapacity: number;
	/** Highest share of requests that reached the new version before the alarm (or in the whole deployment). */
	blastRadius: number;
	/** Instances launched beyond the fleet; null where it is not counted in instances. */
	extraInstances: number | null;
	extraText: string;
}

export interface Simulation {
	steps: Step[];
	summary: Summary;
	/** The predefined configuration names that match the settings, or how a custom one would be set. */
	configuration: string;
	/** What happens when the alarm fires, as the documentation describes it for this strategy. */
	rollbackRule: string;
}

export interface Settings {
	instances: number;
	percent: number;
	batchSize: number;
	stepMinutes: number;
	alarmMinute: number | null;
}

export type SimResult = { ok: true; settings: Settings; value: Simulation } | { ok: false; errors: Partial<Record<Field, string>> };

type Parsed = { ok: true; value: number } | { ok: false; error: string };

const shown = (t: string) => (t.length > 20 ? `${t.slice(0, 20)}…` : t);

/** Whole numbers only; every message says what to type instead. */
export function parseWhole(text: unknown, what: string, min: number, max: number, example: string): Parsed {
	const t = withoutThousands(typeof text === 'string' ? text.trim() : '');
	if (t === '') return { ok: false, error: `Enter ${what}, for example ${example}.` };
	if (/^-\s*\d/.test(t)) return { ok: false, error: `${capital(what)} cannot be negative.` };
	if (/^\d*[.,]\d+$/.test(t)) return { ok: false, error: `Enter a whole number for ${what}; ${shown(t)} is a fraction.` };
	if (!/^\d+$/.test(t)) return { ok: false, error: `"${shown(t)}" is not a whole number; use digits only.` };
	const n = Number(t);
	if (n < min || n > max) return { ok: false, error: `This demo takes ${what} from ${min} to ${max.toLocaleString('en-US')}${t.length > 10 ? '' : `, not ${t}`}.` };
	return { ok: true, value: n };
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const round1 = (n: number) => Math.round(n * 10) / 10;
export const pct = (n: number) => `${round1(n).toLocaleString('en-US')}%`;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const mins = (n: number) => plural(n, 'minute', 'minutes');

/** Checks every field and returns all problems at once, so each can be shown next to its field. */
export function validate(input: DeployInput): { ok: true; settings: Settings } | { ok: false; errors: Partial<Record<Field, string>> } {
	const i = (input && typeof input === 'object' ? input : {}) as Partial<DeployInput>;
	const errors: Partial<Record<Field, string>> = {};
	if (!Object.hasOwn(STRATEGIES, String(i.strategy))) errors.strategy = 'Choose a strategy.';
	const instances = parseWhole(i.instances, 'the number of instances', MIN_INSTANCES, MAX_INSTANCES, '9');
	const percent = parseWhole(i.percent, 'the traffic percentage', 1, 99, '10');
	const step = parseWhole(i.stepMinutes, 'the minutes per step', 1, MAX_STEP_MINUTES, '5');
	let batch = parseWhole(i.batchSize, 'the batch size', 1, MAX_INSTANCES, '3');
	if (batch.ok && instances.ok && batch.value > instances.value) {
		batch = { ok: false, error: `A batch cannot be larger than the fleet: enter at most ${instances.value} instances.` };
	}
	const alarmText = typeof i.alarmMinute === 'string' ? i.alarmMinute.trim() : '';
	const alarm: Parsed = alarmText === '' ? { ok: true, value: -1 } : parseWhole(alarmText, 'the alarm minute', 1, MAX_ALARM_MINUTE, '3');
	if (!instances.ok) errors.instances = instances.error;
	if (!percent.ok) errors.percent = percent.error;
	if (!batch.ok) errors.batchSize = batch.error;
	if (!step.ok) errors.stepMinutes = step.error;
	if (!alarm.ok) errors.alarmMinute = alarm.error;
	if (!instances.ok || !percent.ok || !batch.ok || !step.ok || !alarm.ok || Object.keys(errors).length > 0) return { ok: false, errors };
	return {
		ok: true,
		settings: {
			instances: instances.value,
			percent: percent.value,
			batchSize: batch.value,
			stepMinutes: step.value,
			alarmMinute: alarm.value < 0 ? null : alarm.value,
		},
	};
}

/** The predefined CodeDeploy configuration names matching the settings, or the custom configuration they describe. */
export function configurationFor(strategy: Strategy, s: Settings): string {
	const p = s.percent;
	const m = s.stepMinutes;
	switch (strategy) {
		case 'cd-all-at-once':
			return 'CodeDeployDefault.LambdaAllAtOnce or CodeDeployDefault.ECSAllAtOnce';
		case 'cd-canary': {
			const names = [];
			if (p === 10 && [5, 10, 15, 30].includes(m)) names.push(`CodeDeployDefault.LambdaCanary10Percent${m}Minutes`);
			if (p === 10 && [5, 15].includes(m)) names.push(`CodeDeployDefault.ECSCanary10Percent${m}Minutes`);
			return names.length > 0
				? names.join(' or ')
				: `No predefined configuration: a custom one of type TimeBasedCanary with canaryPercentage ${p} and canaryInterval ${m}`;
		}
		case 'cd-linear': {
			const names = [];
			if (p === 10 && [1, 2, 3, 10].includes(m)) names.push(`CodeDeployDefault.LambdaLinear10PercentEvery${m === 1 ? '1Minute' : `${m}Minutes`}`);
			if (p === 10 && [1, 3].includes(m)) names.push(`CodeDeployDefault.ECSLinear10PercentEvery${m}Minutes`);
			return names.length > 0
				? names.join(' or ')
				: `No predefined configuration: a custom one of type TimeBasedLinear with linearPercentage ${p} and linearInterval ${m}`;
		}
		case 'ec2-all-at-once':
			return 'CodeDeployDefault.AllAtOnce';
		case 'ec2-half':
			return 'CodeDeployDefault.HalfAtATime';
		case 'ec2-one':
			return 'CodeDeployDefault.OneAtATime (the default for EC2/On-Premises)';
		case 'eb-all-at-once':
			return 'Elastic Beanstalk deployment policy: All at once';
		case 'eb-rolling':
			return `Elastic Beanstalk deployment policy: Rolling, batch size ${plural(s.batchSize, 'instance', 'instances')}`;
		case 'eb-rolling-batch':
			return `Elastic Beanstalk deployment policy: Rolling with additional batch, batch size ${plural(s.batchSize, 'instance', 'instances')}`;
		case 'eb-immutable':
			return 'Elastic Beanstalk deployment policy: Immutable';
		case 'eb-traffic-splitting':
			return `Elastic Beanstalk deployment policy: Traffic splitting, ${p}% of traffic for a ${mins(m)} evaluation`;
	}
}

export const ROLLBACK_RULES: Record<Exclude<Family, 'eb'> | 'eb-replace' | 'eb-in-place', string> = {
	traffic:
		'CodeDeploy stops the deployment and rolls back automatically (with DEPLOYMENT_STOP_ON_ALARM turned on): the rollback is a new deployment of the last known good revision, and all traffic goes back to the original version.',
	ec2: 'CodeDeploy stops the deployment and rolls back automatically (with DEPLOYMENT_STOP_ON_ALARM turned on): the rollback is a new in-place deployment, with a new deployment ID, of the last known good revision, so instances are taken out of service again while they get the old revision back.',
	'eb-replace': 'Elastic Beanstalk moves all traffic back to the original instances, which it never touched, and terminates the new ones.',
	'eb-in-place':
		'Elastic Beanstalk does not undo the instances already updated: a failed all-at-once or rolling deployment leaves them on the new version, and you go back by deploying the previous application version again. The demo stops at the alarm.',
};

export function rollbackRule(strategy: Strategy): string {
	const family = STRATEGIES[strategy].family;
	if (family !== 'eb') return ROLLBACK_RULES[family];
	return strategy === 'eb-immutable' || strategy === 'eb-traffic-splitting' ? ROLLBACK_RULES['eb-replace'] : ROLLBACK_RULES['eb-in-place'];
}

/** A point of the deployment plan: from `at` on, the fleet looks like this until the next point. */
interface Phase extends Step {
	/** Instances that run (or are getting) the new version, for an in-place rollback. */
	touched?: number;
}

const share = (newIn: number, inService: number) => (inService === 0 ? 0 : (newIn / inService) * 100);

function instancePhase(at: number, kind: StepKind, text: string, n: number, oldIn: number, newIn: number, touched?: number): Phase {
	const inService = oldIn + newIn;
	return { at, kind, text, newShare: share(newIn, inService), inService, capacity: (inService / n) * 100, touched };
}

function batches(total: number, size: number): number[] {
	const out: number[] = [];
	for (let left = total; left > 0; left -= size) out.push(Math.min(size, left));
	return out;
}

/** The plan without an alarm; its last phase is the finished deployment. */
function plan(strategy: Strategy, s: Settings): Phase[] {
	const { instances: n, percent: p, stepMinutes: m } = s;
	const phases: Phase[] = [];
	const traffic = (at: number, kind: StepKind, text: string, newShare: number) => phases.push({ at, kind, text, newShare, inService: null, capacity: 100 });
	const inPlace = (size: number, word: string) => {
		const sizes = batches(n, size);
		let done = 0;
		sizes.forEach((b, k) => {
			phases.push(
				instancePhase(k * m, 'batch', `${word} ${k + 1} of ${sizes.length}: ${plural(b, 'instance is', 'instances are')} out of service while updated in place.`, n, n - done - b, done, done + b),
			);
			done += b;
		});
		phases.push(instancePhase(sizes.length * m, 'done', `Every instance runs the new version: deployment complete.`, n, 0, n, n));
	};
	switch (strategy) {
		case 'cd-all-at-once':
			traffic(0, 'done', 'All traffic shifts to the new version at once: deployment complete.', 100);
			break;
		case 'cd-canary':
			traffic(0, 'shift', `Canary: ${p}% of traffic shifts to the new version; ${100 - p}% stays on the original.`, p);
			traffic(m, 'done', `After the ${mins(m)} interval the remaining ${100 - p}% shifts: deployment complete.`, 100);
			break;
		case 'cd-linear': {
			const count = Math.ceil(100 / p);
			for (let k = 0; k < count; k++) {
				const now = Math.min(100, (k + 1) * p);
				const last = k === count - 1;
				traffic(k * m, last ? 'done' : 'shift', last ? `Increment ${k + 1} of ${count}: 100% of traffic on the new version: deployment complete.` : `Increment ${k + 1} of ${count}: ${now}% of traffic on the new version.`, now);
			}
			break;
		}
		case 'ec2-all-at-once':
			inPlace(n, 'Batch');
			break;
		case 'ec2-half':
			inPlace(Math.floor(n / 2), 'Batch');
			break;
		case 'ec2-one':
			inPlace(1, 'Instance');
			break;
		case 'eb-all-at-once':
			inPlace(n, 'Batch');
			break;
		case 'eb-rolling':
			inPlace(s.batchSize, 'Batch');
			break;
		case 'eb-rolling-batch': {
			const b = s.batchSize;
			phases.push(instancePhase(0, 'launch', `Launch an additional batch of ${plural(b, 'new instance', 'new instances')} with the new version; the fleet keeps serving.`, n, n, 0, 0));
			const sizes = batches(n, b);
			let done = 0;
			sizes.forEach((size, k) => {
				phases.push(instancePhase((k + 1) * m, 'batch', `Batch ${k + 1} of ${sizes.length}: ${plural(size, 'original instance is', 'original instances are')} updated in place while the additional batch serves.`, n, n - done - size, b + done, done + size));
				done += size;
			});
			phases.push(instancePhase((sizes.length + 1) * m, 'done', `Every instance runs the new version; the additional ${plural(b, 'instance is', 'instances are')} terminated: deployment complete.`, n, 0, n, n));
			break;
		}
		case 'eb-immutable':
			phases.push(instancePhase(0, 'launch', `Launch ${plural(n, 'new instance', 'new instances')} in a temporary Auto Scaling group; the original instances keep serving.`, n, n, 0, 0));
			phases.push(instancePhase(m, 'shift', `The new instances serve beside the original ones behind the load balancer: capacity doubles while they are checked.`, n, n, n, 0));
			phases.push(instancePhase(2 * m, 'done', 'The new instances move to the original Auto Scaling group and the old instances are terminated: deployment complete.', n, 0, n, n));
			break;
		case 'eb-traffic-splitting':
			phases.push(instancePhase(0, 'launch', `Launch a full set of ${plural(n, 'new instance', 'new instances')}; the original instances keep serving all traffic.`, n, n, 0, 0));
			phases.push({ at: m, kind: 'shift', text: `Evaluation: ${p}% of client traffic goes to the new instances for ${mins(m)}.`, newShare: p, inService: 2 * n, capacity: 200, touched: 0 });
			phases.push(instancePhase(2 * m, 'done', 'All traffic moves to the new instances and the old ones are terminated: deployment complete.', n, 0, n, n));
			break;
	}
	return phases;
}

const toStep = (ph: Phase): Step => ({ at: ph.at, kind: ph.kind, text: ph.text, newShare: round1(ph.newShare), inService: ph.inService, capacity: round1(ph.capacity) });

function extra(strategy: Strategy, s: Settings): { extraInstances: number | null; extraText: string } {
	switch (strategy) {
		case 'cd-all-at-once':
		case 'cd-canary':
		case 'cd-linear':
			return { extraInstances: null, extraText: 'None on Lambda; ECS runs a replacement task set' };
		case 'eb-rolling-batch':
			return { extraInstances: s.batchSize, extraText: plural(s.batchSize, 'instance', 'instances') };
		case 'eb-immutable':
		case 'eb-traffic-splitting':
			return { extraInstances: s.instances, extraText: plural(s.instances, 'instance', 'instances') };
		default:
			return { extraInstances: 0, extraText: 'None' };
	}
}

/**
 * What stops a deployment at the chosen minute. CodeDeploy acts on CloudWatch alarms; Elastic Beanstalk has no alarm
 * setting for a deployment and acts on its own health checks of the new instances.
 */
export function failureText(family: Family, minute: number): string {
	return family === 'eb' ? `The new version fails its health checks at minute ${minute}.` : `CloudWatch alarm fires at minute ${minute}.`;
}

/** "When the alarm fires" or, for Elastic Beanstalk, "When the new version fails its health checks". */
export function failureWhen(strategy: Strategy): string {
	return STRATEGIES[strategy].family === 'eb' ? 'When the new version fails its health checks' : 'When the alarm fires';
}

/** "55.6% (5 of 9 instances)", "200% (8 instances: the fleet of 4 and 4 new ones)", "100% (both versions serve)". */
export function capacityText(step: Pick<Step, 'inService' | 'capacity'>, instances: number): string {
	if (step.inService === null) return `${pct(step.capacity)} (both versions serve)`;
	if (step.inService <= instances) return `${pct(step.capacity)} (${step.inService} of ${plural(instances, 'instance', 'instances')})`;
	const added = step.inService - instances;
	return `${pct(step.capacity)} (${step.inService} instances: the fleet of ${instances} and ${added} new ${added === 1 ? 'one' : 'ones'})`;
}

/** Runs one strategy with settings already validated. */
export function simulateWith(strategy: Strategy, s: Settings): Simulation {
	const phases = plan(strategy, s);
	const last = phases[phases.length - 1];
	const family = STRATEGIES[strategy].family;
	const n = s.instances;
	const alarm = s.alarmMinute;
	const caught = alarm !== null && alarm <= last.at;
	// The alarm acts before a shift planned for the same minute, so only earlier phases happened.
	const happened = caught ? phases.filter((ph) => ph.at < alarm) : phases;
	const steps = happened.map(toStep);
	let outcome: Outcome = 'completed';
	let minutes = last.at;
	if (caught) {
		const current = happened[happened.length - 1];
		const alarmText = failureText(family, alarm);
		if (family === 'traffic') {
			outcome = 'rolled-back';
			minutes = alarm;
			steps.push({ at: alarm, kind: 'rollback', text: `${alarmText} CodeDeploy stops the deployment and rolls back: all traffic returns to the original version.`, newShare: 0, inService: null, capacity: 100 });
		} else if (family === 'ec2') {
			outcome = 'rolled-back';
			// The rollback redeploys the old revision in place, batch by batch, to every instance that got the new one.
			const size = strategy === 'ec2-all-at-once' ? n : strategy === 'ec2-half' ? Math.floor(n / 2) : 1;
			const touched = current.touched ?? 0;
			const sizes = batches(touched, size);
			let restored = 0;
			sizes.forEach((b, k) => {
				const stillNew = touched - restored - b;
				const at = alarm + k * s.stepMinutes;
				const text =
					k === 0
						? `${alarmText} CodeDeploy stops the deployment and starts a rollback: a new deployment of the last known good revision. Rollback batch 1 of ${sizes.length}: ${plural(b, 'instance', 'instances')} out of service.`
						: `Rollback batch ${k + 1} of ${sizes.length}: ${plural(b, 'instance', 'instances')} out of service.`;
				steps.push(toStep(instancePhase(at, 'rollback', text, n, n - touched + restored, stillNew)));
				restored += b;
			});
			minutes = alarm + sizes.length * s.stepMinutes;
			steps.push(toStep(instancePhase(minutes, 'done', 'Every instance runs the last known good revision again: rollback complete.', n, n, 0)));
		} else if (strategy === 'eb-immutable' || strategy === 'eb-traffic-splitting') {
			outcome = 'rolled-back';
			minutes = alarm;
			steps.push(toStep(instancePhase(alarm, 'rollback', `${alarmText} Elastic Beanstalk sends all traffic back to the original instances and terminates the new ones.`, n, n, 0)));
		} else {
			outcome = 'stopped';
			minutes = alarm;
			steps.push({ ...toStep(current), at: alarm, kind: 'alarm', text: `${alarmText} The deployment stops here: instances already updated keep the new version until you deploy the previous version again.` });
		}
	} else if (alarm !== null) {
		const after = family === 'eb' ? 'The deployment had already finished, so nothing is rolled back automatically' : 'The deployment had already succeeded, so CodeDeploy does not roll it back';
		steps.push({ ...toStep(last), at: alarm, kind: 'note', text: `${failureText(family, alarm)} ${after}: to go back, deploy the previous version again.` });
	}
	const blastRadius = Math.max(0, ...happened.map((ph) => round1(ph.newShare)));
	const minCapacity = Math.min(...steps.map((st) => st.capacity));
	return {
		steps,
		summary: { strategy, outcome, minutes, minCapacity, blastRadius, ...extra(strategy, s) },
		configuration: configurationFor(strategy, s),
		rollbackRule: rollbackRule(strategy),
	};
}

export function simulate(input: DeployInput): SimResult {
	const v = validate(input);
	if (!v.ok) return v;
	return { ok: true, settings: v.settings, value: simulateWith(input.strategy, v.settings) };
}

/** Every strategy with the same settings, for the side-by-side table. */
export function compareAll(s: Settings): Summary[] {
	return STRATEGY_IDS.map((id) => simulateWith(id, s).summary);
}

export function outcomeText(sm: Summary): string {
	if (sm.outcome === 'completed') return `Completes at minute ${sm.minutes}`;
	if (sm.outcome === 'rolled-back') return `Rolled back by minute ${sm.minutes}`;
	return `Stopped at minute ${sm.minutes}`;
}
