import NeedsJavaScript from './NeedsJavaScript.tsx';
import { fixFieldsMessage, useDemoForm } from './useDemoForm.tsx';
import {
	FAMILIES,
	STRATEGIES,
	STRATEGY_IDS,
	capacityText,
	compareAll,
	failureWhen,
	defaultInput,
	outcomeText,
	pct,
	simulate,
	strategyName,
	type Family,
	type Strategy,
} from '../../lib/demos/deployment-strategies.ts';

const FAMILY_IDS = Object.keys(FAMILIES) as Family[];

export default function DeploymentStrategySimulator() {
	const { id, input, set, result, errors, field } = useDemoForm(defaultInput, simulate, { size: 6 });

	return (
		<section data-demo="deployment-strategy-simulator" class="demo" aria-labelledby={`${id}-h`}>
			<h3 id={`${id}-h`}>Deployment strategy simulator</h3>
			<NeedsJavaScript />
			<p class="demo__note">
				Pick a strategy and settings, and optionally the minute something goes wrong (a CloudWatch alarm for CodeDeploy,
				failed health checks for Elastic Beanstalk), to see traffic or instances move to the new version step by step, what
				the rollback does, and how every strategy compares with the same settings.
			</p>
			<div>
				<label for={`${id}-strategy`}>Strategy</label>
				<select id={`${id}-strategy`} value={input.strategy} onChange={(e) => set('strategy', e.currentTarget.value as Strategy)}>
					{FAMILY_IDS.map((f) => (
						<optgroup key={f} label={FAMILIES[f]}>
							{STRATEGY_IDS.filter((s) => STRATEGIES[s].family === f).map((s) => (
								<option key={s} value={s}>
									{strategyName(s)}
								</option>
							))}
						</optgroup>
					))}
				</select>
			</div>
			<div class="demo__row demo__row--top">
				{field('instances', 'Instances', 'Fleet size, 2 to 100 (EC2 and Elastic Beanstalk).')}
				{field('batchSize', 'Batch size', 'Instances per batch (Elastic Beanstalk rolling).')}
				{field('percent', 'Traffic %', 'Canary, linear step or traffic-splitting share, 1 to 99.')}
				{field('stepMinutes', 'Minutes per step', 'Interval, time per batch or launch, or evaluation time, 1 to 60.')}
				{field('alarmMinute', 'Alarm at minute', 'Optional: for Elastic Beanstalk, the minute the health checks fail. Empty: none.')}
			</div>
			<div aria-live="polite">
				{!result.ok ? (
					<p class="demo__error">{fixFieldsMessage(errors, 'see the deployment')}</p>
				) : (
					<div class="demo__result">
						<p>
							<strong>
								{strategyName(input.strategy)}: {outcomeText(result.value.summary)}
							</strong>
						</p>
						<p>Configuration: {result.value.configuration}.</p>
						<p>
							{failureWhen(input.strategy)}: {result.value.rollbackRule}
						</p>
						<p class="demo__steps-title" id={`${id}-timeline`}>
							Timeline
						</p>
						<ol aria-labelledby={`${id}-timeline`}>
							{result.value.steps.map((st, i) => (
								<li key={i} data-kind={st.kind}>
									<span class="deploy-sim__at">Minute {st.at}:</span> {st.text}{' '}
									<span class="deploy-sim__figures">
										New version: {pct(st.newShare)} of requests. Capacity in service: {capacityText(st, result.settings.instances)}.
									</span>
								</li>
							))}
						</ol>
						{/* Focusable so keyboard users can scroll it sideways on a narrow screen; the cue shows only there. */}
						<p class="deploy-sim__scroll-cue" id={`${id}-cue`}>
							<span aria-hidden="true">↔</span> The table is wider than the screen: scroll it sideways for minimum capacity, blast
							radius and extra instances.
						</p>
						<div class="deploy-sim__scroll" role="region" aria-labelledby={`${id}-cmp`} aria-describedby={`${id}-cue`} tabIndex={0}>
							<table class="deploy-sim__table">
								<caption id={`${id}-cmp`}>Every strategy with these settings</caption>
								<thead>
									<tr>
										<th scope="col">Strategy</th>
										<th scope="col">Time</th>
										<th scope="col">Minimum capacity</th>
										<th scope="col">Blast radius</th>
										<th scope="col">Extra instances</th>
									</tr>
								</thead>
								<tbody>
									{compareAll(result.settings).map((sm) => (
										<tr key={sm.strategy} class={sm.strategy === input.strategy ? 'deploy-sim__chosen' : undefined}>
											<th scope="row">
												{strategyName(sm.strategy)}
												{sm.strategy === input.strategy ? ' (chosen)' : ''}
											</th>
											<td>{outcomeText(sm)}</td>
											<td>{pct(sm.minCapacity)}</td>
											<td>{pct(sm.blastRadius)}</td>
											<td>{sm.extraText}</td>
										</tr>
									))}
								</tbody>
							</table>
						</div>
					</div>
				)}
			</div>
			<p class="demo__note">
				Blast radius: the largest share of requests that reached the new version before the alarm (or, for Elastic
				Beanstalk, the failed health checks). The demo simplifies:
				health checks and hooks take no time, traffic is steady and spread evenly over the instances in service, instances
				updated in place serve nothing meanwhile, every batch or launch takes the same time, Immutable launches all new
				instances in one step (Elastic Beanstalk starts with one), an alarm acts before a shift planned for the same minute,
				and Elastic Beanstalk, which has no alarm setting for deployments, acts on the new version failing its health checks. The EC2 rollback
				redeploys only the instances that got the new version.
			</p>
		</section>
	);
}
