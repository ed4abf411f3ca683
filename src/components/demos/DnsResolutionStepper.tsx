import NeedsJavaScript from './NeedsJavaScript.tsx';
import { useId, useState } from 'preact/hooks';
import {
	DEMO_ZONES,
	DEVICES,
	SCENARIOS,
	cacheRows,
	emptyCache,
	normalizeName,
	parseSeconds,
	startLookup,
	type CacheState,
	type DeviceId,
	type Lookup,
	type ScenarioId,
	type Step,
} from '../../lib/demos/dns-resolver.ts';

const ACTOR_LABEL: Record<Step['actor'], string> = {
	stub: 'Stub resolver',
	recursive: 'Recursive resolver',
	root: 'Root server',
	tld: 'TLD server',
	authoritative: 'Authoritative server',
	client: 'Client',
};

interface Run {
	lookup: Lookup;
	device: DeviceId;
	shown: number;
	/** The cache before this lookup, shown until the last step so the table doesn't give the ending away. */
	before: CacheState;
	/** False for the example lookup the demo starts with, so the button doesn't offer to look it up "again". */
	byReader: boolean;
}

function run(cache: CacheState, name: string, scenario: ScenarioId, now: number, device: DeviceId) {
	return startLookup(DEMO_ZONES, cache, name, SCENARIOS[scenario].type, now, device);
}

const first = run(emptyCache(), SCENARIOS.A.name, 'A', 0, 'laptop');

