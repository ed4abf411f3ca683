import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inFlight, initialState, nextPriority, parseCount, route, selectCertificate, targetKey, wildcardMatches } from './alb-router.ts';
import type { AlbConfig, AlbRequest, CertificateInput, RouteResult, RouterState } from './alb-router.ts';

function config(): AlbConfig {
	return {
		rules: [
			{ priority: '20', hosts: '', paths: '/api/*', targetGroup: 'api' },
			{ priority: '10', hosts: 'admin.example.com', paths: '', targetGroup: 'admin' },
			{ priority: '30', hosts: '*.example.com', paths: '/img/*, /css/*', targetGroup: 'static' },
		],
		defaultTargetGroup: 'web',
		targetGroups: [
			{
				name: 'web',
				algorithm: 'round_robin',
				targets: [
					{ id: 'i-web-1', az: 'us-east-1a', healthy: true },
					{ id: 'i-web-2', az: 'us-east-1b', healthy: false },
					{ id: 'i-web-3', az: 'us-east-1b', healthy: true },
				],
			},
			{
				name: 'api',
				algorithm: 'least_outstanding_requests',
				targets: [
					{ id: 'i-api-1', az: 'us-east-1a', healthy: true },
					{ id: 'i-api-2', az: 'us-east-1b', healthy: true },
				],
			},
			{
				name: 'admin',
				algorithm: 'round_robin',
				targets: [
					{ id: 'i-admin-1', az: 'us-east-1a', healthy: false },
					{ id: 'i-admin-2', az: 'us-east-1b', healthy: false },
				],
			},
			{ name: 'static', algorithm: 'round_robin', targets: [] },
		],
		certificates: [
			{ domain: 'example.com', isDefault: true },
			{ domain: '*.example.com', isDefault: false },
			{ domain: 'shop.example.com', isDefault: false },
		],
	};
}

function ok(cfg: AlbConfig, request: AlbRequest, state: RouterState = initialState()): { result: RouteResult; nextState: RouterState } {
	const routed = route(cfg, request, state);
	assert.equal(routed.ok, true, routed.ok ? '' : routed.error);
	return (routed as { ok: true; value: { result: RouteResult; nextState: RouterState } }).value;
}

function error(cfg: AlbConfig, request: AlbRequest, state: RouterState = initialState()): string {
	const routed = route(cfg, request, state);
	assert.equal(routed.ok, false, 'expected an error');
	return (routed as { ok: false; error: string }).error;
}

test('rules are tried from the lowest priority number, whatever their order in the list', () => {
	// admin.example.com/api/x matches both priority 10 (host) and 20 (path): 10 wins.
	const { result } = ok(config(), { host: 'admin.example.com', path: '/api/x' });
	assert.equal(result.priority, 10);
	assert.equal(result.targetGroup, 'admin');
	assert.equal(result.trace.length, 1);
});

test('the default rule applies when nothing matches, and is listed last in the trace', () => {
	const { result } = ok(config(), { host: 'www.example.org', path: '/index.html' });
	assert.equal(result.priority, null);
	assert.equal(result.ruleLabel, 'the default rule');
	assert.equal(result.targetGroup, 'web');
	assert.deepEqual(
		result.trace.map((t) => [t.label, t.matched]),
		[
			['Priority 10', false],
			['Priority 20', false],
			['Priority 30', false],
			['Default rule', true],
		],
	);
});

test('host matching is case-insensitive; path matching is case-sensitive', () => {
	assert.equal(ok(config(), { host: 'ADMIN.Example.COM', path: '/' }).result.priority, 10);
	assert.equal(ok(config(), { host: 'www.example.org', path: '/API/x' }).result.priority, null);
	assert.equal(wildcardMatches('/img/*', '/IMG/a.png', false), false);
	assert.equal(wildcardMatches('*.EXAMPLE.com', 'a.b.example.com', true), true);
});

test('a rule with host and path needs both; several values in one condition are alternatives', () => {
	assert.equal(ok(config(), { host: 'cdn.example.com', path: '/css/site.css' }).result.priority, 30);
	assert.equal(ok(config(), { host: 'cdn.example.com', path: '/js/app.js' }).result.priority, null);
	assert.equal(ok(config(), { host: 'cdn.example.org', path: '/css/site.css' }).result.priority, null);
});

test('? matches exactly one character; * matches zero or more, across dots and slashes', () => {
	assert.equal(wildcardMatches('/v?/items', '/v1/items', false), true);
	assert.equal(wildcardMatches('/v?/items', '/v10/items', false), false);
	assert.equal(wildcardMatches('/api/*', '/api/', false), true);
	assert.equal(wildcardMatches('/api/*', '/api/a/b', false), true);
	assert.equal(wildcardMatches('/a.b', '/aXb', false), false);
	assert.equal(wildcardMatches('*.example.com', 'example.com', true), false);
});

