import NeedsJavaScript from './NeedsJavaScript.tsx';
import { Fragment } from 'preact';
import { useId, useState } from 'preact/hooks';
import { ALGORITHM_LABELS, MAX_RESPONSE_TICKS, inFlight, nextPriority, route } from '../../lib/demos/alb-router.ts';
import type { Algorithm, CertificateInput, RouterState, RuleInput, Target, TargetGroup } from '../../lib/demos/alb-router.ts';

// Extra `key` fields give list items a stable identity for Preact; the router ignores them.
type Keyed<T> = T & { key: number };
interface Group extends Omit<TargetGroup, 'targets'> {
	targets: Keyed<Target>[];
}

const START_RULES: Keyed<RuleInput>[] = [
	{ key: 1, priority: '10', hosts: 'api.example.com', paths: '', targetGroup: 'api-tg' },
	{ key: 2, priority: '20', hosts: '', paths: '/legacy/*', targetGroup: 'legacy-tg' },
];

const START_GROUPS: Group[] = [
	{
		name: 'web-tg',
		algorithm: 'round_robin',
		targets: [
			{ key: 3, id: 'i-web-1', az: 'us-east-1a', healthy: true },
			{ key: 4, id: 'i-web-2', az: 'us-east-1b', healthy: true },
			{ key: 5, id: 'i-web-3', az: 'us-east-1c', healthy: false },
		],
	},
	{
		name: 'api-tg',
		algorithm: 'least_outstanding_requests',
		targets: [
			{ key: 6, id: 'i-api-1', az: 'us-east-1a', healthy: true, responseTicks: 4 },
			{ key: 7, id: 'i-api-2', az: 'us-east-1b', healthy: true, responseTicks: 1 },
		],
	},
	{
		name: 'legacy-tg',
		algorithm: 'round_robin',
		targets: [
			{ key: 8, id: 'i-old-1', az: 'us-east-1a', healthy: false },
			{ key: 9, id: 'i-old-2', az: 'us-east-1b', healthy: false },
		],
	},
];

const START_CERTS: Keyed<CertificateInput>[] = [
	{ key: 10, domain: 'example.com', isDefault: true },
	{ key: 11, domain: '*.example.com', isDefault: false },
	{ key: 12, domain: 'api.example.com', isDefault: false },
];

// Requests already in flight on the least-outstanding-requests group (with the ticks they complete at), so the
// algorithm has something to compare.
const startState = (): RouterState => ({ cursor: {}, inFlight: { 'api-tg/i-api-1': [2, 3, 4], 'api-tg/i-api-2': [1] }, tick: 0 });
const TICKS = Array.from({ length: MAX_RESPONSE_TICKS }, (_, i) => i + 1);

const ALGORITHMS = Object.keys(ALGORITHM_LABELS) as Algorithm[];