export default function DnsResolutionStepper() {
	const id = useId();
	const [scenario, setScenario] = useState<ScenarioId>('A');
	const [name, setName] = useState<string>(SCENARIOS.A.name);
	const [device, setDevice] = useState<DeviceId>('laptop');
	const [now, setNow] = useState(0);
	const [advance, setAdvance] = useState('301');
	const [clockError, setClockError] = useState('');
	const [error, setError] = useState('');
	// The cache is committed when a lookup starts; the stepper only reveals what already happened.
	const [cache, setCache] = useState<CacheState>(() => (first.ok ? first.value.cache : emptyCache()));
	const [current, setCurrent] = useState<Run | null>(() => (first.ok ? { lookup: first.value, device: 'laptop', shown: 1, before: emptyCache(), byReader: false } : null));

	const normalized = normalizeName(name);
	const same =
		current !== null &&
		current.byReader &&
		normalized.ok &&
		normalized.value === current.lookup.name &&
		SCENARIOS[scenario].type === current.lookup.type &&
		device === current.device;

	function lookUp() {
		const r = run(cache, name, scenario, now, device);
		if (!r.ok) {
			setError(r.error);
			return;
		}
		setError('');
		setCache(r.value.cache);
		setCurrent({ lookup: r.value, device, shown: 1, before: cache, byReader: true });
	}

	function changeScenario(next: ScenarioId) {
		// Swap in the example name unless the reader typed their own.
		if (name.trim() === '' || name === SCENARIOS[scenario].name) setName(SCENARIOS[next].name);
		setScenario(next);
	}

	function advanceClock() {
		const r = parseSeconds(advance);
		if (!r.ok) {
			setClockError(r.error);
			return;
		}
		setClockError('');
		setNow(now + r.value);
	}

	function clearCaches() {
		setCache(emptyCache());
		setCurrent(null);
	}

	const steps = current ? current.lookup.steps.slice(0, current.shown) : [];
	const done = current !== null && current.shown >= current.lookup.steps.length;
	const rows = cacheRows(current && !done ? current.before : cache, now);
	const answer = current?.lookup.answer ?? [];

	return (
		<section class="demo" data-demo="dns-resolution-stepper" aria-labelledby={`${id}-h`}>
			<h3 id={`${id}-h`}>DNS resolution stepper</h3>
			<NeedsJavaScript />
			<p class="demo__note">
				Pick a name and a record type, then press <strong>Next step</strong> to follow the lookup. The zones are made up and
				use documentation addresses; the clock is simulated. Your laptop and your phone share one Wi-Fi, so they use the same
				recursive resolver.
			</p>
			<div class="demo__row">
				<div>
					<label for={`${id}-name`}>Domain name</label>
					<input
						id={`${id}-name`}
						type="text"
						value={name}
						spellcheck={false}
						autocomplete="off"
						aria-describedby={error ? `${id}-err` : undefined}
						onInput={(e) => setName(e.currentTarget.value)}
						onKeyDown={(e) => {
							if (e.key === 'Enter') lookUp();
						}}
					/>
				</div>
				<div>
					<label for={`${id}-type`}>Record type</label>
					<select id={`${id}-type`} value={scenario} onChange={(e) => changeScenario(e.currentTarget.value as ScenarioId)}>
						{(Object.keys(SCENARIOS) as ScenarioId[]).map((k) => (
							<option key={k} value={k}>
								{SCENARIOS[k].label}
							</option>
						))}
					</select>
				</div>
				<div>
					<label for={`${id}-device`}>Ask from</label>
					<select id={`${id}-device`} value={device} onChange={(e) => setDevice(e.currentTarget.value as DeviceId)}>
						{(Object.keys(DEVICES) as DeviceId[]).map((k) => (
							<option key={k} value={k}>
								{DEVICES[k]}
							</option>
						))}
					</select>
				</div>
			</div>
			<div class="demo__row">
				<button type="button" onClick={lookUp}>
					{same ? 'Look up again' : 'Look up'}
				</button>
				<button type="button" disabled={!current || done} onClick={() => current && setCurrent({ ...current, shown: current.shown + 1 })}>
					Next step
				</button>
				<button type="button" disabled={!current || done} onClick={() => current && setCurrent({ ...current, shown: current.lookup.steps.length })}>
					Show all steps
				</button>
			</div>
			{error && (
				<p class="demo__error" role="alert" id={`${id}-err`}>
					{error}
				</p>
			)}
			<div aria-live="polite">
				{current ? (
					<>
						<p>
							<strong>
								{current.lookup.name} {current.lookup.type}
							</strong>{' '}
							from {DEVICES[current.device].split(' (')[0]}: step {current.shown} of {current.lookup.steps.length}
						</p>
						<ol>
							{steps.map((s, i) => (
								<li key={i}>
									<strong>{ACTOR_LABEL[s.actor]}</strong>
									{s.who === ACTOR_LABEL[s.actor] ? '' : ` (${s.who.split(' (')[0]})`}: {s.text}
								</li>
							))}
						</ol>
						{done && (
							<div class="demo__result" data-verdict={answer.some((r) => r.type === current.lookup.type) ? 'allow' : 'deny'}>
								<strong>
									Result{current.lookup.outsideDemo ? " (this demo's answer)" : ''}: {current.lookup.rcode}
								</strong>
								{current.lookup.outsideDemo && (
									<p>
										{current.lookup.name} is not in this demo's small world: it only knows{' '}
										{DEMO_ZONES.zones.map((z) => z.name).join(' and ')}. The real DNS may well have it; this NXDOMAIN is the demo's,
										not the internet's.
									</p>
								)}
								{answer.length > 0 && (
									<ul>
										{answer.map((r, i) => (
											<li key={i}>
												<code>
													{r.name} {r.ttl} {r.type} {r.value}
												</code>
											</li>
										))}
									</ul>
								)}
								<p>
									Queries sent by the recursive resolver to name servers: {current.lookup.upstreamQueries}
									{current.lookup.upstreamQueries === 0 ? ' (answered from a cache)' : ''}.
								</p>
							</div>
						)}
					</>
				) : (
					<p>Caches are empty. Press Look up to start.</p>
				)}
			</div>
			<div class="demo__row">
				<p>
					<strong>Clock: {now} s</strong>
				</p>
				<div>
					<label for={`${id}-adv`}>Advance clock by (seconds)</label>
					<input
						id={`${id}-adv`}
						type="text"
						inputMode="numeric"
						value={advance}
						size={8}
						aria-describedby={clockError ? `${id}-clk` : undefined}
						onInput={(e) => setAdvance(e.currentTarget.value)}
					/>
				</div>
				<button type="button" onClick={advanceClock}>
					Advance clock
				</button>
				<button type="button" onClick={clearCaches}>
					Clear all caches
				</button>
			</div>
			{clockError && (
				<p class="demo__error" role="alert" id={`${id}-clk`}>
					{clockError}
				</p>
			)}
			<details>
				<summary>Recursive resolver cache ({rows.length} entries)</summary>
				{rows.length > 0 ? (
					<table>
						<caption class="demo__note">What the recursive resolver remembers at {now} s</caption>
						<thead>
							<tr>
								<th scope="col">Entry</th>
								<th scope="col">TTL left (s)</th>
							</tr>
						</thead>
						<tbody>
							{rows.map((r) => (
								<tr key={r.entry}>
									<td>{r.entry}</td>
									<td>{r.left}</td>
								</tr>
							))}
						</tbody>
					</table>
				) : (
					<p>Empty.</p>
				)}
			</details>
		</section>
	);
}
