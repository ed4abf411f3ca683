// Routes one HTTPS request through an Application Load Balancer listener: the certificate chosen by SNI, the
// listener rule that matches (lowest priority number first, the default rule last), the target group and the
// target picked by its algorithm. `route` is pure: the component keeps the returned state between requests.

/**
 * `field` names the input an error is about, so the page can show the message beside it: `request.host`,
 * `rules.<index>.priority|hosts|paths|targetGroup`, `targets.<group>.<index>.id|az|responseTicks`, `certificates.<index>.domain`.
 */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string; field?: string };

export type Algorithm = 'round_robin' | 'least_outstanding_requests';

export const ALGORITHM_LABELS: Record<Algorithm, string> = {
	round_robin: 'Round robin',
	least_outstanding_requests: 'Least outstanding requests',
};

export interface Target {
	id: string;
	az: string;
	healthy: boolean;
	/** How many ticks (requests sent) a request to this target takes to complete; 1 when absent. */
	responseTicks?: number;
}

export interface TargetGroup {
	name: string;
	algorithm: Algorithm;
	targets: Target[];
}

/** One listener rule as the reader types it: host and path values are comma-separated, either may be empty. */
export interface RuleInput {
	priority: string;
	hosts: string;
	paths: string;
	targetGroup: string;
}

export interface CertificateInput {
	domain: string;
	isDefault: boolean;
}

export interface AlbConfig {
	rules: RuleInput[];
	defaultTargetGroup: string;
	targetGroups: TargetGroup[];
	certificates: CertificateInput[];
}

export interface AlbRequest {
	host: string;
	path: string;
}

/**
 * What the load balancer remembers between requests: round-robin positions and requests still in flight. Time is
 * counted in ticks: every request sent, whichever group it goes to, moves the clock on by one.
 */
export interface RouterState {
	cursor: Record<string, number>;
	/** For each target ("group/id"), the tick at which each of its in-flight requests completes. */
	inFlight: Record<string, number[]>;
	tick: number;
}

export interface RuleCheck {
	/** "Priority 10" or "Default rule". */
	label: string;
	matched: boolean;
	why: string;
}

export interface CertificateChoice {
	domain: string;
	kind: 'exact' | 'wildcard' | 'default';
	why: string;
}

export interface RouteResult {
	/** The rule that decided: its priority, or null for the default rule. */
	priority: number | null;
	ruleLabel: string;
	trace: RuleCheck[];
	targetGroup: string;
	algorithm: Algorithm;
	/** Null when the target group has no registered targets (the load balancer answers 503). */
	target: Target | null;
	failOpen: boolean;
	targetWhy: string;
	certificate: CertificateChoice;
	notes: string[];
}

const fail = (error: string, field?: string): { ok: false; error: string; field?: string } => (field ? { ok: false, error, field } : { ok: false, error });

export const MAX_PRIORITY = 50_000;
const MAX_PATTERN = 128;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

export const targetKey = (group: string, id: string) => `${group}/${id}`;

export const initialState = (): RouterState => ({ cursor: {}, inFlight: {}, tick: 0 });

export const MAX_RESPONSE_TICKS = 10;

/** Requests still in flight on a target at the state's current tick. */
export function inFlight(state: RouterState, group: string, id: string): number {
	const now = state?.tick ?? 0;
	return (state?.inFlight?.[targetKey(group, id)] ?? []).filter((end) => end > now).length;
}

/** A priority for a new rule: the next multiple of 10 above the highest in use, else the lowest free number. */
export function nextPriority(rules: { priority: string }[]): string {
	const used = new Set(
		(Array.isArray(rules) ? rules : [])
			.map((r) => String(r?.priority ?? '').trim())
			.filter((p) => /^\d{1,5}$/.test(p))
			.map(Number)
			.filter((n) => n >= 1 && n <= MAX_PRIORITY),
	);
	const next = (Math.floor(Math.max(0, ...used) / 10) + 1) * 10;
	if (next <= MAX_PRIORITY) return String(next);
	let free = 1;
	while (used.has(free)) free++;
	return String(free);
}

/** `*` matches any run of characters (dots and slashes included), `?` exactly one. */
export function wildcardMatches(pattern: string, text: string, ignoreCase: boolean): boolean {
	const source = pattern
		.split('')
		.map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\/]/g, '\\$&')))
		.join('');
	return new RegExp(`^${source}$`, ignoreCase ? 'i' : '').test(text);
}