test('the query string is ignored by path patterns, with a note', () => {
	const { result } = ok(config(), { host: 'x.example.org', path: '/api/items?page=2' });
	assert.equal(result.priority, 20);
	assert.match(result.notes[0], /query string "\?page=2" is ignored/);
});

test('round robin skips unhealthy targets and advances with the returned state', () => {
	const request = { host: 'www.example.org', path: '/' };
	let state = initialState();
	const picked: string[] = [];
	for (let i = 0; i < 4; i++) {
		const next = ok(config(), request, state);
		picked.push(next.result.target?.id ?? '');
		state = next.nextState;
	}
	assert.deepEqual(picked, ['i-web-1', 'i-web-3', 'i-web-1', 'i-web-3']);
});

test('route is pure: the state passed in is not changed', () => {
	const state = initialState();
	ok(config(), { host: 'www.example.org', path: '/' }, state);
	assert.deepEqual(state, initialState());
});

test('least outstanding requests picks the target with the fewest in-flight requests and counts the new one', () => {
	// Slow targets here: nothing finishes during these three requests.
	const cfg = config();
	for (const t of cfg.targetGroups[1].targets) t.responseTicks = 10;
	const state: RouterState = { cursor: {}, tick: 0, inFlight: { [targetKey('api', 'i-api-1')]: [5, 6, 7], [targetKey('api', 'i-api-2')]: [5] } };
	const first = ok(cfg, { host: 'x.example.org', path: '/api/a' }, state);
	assert.equal(first.result.target?.id, 'i-api-2');
	assert.equal(first.result.algorithm, 'least_outstanding_requests');
	assert.equal(inFlight(first.nextState, 'api', 'i-api-2'), 2);
	const second = ok(cfg, { host: 'x.example.org', path: '/api/a' }, first.nextState);
	assert.equal(second.result.target?.id, 'i-api-2');
	const third = ok(cfg, { host: 'x.example.org', path: '/api/a' }, second.nextState);
	// 3 vs 3: a tie goes to the first target in the list.
	assert.equal(third.result.target?.id, 'i-api-1');
});

test('requests complete: a target holds each request for its response time, one tick per request sent', () => {
	const cfg = config();
	cfg.targetGroups[1].targets[0].responseTicks = 3;
	const request = { host: 'x.example.org', path: '/api/a' };
	const first = ok(cfg, request);
	assert.equal(first.result.target?.id, 'i-api-1');
	assert.equal(inFlight(first.nextState, 'api', 'i-api-1'), 1);
	// Sending requests elsewhere still moves time on: after three ticks the request has finished.
	let state = first.nextState;
	state = ok(cfg, { host: 'www.example.org', path: '/' }, state).nextState;
	assert.equal(inFlight(state, 'api', 'i-api-1'), 1);
	state = ok(cfg, { host: 'www.example.org', path: '/' }, state).nextState;
	assert.equal(inFlight(state, 'api', 'i-api-1'), 0);
});

test('least outstanding requests sends more to a fast target than to a slow one, unlike round robin', () => {
	const counts = (algorithm: 'round_robin' | 'least_outstanding_requests') => {
		const cfg = config();
		cfg.targetGroups[1].algorithm = algorithm;
		cfg.targetGroups[1].targets[0].responseTicks = 5;
		cfg.targetGroups[1].targets[1].responseTicks = 1;
		let state = initialState();
		const got: Record<string, number> = {};
		for (let i = 0; i < 30; i++) {
			const next = ok(cfg, { host: 'x.example.org', path: '/api/a' }, state);
			got[next.result.target!.id] = (got[next.result.target!.id] ?? 0) + 1;
			state = next.nextState;
		}
		return got;
	};
	assert.deepEqual(counts('round_robin'), { 'i-api-1': 15, 'i-api-2': 15 });
	const lor = counts('least_outstanding_requests');
	assert.ok(lor['i-api-2']! >= 20, JSON.stringify(lor));
});

test('bad input: a response time that is not a whole number of ticks from 1 to 10', () => {
	for (const bad of [0, 11, 1.5, Number.NaN]) {
		const cfg = config();
		cfg.targetGroups[1].targets[0].responseTicks = bad;
		assert.match(error(cfg, req), /response time/);
	}
});