export default function LoadBalancerRouter() {
	const id = useId();
	const [rules, setRules] = useState(START_RULES);
	const [defaultGroup, setDefaultGroup] = useState('web-tg');
	const [groups, setGroups] = useState(START_GROUPS);
	const [certs, setCerts] = useState(START_CERTS);
	const [host, setHost] = useState('www.example.com');
	const [path, setPath] = useState('/index.html');
	const [state, setState] = useState(startState);
	const [log, setLog] = useState<string[]>([]);
	const [nextKey, setNextKey] = useState(13);

	const routed = route({ rules, defaultTargetGroup: defaultGroup, targetGroups: groups, certificates: certs }, { host, path }, state);
	const result = routed.ok ? routed.value.result : undefined;
	const f = (name: string, key?: number) => `${id}-${name}${key === undefined ? '' : `-${key}`}`;
	// Errors are shown beside the field that caused them; that field is marked invalid and points at the message.
	const problem = routed.ok ? undefined : routed.field;
	const mark = (field: string) => (problem === field ? { 'aria-invalid': true, 'aria-describedby': f('err') } : {});
	const errorAt = (field: string) =>
		problem === field && !routed.ok ? (
			<p class="demo__error" id={f('err')}>
				{routed.error}
			</p>
		) : null;
	const target = (r: NonNullable<typeof result>) => (r.target ? `${r.target.id} in ${r.target.az}` : 'HTTP 503');
	const newKey = () => {
		setNextKey(nextKey + 1);
		return nextKey;
	};

	const send = () => {
		if (!routed.ok) return;
		const { result: r, nextState } = routed.value;
		const where = r.target ? `${r.target.id} (${r.target.az})` : 'HTTP 503';
		setLog([`${host}${path} → ${r.targetGroup} → ${where}`, ...log].slice(0, 8));
		setState(nextState);
	};
	const reset = () => {
		setState(startState());
		setLog([]);
	};
	const editRule = (key: number, patch: Partial<RuleInput>) => setRules(rules.map((r) => (r.key === key ? { ...r, ...patch } : r)));
	const editGroup = (name: string, change: (g: Group) => Group) => setGroups(groups.map((g) => (g.name === name ? change(g) : g)));
	const editTarget = (name: string, key: number, patch: Partial<Target>) =>
		editGroup(name, (g) => ({ ...g, targets: g.targets.map((t) => (t.key === key ? { ...t, ...patch } : t)) }));
	// A pressed Remove button disappears with its row; move keyboard focus to the matching Add button.
	const focusLater = (name: string) => setTimeout(() => document.getElementById(f(name))?.focus());
	const editCert = (key: number, patch: Partial<CertificateInput>) =>
		setCerts(certs.map((c) => (c.key === key ? { ...c, ...patch } : patch.isDefault ? { ...c, isDefault: false } : c)));

	return (
		<section class="demo" data-demo="load-balancer-router" aria-labelledby={f('title')}>
			<h3 id={f('title')}>Try it: Application Load Balancer routing</h3>
			<NeedsJavaScript />
			<p class="demo__note">
				An HTTPS listener on port 443. Send requests to see the rule, target group and target chosen, and the certificate that SNI
				selects. Simplified: one load balancer node, host and path conditions only, and forward actions only. Time moves on one
				tick with each request sent; a target holds each request for its response time (made-up ticks), then completes it.
			</p>
			<fieldset>
				<legend>Request</legend>
				<div class="demo__row">
					<div>
						<label for={f('host')}>Host</label>
						<input id={f('host')} type="text" size={22} spellcheck={false} value={host} {...mark('request.host')} onInput={(e) => setHost(e.currentTarget.value)} />
						{errorAt('request.host')}
					</div>
					<div>
						<label for={f('path')}>Path</label>
						<input id={f('path')} type="text" size={22} spellcheck={false} value={path} {...mark('request.path')} onInput={(e) => setPath(e.currentTarget.value)} />
						{errorAt('request.path')}
					</div>
					<button type="button" onClick={send} disabled={!routed.ok}>
						Send request
					</button>
					<button type="button" onClick={reset}>
						Reset counters
					</button>
				</div>
			</fieldset>
			<div aria-live="polite">
				{!routed.ok &&
					(problem ? (
						<div class="demo__result" data-verdict="deny">
							<p>
								<strong>Not routed:</strong> {routed.error} The message is shown beside that field.
							</p>
						</div>
					) : (
						<p class="demo__error">{routed.error}</p>
					))}
				{result && (
					<div class="demo__result" data-verdict={result.target ? 'allow' : 'deny'}>
						<p>
							<strong>Next request:</strong> {result.ruleLabel} → {result.targetGroup} → {target(result)}
						</p>
						<ol>
							{result.trace.map((t) => (
								<li key={t.label}>
									{t.label}: {t.matched ? 'matches' : 'no match'} ({t.why})
								</li>
							))}
						</ol>
						<p>{result.targetWhy}</p>
						{result.notes.map((n) => (
							<p key={n}>{n}</p>
						))}
						<p>
							<strong>Certificate:</strong> {result.certificate.domain} ({result.certificate.kind} match). {result.certificate.why}
						</p>
					</div>
				)}
			</div>
			{log.length > 0 && (
				<div>
					<h4 id={f('log')}>Requests sent (newest first)</h4>
					<ol aria-labelledby={f('log')}>
						{log.map((line, i) => (
							<li key={log.length - i}>{line}</li>
						))}
					</ol>
				</div>
			)}

			<h4>Listener rules</h4>
			{rules.map((rule, i) => (
				<fieldset key={rule.key}>
					<legend>Rule {i + 1}</legend>
					<div class="demo__row">
						<div>
							<label for={f('priority', rule.key)}>Priority</label>
							<input id={f('priority', rule.key)} type="text" inputMode="numeric" size={6} value={rule.priority} {...mark(`rules.${i}.priority`)} onInput={(e) => editRule(rule.key, { priority: e.currentTarget.value })} />
							{errorAt(`rules.${i}.priority`)}
						</div>
						<div>
							<label for={f('hosts', rule.key)}>Host is (comma-separated)</label>
							<input id={f('hosts', rule.key)} type="text" size={20} spellcheck={false} value={rule.hosts} {...mark(`rules.${i}.hosts`)} onInput={(e) => editRule(rule.key, { hosts: e.currentTarget.value })} />
							{errorAt(`rules.${i}.hosts`)}
						</div>
						<div>
							<label for={f('paths', rule.key)}>Path is (comma-separated)</label>
							<input id={f('paths', rule.key)} type="text" size={16} spellcheck={false} value={rule.paths} {...mark(`rules.${i}.paths`)} onInput={(e) => editRule(rule.key, { paths: e.currentTarget.value })} />
							{errorAt(`rules.${i}.paths`)}
						</div>
						<div>
							<label for={f('forward', rule.key)}>Forward to</label>
							<select id={f('forward', rule.key)} value={rule.targetGroup} {...mark(`rules.${i}.targetGroup`)} onChange={(e) => editRule(rule.key, { targetGroup: e.currentTarget.value })}>
								{groups.map((g) => (
									<option key={g.name} value={g.name}>
										{g.name}
									</option>
								))}
							</select>
							{errorAt(`rules.${i}.targetGroup`)}
						</div>
						<button
							type="button"
							aria-label={`Remove rule ${i + 1}`}
							onClick={() => {
								setRules(rules.filter((r) => r.key !== rule.key));
								focusLater('add-rule');
							}}
						>
							Remove
						</button>
					</div>
				</fieldset>
			))}
			<div class="demo__row">
				<button
					type="button"
					id={f('add-rule')}
					onClick={() => setRules([...rules, { key: newKey(), priority: nextPriority(rules), hosts: '', paths: '/new/*', targetGroup: 'web-tg' }])}
				>
					Add rule
				</button>
				<div>
					<label for={f('default')}>Default rule forwards to</label>
					<select id={f('default')} value={defaultGroup} onChange={(e) => setDefaultGroup(e.currentTarget.value)}>
						{groups.map((g) => (
							<option key={g.name} value={g.name}>
								{g.name}
							</option>
						))}
					</select>
				</div>
			</div>

			<h4>Target groups</h4>
			{groups.map((group) => (
				<fieldset key={group.name}>
					<legend>Target group {group.name}</legend>
					<label for={f(`algo-${group.name}`)}>Algorithm</label>
					<select
						id={f(`algo-${group.name}`)}
						value={group.algorithm}
						onChange={(e) => editGroup(group.name, (g) => ({ ...g, algorithm: e.currentTarget.value as Algorithm }))}
					>
						{ALGORITHMS.map((a) => (
							<option key={a} value={a}>
								{ALGORITHM_LABELS[a]}
							</option>
						))}
					</select>
					{group.targets.map((t, i) => (
						<Fragment key={t.key}>
							<div class="demo__row">
								<div>
									<label for={f('target', t.key)}>Target {i + 1} ID</label>
									<input id={f('target', t.key)} type="text" size={10} spellcheck={false} value={t.id} {...mark(`targets.${group.name}.${i}.id`)} onInput={(e) => editTarget(group.name, t.key, { id: e.currentTarget.value })} />
									{errorAt(`targets.${group.name}.${i}.id`)}
								</div>
								<div>
									<label for={f('az', t.key)}>AZ</label>
									<input id={f('az', t.key)} type="text" size={10} spellcheck={false} value={t.az} {...mark(`targets.${group.name}.${i}.az`)} onInput={(e) => editTarget(group.name, t.key, { az: e.currentTarget.value })} />
									{errorAt(`targets.${group.name}.${i}.az`)}
								</div>
								<label>
									<input type="checkbox" checked={t.healthy} onChange={(e) => editTarget(group.name, t.key, { healthy: e.currentTarget.checked })} /> Healthy
								</label>
								{group.algorithm === 'least_outstanding_requests' && (
									<>
										<div>
											<label for={f('ticks', t.key)}>Response time</label>
											<select
												id={f('ticks', t.key)}
												value={String(t.responseTicks ?? 1)}
												{...mark(`targets.${group.name}.${i}.responseTicks`)}
												onChange={(e) => editTarget(group.name, t.key, { responseTicks: Number(e.currentTarget.value) })}
											>
												{TICKS.map((n) => (
													<option key={n} value={String(n)}>
														{n} tick{n === 1 ? '' : 's'}
													</option>
												))}
											</select>
											{errorAt(`targets.${group.name}.${i}.responseTicks`)}
										</div>
										<span>In flight: {inFlight(state, group.name, t.id.trim())}</span>
									</>
								)}
								<button
									type="button"
									aria-label={`Remove target ${i + 1} from ${group.name}`}
									onClick={() => {
										editGroup(group.name, (g) => ({ ...g, targets: g.targets.filter((x) => x.key !== t.key) }));
										focusLater(`add-${group.name}`);
									}}
								>
									Remove
								</button>
							</div>
						</Fragment>
					))}
					<button
						type="button"
						id={f(`add-${group.name}`)}
						aria-label={`Add target to ${group.name}`}
						onClick={() => {
							const key = newKey();
							editGroup(group.name, (g) => ({ ...g, targets: [...g.targets, { key, id: `i-new-${key}`, az: 'us-east-1a', healthy: true }] }));
						}}
					>
						Add target
					</button>
				</fieldset>
			))}

			<h4>Certificates (SNI)</h4>
			<p class="demo__note">
				AWS uses a smart selection algorithm that, when several certificates match, prefers the one the client supports best. This
				demo uses a simpler rule: an exact name first, then a wildcard (which covers exactly one label), otherwise the default
				certificate.
			</p>
			{certs.map((cert, i) => (
				<fieldset key={cert.key}>
					<legend>Certificate {i + 1}</legend>
					<div class="demo__row">
						<div>
							<label for={f('cert', cert.key)}>Domain name</label>
							<input id={f('cert', cert.key)} type="text" size={20} spellcheck={false} value={cert.domain} {...mark(`certificates.${i}.domain`)} onInput={(e) => editCert(cert.key, { domain: e.currentTarget.value })} />
							{errorAt(`certificates.${i}.domain`)}
						</div>
						<label>
							<input type="radio" name={f('default-cert')} checked={cert.isDefault} onChange={() => editCert(cert.key, { isDefault: true })} /> Default
						</label>
						<button
							type="button"
							aria-label={`Remove certificate ${i + 1}`}
							onClick={() => {
								setCerts(certs.filter((c) => c.key !== cert.key));
								focusLater('add-cert');
							}}
						>
							Remove
						</button>
					</div>
				</fieldset>
			))}
			<button type="button" id={f('add-cert')} onClick={() => setCerts([...certs, { key: newKey(), domain: 'www.example.net', isDefault: false }])}>
				Add certificate
			</button>
			{/* On a phone the controls above run far below the result: this line stays in view while they are on screen. */}
			<p class="demo__sticky">
				{result ? (
					<>
						<strong>Next request:</strong> {result.ruleLabel} → {result.targetGroup} → {target(result)}
					</>
				) : (
					<>
						<strong>Not routed:</strong> {problem ? 'fix the problem shown beside its field.' : routed.ok ? '' : routed.error}
					</>
				)}
			</p>
		</section>
	);
}