const splitValues = (text: string) =>
	String(text ?? '')
		.split(',')
		.map((v) => v.trim())
		.filter((v) => v !== '');

function checkHostPattern(value: string, where: string): string | undefined {
	if (value.length > MAX_PATTERN) return `${where}: host "${value.slice(0, 30)}…" is longer than 128 characters.`;
	if (!/^[A-Za-z0-9.*?-]+$/.test(value)) return `${where}: host "${value}" may contain only letters, digits, - . * and ?.`;
	if (!value.includes('.')) return `${where}: host "${value}" needs at least one "." (for example *.example.com).`;
	if (!/\.[A-Za-z]+$/.test(value)) return `${where}: host "${value}" may only have letters after its last "." (for example .com).`;
	return undefined;
}

function checkPathPattern(value: string, where: string): string | undefined {
	if (value.length > MAX_PATTERN) return `${where}: path "${value.slice(0, 30)}…" is longer than 128 characters.`;
	if (!/^[A-Za-z0-9_\-.$/~"'@:+&*?]+$/.test(value)) {
		return `${where}: path "${value}" has a character that path patterns don't allow (letters, digits and _ - . $ / ~ " ' @ : + & * ? are allowed).`;
	}
	return undefined;
}

interface Rule {
	priority: number;
	hosts: string[];
	paths: string[];
	targetGroup: string;
}

function parseRules(config: AlbConfig, groups: Set<string>): Result<Rule[]> {
	const rules: Rule[] = [];
	const seen = new Set<number>();
	const inputs = Array.isArray(config.rules) ? config.rules : [];
	for (let i = 0; i < inputs.length; i++) {
		const input = inputs[i] ?? ({} as RuleInput);
		const where = `Rule ${i + 1}`;
		const at = (part: string) => `rules.${i}.${part}`;
		const text = String(input.priority ?? '').trim();
		if (text === '') return fail(`${where}: the priority is empty. Enter a whole number from 1 to 50000.`, at('priority'));
		if (!/^\d+$/.test(text)) return fail(`${where}: priority "${text.slice(0, 20)}" is not a whole number from 1 to 50000.`, at('priority'));
		const priority = Number(text);
		if (priority < 1 || priority > MAX_PRIORITY) return fail(`${where}: priority ${text.slice(0, 20)} is out of range; use 1 to 50000.`, at('priority'));
		if (seen.has(priority)) return fail(`${where}: priority ${priority} is already used. Each rule needs a unique priority.`, at('priority'));
		seen.add(priority);
		const hosts = splitValues(input.hosts);
		const paths = splitValues(input.paths);
		if (hosts.length === 0 && paths.length === 0) {
			return fail(`${where} (priority ${priority}) has no condition. Give it a host or a path; only the default rule has no conditions.`, at('hosts'));
		}
		for (const host of hosts) {
			const problem = checkHostPattern(host, where);
			if (problem) return fail(problem, at('hosts'));
		}
		for (const path of paths) {
			const problem = checkPathPattern(path, where);
			if (problem) return fail(problem, at('paths'));
		}
		if (!groups.has(input.targetGroup)) return fail(`${where}: target group "${input.targetGroup}" does not exist.`, at('targetGroup'));
		rules.push({ priority, hosts, paths, targetGroup: input.targetGroup });
	}
	return { ok: true, value: rules.sort((a, b) => a.priority - b.priority) };
}

function checkGroups(groups: TargetGroup[]): { ok: false; error: string; field?: string } | undefined {
	for (const group of groups) {
		const ids = new Set<string>();
		for (const [i, target] of group.targets.entries()) {
			const at = (part: string) => `targets.${group.name}.${i}.${part}`;
			const id = String(target.id ?? '').trim();
			if (id === '') return fail(`Target group ${group.name}: a target has no ID.`, at('id'));
			if (ids.has(id)) return fail(`Target group ${group.name}: target ${id} is listed twice.`, at('id'));
			ids.add(id);
			if (String(target.az ?? '').trim() === '') return fail(`Target group ${group.name}: target ${id} has no Availability Zone.`, at('az'));
			const ticks = target.responseTicks ?? 1;
			if (!Number.isInteger(ticks) || ticks < 1 || ticks > MAX_RESPONSE_TICKS) {
				return fail(`Target group ${group.name}: target ${id} needs a response time of 1 to ${MAX_RESPONSE_TICKS} ticks.`, at('responseTicks'));
			}
		}
		if (group.algorithm !== 'round_robin' && group.algorithm !== 'least_outstanding_requests') {
			return fail(`Target group ${group.name}: unknown algorithm "${group.algorithm}".`);
		}
	}
	return undefined;
}

/** Validates the request's host name and path; a query string is dropped because path patterns ignore it. */
export function readRequest(request: AlbRequest, notes: string[]): Result<AlbRequest> {
	const host = String(request?.host ?? '').trim();
	if (host === '') return fail('Enter a host name, for example shop.example.com.', 'request.host');
	if (host.includes(':')) return fail('Enter the host name without a port (the listener is on 443).', 'request.host');
	if (host.length > 253 || !host.split('.').every((label) => LABEL.test(label))) {
		return fail(`"${host.slice(0, 60)}" is not a valid host name: use letters, digits and hyphens between dots.`, 'request.host');
	}
	let path = String(request?.path ?? '').trim();
	if (path === '') return fail('Enter a path starting with "/", for example /index.html.', 'request.path');
	if (!path.startsWith('/')) return fail(`The path "${path.slice(0, 60)}" must start with "/".`, 'request.path');
	if (path.length > 2048) return fail('The path is too long for this demo (2048 characters at most).', 'request.path');
	if (/\s/.test(path)) return fail('The path has a space; encode it as %20.', 'request.path');
	const query = path.indexOf('?');
	if (query !== -1) {
		notes.push(`The query string "${path.slice(query)}" is ignored: path patterns compare only the path.`);
		path = path.slice(0, query);
	}
	return { ok: true, value: { host: host.toLowerCase(), path } };
}

/** Certificate chosen by SNI, simplified: exact name first, then a wildcard (one label), else the default. */
export function selectCertificate(certificates: CertificateInput[], hostname: string): Result<CertificateChoice> {
	const certs = Array.isArray(certificates) ? certificates : [];
	if (certs.length === 0) return fail('An HTTPS listener needs at least one certificate.');
	const defaults = certs.filter((c) => c.isDefault);
	if (defaults.length !== 1) return fail('Mark exactly one certificate as the default certificate.');
	for (const [i, cert] of certs.entries()) {
		const domain = String(cert.domain ?? '').trim();
		const bare = domain.startsWith('*.') ? domain.slice(2) : domain;
		if (domain === '') return fail('A certificate has no domain name.', `certificates.${i}.domain`);
		if (bare.length > 253 || !bare.split('.').every((label) => LABEL.test(label)) || !bare.includes('.')) {
			return fail(
				`Certificate "${domain.slice(0, 60)}" is not a valid domain name; a wildcard must be the whole first label, as in *.example.com.`,
				`certificates.${i}.domain`,
			);
		}
	}
	const host = hostname.toLowerCase();
	const names = certs.map((c) => c.domain.trim().toLowerCase());
	const exact = names.find((name) => name === host);
	if (exact) return { ok: true, value: { domain: exact, kind: 'exact', why: `The name ${host} matches the certificate for ${exact} exactly.` } };
	const dot = host.indexOf('.');
	const parent = host.slice(dot + 1);
	const wildcard = dot > 0 ? names.find((name) => name === `*.${parent}`) : undefined;
	if (wildcard) {
		return {
			ok: true,
			value: {
				domain: wildcard,
				kind: 'wildcard',
				why: `No certificate names ${host} exactly; ${wildcard} covers it because a wildcard stands for exactly one label ("${host.slice(0, dot)}").`,
			},
		};
	}
	const fallback = defaults[0].domain.trim().toLowerCase();
	const deeper = names.find((name) => name.startsWith('*.') && (host === name.slice(2) || host.endsWith(name.slice(1))));
	const hint = deeper ? ` (${deeper} does not cover it: a wildcard covers exactly one label)` : '';
	return {
		ok: true,
		value: {
			domain: fallback,
			kind: 'default',
			why: `No certificate covers ${host}${hint}, so the listener presents its default certificate, ${fallback}. A browser would warn that the name doesn't match.`,
		},
	};
}

function matchCondition(kind: 'host' | 'path', values: string[], actual: string): { matched: boolean; why: string } {
	if (values.length === 0) return { matched: true, why: '' };
	const hit = values.find((v) => wildcardMatches(v, actual, kind === 'host'));
	if (hit) return { matched: true, why: `${kind} ${actual} matches ${hit}` };
	return { matched: false, why: `${kind} ${actual} matches none of ${values.join(', ')}` };
}

/** Reads a non-negative whole number typed into a counter field. */
export function parseCount(text: string, what: string): Result<number> {
	const value = String(text ?? '').trim();
	if (!/^\d{1,6}$/.test(value)) return fail(`${what} must be a whole number from 0 to 999999.`);
	return { ok: true, value: Number(value) };
}

/** Routes one request. Never throws: bad configuration or input comes back as `{ ok: false }`. */
export function route(config: AlbConfig, request: AlbRequest, state: RouterState): Result<{ result: RouteResult; nextState: RouterState }> {
	if (!config || !Array.isArray(config.targetGroups)) return fail('The load balancer configuration is missing.');
	const groups = new Map(config.targetGroups.map((g) => [g.name, g]));
	const groupProblem = checkGroups(config.targetGroups);
	if (groupProblem) return groupProblem;
	const rules = parseRules(config, new Set(groups.keys()));
	if (!rules.ok) return rules;
	if (!groups.has(config.defaultTargetGroup)) return fail(`The default action forwards to "${config.defaultTargetGroup}", which does not exist.`);

	const notes: string[] = [];
	const req = readRequest(request, notes);
	if (!req.ok) return req;
	const certificate = selectCertificate(config.certificates, req.value.host);
	if (!certificate.ok) return certificate;

	const trace: RuleCheck[] = [];
	let decided: Rule | undefined;
	for (const rule of rules.value) {
		const host = matchCondition('host', rule.hosts, req.value.host);
		const path = matchCondition('path', rule.paths, req.value.path);
		const matched = host.matched && path.matched;
		const why = [host.why, path.why].filter((w) => w !== '').join('; ');
		trace.push({ label: `Priority ${rule.priority}`, matched, why });
		if (matched) {
			decided = rule;
			break;
		}
	}
	if (!decided) trace.push({ label: 'Default rule', matched: true, why: 'no other rule matched, so the default action applies' });

	const group = groups.get(decided ? decided.targetGroup : config.defaultTargetGroup) as TargetGroup;
	const now = Number.isInteger(state?.tick) && state.tick >= 0 ? state.tick : 0;
	const nextState: RouterState = { cursor: { ...state?.cursor }, inFlight: {}, tick: now + 1 };
	// Drop requests that have completed by now; the rest stay in flight.
	for (const [key, ends] of Object.entries(state?.inFlight ?? {})) {
		const left = Array.isArray(ends) ? ends.filter((end) => end > now) : [];
		if (left.length > 0) nextState.inFlight[key] = left;
	}
	const healthy = group.targets.filter((t) => t.healthy);
	const failOpen = group.targets.length > 0 && healthy.length === 0;
	const eligible = failOpen ? group.targets : healthy;
	let target: Target | null = null;
	let targetWhy: string;

	if (eligible.length === 0) {
		targetWhy = `${group.name} has no registered targets, so the load balancer answers HTTP 503 Service Unavailable.`;
	} else if (group.algorithm === 'round_robin') {
		const position = (nextState.cursor[group.name] ?? 0) % eligible.length;
		target = eligible[position];
		nextState.cursor[group.name] = (position + 1) % eligible.length;
		const next = eligible[(position + 1) % eligible.length].id;
		targetWhy = `Round robin: it is ${target.id}'s turn (${position + 1} of ${eligible.length} targets); the next request goes to ${next}.`;
	} else {
		const count = (t: Target) => nextState.inFlight[targetKey(group.name, t.id)]?.length ?? 0;
		// Ties go to the first target in the list: AWS does not document its tie-break, so this is a simplification.
		target = eligible.reduce((best, t) => (count(t) < count(best) ? t : best));
		const before = count(target);
		const ticks = target.responseTicks ?? 1;
		nextState.inFlight[targetKey(group.name, target.id)] = [...(nextState.inFlight[targetKey(group.name, target.id)] ?? []), now + ticks];
		targetWhy = `Least outstanding requests: ${target.id} has the fewest requests in flight (${before}); this one will take it ${ticks} tick${ticks === 1 ? '' : 's'} to complete.`;
	}
	if (failOpen) {
		notes.push(
			`Every target in ${group.name} is unhealthy, so the load balancer fails open: it routes to all of them, regardless of health, with the usual algorithm.`,
		);
	}

	return {
		ok: true,
		value: {
			result: {
				priority: decided ? decided.priority : null,
				ruleLabel: decided ? `the rule with priority ${decided.priority}` : 'the default rule',
				trace,
				targetGroup: group.name,
				algorithm: group.algorithm,
				target,
				failOpen,
				targetWhy,
				certificate: certificate.value,
				notes,
			},
			nextState,
		},
	};
}