test('nextPriority offers the next free multiple of 10, or else the lowest free number', () => {
	const rules = (...p: string[]) => p.map((priority) => ({ priority, hosts: '', paths: '/x', targetGroup: 'web' }));
	assert.equal(nextPriority([]), '10');
	assert.equal(nextPriority(rules('10', '20')), '30');
	assert.equal(nextPriority(rules('20', '5', 'abc', '')), '30');
	assert.equal(nextPriority(rules('49995')), '50000');
	assert.equal(nextPriority(rules('50000')), '1');
	assert.equal(nextPriority(rules('50000', '1', '2')), '3');
});

test('each error names the field that caused it', () => {
	const field = (cfg: AlbConfig, request: AlbRequest = req) => {
		const routed = route(cfg, request, initialState());
		assert.equal(routed.ok, false);
		return routed.ok ? undefined : routed.field;
	};
	const second = (patch: Partial<AlbConfig['rules'][number]>) => {
		const cfg = config();
		cfg.rules[1] = { ...cfg.rules[1], ...patch };
		return cfg;
	};
	assert.equal(field(second({ priority: '' })), 'rules.1.priority');
	assert.equal(field(second({ priority: '20' })), 'rules.1.priority');
	assert.equal(field(second({ hosts: 'bad host' })), 'rules.1.hosts');
	assert.equal(field(second({ hosts: '', paths: '' })), 'rules.1.hosts');
	assert.equal(field(second({ paths: '/a b' })), 'rules.1.paths');
	assert.equal(field(second({ targetGroup: 'nope' })), 'rules.1.targetGroup');
	assert.equal(field(config(), { host: 'a:1', path: '/' }), 'request.host');
	assert.equal(field(config(), { host: 'a.example.com', path: 'x' }), 'request.path');
	const noAz = config();
	noAz.targetGroups[1].targets[1].az = '';
	assert.equal(field(noAz), 'targets.api.1.az');
	const dup = config();
	dup.targetGroups[1].targets[1].id = 'i-api-1';
	assert.equal(field(dup), 'targets.api.1.id');
	assert.equal(field({ ...config(), certificates: [{ domain: 'ok.example.com', isDefault: true }, { domain: 'bad..com', isDefault: false }] }), 'certificates.1.domain');
});

test('when every target is unhealthy the load balancer fails open and routes to all of them', () => {
	const first = ok(config(), { host: 'admin.example.com', path: '/' });
	assert.equal(first.result.failOpen, true);
	assert.equal(first.result.target?.id, 'i-admin-1');
	assert.match(first.result.notes.join(' '), /fails open/);
	const second = ok(config(), { host: 'admin.example.com', path: '/' }, first.nextState);
	assert.equal(second.result.target?.id, 'i-admin-2');
});

test('a target group with no registered targets means HTTP 503', () => {
	const { result } = ok(config(), { host: 'cdn.example.com', path: '/img/logo.png' });
	assert.equal(result.targetGroup, 'static');
	assert.equal(result.target, null);
	assert.match(result.targetWhy, /HTTP 503/);
});

test('SNI: exact name first, then a one-label wildcard, else the default certificate', () => {
	const certs = config().certificates;
	const exact = selectCertificate(certs, 'shop.example.com');
	assert.deepEqual(exact.ok && [exact.value.kind, exact.value.domain], ['exact', 'shop.example.com']);
	const wildcard = selectCertificate(certs, 'API.example.com');
	assert.deepEqual(wildcard.ok && [wildcard.value.kind, wildcard.value.domain], ['wildcard', '*.example.com']);
	const deep = selectCertificate(certs, 'a.b.example.com');
	assert.deepEqual(deep.ok && [deep.value.kind, deep.value.domain], ['default', 'example.com']);
	assert.match(deep.ok ? deep.value.why : '', /a wildcard covers exactly one label/);
	const apex = selectCertificate([{ domain: '*.example.com', isDefault: false }, { domain: 'other.net', isDefault: true }], 'example.com');
	assert.deepEqual(apex.ok && [apex.value.kind, apex.value.domain], ['default', 'other.net']);
});

test('the route result carries the certificate chosen for the host', () => {
	const { result } = ok(config(), { host: 'cdn.example.com', path: '/' });
	assert.equal(result.certificate.domain, '*.example.com');
});

test('counter fields accept whole numbers only', () => {
	assert.deepEqual(parseCount(' 4 ', 'Count'), { ok: true, value: 4 });
	assert.equal(parseCount('-1', 'Count').ok, false);
	assert.equal(parseCount('NaN', 'Count').ok, false);
	assert.equal(parseCount('', 'Count').ok, false);
});

// Bad inputs: each must come back as a readable error, never an exception.
const req = { host: 'www.example.com', path: '/' };
const withRule = (patch: Partial<AlbConfig['rules'][number]>): AlbConfig => {
	const cfg = config();
	cfg.rules[0] = { ...cfg.rules[0], ...patch };
	return cfg;
};

