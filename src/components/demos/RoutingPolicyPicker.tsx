import NeedsJavaScript from './NeedsJavaScript.tsx';
import { useId, useState } from 'preact/hooks';
import {
	HEALTH_LABELS,
	LOCATIONS,
	MAX_RECORDS,
	POLICIES,
	REGIONS,
	defaultConfig,
	geoLabel,
	mulberry32,
	parseWeight,
	resolve,
	sendQueries,
	type Health,
	type LocationId,
	type PolicyId,
	type RoutingConfig,
} from '../../lib/demos/route53-routing.ts';

const QUERIES = 1000;

function HealthSelect(props: { id: string; value: Health; onChange: (h: Health) => void }) {
	return (
		<div>
			<label for={props.id}>Health</label>
			<select id={props.id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value as Health)}>
				{(Object.keys(HEALTH_LABELS) as Health[]).map((h) => (
					<option key={h} value={h}>
						{HEALTH_LABELS[h]}
					</option>
				))}
			</select>
		</div>
	);
}

const pct = (p: number) => `${Math.round(p * 1000) / 10}%`;

export default function RoutingPolicyPicker() {
	const id = useId();
	const [policy, setPolicy] = useState<PolicyId>('weighted');
	const [config, setConfig] = useState<RoutingConfig>(defaultConfig);
	const [location, setLocation] = useState<LocationId>('berlin');
	const [seed, setSeed] = useState(1);
	const [distSeed, setDistSeed] = useState<number | null>(null);
	const [added, setAdded] = useState(0);

	// Edits go through a copy so state is never mutated in place.
	const edit = (change: (c: RoutingConfig) => void) => {
		const next: RoutingConfig = structuredClone(config);
		change(next);
		setConfig(next);
	};

	const result = resolve(policy, config, location, mulberry32(seed));
	const dist = policy === 'weighted' && distSeed !== null ? sendQueries(policy, config, location, QUERIES, mulberry32(distSeed)) : null;
	const usesLocation = policy === 'latency' || policy === 'geolocation';
	const locationIds = (Object.keys(LOCATIONS) as LocationId[]).filter((l) => policy !== 'latency' || LOCATIONS[l].latency !== null);

	return (
		<section data-demo="routing-policy-picker" class="demo" aria-labelledby={`${id}-h`}>
			<h3 id={`${id}-h`}>Route 53 routing policy picker</h3>
			<NeedsJavaScript />
			<p class="demo__note">
				Choose a routing policy, change the records (weights, health checks) and see which record Route 53 answers with.
				Addresses are documentation examples; the latencies are made up.
			</p>
			<div class="demo__row">
				<div>
					<label for={`${id}-policy`}>Routing policy</label>
					<select
						id={`${id}-policy`}
						value={policy}
						onChange={(e) => {
							const p = e.currentTarget.value as PolicyId;
							setPolicy(p);
							setDistSeed(null);
							if (p === 'latency' && LOCATIONS[location].latency === null) setLocation('berlin');
						}}
					>
						{(Object.keys(POLICIES) as PolicyId[]).map((p) => (
							<option key={p} value={p}>
								{POLICIES[p]}
							</option>
						))}
					</select>
				</div>
				{usesLocation && (
					<div>
						<label for={`${id}-loc`}>Client location</label>
						<select id={`${id}-loc`} value={location} onChange={(e) => setLocation(e.currentTarget.value as LocationId)}>
							{locationIds.map((l) => (
								<option key={l} value={l}>
									{LOCATIONS[l].label}
								</option>
							))}
						</select>
					</div>
				)}
			</div>

			{policy === 'simple' && (
				<div>
					<label for={`${id}-simple`}>Values of the simple record (IPv4 addresses, separated by commas)</label>
					<textarea id={`${id}-simple`} rows={2} value={config.simple} spellcheck={false} onInput={(e) => { const v = e.currentTarget.value; edit((c) => (c.simple = v)); }} />
				</div>
			)}

			{policy === 'weighted' && (
				<div>
					{config.weighted.map((r, i) => {
						const w = parseWeight(r.weight);
						return (
							<fieldset key={r.id} class="demo__row">
								<legend>Record {r.id}</legend>
								<div>
									<label for={`${id}-w${r.id}-v`}>Value</label>
									<input id={`${id}-w${r.id}-v`} type="text" size={14} value={r.value} onInput={(e) => { const v = e.currentTarget.value; edit((c) => (c.weighted[i]!.value = v)); }} />
								</div>
								<div>
									<label for={`${id}-w${r.id}-w`}>Weight (0–255)</label>
									<input
										id={`${id}-w${r.id}-w`}
										type="text"
										inputMode="numeric"
										size={5}
										value={r.weight}
										aria-invalid={w.ok ? undefined : 'true'}
										onInput={(e) => { const v = e.currentTarget.value; edit((c) => (c.weighted[i]!.weight = v)); }}
									/>
								</div>
								<HealthSelect id={`${id}-w${r.id}-h`} value={r.health} onChange={(h) => edit((c) => (c.weighted[i]!.health = h))} />
								<button
									type="button"
									id={`${id}-w${r.id}-rm`}
									onClick={() => {
										// The pressed button disappears with its row: hand focus to the next row, else the previous, else Add.
										const neighbour = config.weighted[i + 1] ?? config.weighted[i - 1];
										edit((c) => c.weighted.splice(i, 1));
										setTimeout(() => document.getElementById(neighbour ? `${id}-w${neighbour.id}-rm` : `${id}-add`)?.focus());
									}}
								>
									Remove {r.id}
								</button>
							</fieldset>
						);
					})}
					<div class="demo__row">
						<button
							type="button"
							id={`${id}-add`}
							disabled={config.weighted.length >= MAX_RECORDS}
							onClick={() => {
								const n = added + 1;
								setAdded(n);
								edit((c) => c.weighted.push({ id: `extra-${n}`, value: `198.51.100.${n % 250}`, weight: '10', health: 'none' }));
							}}
						>
							Add record
						</button>
					</div>
				</div>
			)}

			{policy === 'failover' &&
				(['primary', 'secondary'] as const).map((role) => (
					<fieldset key={role} class="demo__row">
						<legend>
							{role === 'primary' ? 'Primary' : 'Secondary'} record: {config.failover[role].value}
						</legend>
						<HealthSelect id={`${id}-f${role}`} value={config.failover[role].health} onChange={(h) => edit((c) => (c.failover[role].health = h))} />
					</fieldset>
				))}

			{policy === 'latency' &&
				config.latency.map((r, i) => (
					<fieldset key={r.region} class="demo__row">
						<legend>
							Record in {r.region} ({REGIONS[r.region]}): {r.value}
						</legend>
						<div>
							<input id={`${id}-l${i}-in`} type="checkbox" checked={r.included} onChange={(e) => { const v = e.currentTarget.checked; edit((c) => (c.latency[i]!.included = v)); }} />
							<label for={`${id}-l${i}-in`} style="display:inline">
								{' '}
								Include
							</label>
						</div>
						<HealthSelect id={`${id}-l${i}-h`} value={r.health} onChange={(h) => edit((c) => (c.latency[i]!.health = h))} />
					</fieldset>
				))}

			{policy === 'geolocation' &&
				config.geolocation.map((r, i) => (
					<fieldset key={r.location} class="demo__row">
						<legend>
							{geoLabel(r.location)} record: {r.value}
						</legend>
						<div>
							<input id={`${id}-g${i}-in`} type="checkbox" checked={r.included} onChange={(e) => { const v = e.currentTarget.checked; edit((c) => (c.geolocation[i]!.included = v)); }} />
							<label for={`${id}-g${i}-in`} style="display:inline">
								{' '}
								Include
							</label>
						</div>
						<HealthSelect id={`${id}-g${i}-h`} value={r.health} onChange={(h) => edit((c) => (c.geolocation[i]!.health = h))} />
					</fieldset>
				))}

			<div aria-live="polite">
				{!result.ok ? (
					<p class="demo__error">{result.error}</p>
				) : (
					<div class="demo__result" data-verdict={result.value.values.length > 0 ? 'allow' : 'deny'}>
						<p>
							<strong>
								{result.value.values.length > 0
									? `Answer: ${result.value.values.join(', ')}${policy === 'simple' ? '' : ` (record ${result.value.recordId})`}`
									: 'No answer: NOERROR with no records'}
							</strong>
						</p>
						<ul>
							{result.value.why.map((line, i) => (
								<li key={i}>{line}</li>
							))}
						</ul>
						{result.value.odds && (
							<table>
								<caption class="demo__note">Chance of answering each query</caption>
								<thead>
									<tr>
										<th scope="col">Record</th>
										<th scope="col">Chance</th>
										{dist?.ok && <th scope="col">Got in {QUERIES.toLocaleString('en-US')} queries</th>}
									</tr>
								</thead>
								<tbody>
									{result.value.odds.map((o) => (
										<tr key={o.id}>
											<td>{o.id}</td>
											<td>{pct(o.probability)}</td>
											{dist?.ok && (
												<td>
													{dist.value.counts[o.id] ?? 0} ({pct((dist.value.counts[o.id] ?? 0) / dist.value.total)})
												</td>
											)}
										</tr>
									))}
								</tbody>
							</table>
						)}
					</div>
				)}
			</div>
			{result.ok && (policy === 'simple' || policy === 'weighted') && (
				<div class="demo__row">
					<button type="button" onClick={() => setSeed(seed + 1)}>
						Send another query
					</button>
					{policy === 'weighted' && (
						<button type="button" onClick={() => setDistSeed((distSeed ?? 1000) + 1)}>
							Send 1,000 queries
						</button>
					)}
				</div>
			)}
		</section>
	);
}
