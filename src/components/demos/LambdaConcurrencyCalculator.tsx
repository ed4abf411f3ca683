import NeedsJavaScript from './NeedsJavaScript.tsx';
import { fixFieldsMessage, useDemoForm } from './useDemoForm.tsx';
import { INVOCATIONS, calculate, defaultInput, fmt, type Invocation } from '../../lib/demos/lambda-concurrency.ts';

export default function LambdaConcurrencyCalculator() {
	const { id, input, set, result, errors, field } = useDemoForm(defaultInput, calculate, {
		size: 8,
		decimal: ['durationMs'],
	});

	const v = result.ok ? result.value : null;
	// The bar spans whichever is larger, the need or the limit, so both fit on one scale.
	const scale = v ? Math.max(v.needed, v.available, 1) : 1;
	const pct = (n: number) => `${(n / scale) * 100}%`;

	return (
		<section data-demo="lambda-concurrency-calculator" class="demo" aria-labelledby={`${id}-h`}>
			<h3 id={`${id}-h`}>Lambda concurrency and throttling calculator</h3>
			<NeedsJavaScript />
			<p class="demo__note">
				Enter a steady load and the function's concurrency settings to see how many execution environments it needs, how
				many it gets, and what happens to the requests that do not fit.
			</p>
			<div class="demo__row demo__row--top">
				{field('requestsPerSecond', 'Requests per second', 'A whole number.')}
				{field('durationMs', 'Average duration (ms)', 'Decimals allowed, up to 900,000.')}
				<div>
					<label for={`${id}-invocation`}>Invocation type</label>
					<select id={`${id}-invocation`} value={input.invocation} onChange={(e) => set('invocation', e.currentTarget.value as Invocation)}>
						{(Object.keys(INVOCATIONS) as Invocation[]).map((k) => (
							<option key={k} value={k}>
								{INVOCATIONS[k]}
							</option>
						))}
					</select>
				</div>
			</div>
			<div class="demo__row demo__row--top">
				{field('reserved', 'Reserved concurrency', 'Optional. Empty: none.')}
				{field('provisioned', 'Provisioned concurrency', 'Optional. Empty: none.')}
				{field('accountLimit', 'Account concurrency limit', 'Per Region; the default is 1,000.')}
			</div>
			<div aria-live="polite">
				{!v ? (
					<p class="demo__error">{fixFieldsMessage(errors, 'see the result')}</p>
				) : (
					<div class="demo__result" data-verdict={v.throttledPerSecond > 0 ? 'deny' : 'allow'}>
						<p>
							<strong>
								{v.throttledPerSecond > 0 ? `${fmt(v.throttledPerSecond)} requests per second throttled` : 'No requests throttled'}
							</strong>
						</p>
						{v.summary.map((s, i) => (
							<p key={i}>{s}</p>
						))}
						{v.excess && <p>{v.excess}</p>}
						{v.burst && <p>{v.burst}</p>}
						<div class="demo__bar" aria-hidden="true">
							<span class="demo__bar-provisioned" style={{ width: pct(v.onProvisioned) }} />
							<span class="demo__bar-on-demand" style={{ width: pct(v.onDemand) }} />
							<span class="demo__bar-missing" style={{ width: pct(v.needed - v.running) }} />
						</div>
						<table class="demo__table">
							<caption class="demo__steps-title">In figures</caption>
							<tbody>
								<tr>
									<th scope="row">Concurrency needed</th>
									<td>{fmt(v.needed)}</td>
								</tr>
								<tr>
									<th scope="row">Concurrency available ({v.limitedBy === 'reserved' ? 'reserved' : 'account limit'})</th>
									<td>{fmt(v.available)}</td>
								</tr>
								<tr>
									<th scope="row">
										<span class="demo__key demo__bar-provisioned" aria-hidden="true" /> On provisioned environments
									</th>
									<td>{fmt(v.onProvisioned)}</td>
								</tr>
								<tr>
									<th scope="row">
										<span class="demo__key demo__bar-on-demand" aria-hidden="true" /> On on-demand environments (cold starts possible)
									</th>
									<td>{fmt(v.onDemand)}</td>
								</tr>
								<tr>
									<th scope="row">
										<span class="demo__key demo__bar-missing" aria-hidden="true" /> Environments missing
									</th>
									<td>{fmt(v.needed - v.running)}</td>
								</tr>
								<tr>
									<th scope="row">Requests per second served / throttled</th>
									<td>
										{fmt(v.servedPerSecond)} / {fmt(v.throttledPerSecond)}
									</td>
								</tr>
							</tbody>
						</table>
					</div>
				)}
			</div>
			<p class="demo__note">
				Simplified: a steady load on one function, all of it sent to the alias or version that holds the provisioned
				concurrency, and no other function using the account's concurrency. Real traffic varies, so leave headroom.
			</p>
		</section>
	);
}