test('bad input: priority empty, not a number, out of range or duplicated', () => {
	assert.match(error(withRule({ priority: '' }), req), /Rule 1: the priority is empty/);
	assert.match(error(withRule({ priority: 'NaN' }), req), /not a whole number/);
	assert.match(error(withRule({ priority: '1.5' }), req), /not a whole number/);
	assert.match(error(withRule({ priority: '0' }), req), /out of range/);
	assert.match(error(withRule({ priority: '50001' }), req), /out of range/);
	assert.match(error(withRule({ priority: '10' }), req), /priority 10 is already used/);
});

test('bad input: a rule with no condition', () => {
	assert.match(error(withRule({ hosts: ' , ', paths: '' }), req), /has no condition/);
});

test('bad input: malformed host and path patterns', () => {
	assert.match(error(withRule({ hosts: 'exa mple.com' }), req), /only letters, digits/);
	assert.match(error(withRule({ hosts: 'localhost' }), req), /at least one "\."/);
	assert.match(error(withRule({ hosts: 'example.c0m' }), req), /only have letters after its last/);
	assert.match(error(withRule({ hosts: `${'a'.repeat(130)}.com` }), req), /longer than 128/);
	assert.match(error(withRule({ paths: '/a b' }), req), /character that path patterns don't allow/);
	assert.match(error(withRule({ paths: `/${'a'.repeat(128)}` }), req), /longer than 128/);
});

test('bad input: a rule or the default action pointing at a missing target group', () => {
	assert.match(error(withRule({ targetGroup: 'nope' }), req), /target group "nope" does not exist/);
	assert.match(error({ ...config(), defaultTargetGroup: 'gone' }, req), /default action forwards to "gone"/);
});

test('bad input: target without ID or AZ, or listed twice', () => {
	const cfg = config();
	cfg.targetGroups[0].targets[0].id = ' ';
	assert.match(error(cfg, req), /a target has no ID/);
	const dup = config();
	dup.targetGroups[1].targets[1].id = 'i-api-1';
	assert.match(error(dup, req), /listed twice/);
	const noAz = config();
	noAz.targetGroups[0].targets[0].az = '';
	assert.match(error(noAz, req), /no Availability Zone/);
});

test('bad input: malformed request host or path', () => {
	assert.match(error(config(), { host: '', path: '/' }), /Enter a host name/);
	assert.match(error(config(), { host: 'shop.example.com:443', path: '/' }), /without a port/);
	assert.match(error(config(), { host: 'shop..example.com', path: '/' }), /not a valid host name/);
	assert.match(error(config(), { host: '-shop.example.com', path: '/' }), /not a valid host name/);
	assert.match(error(config(), { host: 'a'.repeat(300), path: '/' }), /not a valid host name/);
	assert.match(error(config(), { host: 'shop.example.com', path: '' }), /Enter a path/);
	assert.match(error(config(), { host: 'shop.example.com', path: 'index.html' }), /must start with "\/"/);
	assert.match(error(config(), { host: 'shop.example.com', path: '/a b' }), /has a space/);
	assert.match(error(config(), { host: 'shop.example.com', path: `/${'a'.repeat(25_000)}` }), /too long/);
});

test('bad input: certificates with no default, two defaults, or a bad name', () => {
	const certs: CertificateInput[] = config().certificates;
	assert.match(error({ ...config(), certificates: [] }, req), /at least one certificate/);
	assert.match(error({ ...config(), certificates: certs.map((c) => ({ ...c, isDefault: false })) }, req), /exactly one certificate as the default/);
	assert.match(error({ ...config(), certificates: certs.map((c) => ({ ...c, isDefault: true })) }, req), /exactly one/);
	assert.match(error({ ...config(), certificates: [{ domain: 'a.*.example.com', isDefault: true }] }, req), /not a valid domain name/);
	assert.match(error({ ...config(), certificates: [{ domain: '', isDefault: true }] }, req), /no domain name/);
});

test('bad input: missing or odd values never throw', () => {
	assert.doesNotThrow(() => route(undefined as unknown as AlbConfig, req, initialState()));
	assert.equal(route(undefined as unknown as AlbConfig, req, initialState()).ok, false);
	assert.doesNotThrow(() => route(config(), undefined as unknown as AlbRequest, undefined as unknown as RouterState));
	assert.equal(route(config(), req, undefined as unknown as RouterState).ok, true);
	assert.equal(route({ ...config(), rules: [undefined as unknown as AlbConfig['rules'][number]] }, req, initialState()).ok, false);
});
